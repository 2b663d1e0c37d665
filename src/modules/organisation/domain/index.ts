/** The pure part of the organisation's face: roles and permissions, named access rules, unit scope and validity. */
export { canChangeStatisticsPolicies, canSetTargetOf, type Permission, type Role } from './roles.js';
export { isUnitValidOn, parentLevelFor, visibleUnitIds } from './unit-scope.js';
