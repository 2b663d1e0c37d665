import { sql, type Kysely } from 'kysely';

// Frozen. Login throttling moves off the users table.
//
// `login_throttle` counts failures per username *as typed* (lower-cased), whether or not a user has it, so
// that an unknown username answers exactly like a real one (401 … then 423) and the lock no longer tells
// which accounts exist. Each attempt reserves itself with one atomic INSERT … ON CONFLICT DO UPDATE before
// its password is verified; `locks` counts consecutive locks for the exponential backoff.
//
// `trusted_devices` holds the SHA-256 of the random token a browser receives at a successful login (cookie
// thads_device): a login from such a device is not held by the username's lock, so strangers locking the
// administrator out do not lock out the administrator's own browser. No foreign key to users: users are
// never deleted (0008), and a key check would lock the user's row at every login.
//
// The users' failed_logins and locked_until columns stay, unused: a lock in force and a count under way are
// copied here, so an upgrade neither frees nor forgets them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('username_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_failure_at', 'timestamptz')
    .addCheckConstraint('login_throttle_counts', sql`failures >= 0 AND locks >= 0`)
    .execute();
  await sql`
    INSERT INTO login_throttle (username_key, failures, locks, locked_until, last_failure_at)
    SELECT lower(username), failed_logins, CASE WHEN locked_until > now() THEN 1 ELSE 0 END,
           CASE WHEN locked_until > now() THEN locked_until END, NULL
    FROM users
    WHERE failed_logins > 0 OR locked_until > now()`.execute(db);

  await db.schema
    .createTable('trusted_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('trusted_devices_failures', sql`failures >= 0`)
    .execute();
  // A user's devices, newest first: the successful login prunes the expired and the surplus ones.
  await db.schema.createIndex('trusted_devices_user_idx').on('trusted_devices').columns(['user_id', 'last_used_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trusted_devices').ifExists().execute();
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
