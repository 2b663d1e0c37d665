/**
 * The pure parts of the statistics engine, without a database: the per-case rows derived with the domain
 * (evaluated here the way the SQL reads them) against caseContribution, the per-key formulas of the
 * drill-down against the domain's derived rows, the shaping of query rows into reports, and the rendered SQL
 * committed for review (src/modules/statistics/infra/queries/*.sql; UPDATE_SQL=1 rewrites them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { bucketOf, deriveCase, type DerivedCase } from '../../src/modules/statistics/domain/case-derivation.js';
import { firstSnapshotDateOf, isSnapshotDate, snapshotDatesAround, snapshotDatesBetween } from '../../src/modules/statistics/app/months.js';
import { drilldownPageSql } from '../../src/modules/statistics/infra/queries/drilldown.query.js';
import {
  caseKeyTerms, correctedReportSql, moneyKeyTerms, reportSql, shapeReport, snapshotFromPreviousSql, snapshotInsertSql, snapshotSql, sumsOfRow, type BaseRow, type BaseSums,
} from '../../src/modules/statistics/infra/queries/report.query.js';
import { fromDayNumber, toDayNumber } from '../../src/kernel/calendar/index.js';
import { deriveCaseForm, deriveMoneyForm } from '../../src/modules/statistics/domain/forms.js';
import {
  assembleReport, CASE_BASE_KEYS, CASE_KEYS, caseContribution, DEFAULT_POLICIES, groundMatches, MONEY_BASE_KEYS, MONEY_KEYS,
  type CaseBaseKey, type MoneyBaseKey, type StatisticsPolicies,
} from '../../src/modules/statistics/domain/index.js';
import { arbCaseHistory } from '../support/case-factory.js';

const POLICIES: StatisticsPolicies[] = [
  DEFAULT_POLICIES,
  { moneyResolved: ['completed'], postponementGroundsWithoutMeans: ['Điều 48 khoản 1 điểm a', 'Người phải thi hành án bị ốm nặng'] },
  { moneyResolved: ['terminated', 'reduced'], postponementGroundsWithoutMeans: ['Điều 49 khoản 2'] },
];

/** What the SQL of per-case.sql.ts computes, written again over the derived rows (same rules, in JS). */
function contributionFromRows(d: DerivedCase, from: string, to: string, policies: StatisticsPolicies): { office: string; sums: BaseSums } | null {
  const ep = d.episodes.find((e) => e.startOn <= to && (e.nextStartOn === null || e.nextStartOn > to) && (e.endOn === null || e.endOn >= from));
  if (!ep) return null;
  const office = d.offices.find((o) => o.fromOn <= to && (o.toOn === null || o.toOn > to))!.office;
  const state = d.states.find((s) => s.fromOn <= to && (s.toOn === null || s.toOn > to))!;
  const flows = d.flows.filter((f) => f.episodeNo === ep.episodeNo && f.on <= to);
  const sum = (fs: typeof flows) => fs.reduce((s, f) => s + f.amount, 0n);
  const ended = ep.endOn !== null && ep.endOn <= to;
  const c = Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, 0])) as Record<CaseBaseKey, number>;
  const m = Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, 0n])) as Record<MoneyBaseKey, bigint>;
  if (ep.startOn < from) {
    c.carried_over = 1;
    m.carried_over = ep.valueAtStart - sum(flows.filter((f) => f.on < from));
  } else {
    c.new = 1;
    m.new = ep.valueAtStart;
  }
  m.completed = sum(flows.filter((f) => f.on >= from && f.kind === 'paid'));
  m.reduced = sum(flows.filter((f) => f.on >= from && f.kind === 'reduced'));
  if (ended) {
    const atEnd = ep.outstandingAtEnd!;
    switch (ep.endType) {
      case 'completed': c.completed = 1; break;
      case 'terminated': c.terminated = 1; m.terminated = atEnd; break;
      case 'transferred_out': if (ep.partiallyPerformed) c.completed = 1; else c.transferred_out = 1; m.transferred_out = atEnd; break;
      case 'withdrawn': c.withdrawn = 1; m.withdrawn = atEnd; break;
      default: c.without_means = 1; m.without_means = atEnd;
    }
  } else {
    const s = state.status;
    const bucket = s === 'pending_verification' || s === 'in_progress' ? 'in_progress'
      : s === 'postponed' ? (groundMatches(state.ground!, policies.postponementGroundsWithoutMeans) ? 'without_means' : 'postponed')
        : s === 'no_means' ? 'without_means' : s;
    c[bucket as CaseBaseKey] = 1;
    m[bucket as MoneyBaseKey] = ep.valueAtStart - sum(flows);
  }
  return { office, sums: { cases: c, money: m } };
}

