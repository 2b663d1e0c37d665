/**
 * `thads report` (statistics.md §7) run in-process over DATABASE_URL: the JSON object in §7 order, the
 * Vietnamese table, `--rebuild` after a bulk write, and clear errors with exit code 1 on bad arguments.
 */
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Runtime } from '../../src/platform/runtime.js';
import { main } from '../../src/platform/cli/main.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { stringifyReport } from '../../src/modules/statistics/domain/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { bulkInsert, generateHistories, setupOrganisation } from './statistics-support.js';

/** The tests read as the system (the scope check itself is tested through the HTTP routes and in statistics-scope). */
const system = systemReader('test');

let tdb: TestDatabase;
let rt: Runtime;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: tdb.url }, process.cwd());
  rt = { config, db: tdb.db, ...createServices(config, tdb.db), ownsDatabase: false, databaseDescription: 'test', close: async () => undefined } as Runtime;
  await setupOrganisation(rt);
  await bulkInsert(rt, generateHistories(120, 99, 20));
}, 120_000);
afterAll(async () => tdb?.drop());

/** Runs `thads …` in this process with DATABASE_URL set, capturing stdout and stderr. */
async function thads(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = { url: process.env.DATABASE_URL, out: process.stdout.write, err: process.stderr.write };
  let out = '';
  let err = '';
  process.env.DATABASE_URL = tdb.url;
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), out, err };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
  }
}

describe('thads report', () => {
  it('--rebuild computes the statistics of cases written in bulk', async () => {
    const r = await thads('report', '--rebuild', '--from-fiscal-year', '2016');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Đã tính lại thống kê: 1\d\d việc/);
  });

  it('--json prints exactly the §7 object', async () => {
    const r = await thads('report', '--office', 'TN', '--to', '2021-09-30', '--json');
    expect(r.code, r.err).toBe(0);
    const expected = (await rt.statistics.report(system, 'TN', '2021-09-30')).report;
    expect(r.out).toBe(`${stringifyReport(expected, 2)}\n`);
    const obj = JSON.parse(r.out);
    expect(Object.keys(obj)).toEqual(['office', 'period', 'policies', 'cases', 'money', 'target', 'excess']);
    expect(obj.period).toEqual({ from: '2020-10-01', to: '2021-09-30' });
    expect(Object.keys(obj.cases)).toEqual(['carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated', 'in_progress',
      'postponed', 'suspended', 'other', 'without_means', 'with_means', 'resolved', 'rate', 'carried_forward', 'carried_forward_with_means']);
    expect(Object.keys(obj.money)).toContain('reduced');
    expect(obj.cases.total).toBeGreaterThan(0);
    expect(Number.isInteger(obj.money.total)).toBe(true);
  });

  it('--from and a national unit work; without --json a Vietnamese table', async () => {
    const r = await thads('report', '--office', 'VN', '--from', '2019-01-01', '--to', '2020-03-15');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Kỳ báo cáo: 01/01/2019 – 15/03/2020');
    for (const label of ['Thụ lý mới', 'Giảm thi hành án', 'Tỷ lệ', 'VỀ TIỀN (nghìn đồng)']) expect(r.out).toContain(label);
  });

  it('bad arguments: a clear message and exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['report', '--to', '2021-09-30'], /thiếu --office/],
      [['report', '--office', 'TN'], /thiếu --to/],
      [['report', '--office', 'TN', '--to', '2021-02-30'], /--to: .*không hợp lệ/],
      [['report', '--office', 'TN', '--to', '2021-09-30', '--from', '2021-10-01'], /--from: Ngày đầu kỳ 01\/10\/2021 sau ngày cuối kỳ 30\/09\/2021/],
      [['report', '--office', 'TN', '--to', '2021-09-30', '--colour'], /Lỗi: .*--colour/],
      [['report', '--office', 'KHONG-CO', '--to', '2021-09-30'], /Không có đơn vị mã "KHONG-CO"/],
      [['report', '--rebuild', '--from-fiscal-year', 'abc'], /--from-fiscal-year/],
    ];
    for (const [args, message] of cases) {
      const r = await thads(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out).toBe('');
    }
  });
});
