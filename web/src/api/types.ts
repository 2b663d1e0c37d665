// Shapes of the server's JSON, as documented in docs/api.md.

export type Role =
  | 'admin'
  | 'province_head'
  | 'office_head'
  | 'enforcer'
  | 'clerk'
  | 'mobilisation_member'
  | 'inspector';

export const ROLES: readonly Role[] = [
  'admin',
  'province_head',
  'office_head',
  'enforcer',
  'clerk',
  'mobilisation_member',
  'inspector',
];

export type Permission =
  | 'units.read'
  | 'units.manage'
  | 'users.read'
  | 'users.manage'
  | 'audit.read'
  | 'cases.read'
  | 'cases.write'
  | 'statistics.read'
  | 'statistics.close'
  | 'mobilisation.read'
  | 'mobilisation.write'
  | 'campaigns.manage'
  | 'steering.read'
  | 'steering.manage'
  | 'emulation.read'
  | 'emulation.manage'
  | 'portal.manage';

export interface UnitRef {
  id: string | number;
  code: string;
  name: string;
  level: string;
}

export interface Me {
  id: string | number;
  username: string;
  fullName: string;
  role: Role;
  unit: UnitRef;
  activeUnit: UnitRef;
  permissions: string[];
  mustChangePassword: boolean;
  canSwitchUnit: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Unit {
  id: string | number;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  active: boolean;
}

/** docs/api.md names `provinceCode`; the server sends `districtName` and `provinceName` (and may omit validFrom). */
export interface Commune {
  code: string;
  name: string;
  provinceCode?: string;
  districtName?: string | null;
  provinceName?: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Enforcer {
  id: string | number;
  code: string;
  name: string;
  active: boolean;
}

export interface UnitDetail {
  unit: Unit;
  communes: Commune[];
  enforcers: Enforcer[];
}

export interface User {
  id: string | number;
  username: string;
  fullName: string;
  role: Role;
  unit: UnitRef;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  username: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  unitCode: string | null;
  before: unknown;
  after: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
}