const arbDate = fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2031-06-30') }).map(fromDayNumber);

describe('derived rows', () => {
  it('read as the SQL reads them, give exactly the domain contribution of the case for any period', () => {
    fc.assert(
      fc.property(arbCaseHistory({ maxSteps: 40 }), arbDate, arbDate, fc.constantFrom(...POLICIES), fc.nat(), (h, a, b, policies, pick) => {
        const d = deriveCase(h.facts, h.events);
        // Often pick the dates of events, where off-by-one errors live.
        const dates = [h.facts.acceptedOn, ...h.events.map((e) => e.on)];
        const [x, y] = [pick % 3 === 0 ? dates[pick % dates.length]! : a, b].sort() as [string, string];
        const expected = caseContribution(h.facts, h.events, x, y, policies);
        const actual = contributionFromRows(d, x, y, policies);
        if (expected === null || !expected.inScope) {
          expect(actual).toBeNull();
          return;
        }
        expect(actual).not.toBeNull();
        expect(actual!.office).toBe(expected.office);
        expect(deriveCaseForm(actual!.sums.cases)).toEqual(expected.cases);
        expect(deriveMoneyForm(actual!.sums.money, policies)).toEqual(expected.money);
      }),
      { numRuns: 3000, seed: 20_261_120 },
    );
  });

  it('spans are contiguous from acceptance and one episode follows another', () => {
    fc.assert(
      fc.property(arbCaseHistory({ maxSteps: 40 }), (h) => {
        const d = deriveCase(h.facts, h.events);
        for (const spans of [d.states, d.offices]) {
          expect(spans[0]!.fromOn).toBe(h.facts.acceptedOn);
          expect(spans.at(-1)!.toOn).toBeNull();
          for (let i = 0; i + 1 < spans.length; i++) {
            expect(spans[i]!.toOn).toBe(spans[i + 1]!.fromOn);
            expect(spans[i]!.fromOn < spans[i]!.toOn!).toBe(true);
          }
        }
        d.episodes.forEach((e, i) => expect(e.nextStartOn).toBe(d.episodes[i + 1]?.startOn ?? null));
        // Only a change of bucket (not of enforcer, nor pending → in progress) marks a span as changing reports.
        d.states.forEach((st, i) => expect(st.bucketChanged).toBe(i === 0 || bucketOf(d.states[i - 1]!) !== bucketOf(st)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('snapshot dates', () => {
  it('are the month ends and the 8th, 15th and 23rd; any other day is at most 4 days from one', () => {
    expect(snapshotDatesBetween('2024-01-30', '2024-03-08')).toEqual(['2024-01-31', '2024-02-08', '2024-02-15', '2024-02-23', '2024-02-29', '2024-03-08']);
    expect(firstSnapshotDateOf(2026)).toBe('2025-10-08');
    fc.assert(
      fc.property(arbDate, (d) => {
        const { before, after } = snapshotDatesAround(d);
        expect(before < d && d < after).toBe(true);
        expect(isSnapshotDate(before) && isSnapshotDate(after)).toBe(true);
        expect(snapshotDatesBetween(before, after)).toEqual(isSnapshotDate(d) ? [before, d, after] : [before, after]);
        if (!isSnapshotDate(d)) expect(Math.min(toDayNumber(d) - toDayNumber(before), toDayNumber(after) - toDayNumber(d))).toBeLessThanOrEqual(4);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formulas and shaping', () => {
  const arbBase = fc.record({
    cases: fc.record(Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, fc.integer({ min: 0, max: 10_000 })])) as Record<CaseBaseKey, fc.Arbitrary<number>>),
    money: fc.record(Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, fc.bigInt({ min: 0n, max: 10n ** 15n })])) as Record<MoneyBaseKey, fc.Arbitrary<bigint>>),
  });

  it('the per-key terms of the drill-down are the domain formulas of §3–§4', () => {
    fc.assert(
      fc.property(arbBase, fc.constantFrom(...POLICIES), (b, policies) => {
        const cases = deriveCaseForm(b.cases);
        const money = deriveMoneyForm(b.money, policies);
        for (const k of CASE_KEYS) {
          const t = caseKeyTerms(k);
          expect(t.plus.reduce((s, x) => s + b.cases[x], 0) - t.minus.reduce((s, x) => s + b.cases[x], 0), k).toBe(cases[k]);
        }
        for (const k of MONEY_KEYS) {
          const t = moneyKeyTerms(k, policies);
          expect(t.plus.reduce((s, x) => s + b.money[x], 0n) - t.minus.reduce((s, x) => s + b.money[x], 0n), k).toBe(money[k]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('query rows shape into the report assembleReport gives for the same sums (rates from sums, target, excess)', () => {
    fc.assert(
      fc.property(fc.array(arbBase, { minLength: 0, maxLength: 6 }), fc.constantFrom(...POLICIES), (bases, policies) => {
        const rows = bases.map((b, i): BaseRow => ({
          grp: i, ...Object.fromEntries(CASE_BASE_KEYS.map((k) => [`c_${k}`, BigInt(b.cases[k])])), ...Object.fromEntries(MONEY_BASE_KEYS.map((k) => [`m_${k}`, b.money[k]])),
        }) as BaseRow);
        const total = rows.map(sumsOfRow).reduce((a, s) => {
          for (const k of CASE_BASE_KEYS) a.cases[k] += s.cases[k];
          for (const k of MONEY_BASE_KEYS) a.money[k] += s.money[k];
          return a;
        }, { cases: Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, 0])), money: Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, 0n])) } as BaseSums);
        const period = { from: '2019-10-01', to: '2020-09-30' };
        const target = { cases: 80, money: 38 };
        const contributions = bases.map((b) => ({ inScope: true, office: 'X', cases: deriveCaseForm(b.cases), money: deriveMoneyForm(b.money, policies) }));
        expect(shapeReport('X', period, policies, total, target)).toEqual(assembleReport({ office: 'X', period, policies, contributions: contributions as never, target }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('rendered SQL of the report queries (committed for review)', () => {
  const db = new Kysely<unknown>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() },
  });
  const dir = path.resolve(import.meta.dirname, '../../src/modules/statistics/infra/queries');
  const params = { from: '2025-10-01', to: '2026-03-15', offices: [3, 5], grounds: ['Điều 48 khoản 1 điểm a'] };
  const render = (title: string, q: RawBuilder<unknown>) => {
    const c = q.compile(db);
    const values = c.parameters.map((p, i) => `--   $${i + 1} = ${JSON.stringify(p)}`).join('\n');
    return `-- ${title}\n-- Rendered by test/integration/statistics-queries.test.ts (UPDATE_SQL=1 rewrites). Example parameters:\n${values}\n${c.sql.trim()}\n`;
  };
  const files: [string, string][] = [
    ['report.sql', render('The report of a set of offices for [from, to], one row per holding office (reportSql).', reportSql(params, 'office'))],
    ['corrected-report.sql', render('The periodic report ending on a day without stored totals, from those of the nearest snapshot date (correctedReportSql).', correctedReportSql(params, '2026-03-15'))],
    ['snapshot.sql', render('The periodic report ending on a snapshot date (a month end, the 8th, 15th or 23rd), from the stored totals (snapshotSql).', snapshotSql('2026-03-31', [3, 5]))],
    ['snapshot-insert.sql', render('The totals of every office for the first snapshot date of a fiscal year, in a rebuild (snapshotInsertSql).', snapshotInsertSql('2025-10-08', '2025-10-01', 2026, ['Điều 48 khoản 1 điểm a']))],
    ['snapshot-from-previous.sql', render('The totals of every office for a snapshot date from those of the previous one (snapshotFromPreviousSql).', snapshotFromPreviousSql('2026-03-23', '2026-03-15', '2025-10-01', 2026, []))],
    ['drilldown.sql', render('One page of the cases behind a cell: money carried forward, cases by initiation "on_request" (drilldownPageSql).',
      drilldownPageSql(params, { form: 'money', key: 'carried_forward', group: { by: 'initiation', value: 'on_request' }, limit: 101, offset: 0 }, DEFAULT_POLICIES))],
    ['report-national.sql', render('The national report (every office): whole-table joins instead of lookups (reportSql, offices = null).', reportSql({ ...params, offices: null }, 'office'))],
  ];
  for (const [file, text] of files) {
    it(`${file} is up to date`, () => {
      if (process.env.UPDATE_SQL) writeFileSync(path.join(dir, file), text);
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(text);
    });
  }
});
