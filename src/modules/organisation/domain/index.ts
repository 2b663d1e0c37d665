/** The pure part of the organisation's face: roles and permissions, named access rules, unit scope and validity. */
export { ROLE_VI } from './role-labels.js';
export {
  AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_GROUPS, AUDIT_SETTINGS, labelsIn,
  type AuditAction, type AuditEntityType, type AuditGroup, type AuditLabel,
} from './audit-labels.js';
export { canChangeStatisticsPolicies, canSetTargetOf, ROLES, type Permission, type Role } from './roles.js';
export { type Reader, type ScopedReader, type SystemReader, readerSees, systemReader } from './reader.js';
export { isUnitValidOn, parentLevelFor, visibleUnitIds } from './unit-scope.js';
