import { sql, type Kysely } from 'kysely';

// Frozen. Peak campaigns (đợt cao điểm): opened by a decision of the steering committee or of the office,
// over a unit (an office, a province or the nation) and a span of dates, with targets in cases and money
// (absolute and/or as rates), named difficult cases and participants. Closing a campaign freezes its figures
// (closing_snapshot, a versioned JSON document written by the application). The closed lists repeat the
// domain's (mobilisation/domain/campaign-types.ts) because a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE campaigns (
      id bigserial PRIMARY KEY,
      name text NOT NULL,
      decision_number text NOT NULL,
      decision_date date NOT NULL,
      decision_signer text NOT NULL,
      decided_by text NOT NULL CHECK (decided_by IN ('committee', 'office')),
      scope_unit_id integer NOT NULL REFERENCES units (id),
      from_on date NOT NULL,
      to_on date NOT NULL,
      target_cases integer CHECK (target_cases > 0),
      target_money bigint CHECK (target_money > 0),
      target_cases_rate numeric(5,2) CHECK (target_cases_rate > 0 AND target_cases_rate <= 100),
      target_money_rate numeric(5,2) CHECK (target_money_rate > 0 AND target_money_rate <= 100),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_at timestamptz,
      closed_by integer REFERENCES users (id),
      closing_snapshot jsonb,
      created_by integer REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT campaigns_dates CHECK (to_on >= from_on),
      CONSTRAINT campaigns_closed CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (status = 'closed') = (closing_snapshot IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX campaigns_scope_idx ON campaigns (scope_unit_id, from_on DESC)`.execute(db);
  await sql`
    CREATE TABLE campaign_cases (
      campaign_id bigint NOT NULL REFERENCES campaigns (id),
      case_id text NOT NULL REFERENCES cases (id),
      reason text NOT NULL CHECK (reason IN ('large_amount', 'long_pending', 'coercion_needed', 'other')),
      note text,
      added_by integer REFERENCES users (id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (campaign_id, case_id)
    )`.execute(db);
  await sql`CREATE INDEX campaign_cases_case_idx ON campaign_cases (case_id)`.execute(db);
  await sql`
    CREATE TABLE campaign_participants (
      id bigserial PRIMARY KEY,
      campaign_id bigint NOT NULL REFERENCES campaigns (id),
      unit_id integer REFERENCES units (id),
      team_id bigint REFERENCES mobilisation_teams (id),
      enforcer_code text,
      role text NOT NULL,
      CONSTRAINT campaign_participants_one CHECK (num_nonnulls(unit_id, team_id, enforcer_code) = 1)
    )`.execute(db);
  await sql`CREATE INDEX campaign_participants_campaign_idx ON campaign_participants (campaign_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['campaign_participants', 'campaign_cases', 'campaigns']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
