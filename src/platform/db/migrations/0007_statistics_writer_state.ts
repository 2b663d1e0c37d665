import { sql, type Kysely } from 'kysely';

// Frozen. The statistics writers' lock and what a case write needs to know of the statistics, as one function
// to call in the statement that loads and locks the case (one round trip fewer per case write).
//
// The lock is taken first, and the snapshot state and the policies setting are read after it: the queries
// of a VOLATILE function each take a new snapshot (READ COMMITTED), so what an exclusive holder (a rebuild,
// an extension of the snapshot dates) committed while this call waited is seen. A plain subquery beside the
// lock in the same statement would read the statement's snapshot, taken before the wait.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION statistics_writer_state(lock_key bigint, policies_key text) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(lock_key);
      RETURN jsonb_build_object(
        'state', (SELECT to_jsonb(s) FROM stat_snapshot_state s WHERE s.id = 1),
        'setting', (SELECT value FROM settings WHERE key = policies_key));
    END $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS statistics_writer_state(bigint, text)`.execute(db);
}
