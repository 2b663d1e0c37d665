import { sql, type Kysely } from 'kysely';

// Frozen. Who and which unit an audit row or a case event names are kept by refusing to delete users and
// units, instead of by foreign keys. A foreign key check locks the referenced row (FOR KEY SHARE) at every
// insert: every case write of a user locked that user's row twice (event, audit) and its office's unit row
// once, so concurrent writes of one user or one office queued on the same rows (multixacts, the rows' page
// written at every write): a quarter of PostgreSQL's work per recording. Users are disabled and units closed
// (valid_to, successor), never deleted, and the audit trail cannot be deleted either: with these triggers a
// name in it always resolves. The foreign key from an event to its case stays (its row is locked anyway).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE audit_log DROP CONSTRAINT audit_log_user_id_fkey, DROP CONSTRAINT audit_log_unit_id_fkey`.execute(db);
  await sql`ALTER TABLE case_events DROP CONSTRAINT case_events_recorded_by_fkey`.execute(db);
  await sql`
    CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% rows are never deleted (% refused): disable or close them instead', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  for (const table of ['users', 'units']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_never_deleted`)} BEFORE DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION refuse_delete()`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_never_truncated`)} BEFORE TRUNCATE ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['users', 'units']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_never_deleted`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_never_truncated`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS refuse_delete()`.execute(db);
  await sql`ALTER TABLE audit_log ADD CONSTRAINT audit_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    ADD CONSTRAINT audit_log_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES units (id)`.execute(db);
  await sql`ALTER TABLE case_events ADD CONSTRAINT case_events_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES users (id)`.execute(db);
}
