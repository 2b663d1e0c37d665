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
  /** Unused since migration 0009 (login_throttle keeps the counts and locks). */
  failed_logins: Generated<number>;
  /** Unused since migration 0009 (login_throttle keeps the counts and locks). */
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

/** Login failures and locks per lower-cased username, existing or not (migration 0009). */
export interface LoginThrottleTable {
  username_key: string;
  failures: number;
  locks: number;
  locked_until: Timestamp | null;
  last_failure_at: Timestamp | null;
}

/** Browsers a user logged in from: SHA-256 of the thads_device cookie's token (migration 0009). */
export interface TrustedDevicesTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_used_at: Timestamp;
  failures: Generated<number>;
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

export interface CasesTable {
  id: string;
  office_id: number;
  decision_number: string;
  decision_date: DateCol;
  accepted_on: DateCol;
  initiation: string;
  category: string;
  judgment_number: string;
  judgment_date: DateCol;
  court: string;
  commune_code: string | null;
  initial_enforcer: string | null;
  status: string;
  status_since: DateCol;
  holding_office_id: number;
  enforcer_code: string | null;
  last_event_on: DateCol;
  total_amount: ColumnType<bigint, bigint | string, bigint | string>;
  outstanding: ColumnType<bigint, bigint | string, bigint | string>;
  next_step: string | null;
  next_due: DateCol | null;
  state: ColumnType<unknown, string, string>;
  version: number;
  search_text: string;
  /** Folded party names (domain/text/name-search.ts); the triggers of migration 0005 index its words. */
  search_names: Generated<string>;
  /** Its words and pairs of adjacent words (searchTerms), one index entry each. */
  search_terms: ColumnType<string[], string[] | undefined, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Written only by the triggers of migration 0005: one row per (word of the party names, case). */
export interface CaseSearchTermsTable {
  term: string;
  accepted_on: DateCol;
  case_id: string;
  holding_office_id: number;
  names: string;
}

export interface CaseSearchVocabularyTable {
  term: string;
  cases: number;
}

export interface CasePartiesTable {
  case_id: string;
  seq: number;
  role: string;
  kind: string;
  name: string;
  id_number: string | null;
  address: string | null;
}

type Money = ColumnType<bigint, bigint | string, bigint | string>;

export interface CaseObligationsTable {
  case_id: string;
  id: string;
  seq: number;
  kind: string;
  beneficiary: string;
  label: string;
  amount: Money | null;
  value: Money | null;
  paid: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  reduced: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  performed: ColumnType<boolean, boolean | undefined, boolean>;
  disbursed: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  outstanding: Money;
}

export interface CaseEventsTable {
  id: Generated<bigint>;
  case_id: string;
  seq: number;
  type: string;
  on: DateCol;
  data: ColumnType<unknown, string, string>;
  reverses_seq: number | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface CaseCountersTable {
  office_id: number;
  fiscal_year: number;
  last: number;
}

export interface TargetsTable {
  office_id: number;
  fiscal_year: number;
  cases_rate: ColumnType<string, string | number, string | number>;
  money_rate: ColumnType<string, string | number, string | number>;
}

export interface MobilisationTeamsTable {
  id: Generated<bigint>;
  office_id: number;
  commune_id: number;
  name: string;
  decision_number: string;
  decision_date: DateCol;
  decision_signer: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
  created_at: Generated<Date>;
  /** The interchange key (migration 0016); null for a team created in the application. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MobilisationTeamMembersTable {
  id: Generated<bigint>;
  team_id: bigint;
  seq: number;
  name: string;
  organisation: string;
  role: string;
  phone: string | null;
  valid_from: DateCol;
  valid_to: DateCol | null;
  user_id: number | null;
  /** The member's key in its team in the interchange (migration 0016); null: `m<seq>`. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MobilisationAssignmentsTable {
  id: Generated<bigint>;
  case_id: string;
  team_id: bigint;
  from_on: DateCol;
  to_on: DateCol | null;
  ended_reason: string | null;
  coercion_planned_on: DateCol | null;
  assigned_by: number | null;
  created_at: Generated<Date>;
}

export interface MobilisationVisitsTable {
  id: Generated<bigint>;
  assignment_id: bigint;
  case_id: string;
  team_id: bigint;
  on: DateCol;
  place: string;
  outcome: string;
  paid_on_spot: bigint | null;
  notes: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface MobilisationVisitMembersTable {
  visit_id: bigint;
  member_id: bigint;
}

export interface MobilisationInstalmentsTable {
  visit_id: bigint;
  seq: number;
  due: DateCol;
  amount: bigint;
}

export interface SteeringCommitteesTable {
  id: Generated<bigint>;
  level: string;
  unit_id: number;
  name: string;
  decision_number: string;
  decision_date: DateCol;
  decision_signer: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
  created_at: Generated<Date>;
}

export interface SteeringMembersTable {
  id: Generated<bigint>;
  committee_id: bigint;
  seq: number;
  name: string;
  position: string;
  agency: string;
  role: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
}

export interface SteeringMeetingsTable {
  id: Generated<bigint>;
  committee_id: bigint;
  held_on: DateCol;
  kind: string;
  agenda: string;
  minutes: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface SteeringMeetingAttendanceTable {
  meeting_id: bigint;
  member_id: bigint;
  present: boolean;
}

export interface SteeringTasksTable {
  id: Generated<bigint>;
  meeting_id: bigint;
  committee_id: bigint;
  text: string;
  owner_agency: string;
  deadline: DateCol;
  status: Generated<string>;
  done_on: DateCol | null;
}

export interface SteeringTaskFollowupsTable {
  id: Generated<bigint>;
  task_id: bigint;
  on: DateCol;
  note: string;
  by_user: number | null;
  recorded_at: Generated<Date>;
}

export interface CampaignsTable {
  id: Generated<bigint>;
  name: string;
  decision_number: string;
  decision_date: DateCol;
  decision_signer: string;
  decided_by: string;
  scope_unit_id: number;
  from_on: DateCol;
  to_on: DateCol;
  target_cases: number | null;
  target_money: ColumnType<bigint | null, bigint | string | null, bigint | string | null>;
  target_cases_rate: ColumnType<string | null, string | number | null, string | number | null>;
  target_money_rate: ColumnType<string | null, string | number | null, string | number | null>;
  status: Generated<string>;
  closed_at: Timestamp | null;
  closed_by: number | null;
  closing_snapshot: ColumnType<unknown, string | null, string | null>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The interchange key (migration 0016); null for a campaign opened in the application. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CampaignCasesTable {
  campaign_id: bigint;
  case_id: string;
  reason: string;
  note: string | null;
  added_by: number | null;
  added_at: Generated<Date>;
}

export interface CampaignParticipantsTable {
  id: Generated<bigint>;
  campaign_id: bigint;
  unit_id: number | null;
  team_id: bigint | null;
  enforcer_code: string | null;
  role: string;
}

export interface DB {
  cases: CasesTable;
  case_parties: CasePartiesTable;
  case_search_terms: CaseSearchTermsTable;
  case_search_vocabulary: CaseSearchVocabularyTable;
  case_obligations: CaseObligationsTable;
  case_events: CaseEventsTable;
  case_counters: CaseCountersTable;
  targets: TargetsTable;
  units: UnitsTable;
  provinces: ProvincesTable;
  communes: CommunesTable;
  commune_successions: CommuneSuccessionsTable;
  enforcers: EnforcersTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  trusted_devices: TrustedDevicesTable;
  audit_log: AuditLogTable;
  reference_data: ReferenceDataTable;
  mobilisation_teams: MobilisationTeamsTable;
  mobilisation_team_members: MobilisationTeamMembersTable;
  mobilisation_assignments: MobilisationAssignmentsTable;
  mobilisation_visits: MobilisationVisitsTable;
  mobilisation_visit_members: MobilisationVisitMembersTable;
  mobilisation_instalments: MobilisationInstalmentsTable;
  steering_committees: SteeringCommitteesTable;
  steering_members: SteeringMembersTable;
  steering_meetings: SteeringMeetingsTable;
  steering_meeting_attendance: SteeringMeetingAttendanceTable;
  steering_tasks: SteeringTasksTable;
  steering_task_followups: SteeringTaskFollowupsTable;
  campaigns: CampaignsTable;
  campaign_cases: CampaignCasesTable;
  campaign_participants: CampaignParticipantsTable;
}
