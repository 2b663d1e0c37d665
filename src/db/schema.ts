import type { ColumnType, Generated } from 'kysely';

/** One interface per table, as the database has it (snake_case). Dates are 'YYYY-MM-DD' strings. */
type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'national' | 'province' | 'office';
  parent_id: number | null;
  valid_from: DateCol;
  valid_to: DateCol | null;
  successor_id: number | null;
  created_at: Generated<Date>;
}

export interface ProvincesTable {
  code: string;
  name: string;
  short_code: string | null;
  kind: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
}

export interface CommunesTable {
  id: Generated<number>;
  code: string;
  name: string;
  district_name: string | null;
  province_name: string;
  valid_from: DateCol | null;
  valid_to: DateCol | null;
  office_id: number | null;
}

export interface CommuneSuccessionsTable {
  former_id: number;
  successor_id: number;
}

export interface EnforcersTable {
  id: Generated<number>;
  code: string;
  name: string;
  unit_id: number;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  password_hash: string;
  role: string;
  unit_id: number;
  enforcer_id: number | null;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  active_unit_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<bigint>;
  at: Generated<Date>;
  user_id: number | null;
  username: string | null;
  ip: string | null;
  user_agent: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  before: unknown;
  after: unknown;
}

export interface ReferenceDataTable {
  name: string;
  version: string;
  loaded_at: Generated<Date>;
}

export interface DB {
  units: UnitsTable;
  provinces: ProvincesTable;
  communes: CommunesTable;
  commune_successions: CommuneSuccessionsTable;
  enforcers: EnforcersTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  reference_data: ReferenceDataTable;
}
