import { sql, type Kysely } from 'kysely';

// Frozen: a migration never imports application code and never changes once released.
export async function up(db: Kysely<any>): Promise<void> {

  await db.schema
    .createTable('units')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('national','province','office')`))
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('successor_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('units_validity', sql`valid_to is null or valid_to >= valid_from`)
    .addCheckConstraint('units_parent_level', sql`(level = 'national') = (parent_id is null)`)
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

  // Administrative geography: provinces and communes, current (since 01/07/2025) and former.
  // A commune code can be reused across eras (Thị trấn Tầm Vu 28210 → Xã Tầm Vu 28210), so the key is an id
  // and (code, valid_from) is unique.
  await db.schema
    .createTable('provinces')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema
    .createTable('communes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district_name', 'text')
    .addColumn('province_name', 'text', (c) => c.notNull())
    // valid_from is null for former communes whose creation date the snapshot does not record.
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('office_id', 'integer', (c) => c.references('units.id'))
    .addUniqueConstraint('communes_code_era', ['code', 'valid_from'], (c) => c.nullsNotDistinct())
    .execute();
  await db.schema.createIndex('communes_office_idx').on('communes').column('office_id').execute();
  await db.schema
    .createTable('commune_successions')
    .addColumn('former_id', 'integer', (c) => c.notNull().references('communes.id'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('communes.id'))
    .addPrimaryKeyConstraint('commune_successions_pk', ['former_id', 'successor_id'])
    .execute();

  await db.schema
    .createTable('enforcers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('enforcer_id', 'integer', (c) => c.references('enforcers.id'))
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX users_username_lower_idx ON users (lower(username))`.execute(db);

  // Server-side sessions: the cookie holds a random token; only its SHA-256 is stored.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('active_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  // The audit trail: append-only. The application has no update or delete path, and the database refuses
  // them too, so even a bug or a hand-written query cannot rewrite history.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_user_idx').on('audit_log').column('user_id').execute();
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);

  // Which reference data sets (geography snapshot, demo organisation) have been loaded, and when.
  await db.schema
    .createTable('reference_data')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reference_data', 'audit_log', 'sessions', 'users', 'enforcers', 'commune_successions', 'communes', 'provinces', 'units']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
}
