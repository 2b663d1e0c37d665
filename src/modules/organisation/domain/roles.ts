/**
 * Roles and permissions. A user has one role and is scoped to one unit; the role says what they may do,
 * the unit says where (its subtree, see unit-scope.ts).
 */
export const ROLES = [
  'admin',
  'province_head',
  'office_head',
  'enforcer',
  'clerk',
  'mobilisation_member',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'cases.read',
  'cases.write',
  'cases.assign',
  'personal_data.read',
  'statistics.read',
  'statistics.close',
  'mobilisation.read',
  'mobilisation.write',
  // Peak campaigns (đợt cao điểm): opened, edited and closed by heads; read with mobilisation.read.
  'campaigns.manage',
  // The steering committee (Ban Chỉ đạo THADS): its members, meetings, tasks and the office's reports to it.
  'steering.read',
  'steering.manage',
  'emulation.read',
  'emulation.manage',
  'portal.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

/** What each role may do. Heads close periods and read personal data; inspectors only read. */
export function permissionsOf(role: Role): readonly Permission[] {
  switch (role) {
    case 'admin':
      return ALL;
    case 'province_head':
    case 'office_head':
      return [
        'units.read', 'users.read', 'audit.read', 'cases.read', 'cases.write', 'cases.assign', 'personal_data.read',
        'statistics.read', 'statistics.close', 'mobilisation.read', 'mobilisation.write',
        'campaigns.manage', 'steering.read', 'steering.manage',
        'emulation.read', 'emulation.manage', 'portal.manage',
      ];
    case 'enforcer':
      return [
        'units.read', 'cases.read', 'cases.write', 'personal_data.read', 'statistics.read',
        'mobilisation.read', 'steering.read', 'emulation.read',
      ];
    case 'clerk':
      return ['units.read', 'cases.read', 'cases.write', 'personal_data.read', 'statistics.read', 'emulation.read'];
    case 'mobilisation_member':
      return ['mobilisation.read', 'mobilisation.write'];
    case 'inspector':
      return ['units.read', 'users.read', 'audit.read', 'cases.read', 'statistics.read', 'mobilisation.read', 'steering.read', 'emulation.read'];
    default: {
      const never: never = role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}

export type UnitLevel = 'national' | 'province' | 'office';

/**
 * Which unit levels a role can be attached to: heads of province sit at a province, office staff at an
 * office; administrators and inspectors can be at any level.
 */
export function roleFitsUnitLevel(role: Role, level: UnitLevel): boolean {
  switch (role) {
    case 'admin':
    case 'inspector':
      return true;
    case 'province_head':
      return level === 'province' || level === 'national';
    case 'office_head':
    case 'enforcer':
    case 'clerk':
    case 'mobilisation_member':
      return level === 'office';
    default: {
      const never: never = role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

/** Users above office level choose the unit they work on (unit switcher). */
export function canSwitchUnit(level: UnitLevel): boolean {
  return level !== 'office';
}

/**
 * The counting policies of the statistics (statistics.md §6) are one national rule: every office's figures
 * are comparable only if they are counted the same way, so only an administrator of the national unit may
 * change them. A province administrator changing them would move every other province's reports.
 */
export function canChangeStatisticsPolicies(role: Role, level: UnitLevel): boolean {
  return role === 'admin' && level === 'national';
}

/**
 * A unit's yearly targets are assigned from above (statistics.md §5): by a user whose scope holds the
 * unit's parent, or by a national administrator. Nobody sets their own unit's target.
 */
export function canSetTargetOf(role: Role, level: UnitLevel, parentInScope: boolean): boolean {
  return parentInScope || (role === 'admin' && level === 'national');
}
