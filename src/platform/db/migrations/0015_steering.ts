import { sql, type Kysely } from 'kysely';

// Frozen. The steering committee (Ban Chỉ đạo thi hành án dân sự): a district committee attached to a
// district office before 01/07/2025, a provincial committee attached to a province unit; its members with
// their agencies and roles, its meetings with attendance, the tasks its conclusions set and their follow-ups.
// The closed lists repeat the domain's (steering-types.ts) because a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE steering_committees (
      id bigserial PRIMARY KEY,
      level text NOT NULL CHECK (level IN ('district', 'province')),
      unit_id integer NOT NULL REFERENCES units (id),
      name text NOT NULL,
      decision_number text NOT NULL,
      decision_date date NOT NULL,
      decision_signer text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT steering_committees_validity CHECK (valid_to IS NULL OR valid_to >= valid_from)
    )`.execute(db);
  await sql`CREATE INDEX steering_committees_unit_idx ON steering_committees (unit_id, valid_from)`.execute(db);
  await sql`
    CREATE TABLE steering_members (
      id bigserial PRIMARY KEY,
      committee_id bigint NOT NULL REFERENCES steering_committees (id),
      seq integer NOT NULL,
      name text NOT NULL,
      position text NOT NULL,
      agency text NOT NULL,
      role text NOT NULL CHECK (role IN ('chair', 'deputy_chair', 'standing', 'member')),
      valid_from date NOT NULL,
      valid_to date,
      CONSTRAINT steering_members_validity CHECK (valid_to IS NULL OR valid_to >= valid_from)
    )`.execute(db);
  await sql`CREATE INDEX steering_members_committee_idx ON steering_members (committee_id, seq)`.execute(db);
  await sql`
    CREATE TABLE steering_meetings (
      id bigserial PRIMARY KEY,
      committee_id bigint NOT NULL REFERENCES steering_committees (id),
      held_on date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('periodic', 'extraordinary', 'review')),
      agenda text NOT NULL,
      minutes text,
      recorded_by integer REFERENCES users (id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX steering_meetings_committee_idx ON steering_meetings (committee_id, held_on)`.execute(db);
  await sql`
    CREATE TABLE steering_meeting_attendance (
      meeting_id bigint NOT NULL REFERENCES steering_meetings (id),
      member_id bigint NOT NULL REFERENCES steering_members (id),
      present boolean NOT NULL,
      PRIMARY KEY (meeting_id, member_id)
    )`.execute(db);
  await sql`
    CREATE TABLE steering_tasks (
      id bigserial PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES steering_meetings (id),
      committee_id bigint NOT NULL REFERENCES steering_committees (id),
      text text NOT NULL,
      owner_agency text NOT NULL,
      deadline date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      done_on date,
      CONSTRAINT steering_tasks_done CHECK ((status = 'done') = (done_on IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX steering_tasks_committee_idx ON steering_tasks (committee_id, status, deadline)`.execute(db);
  await sql`CREATE INDEX steering_tasks_meeting_idx ON steering_tasks (meeting_id)`.execute(db);
  await sql`
    CREATE TABLE steering_task_followups (
      id bigserial PRIMARY KEY,
      task_id bigint NOT NULL REFERENCES steering_tasks (id),
      "on" date NOT NULL,
      note text NOT NULL,
      by_user integer REFERENCES users (id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX steering_task_followups_task_idx ON steering_task_followups (task_id, "on")`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['steering_task_followups', 'steering_tasks', 'steering_meeting_attendance', 'steering_meetings', 'steering_members', 'steering_committees']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
