import { describe, expect, it } from 'vitest';
import { canSwitchUnit, hasPermission, PERMISSIONS, permissionsOf, ROLES, roleFitsUnitLevel, type Permission, type Role } from '../../../src/modules/organisation/domain/roles.js';

describe('permissions of each role', () => {
  const expected: Record<Role, Permission[]> = {
    admin: [...PERMISSIONS],
    province_head: ['units.read', 'users.read', 'audit.read', 'cases.read', 'cases.write', 'cases.assign', 'personal_data.read', 'statistics.read', 'statistics.close', 'mobilisation.read', 'mobilisation.write', 'campaigns.manage', 'steering.read', 'steering.manage', 'emulation.read', 'emulation.manage', 'portal.manage'],
    office_head: ['units.read', 'users.read', 'audit.read', 'cases.read', 'cases.write', 'cases.assign', 'personal_data.read', 'statistics.read', 'statistics.close', 'mobilisation.read', 'mobilisation.write', 'campaigns.manage', 'steering.read', 'steering.manage', 'emulation.read', 'emulation.manage', 'portal.manage'],
    enforcer: ['units.read', 'cases.read', 'cases.write', 'personal_data.read', 'statistics.read', 'mobilisation.read', 'steering.read', 'emulation.read'],
    clerk: ['units.read', 'cases.read', 'cases.write', 'personal_data.read', 'statistics.read', 'emulation.read'],
    mobilisation_member: ['mobilisation.read', 'mobilisation.write'],
    inspector: ['units.read', 'users.read', 'audit.read', 'cases.read', 'statistics.read', 'mobilisation.read', 'steering.read', 'emulation.read'],
  };
  it.each(ROLES)('%s', (role) => {
    expect([...permissionsOf(role)].sort()).toEqual([...expected[role]].sort());
  });

  it('only administrators manage users and units', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, 'users.manage')).toBe(role === 'admin');
      expect(hasPermission(role, 'units.manage')).toBe(role === 'admin');
    }
  });

  it('an inspector reads but never writes', () => {
    for (const p of permissionsOf('inspector')) expect(p).toMatch(/\.read$/);
  });
});

describe('role and unit level', () => {
  const table: [Role, 'national' | 'province' | 'office', boolean][] = [
    ['admin', 'national', true], ['admin', 'province', true], ['admin', 'office', true],
    ['inspector', 'national', true], ['inspector', 'office', true],
    ['province_head', 'province', true], ['province_head', 'national', true], ['province_head', 'office', false],
    ['office_head', 'office', true], ['office_head', 'province', false],
    ['enforcer', 'office', true], ['enforcer', 'province', false], ['enforcer', 'national', false],
    ['clerk', 'office', true], ['clerk', 'province', false],
    ['mobilisation_member', 'office', true], ['mobilisation_member', 'national', false],
  ];
  it.each(table)('%s at a %s unit: %s', (role, level, ok) => {
    expect(roleFitsUnitLevel(role, level)).toBe(ok);
  });

  it('only users above office level switch units', () => {
    expect([canSwitchUnit('national'), canSwitchUnit('province'), canSwitchUnit('office')]).toEqual([true, true, false]);
  });
});
