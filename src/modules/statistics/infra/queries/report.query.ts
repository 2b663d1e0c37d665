import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../../../../kernel/calendar/index.js';
import { deriveCaseForm, deriveMoneyForm } from '../../domain/forms.js';
import {
  assembleReport, CASE_BASE_KEYS, MONEY_BASE_KEYS, type CaseBaseKey, type CaseContribution, type CaseKey, type MoneyBaseKey, type MoneyKey,
  type Period, type StatisticsPolicies, type StatisticsReport, type Target,
} from '../../domain/index.js';
import { changedCasesCte, perCaseCtes, perCaseParams, type PerCaseParams } from './per-case.sql.js';

/**
 * Report queries (house style: a parameter schema, one SQL query where the aggregation happens, a pure
 * shaping function). Each returns one row per group with the Σ of every base row of both forms; the
 * derived rows, rates, target and excess are computed from the sums by the domain (shapeReport).
 */
export const GROUP_COLUMNS = { office: 'office_id', initiation: 'initiation', category: 'category', commune: 'commune_code', enforcer: 'enforcer_code' } as const;
export type GroupBy = keyof typeof GROUP_COLUMNS;

/** One row of a report query: the group value and the base sums (bigint). */
export type BaseRow = { grp: string | number | null } & { [K in CaseBaseKey as `c_${K}`]: bigint } & { [K in MoneyBaseKey as `m_${K}`]: bigint };

const CASE_COLS = CASE_BASE_KEYS.map((k) => `c_${k}`);
const MONEY_COLS = MONEY_BASE_KEYS.map((k) => `m_${k}`);
const ALL_COLS = [...CASE_COLS, ...MONEY_COLS];
const sums = (from: string) => sql.raw(ALL_COLS.map((c) => `sum(${from}.${c})::bigint AS ${c}`).join(',\n  '));
const plain = (from: string, sign = '') => sql.raw(ALL_COLS.map((c) => `${sign}${from}.${c}`).join(', '));

/** The report over the derived tables, grouped (one row per holding office, initiation, …). */
export function reportSql(p: PerCaseParams, groupBy: GroupBy): RawBuilder<BaseRow> {
  const grp = sql.raw(`pc_cases.${GROUP_COLUMNS[groupBy]}`);
  return sql<BaseRow>`WITH ${perCaseCtes('pc', p)}
SELECT ${grp} AS grp,
  ${sums('pc_cases')}
FROM pc_cases
GROUP BY ${grp}
ORDER BY 1`;
}

/** The stored totals of the periodic report ending on snapshot date `asOf`, one row per holding office. */
export function snapshotSql(asOf: IsoDate, offices: readonly number[] | null): RawBuilder<BaseRow> {
  const filter = offices === null ? sql`` : sql`AND t.office_id = ANY(${[...offices]}::int[])`;
  return sql<BaseRow>`SELECT t.office_id AS grp, ${plain('t')}
FROM stat_snapshot_totals t
WHERE t.as_of = ${asOf}::date ${filter}
ORDER BY 1`;
}

/**
 * The periodic report ending `p.to` from the stored totals of another snapshot date `anchor` of the same
 * fiscal year: totals(anchor) − Σ contributions at anchor + Σ contributions at p.to, over only the cases with
 * a derived date between the two (every other case contributes the same to both). One row per office.
 */
export function correctedReportSql(p: PerCaseParams, anchor: IsoDate): RawBuilder<BaseRow> {
  const params = perCaseParams.parse(p);
  const window = params.to < anchor ? { lo: params.to, hi: anchor } : { lo: anchor, hi: params.to };
  const filter = params.offices === null ? sql`` : sql`AND t.office_id = ANY(${params.offices}::int[])`;
  const changed = sql.raw(params.offices === null ? 'changed' : 'unit_changed');
  return sql<BaseRow>`WITH ${changedCasesCte(window, params.offices)},
${perCaseCtes('pe', params, changed)},
${perCaseCtes('pm', { ...params, to: anchor }, changed)}
SELECT grp,
  ${sums('u')}
FROM (
  SELECT t.office_id AS grp, ${plain('t')} FROM stat_snapshot_totals t WHERE t.as_of = ${anchor}::date ${filter}
  UNION ALL SELECT pe_cases.office_id, ${plain('pe_cases')} FROM pe_cases
  UNION ALL SELECT pm_cases.office_id, ${plain('pm_cases', '-')} FROM pm_cases
) u
GROUP BY grp
ORDER BY 1`;
}

/**
 * The totals of the periodic report ending on snapshot date `asOf` for every office, computed from the
 * derived tables (the first snapshot date of a fiscal year, in a rebuild).
 */
export function snapshotInsertSql(asOf: IsoDate, fiscalYearStart: IsoDate, fiscalYear: number, grounds: readonly string[]): RawBuilder<unknown> {
  const p: PerCaseParams = { from: fiscalYearStart, to: asOf, offices: null, grounds: [...grounds] };
  return sql`INSERT INTO stat_snapshot_totals (office_id, as_of, fiscal_year, ${sql.raw(ALL_COLS.join(', '))})
WITH ${perCaseCtes('pc', p)}
SELECT pc_cases.office_id, ${asOf}::date, ${fiscalYear}::int, ${sums('pc_cases')}
FROM pc_cases
GROUP BY pc_cases.office_id`;
}

/**
 * The totals of snapshot date `asOf` from those of the previous snapshot date of the same fiscal year,
 * corrected over the cases with a derived date in between (rebuild and extension: one full query per
 * fiscal year, then small corrections).
 */
