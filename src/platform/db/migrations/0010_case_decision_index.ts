import { sql, type Kysely } from 'kysely';

// Frozen. Accepting a case checks that the office has not already accepted the same enforcement decision
// (number and date): the cases of one office on one decision date, found by this index instead of a scan
// of the office's cases.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX cases_office_decision_idx ON cases (office_id, decision_date)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS cases_office_decision_idx`.execute(db);
}
