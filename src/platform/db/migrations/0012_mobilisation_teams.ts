import { sql, type Kysely } from 'kysely';

// Frozen. Commune mobilisation teams (Tổ vận động THADS, domain.md §5): a team belongs to an office, serves
// one commune of the registry, is established by a decision and has members from the commune's
// organisations. History is kept by dates, never by deleting: a team re-formed for a merged commune is a
// new team, and the old one keeps its validity and members. The closed lists repeat the domain's
// (mobilisation-types.ts) because a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE mobilisation_teams (
      id bigserial PRIMARY KEY,
      office_id integer NOT NULL REFERENCES units (id),
      commune_id integer NOT NULL REFERENCES communes (id),
      name text NOT NULL,
      decision_number text NOT NULL,
      decision_date date NOT NULL,
      decision_signer text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mobilisation_teams_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
      CONSTRAINT mobilisation_teams_decision_first CHECK (decision_date <= valid_from)
    )`.execute(db);
  await sql`CREATE INDEX mobilisation_teams_office_idx ON mobilisation_teams (office_id, valid_from)`.execute(db);
  await sql`CREATE INDEX mobilisation_teams_commune_idx ON mobilisation_teams (commune_id)`.execute(db);
  await sql`
    CREATE TABLE mobilisation_team_members (
      id bigserial PRIMARY KEY,
      team_id bigint NOT NULL REFERENCES mobilisation_teams (id),
      seq integer NOT NULL,
      name text NOT NULL,
      organisation text NOT NULL CHECK (organisation IN
        ('ubnd_xa', 'mttq', 'hoi_nong_dan', 'hoi_phu_nu', 'doan_thanh_nien', 'hoi_cuu_chien_binh', 'cong_an_xa', 'truong_ap', 'co_quan_thads', 'khac')),
      role text NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
      phone text,
      valid_from date NOT NULL,
      valid_to date,
      user_id integer REFERENCES users (id),
      CONSTRAINT mobilisation_team_members_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
      UNIQUE (team_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX mobilisation_team_members_user_idx ON mobilisation_team_members (user_id) WHERE user_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mobilisation_team_members`.execute(db);
  await sql`DROP TABLE IF EXISTS mobilisation_teams`.execute(db);
}
