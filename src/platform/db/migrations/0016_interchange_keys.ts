import { sql, type Kysely } from 'kysely';

// Frozen. Stable keys of the interchange (thads import/export) for the mobilisation records: a team and a
// campaign keep the `id` the file gave them, a member the `key` it had in its team, so that importing the
// same file twice finds what it wrote the first time. Null for rows created through the application: the
// export then writes a key derived from the row (office/commune/start of a team, `m<seq>` of a member,
// unit/decision/start of a campaign), which the import derives the same way. Assignments and visits need
// none: an assignment is known by its case, team and first day, a visit by its place among its
// assignment's visits.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE mobilisation_teams ADD COLUMN external_id text`.execute(db);
  await sql`CREATE UNIQUE INDEX mobilisation_teams_external_id ON mobilisation_teams (external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE mobilisation_team_members ADD COLUMN external_id text`.execute(db);
  await sql`CREATE UNIQUE INDEX mobilisation_team_members_external_id ON mobilisation_team_members (team_id, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE campaigns ADD COLUMN external_id text`.execute(db);
  await sql`CREATE UNIQUE INDEX campaigns_external_id ON campaigns (external_id) WHERE external_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE campaigns DROP COLUMN IF EXISTS external_id`.execute(db);
  await sql`ALTER TABLE mobilisation_team_members DROP COLUMN IF EXISTS external_id`.execute(db);
  await sql`ALTER TABLE mobilisation_teams DROP COLUMN IF EXISTS external_id`.execute(db);
}
