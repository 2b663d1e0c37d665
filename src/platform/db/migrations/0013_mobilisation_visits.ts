import { sql, type Kysely } from 'kysely';

// Frozen. A case handed to a commune team for mobilisation (one open assignment per case), the team's
// visits to the obligor with their outcome, the members present, and the instalments the obligor promised.
// Visits are records of fact: they are never edited in place (a correction is a new visit with a note), so
// the attribution figures computed from them can be reproduced. The closed lists repeat the domain's
// (mobilisation-types.ts) because a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE mobilisation_assignments (
      id bigserial PRIMARY KEY,
      case_id text NOT NULL REFERENCES cases (id),
      team_id bigint NOT NULL REFERENCES mobilisation_teams (id),
      from_on date NOT NULL,
      to_on date,
      ended_reason text CHECK (ended_reason IN ('case_closed', 'by_hand')),
      coercion_planned_on date,
      assigned_by integer REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mobilisation_assignments_validity CHECK (to_on IS NULL OR to_on >= from_on),
      CONSTRAINT mobilisation_assignments_ended CHECK ((to_on IS NULL) = (ended_reason IS NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX mobilisation_assignments_one_open ON mobilisation_assignments (case_id) WHERE to_on IS NULL`.execute(db);
  await sql`CREATE INDEX mobilisation_assignments_team_idx ON mobilisation_assignments (team_id, from_on)`.execute(db);
  await sql`CREATE INDEX mobilisation_assignments_case_idx ON mobilisation_assignments (case_id)`.execute(db);
  await sql`
    CREATE TABLE mobilisation_visits (
      id bigserial PRIMARY KEY,
      assignment_id bigint NOT NULL REFERENCES mobilisation_assignments (id),
      case_id text NOT NULL REFERENCES cases (id),
      team_id bigint NOT NULL REFERENCES mobilisation_teams (id),
      "on" date NOT NULL,
      place text NOT NULL CHECK (place IN ('home', 'commune_office', 'phone')),
      outcome text NOT NULL CHECK (outcome IN ('agreed', 'paid_on_spot', 'refused', 'not_home', 'moved_away', 'hardship')),
      paid_on_spot bigint CHECK (paid_on_spot > 0),
      notes text,
      recorded_by integer REFERENCES users (id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX mobilisation_visits_case_idx ON mobilisation_visits (case_id, "on")`.execute(db);
  await sql`CREATE INDEX mobilisation_visits_team_idx ON mobilisation_visits (team_id, "on")`.execute(db);
  await sql`
    CREATE TABLE mobilisation_visit_members (
      visit_id bigint NOT NULL REFERENCES mobilisation_visits (id),
      member_id bigint NOT NULL REFERENCES mobilisation_team_members (id),
      PRIMARY KEY (visit_id, member_id)
    )`.execute(db);
  await sql`
    CREATE TABLE mobilisation_instalments (
      visit_id bigint NOT NULL REFERENCES mobilisation_visits (id),
      seq integer NOT NULL,
      due date NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      PRIMARY KEY (visit_id, seq)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mobilisation_instalments', 'mobilisation_visit_members', 'mobilisation_visits', 'mobilisation_assignments']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
