import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGeography } from '../../src/modules/organisation/app/reference-data.js';
import { createDb, migrateToLatest } from '../../src/platform/db/database.js';
import { migrationProvider } from '../../src/platform/db/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const count = async (q: ReturnType<typeof sql<{ n: string }>>, db = t.db) => Number((await q.execute(db)).rows[0]!.n);

describe('administrative geography snapshot', () => {
  it('has the 34 provinces and 3,321 communes in force since 01/07/2025', async () => {
    expect(await count(sql`SELECT count(*) AS n FROM provinces`)).toBe(34);
    expect(await count(sql`SELECT count(*) AS n FROM communes WHERE valid_from = '2025-07-01' AND valid_to IS NULL`)).toBe(3321);
    const tn = await sql<{ name: string }>`SELECT name FROM provinces WHERE short_code = 'TNH'`.execute(t.db);
    expect(tn.rows[0]!.name).toBe('Tây Ninh');
  });

  it('maps the 13 former communes of Châu Thành (Long An) to the 4 that replaced them', async () => {
    const rows = await sql<{ former: string; successor: string }>`
      SELECT f.name AS former, s.name AS successor
      FROM commune_successions cs JOIN communes f ON f.id = cs.former_id JOIN communes s ON s.id = cs.successor_id
      WHERE f.district_name = 'Huyện Châu Thành' AND f.province_name = 'Tỉnh Long An' ORDER BY f.name`.execute(t.db);
    expect(rows.rows).toHaveLength(13);
    expect(new Set(rows.rows.map((r) => r.successor))).toEqual(new Set(['Xã Tầm Vu', 'Xã Vĩnh Công', 'Xã An Lục Long', 'Xã Thuận Mỹ']));
    expect(rows.rows.find((r) => r.former === 'Thị trấn Tầm Vu')?.successor).toBe('Xã Tầm Vu');
    expect(rows.rows.find((r) => r.former === 'Xã Long Trì')?.successor).toBe('Xã An Lục Long');
  });

  it('loads once: a second call changes nothing', async () => {
    const before = await count(sql`SELECT count(*) AS n FROM communes`);
    expect(await ensureGeography(t.db)).toBe(false);
    expect(await count(sql`SELECT count(*) AS n FROM communes`)).toBe(before);
  });
});

describe('demo organisation', () => {
  it('has the Chi cục Châu Thành until 30/06/2025 succeeded by a Phòng khu vực of Tây Ninh', async () => {
    const units = await t.db
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .leftJoin('units as s', 's.id', 'u.successor_id')
      .select(['u.code', 'u.level', 'p.code as parent', 'u.valid_from', 'u.valid_to', 's.code as successor'])
      .orderBy('u.code')
      .execute();
    expect(units).toEqual([
      { code: 'LA', level: 'province', parent: 'VN', valid_from: '2009-07-01', valid_to: '2025-06-30', successor: 'TN' },
      { code: 'LA-CT', level: 'office', parent: 'LA', valid_from: '2009-07-01', valid_to: '2025-06-30', successor: 'TN-KV3' },
      { code: 'TN', level: 'province', parent: 'VN', valid_from: '2025-07-01', valid_to: null, successor: null },
      { code: 'TN-KV3', level: 'office', parent: 'TN', valid_from: '2025-07-01', valid_to: null, successor: null },
      { code: 'VN', level: 'national', parent: null, valid_from: '2009-07-01', valid_to: null, successor: null },
    ]);
  });

  it('gives LA-CT the 13 communes named in the published report', async () => {
    const names = (await t.db.selectFrom('communes as c').innerJoin('units as u', 'u.id', 'c.office_id').where('u.code', '=', 'LA-CT').select('c.name').execute()).map((r) => r.name).sort();
    const report = (await import('../../../shared/data/chau-thanh-2015-2020.json', { with: { type: 'json' } })).default as { communes: string[] };
    expect(names).toEqual([...report.communes].sort());
  });
});

describe('migrations', () => {
  it('apply to an empty database and are idempotent', async () => {
    const fresh = await createTestDatabase();
    try {
      await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public`.execute(fresh.db);
      const db = createDb(fresh.url, 1);
      try {
        const all = Object.keys(await migrationProvider.getMigrations());
        expect(all.slice(0, 2)).toEqual(['0001_foundation', '0002_cases']);
        expect(await migrateToLatest(db)).toEqual(all);
        expect(await migrateToLatest(db)).toEqual([]);
        expect(await count(sql`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'audit_log'`, db)).toBe(1);
      } finally {
        await db.destroy();
      }
    } finally {
      await fresh.drop();
    }
  });
});
