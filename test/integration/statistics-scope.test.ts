/**
 * Defence in depth (issue #11 item 2): the statistics use cases check the reader's scope themselves, so a
 * caller that skips the HTTP access hook (a CLI command, a future job, a new route declared too widely) still
 * cannot read another unit's figures. A reader who does not see the unit gets the unknown-unit answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/kernel/errors.js';
import { systemReader, type ScopedReader } from '../../src/modules/organisation/domain/index.js';
import { IndicatorsService } from '../../src/modules/statistics/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { setupOrganisation } from './statistics-support.js';

let t: TestApp;
let hanoiOnly: ScopedReader;
let tayNinh: ScopedReader;

beforeAll(async () => {
  t = await startTestApp();
  await setupOrganisation(t.rt);
  hanoiOnly = { scope: await t.rt.units.scopeOf((await t.rt.units.byCode('HN'))!.id) };
  tayNinh = { scope: await t.rt.units.scopeOf((await t.rt.units.byCode('TN'))!.id) };
}, 120_000);
afterAll(async () => t?.close());

const notFound = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('NOT_FOUND');
};

describe('statistics use cases check the scope of whoever reads', () => {
  it('refuses every read of a unit outside the reader scope, answers inside it', async () => {
    const s = t.rt.statistics;
    const indicators = new IndicatorsService(t.rt.db, t.rt.units, s, t.clock);
    await notFound(s.report(hanoiOnly, 'TN-KV3', '2026-09-30'));
    await notFound(s.breakdown(hanoiOnly, 'TN', '2026-09-30', null, 'office'));
    await notFound(s.cases(hanoiOnly, 'TN-KV3', '2026-09-30', null, { form: 'cases', key: 'total', page: 1, pageSize: 10 }));
    await notFound(s.targets(hanoiOnly, 'TN', 2026));
    await notFound(t.rt.periodCloses.list(hanoiOnly, 'TN-KV3'));
    await notFound(t.rt.periodCloses.diff(hanoiOnly, 'TN-KV3', '2026-08-31'));
    await notFound(t.rt.reportExports.narrative(hanoiOnly, 'TN-KV3', 2025, 2026, 'text'));
    await notFound(t.rt.reportExports.officialForms(hanoiOnly, 'TN-KV3', '2026-09-30', null, 'xlsx'));
    await notFound(indicators.years(hanoiOnly, 'TN-KV3'));
    await notFound(indicators.pendingAges(hanoiOnly, 'TN-KV3', '2026-09-30'));
    await notFound(indicators.targetInForce(hanoiOnly, 'TN-KV3', '2026-09-30'));
    // a national unit is out of a province's scope too
    await notFound(s.report(tayNinh, 'VN', '2026-09-30'));

    expect((await s.report(tayNinh, 'TN-KV3', '2026-09-30')).unit.code).toBe('TN-KV3');
    expect((await s.report(hanoiOnly, 'HN-KV1', '2026-09-30')).unit.code).toBe('HN-KV1');
  });

  it('lets the system read everything only when it says why', async () => {
    expect((await t.rt.statistics.report(systemReader('a test of the system reader'), 'VN', '2026-09-30')).unit.code).toBe('VN');
  });
});
