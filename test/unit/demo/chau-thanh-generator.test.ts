import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateChauThanhData, type DemoData } from '../../../src/modules/demo/app/chau-thanh-generator.js';
import { DEMO_TODAY, planOf, YEAR_PLANS } from '../../../src/modules/demo/app/chau-thanh-plan.js';
import { demoDataLines } from '../../../src/modules/demo/app/load-demo-data.js';
import { CURRENT_COMMUNES, FORMER_COMMUNES } from '../../../src/modules/demo/app/names.js';
import { replay } from '../../../src/modules/cases/domain/case-ledger.js';
import { isTerminal, type CaseEvent, type CaseFacts } from '../../../src/modules/cases/domain/case-types.js';
import { validateNewCase } from '../../../src/modules/cases/domain/case-validation.js';
import { nextSteps } from '../../../src/modules/cases/domain/deadlines.js';
import {
  assembleReport, caseContribution, contributionsHeldBy, fiscalYearBounds, type StatisticsReport,
} from '../../../src/modules/statistics/domain/index.js';
import published from '../../../../shared/data/chau-thanh-2015-2020.json' with { type: 'json' };

/**
 * The demo office's data (issue "The demo office"): every history valid for the ledger, the published rates
 * 2015–2020 reproduced exactly by the pure statistics rules, the reorganisation of 2025, a live current year,
 * Vietnamese parties, and the same bytes for the same seed.
 */
let data: DemoData;
beforeAll(() => {
  data = generateChauThanhData();
}, 60_000);

type Case = { facts: CaseFacts; events: CaseEvent[] };
const closedOn = new WeakMap<Case, string | null>();

/** The day after which nothing happens to a case any more (terminal, last event), or null while it is open. */
function closed(c: Case): string | null {
  if (!closedOn.has(c)) {
    const r = replay(c.facts, c.events);
    closedOn.set(c, r.ok && isTerminal(r.value.status) ? (c.events.at(-1)?.on ?? c.facts.acceptedOn) : null);
  }
  return closedOn.get(c)!;
}

/**
 * The report of a unit (and the offices it succeeds) for a fiscal year, by the pure domain: caseContribution
 * of every case and assembleReport. Cases closed for good before the year are skipped only to save time:
 * their contribution is out of scope anyway.
 */
function domainReport(cases: readonly Case[], fy: number, offices: string[], to?: string): StatisticsReport {
  const period = { from: fiscalYearBounds(fy).from, to: to ?? fiscalYearBounds(fy).to };
  const candidates = cases.filter((c) => { const d = closed(c); return d === null || d >= period.from; });
  const contributions = contributionsHeldBy(candidates.map((c) => caseContribution(c.facts, c.events, period.from, period.to)), new Set(offices));
  return assembleReport({ office: offices[0]!, period, contributions, target: null });
}

const hash = (d: DemoData) => {
  const h = createHash('sha256');
  for (const line of demoDataLines(d)) h.update(`${line}\n`);
  return h.digest('hex');
};