export function snapshotFromPreviousSql(asOf: IsoDate, previous: IsoDate, fiscalYearStart: IsoDate, fiscalYear: number, grounds: readonly string[]): RawBuilder<unknown> {
  const p: PerCaseParams = { from: fiscalYearStart, to: asOf, offices: null, grounds: [...grounds] };
  return sql`INSERT INTO stat_snapshot_totals (office_id, as_of, fiscal_year, ${sql.raw(ALL_COLS.join(', '))})
SELECT q.grp, ${asOf}::date, ${fiscalYear}::int, ${plain('q')}
FROM (${correctedReportSql(p, previous)}) q`;
}

// ---------------------------------------------------------------------------------------------------------
// Shaping (pure)

export interface BaseSums {
  cases: Record<CaseBaseKey, number>;
  money: Record<MoneyBaseKey, bigint>;
}

export const zeroSums = (): BaseSums => ({
  cases: Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, 0])) as Record<CaseBaseKey, number>,
  money: Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, 0n])) as Record<MoneyBaseKey, bigint>,
});

/** The base sums of one query row (counts as numbers, money as bigint). */
export function sumsOfRow(row: BaseRow): BaseSums {
  const s = zeroSums();
  for (const k of CASE_BASE_KEYS) s.cases[k] = Number(row[`c_${k}`] ?? 0n);
  for (const k of MONEY_BASE_KEYS) s.money[k] = BigInt(row[`m_${k}`] ?? 0n);
  return s;
}

/** Σ of base sums. */
export function addSums(into: BaseSums, s: BaseSums): BaseSums {
  for (const k of CASE_BASE_KEYS) into.cases[k] += s.cases[k];
  for (const k of MONEY_BASE_KEYS) into.money[k] += s.money[k];
  return into;
}

/** Rows grouped by their group value (null kept as null), summed when a group repeats. */
export function groupRows(rows: readonly BaseRow[]): Map<string | number | null, BaseSums> {
  const out = new Map<string | number | null, BaseSums>();
  for (const r of rows) {
    const key = r.grp;
    out.set(key, addSums(out.get(key) ?? zeroSums(), sumsOfRow(r)));
  }
  return out;
}

/** A report (both forms, rates from the sums, target, excess) for a unit from base sums: statistics.md §3–§5. */
export function shapeReport(unit: string, period: Period, policies: StatisticsPolicies, sums: BaseSums, target: Target | null): StatisticsReport {
  // The domain's assembly sums base rows and derives the rest: hand it the sums as one contribution.
  const contribution = { inScope: true, office: unit, cases: deriveCaseForm(sums.cases), money: deriveMoneyForm(sums.money, policies) } as unknown as CaseContribution;
  return assembleReport({ office: unit, period, policies, contributions: [contribution], target });
}

// ---------------------------------------------------------------------------------------------------------
// Every key of both forms as ± base rows, for per-case values in SQL (drill-down). Same formulas as
// deriveCaseForm / deriveMoneyForm (checked against them by a test).

export interface KeyTerms<K extends string> {
  plus: K[];
  minus: K[];
}

export function caseKeyTerms(key: CaseKey): KeyTerms<CaseBaseKey> {
  const withMeans: CaseBaseKey[] = ['completed', 'terminated', 'in_progress', 'postponed', 'suspended', 'other'];
  const resolved: CaseBaseKey[] = ['completed', 'terminated'];
  switch (key) {
    case 'total': return { plus: ['carried_over', 'new'], minus: [] };
    case 'to_enforce': return { plus: ['carried_over', 'new'], minus: ['transferred_out', 'withdrawn'] };
    case 'with_means': return { plus: withMeans, minus: [] };
    case 'resolved': return { plus: resolved, minus: [] };
    case 'carried_forward': return { plus: ['carried_over', 'new'], minus: ['transferred_out', 'withdrawn', ...resolved] };
    case 'carried_forward_with_means': return { plus: withMeans, minus: resolved };
    default: return { plus: [key], minus: [] };
  }
}

export function moneyKeyTerms(key: MoneyKey, policies: StatisticsPolicies): KeyTerms<MoneyBaseKey> {
  const withMeans: MoneyBaseKey[] = ['completed', 'terminated', 'reduced', 'in_progress', 'postponed', 'suspended', 'other'];
  const resolved: MoneyBaseKey[] = [...policies.moneyResolved];
  switch (key) {
    case 'total': return { plus: ['carried_over', 'new'], minus: [] };
    case 'to_enforce': return { plus: ['carried_over', 'new'], minus: ['transferred_out', 'withdrawn'] };
    case 'with_means': return { plus: withMeans, minus: [] };
    case 'resolved': return { plus: resolved, minus: [] };
    case 'carried_forward': return { plus: ['carried_over', 'new'], minus: ['transferred_out', 'withdrawn', ...resolved] };
    case 'carried_forward_with_means': return { plus: withMeans, minus: resolved };
    default: return { plus: [key], minus: [] };
  }
}

/** SQL text of a key's per-case value over a per-case relation (column names are from the fixed key lists). */
export function termsSql(relation: string, prefix: 'c' | 'm', terms: KeyTerms<string>): string {
  const col = (k: string) => `${relation}.${prefix}_${k}`;
  const plus = terms.plus.map(col).join(' + ') || '0';
  const minus = terms.minus.map((k) => ` - ${col(k)}`).join('');
  return `(${plus}${minus})`;
}
