import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.js';
import { GEOGRAPHY_SOURCE, REFORM_DATE, readGeography } from '../infra/geography-snapshot.js';

const FORMER_VALID_TO = '2025-06-30';

/**
 * Loads the administrative geography snapshot once per database (idempotent: recorded in
 * reference_data). Former communes end on 30/06/2025 and point to their successors.
 */
export async function ensureGeography(db: Db): Promise<boolean> {
  const done = await db.selectFrom('reference_data').where('name', '=', 'geography').select('version').executeTakeFirst();
  if (done?.version === GEOGRAPHY_SOURCE) return false;
  const geo = await readGeography();
  await db.transaction().execute(async (tx) => {
    // Another process may be loading it at the same moment (server and CLI on a new database).
    await sql`LOCK TABLE reference_data IN EXCLUSIVE MODE`.execute(tx);
    const again = await tx.selectFrom('reference_data').where('name', '=', 'geography').select('version').executeTakeFirst();
    if (again) return;
    await insertChunks(tx, 'provinces', geo.provinces.map((p) => ({
      code: p.code, name: p.name, short_code: p.shortCode, kind: p.kind, valid_from: REFORM_DATE, valid_to: null,
    })));
    const newIds = new Map<string, number>();
    const formerIds = new Map<string, number>();
    for (const chunk of chunks(geo.communes)) {
      const rows = await tx
        .insertInto('communes')
        .values(chunk.map((c) => ({ code: c.code, name: c.name, district_name: null, province_name: c.provinceName, valid_from: REFORM_DATE, valid_to: null })))
        .returning(['id', 'code'])
        .execute();
      for (const r of rows) newIds.set(r.code, r.id);
    }
    for (const chunk of chunks(geo.formerCommunes)) {
      const rows = await tx
        .insertInto('communes')
        .values(chunk.map((c) => ({ code: c.code, name: c.name, district_name: c.districtName, province_name: c.provinceName, valid_from: null, valid_to: FORMER_VALID_TO })))
        .returning(['id', 'code'])
        .execute();
      for (const r of rows) formerIds.set(r.code, r.id);
    }
    const pairs = geo.successions
      .map((s) => ({ former_id: formerIds.get(s.formerCode), successor_id: newIds.get(s.successorCode) }))
      .filter((p): p is { former_id: number; successor_id: number } => p.former_id !== undefined && p.successor_id !== undefined);
    await insertChunks(tx, 'commune_successions', pairs);
    await tx.insertInto('reference_data').values({ name: 'geography', version: GEOGRAPHY_SOURCE }).execute();
  });
  return true;
}

function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function insertChunks(tx: Tx, table: 'provinces' | 'commune_successions', rows: readonly Record<string, unknown>[]) {
  for (const chunk of chunks(rows)) await tx.insertInto(table).values(chunk as never).execute();
}

/**
 * The national unit is the root every organisation hangs from: a new installation without the demo has it
 * from the start, so that the first administrator can be created (`thads user add --role admin --unit VN`).
 */
export async function ensureNationalUnit(db: Db): Promise<void> {
  const national = await db.selectFrom('units').select('id').where('level', '=', 'national').executeTakeFirst();
  if (national) return;
  await db
    .insertInto('units')
    .values({ code: 'VN', name: 'Cục Quản lý thi hành án dân sự', level: 'national', parent_id: null, valid_from: '2009-07-01', valid_to: null })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