describe('the demo data of Châu Thành', () => {
  it('has about 25,000 cases and 100,000+ events, up to "today" and never after', () => {
    expect(data.today).toBe(DEMO_TODAY);
    expect(data.cases.length).toBeGreaterThan(22_000);
    expect(data.cases.length).toBeLessThan(30_000);
    expect(data.events).toBeGreaterThan(100_000);
    const last = data.cases.reduce((m, c) => c.events.reduce((mm, e) => (e.on > mm ? e.on : mm), m), '');
    expect(last <= DEMO_TODAY).toBe(true);
    expect(last >= '2026-11-01').toBe(true);
    expect(new Set(data.cases.map((c) => c.facts.id)).size).toBe(data.cases.length);
  });

  it('writes only histories the ledger accepts, on cases that pass the acceptance rules', { timeout: 30_000 }, () => {
    for (const c of data.cases) {
      expect(validateNewCase(c.facts), c.facts.id).toEqual([]);
      const r = replay(c.facts, c.events);
      if (!r.ok) throw new Error(`${c.facts.id}: event ${r.failedAt}: ${r.errors.map((e) => e.message).join('; ')}`);
    }
  });

  it.each(published.years)('reproduces the published rates of fiscal year $fiscal_year with the statistics rules', (y) => {
    const r = domainReport(data.cases, y.fiscal_year, ['LA-CT']);
    expect({ cases: r.cases.rate, money: r.money.rate }).toEqual({ cases: y.cases_rate, money: y.money_rate });
    // The identities hold and the year is a real year of work.
    expect(r.cases.to_enforce).toBe(r.cases.with_means + r.cases.without_means);
    expect(r.money.to_enforce).toBe(r.money.with_means + r.money.without_means);
    expect(r.cases.new).toBeGreaterThanOrEqual(1500);
    expect(r.cases.carried_over).toBeGreaterThan(300);
    expect(r.cases.without_means).toBeGreaterThan(0);
  });

  it('carries the published targets 2015–2020 and plausible ones after, for LA-CT and its successor', () => {
    for (const y of published.years) {
      expect(data.targets).toContainEqual({ office: 'LA-CT', fiscalYear: y.fiscal_year, cases: y.cases_target, money: y.money_target });
    }
    for (const fy of [2025, 2026, 2027]) expect(data.targets.some((t) => t.office === 'TN-KV3' && t.fiscalYear === fy)).toBe(true);
  });

  it('reaches the planned rates of the other years (2012–2026), the successor reporting its predecessor from 2025', { timeout: 60_000 }, () => {
    for (const p of YEAR_PLANS.filter((y) => y.rates !== null && y.source !== 'published')) {
      const offices = p.fiscalYear >= 2025 ? ['TN-KV3', 'LA-CT'] : ['LA-CT'];
      const r = domainReport(data.cases, p.fiscalYear, offices);
      expect({ fy: p.fiscalYear, cases: r.cases.rate, money: r.money.rate }).toEqual({ fy: p.fiscalYear, ...p.rates });
    }
    // The summary the generator keeps is that same report.
    for (const y of data.years.filter((x) => x.plan.rates)) expect({ cases: y.report.cases.rate, money: y.report.money.rate }).toEqual(y.plan.rates);
  });

  it('moves every case open on 01/07/2025 to TN-KV3 and accepts new cases there from that day', { timeout: 30_000 }, () => {
    let moved = 0;
    for (const c of data.cases) {
      const f = c.facts;
      const before = c.events.filter((e) => e.on < '2025-07-01');
      const changes = c.events.filter((e) => e.type === 'office_changed');
      if (f.acceptedOn >= '2025-07-01') {
        expect(f.office).toBe('TN-KV3');
        expect(CURRENT_COMMUNES.map((x) => x.code)).toContain(f.commune);
        expect(f.enforcer).toMatch(/^TN-KV3-0[1-4]$/);
        expect(changes).toEqual([]);
        continue;
      }
      expect(f.office).toBe('LA-CT');
      expect(FORMER_COMMUNES.map((x) => x.code)).toContain(f.commune);
      expect(f.enforcer).toMatch(/^LA-CT-0[1-5]$/);
      const r = replay(f, before);
      const openThen = r.ok && !isTerminal(r.value.status);
      if (openThen) {
        moved++;
        expect(changes, f.id).toEqual([{ type: 'office_changed', on: '2025-07-01', to: 'TN-KV3' }]);
        const i = c.events.indexOf(changes[0]!);
        expect(c.events[i + 1]).toMatchObject({ type: 'enforcer_assigned', on: '2025-07-01', enforcer: expect.stringMatching(/^TN-KV3-0[1-4]$/) });
      } else {
        expect(changes, f.id).toEqual([]);
      }
    }
    expect(moved).toBeGreaterThan(500);
  });

  it('has the variety of a real office: every kind of event, obligations with and without value, amounts from 200.000 đ to billions', () => {
    const types = new Set(data.cases.flatMap((c) => c.events.map((e) => e.type)));
    for (const t of [
      'enforcer_assigned', 'verified', 'no_means_decided', 'resumed', 'postponed', 'suspended', 'other_status', 'payment', 'performed', 'reduced',
      'disbursed', 'coercion_decided', 'distrained', 'auctioned', 'completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger',
      'request_returned', 'office_changed',
    ] as const) expect(types, t).toContain(t);
    const transfers = data.cases.flatMap((c) => c.events).filter((e) => e.type === 'transferred_out');
    expect(transfers.some((e) => e.type === 'transferred_out' && e.partiallyPerformed)).toBe(true);
    expect(transfers.some((e) => e.type === 'transferred_out' && !e.partiallyPerformed)).toBe(true);
    const obligations = data.cases.flatMap((c) => c.facts.obligations);
    expect(obligations.some((o) => o.kind === 'non_money' && o.value !== null)).toBe(true);
    expect(obligations.some((o) => o.kind === 'non_money' && o.value === null)).toBe(true);
    const amounts = obligations.flatMap((o) => (o.kind === 'money' ? [o.amount] : []));
    expect(amounts).toContain(200_000n);
    expect(amounts.some((a) => a >= 1_000_000_000n)).toBe(true);
    expect(amounts.every((a) => a > 0n && a % 1000n === 0n)).toBe(true);
    // Amounts of judgments are round: most to 50.000 đ, bank debts to the thousand.
    expect(amounts.filter((a) => a % 50_000n === 0n).length / amounts.length).toBeGreaterThan(0.95);
    const byInitiation = new Set(data.cases.map((c) => `${c.facts.initiation}/${c.facts.obligations[0]!.beneficiary}`));
    expect(byInitiation).toEqual(new Set(['ex_officio/state_budget', 'on_request/party']));
    const categories = new Set(data.cases.map((c) => c.facts.category));
    for (const k of ['hinh_su', 'dan_su', 'hon_nhan_gia_dinh', 'kinh_doanh_thuong_mai', 'lao_dong', 'hanh_chinh']) expect(categories).toContain(k);
  });

  it('names Vietnamese parties with Long An identity numbers, judgments of the local courts', () => {
    const obligors = data.cases.map((c) => c.facts.parties.find((p) => p.role === 'obligor')!);
    const persons = obligors.filter((p) => p.kind === 'person');
    expect(persons.every((p) => /^080[0-3]\d{8}$/.test(p.idNumber ?? ''))).toBe(true);
    const nguyen = persons.filter((p) => p.name.startsWith('Nguyễn ')).length / persons.length;
    expect(nguyen).toBeGreaterThan(0.25);
    expect(obligors.every((p) => /, (xã|thị trấn) [^,]+, (huyện Châu Thành, tỉnh Long An|tỉnh Tây Ninh)$/.test(p.address ?? ''))).toBe(true);
    const courts = new Set(data.cases.map((c) => c.facts.judgment.court));
    expect(courts).toEqual(new Set(['TAND huyện Châu Thành', 'TAND tỉnh Long An', 'TAND khu vực 3 – Tây Ninh', 'TAND tỉnh Tây Ninh']));
    for (const c of data.cases) {
      expect(c.facts.judgment.number).toMatch(/^\d+\/\d{4}\/(QĐST-)?(HS|DS|HNGĐ|KDTM|LĐ|HC)(-ST|-PT)?$/);
      expect(c.facts.judgment.date <= c.facts.acceptedOn).toBe(true);
    }
  });

  it('gives the current year work to do: steps due this week and overdue for every enforcer of TN-KV3', () => {
    const perEnforcer = new Map<string, { due: number; overdue: number }>();
    for (const c of data.cases) {
      const r = replay(c.facts, c.events);
      if (!r.ok || r.value.office !== 'TN-KV3' || isTerminal(r.value.status)) continue;
      const steps = nextSteps(c.facts, r.value, c.events, '2026-11-23');
      const e = perEnforcer.get(r.value.enforcer ?? '') ?? { due: 0, overdue: 0 };
      if (steps.some((s) => s.dueThisWeek)) e.due++;
      if (steps.some((s) => s.overdue)) e.overdue++;
      perEnforcer.set(r.value.enforcer ?? '', e);
    }
    for (const enforcer of ['TN-KV3-01', 'TN-KV3-02', 'TN-KV3-03', 'TN-KV3-04']) {
      expect(perEnforcer.get(enforcer)?.due, enforcer).toBeGreaterThan(3);
      expect(perEnforcer.get(enforcer)?.overdue, enforcer).toBeGreaterThan(0);
    }
    // The live year: cases accepted in October and November 2026, some still waiting for verification.
    const live = domainReport(data.cases, 2027, ['TN-KV3', 'LA-CT'], DEMO_TODAY);
    expect(live.cases.new).toBeGreaterThan(150);
    expect(live.cases.in_progress).toBeGreaterThan(100);
    expect(live.cases.resolved).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same bytes', () => {
    const again = generateChauThanhData();
    expect(hash(again)).toBe(hash(data));
  }, 60_000);

  it.each([
    { seed: 7, today: DEMO_TODAY },
    { seed: 20_150_930, today: '2023-05-15' },
  ])('meets the published rates for another seed or another "today" ($seed, $today)', ({ seed, today }) => {
    const other = generateChauThanhData({ seed, today });
    for (const y of published.years) {
      const r = domainReport(other.cases, y.fiscal_year, ['LA-CT']);
      expect({ fy: y.fiscal_year, cases: r.cases.rate, money: r.money.rate }).toEqual({ fy: y.fiscal_year, cases: y.cases_rate, money: y.money_rate });
    }
    expect(other.cases.every((c) => c.events.every((e) => e.on <= today))).toBe(true);
    expect(other.years.at(-1)?.fiscalYear).toBe(Number(today.slice(0, 4)) + (today.slice(5, 7) >= '10' ? 1 : 0));
    expect(planOf(2015).rates).not.toBeNull();
  }, 60_000);
});
