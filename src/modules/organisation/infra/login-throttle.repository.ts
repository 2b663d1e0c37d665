import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import type { Lock, ThrottleState } from '../domain/login-policy.js';

/**
 * The login counters (migration 0009): per lower-cased username in `login_throttle`, per trusted browser in
 * `trusted_devices`. Reservations are single statements, atomic on their own; reads that decide on a lock
 * take the row lock and so need a transaction.
 */

const EMPTY: ThrottleState = { failures: 0, locks: 0, lockedUntil: null };

/**
 * Counts one attempt on a username key and returns the key's state, this attempt included. Nothing is
 * counted while a lock is in force (the count must start from zero when it ends). Parallel attempts queue on
 * the row, so each sees the count the one before it left.
 */
export async function reserveAttempt(db: DbOrTx, key: string, now: Date): Promise<ThrottleState> {
  const row = await db
    .insertInto('login_throttle')
    .values({ username_key: key, failures: 1, locks: 0, locked_until: null, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('username_key').doUpdateSet({
        failures: sql<number>`CASE WHEN login_throttle.locked_until > ${now} THEN login_throttle.failures ELSE login_throttle.failures + 1 END`,
        last_failure_at: sql<Date>`CASE WHEN login_throttle.locked_until > ${now} THEN login_throttle.last_failure_at ELSE ${now} END`,
      }),
    )
    .returning(['failures', 'locks', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, locks: row.locks, lockedUntil: row.locked_until };
}

/** The key's state under a row lock (an absent row is a clean slate: a success or an unlock removed it). */
export async function throttleForUpdate(tx: Tx, key: string): Promise<ThrottleState> {
  const row = await tx.selectFrom('login_throttle').where('username_key', '=', key).select(['failures', 'locks', 'locked_until']).forUpdate().executeTakeFirst();
  return row ? { failures: row.failures, locks: row.locks, lockedUntil: row.locked_until } : EMPTY;
}

export async function writeLock(tx: Tx, key: string, lock: Lock): Promise<void> {
  await tx.updateTable('login_throttle').set({ failures: lock.failures, locks: lock.locks, locked_until: lock.lockedUntil }).where('username_key', '=', key).execute();
}

/** A success or an administrator's unlock: the key starts afresh (first lock length again). */
export async function clearThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username_key', '=', key).execute();
}

/**
 * Counts one attempt on a trusted device of `userId` and returns its count, this attempt included; null
 * when the token is not a trusted device of that user (unknown, another user's, or unused too long).
 */
export async function reserveDeviceAttempt(db: DbOrTx, tokenHash: string, userId: number, trustedSince: Date): Promise<number | null> {
  const row = await db
    .updateTable('trusted_devices')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', userId)
    .where('last_used_at', '>', trustedSince)
    .returning('failures')
    .executeTakeFirst();
  return row?.failures ?? null;
}

/** The device's count under a row lock; null when it is no longer trusted. */
export async function deviceFailuresForUpdate(tx: Tx, tokenHash: string): Promise<number | null> {
  const row = await tx.selectFrom('trusted_devices').where('token_hash', '=', tokenHash).select('failures').forUpdate().executeTakeFirst();
  return row?.failures ?? null;
}

export async function forgetDevice(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('trusted_devices').where('token_hash', '=', tokenHash).execute();
}

/** Most trusted browsers kept per user; an API client logging in often would otherwise add a row each time. */
const DEVICES_PER_USER = 20;

/** After a successful login: the device used is trusted afresh, or a new one is recorded. */
export async function trustDevice(tx: Tx, tokenHash: string, userId: number, now: Date, trustedSince: Date): Promise<void> {
  await tx
    .insertInto('trusted_devices')
    .values({ token_hash: tokenHash, user_id: userId, created_at: now, last_used_at: now, failures: 0 })
    .onConflict((oc) => oc.column('token_hash').doUpdateSet({ last_used_at: now, failures: 0 }).where('trusted_devices.user_id', '=', userId))
    .execute();
  await tx
    .deleteFrom('trusted_devices')
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('last_used_at', '<=', trustedSince),
        eb(
          'token_hash',
          'in',
          eb.selectFrom('trusted_devices').where('user_id', '=', userId).orderBy('last_used_at', 'desc').offset(DEVICES_PER_USER).select('token_hash'),
        ),
      ]),
    )
    .execute();
}
