import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInterchange } from '../../src/modules/interchange/app/generate.js';
import { createEmptyTestDatabase } from '../support/empty-db.js';
import { canonicalSet, fixture, readLines, snapshot, writeLines } from '../support/interchange-helpers.js';
import type { TestDatabase } from '../support/test-db.js';

/**
 * `thads import` and `thads export` as a person runs them (the built command: npm run build:server):
 * exit codes, messages on stderr, the export on stdout, progress for a large import into a new data folder.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/thads.js');
const baseEnv = () => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'DATABASE_URL' && k !== 'THADS_DATA_DIR') env[k] = v;
  return { ...env, LOG_LEVEL: 'warn', THADS_DEMO: '1' };
};
const thads = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 28 });

let tdb: TestDatabase;
let db: Record<string, string>;
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist/server/platform/cli/main.js'))) throw new Error('run `npm run build:server` first (the test runs the built command)');
  tdb = await createEmptyTestDatabase();
  db = { DATABASE_URL: tdb.url };
  // Whatever opening the runtime sets up in a new database (migrations, geography, the national unit) is done
  // once here, so that the snapshots below see only what an import writes.
  expect(thads(['export'], db).status).toBe(0);
});
afterAll(async () => tdb.drop());

describe('thads import / export over DATABASE_URL', () => {
  it('exits 2 on wrong usage', () => {
    expect(thads(['import'], db).status).toBe(2);
    expect(thads(['import', '--force', 'x.jsonl'], db).status).toBe(2);
    expect(thads(['export', '--bogus'], db).status).toBe(2);
  });

  it('exits 1 with every problem on stderr and writes nothing; the demo organisation is not loaded', async () => {
    const before = await snapshot(tdb.db);
    const bad = writeLines([
      ...readLines(fixture('full.jsonl')),
      { type: 'case', id: 'LA-CT-2016-09999', office: 'LA-CT', decision: { number: '1', date: '2016-03-01' }, accepted_on: '2016-03-01', initiation: 'ex_officio',
        category: 'dan_su', judgment: { number: '1', date: '2016-01-01', court: 'T' }, parties: [{ role: 'obligor', kind: 'person', name: 'A' }],
        obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'N', amount: 100 }],
        events: [{ type: 'verified', on: '2016-03-02', result: 'has_means' }, { type: 'payment', on: '2016-03-03', obligation: 'o1', amount: 101 }] },
      { type: 'enforcer', code: 'X-01', name: 'A', office: 'KHONG-CO' },
    ], 'bad.jsonl');
    const r = thads(['import', bad, path.join(os.tmpdir(), 'khong-co-tep.jsonl')], db);
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      `${bad}:20: events[1].amount: Số tiền 101 đ vượt số còn phải thi hành 100 đ của khoản "N".`,
      `${bad}:21: office: Không có đơn vị mã "KHONG-CO" trong tệp hay trong cơ sở dữ liệu.`,
      `${path.join(os.tmpdir(), 'khong-co-tep.jsonl')}: Không đọc được tệp: không có tệp này.`,
      'Không nhập dữ liệu nào: 3 lỗi. Sửa tệp rồi chạy lại.',
    ]);
    expect(await snapshot(tdb.db)).toEqual(before);
  });

  it('imports (exit 0), imports again without change, and exports the same lines', async () => {
    const first = thads(['import', fixture('full.jsonl')], db);
    // the statistics follow the import: every imported case has its rows for the reports, and the stored
    // totals are current (moved by the import, or recomputed right after it)
    expect(first.stderr).toMatch(/Số liệu thống kê đã cập nhật cùng dữ liệu nhập\.|Đã tính lại tổng số thống kê: [\d.]+ ngày chốt/);
    expect(first.status).toBe(0);
    const counted = await sql<{ n: number }>`SELECT count(DISTINCT case_id)::int AS n FROM stat_episodes`.execute(tdb.db);
    expect(counted.rows[0]!.n).toBe(6);
    // The national unit VN may already exist (created when a runtime opens a database without one).
    expect(first.stdout).toMatch(/^Nhập xong trong [\d,]+ giây: 6 việc mới, 0 việc bổ sung sự kiện, 36 sự kiện; [45] đơn vị, 3 xã\/phường, 3 chấp hành viên, 2 chỉ tiêu; [01] bản ghi đã có/);
    const before = await snapshot(tdb.db);
    const again = thads(['import', fixture('full.jsonl')], db);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 việc mới, 0 việc bổ sung sự kiện, 0 sự kiện; 0 đơn vị, 0 xã/phường, 0 chấp hành viên, 0 chỉ tiêu; 19 bản ghi đã có (bỏ qua).');
    expect(await snapshot(tdb.db)).toEqual(before);
    const out = thads(['export'], db);
    expect(out.status).toBe(0);
    expect(canonicalSet(out.stdout.trim().split('\n'))).toEqual(canonicalSet(readLines(fixture('full.jsonl'))));
    expect(out.stderr).toContain('6 việc (36 sự kiện)');
    const office = thads(['export', '--office', 'KHONG-CO'], db);
    expect(office.status).toBe(1);
    expect(office.stderr).toContain('Không có đơn vị mã "KHONG-CO"');
  });
});

describe('a large import into a new data folder', () => {
  it('initialises the folder, shows progress for 5,000 cases, and exports them', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thads-import-'));
    const file = path.join(os.tmpdir(), `thads-large-${process.pid}.jsonl`);
    try {
      writeFileSync(file, [...generateInterchange({ cases: 5000, seed: 7 })].join('\n') + '\n');
      const env = { THADS_DATA_DIR: dataDir };
      const r = thads(['import', file], env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('5.000 việc mới');
      expect(r.stderr).toMatch(/Đã đọc 5\.0\d\d dòng — [\d,]+ giây, [\d.]+ dòng\/giây/);
      expect(r.stderr).toMatch(/Đã kiểm tra 5\.000\/5\.000 việc — [\d,]+ giây, [\d.]+ việc\/giây/);
      expect(r.stderr).toMatch(/Đã ghi 5\.000\/5\.000 việc — [\d,]+ giây, [\d.]+ việc\/giây/);
      const out = thads(['export'], env);
      expect(out.status).toBe(0);
      const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; code?: string });
      expect(lines.filter((l) => l.type === 'case')).toHaveLength(5000);
      // No demo organisation in a folder initialised by an import.
      expect(lines.filter((l) => l.type === 'office').map((l) => l.code)).not.toContain('TN-KV3');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(file, { force: true });
    }
  }, 300_000);
});
