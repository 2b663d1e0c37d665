import type { CaseContribution } from './case-contribution.js';
import { CASE_BASE_KEYS, MONEY_BASE_KEYS, type CaseKey, type MoneyKey } from './form-keys.js';
import { caseBaseOf, deriveCaseForm, deriveMoneyForm, moneyBaseOf, zeroCaseBase, zeroMoneyBase, type CaseCounts, type MoneyAmounts } from './forms.js';
import type { Period } from './periods.js';
import { DEFAULT_POLICIES, type StatisticsPolicies } from './policies.js';
import { rateOf } from './rates.js';
import { excessOfRates, type Excess, type Target } from './targets.js';

export type CaseForm = CaseCounts & { readonly rate: number | null };
export type MoneyForm = MoneyAmounts & { readonly rate: number | null };

/** One report (statistics.md §7) as a domain value: case counts as numbers, money as bigint đồng. */
export interface StatisticsReport {
  readonly office: string;
  readonly period: Period;
  readonly policies: StatisticsPolicies;
  readonly cases: CaseForm;
  readonly money: MoneyForm;
  readonly target: Target | null;
  readonly excess: Excess | null;
}

export interface ReportInput {
  /** The unit reported on (office, province or nation code). */
  readonly office: string;
  readonly period: Period;
  /** Must be the policies the contributions were computed with. */
  readonly policies?: StatisticsPolicies;
  /** One per case the unit counts (held at E by it, its predecessors or the units below it); out-of-scope ones add nothing. */
  readonly contributions: Iterable<CaseContribution>;
  readonly target: Target | null;
}

/** Σ of case contributions, row by row; derived rows recomputed from the summed base rows (§3–§4). */
export function sumContributions(contributions: Iterable<CaseContribution>, policies: StatisticsPolicies = DEFAULT_POLICIES): { cases: CaseCounts; money: MoneyAmounts } {
  const cases = zeroCaseBase();
  const money = zeroMoneyBase();
  for (const c of contributions) {
    for (const k of CASE_BASE_KEYS) cases[k] += c.cases[k];
    for (const k of MONEY_BASE_KEYS) money[k] += c.money[k];
  }
  return { cases: deriveCaseForm(cases), money: deriveMoneyForm(money, policies) };
}

/** Builds a report from summed counts: rates from the sums, target and excess (statistics.md §3–§5). */
export function assembleReport(input: ReportInput): StatisticsReport {
  const policies = input.policies ?? DEFAULT_POLICIES;
  return withRates(input.office, input.period, policies, sumContributions(input.contributions, policies), input.target);
}

/**
 * A province's or the nation's report from its units' reports (statistics.md §5): the rows are summed and
 * the rates recomputed from the sums, never averaged. All reports must share the period and the policies.
 */
export function combineReports(office: string, reports: readonly StatisticsReport[], target: Target | null, fallback?: { period: Period; policies: StatisticsPolicies }): StatisticsReport {
  const first = reports[0];
  const period = first?.period ?? fallback?.period;
  const policies = first?.policies ?? fallback?.policies ?? DEFAULT_POLICIES;
  if (!period) throw new Error('combineReports: no report and no period');
  const key = (r: { period: Period; policies: StatisticsPolicies }) => JSON.stringify([r.period.from, r.period.to, r.policies.moneyResolved, r.policies.postponementGroundsWithoutMeans]);
  const cases = zeroCaseBase();
  const money = zeroMoneyBase();
  for (const r of reports) {
    if (key(r) !== key({ period, policies })) throw new Error(`combineReports: ${r.office} has another period or other policies`);
    const cb = caseBaseOf(r.cases);
    const mb = moneyBaseOf(r.money);
    for (const k of CASE_BASE_KEYS) cases[k] += cb[k];
    for (const k of MONEY_BASE_KEYS) money[k] += mb[k];
  }
  return withRates(office, period, policies, { cases: deriveCaseForm(cases), money: deriveMoneyForm(money, policies) }, target);
}

function withRates(office: string, period: Period, policies: StatisticsPolicies, sums: { cases: CaseCounts; money: MoneyAmounts }, target: Target | null): StatisticsReport {
  const cases: CaseForm = { ...sums.cases, rate: rateOf(sums.cases.resolved, sums.cases.with_means) };
  const money: MoneyForm = { ...sums.money, rate: rateOf(sums.money.resolved, sums.money.with_means) };
  return { office, period: { from: period.from, to: period.to }, policies, cases, money, target, excess: excessOfRates({ cases: cases.rate, money: money.rate }, target) };
}

/** A broken identity: which form, which identity, both sides. */
/**
 * The report measured against another target: the one in force for a unit that had none of its own that
 * year (its predecessor's, statistics.md §2, §5), with the excess recomputed from the same rates.
 */
export function withTarget(report: StatisticsReport, target: Target | null): StatisticsReport {
  return { ...report, target, excess: excessOfRates({ cases: report.cases.rate, money: report.money.rate }, target) };
}

export interface IdentityViolation {
  readonly form: 'cases' | 'money';
  readonly identity: string;
  readonly left: string;
  readonly right: string;
}

/**
 * The identities every report must meet (statistics.md §3–§4): `to_enforce = with_means + without_means`
 * and `total = to_enforce + transferred_out + withdrawn`, in cases and (to the đồng) in money. Works on a
 * report or on one case's contribution. Returns every violation; empty when all hold.
 */
export function checkIdentities(form: { cases: Readonly<Record<CaseKey, number>>; money: Readonly<Record<MoneyKey, bigint>> }): IdentityViolation[] {
  const out: IdentityViolation[] = [];
  const check = (f: 'cases' | 'money', identity: string, left: number | bigint, right: number | bigint) => {
    if (left !== right) out.push({ form: f, identity, left: String(left), right: String(right) });
  };
  const c = form.cases;
  const m = form.money;
  check('cases', 'to_enforce = with_means + without_means', c.to_enforce, c.with_means + c.without_means);
  check('cases', 'total = to_enforce + transferred_out + withdrawn', c.total, c.to_enforce + c.transferred_out + c.withdrawn);
  check('money', 'to_enforce = with_means + without_means', m.to_enforce, m.with_means + m.without_means);
  check('money', 'total = to_enforce + transferred_out + withdrawn', m.total, m.to_enforce + m.transferred_out + m.withdrawn);
  return out;
}

/** Keeps the contributions held at `E` by one of `offices` (a unit, its predecessors, the units below it: §2). */
export function contributionsHeldBy<T extends CaseContribution>(contributions: Iterable<T | null>, offices: ReadonlySet<string>): T[] {
  const out: T[] = [];
  for (const c of contributions) if (c !== null && offices.has(c.office)) out.push(c);
  return out;
}
