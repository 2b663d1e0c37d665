import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/**
 * A fresh migrated database with the geography but without the demo organisation (no units at all, no users,
 * enforcers or audit rows): the starting point of an import into a new installation. The template's demo rows are
 * removed with the append-only triggers of audit_log and the never-deleted ones of users and units (migration
 * 0008) switched off for that moment only.
 */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const tdb = await createTestDatabase();
  await tdb.db.transaction().execute(async (tx) => {
    for (const t of ['steering_task_followups', 'steering_tasks', 'steering_meeting_attendance', 'steering_meetings', 'steering_members', 'steering_committees']) {
      await sql`DELETE FROM ${sql.table(t)}`.execute(tx);
    }
    await sql`DELETE FROM mobilisation_team_members`.execute(tx);
    await sql`DELETE FROM mobilisation_teams`.execute(tx);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(tx);
    await sql`DELETE FROM audit_log`.execute(tx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(tx);
    await sql`DELETE FROM sessions`.execute(tx);
    await sql`ALTER TABLE users DISABLE TRIGGER USER`.execute(tx);
    await sql`DELETE FROM users`.execute(tx);
    await sql`ALTER TABLE users ENABLE TRIGGER USER`.execute(tx);
    await sql`UPDATE communes SET office_id = NULL`.execute(tx);
    await sql`DELETE FROM enforcers`.execute(tx);
    await sql`UPDATE units SET successor_id = NULL`.execute(tx);
    await sql`ALTER TABLE units DISABLE TRIGGER USER`.execute(tx);
    for (const level of ['office', 'province', 'national']) await sql`DELETE FROM units WHERE level = ${level}`.execute(tx);
    await sql`ALTER TABLE units ENABLE TRIGGER USER`.execute(tx);
    await sql`DELETE FROM reference_data WHERE name = 'demo-organisation'`.execute(tx);
  });
  return tdb;
}
