/**
 * Report values for the export and narrative tests: a StatisticsReport built from base rows by the domain
 * itself (derived rows, rates and excess recomputed by combineReports), and the published results of the
 * Chi cục THADS huyện Châu Thành 2015–2020 (shared/data/chau-thanh-2015-2020.json) as reports whose
 * rates are exactly the published ones.
 */
import {
  combineReports, DEFAULT_POLICIES, deriveCaseForm, deriveMoneyForm, fiscalYearBounds, rateOf,
  type CaseBaseKey, type MoneyBaseKey, type Period, type StatisticsPolicies, type StatisticsReport, type Target,
} from '../../../src/modules/statistics/domain/index.js';

export function reportOf(
  office: string, period: Period, cases: Record<CaseBaseKey, number>, money: Record<MoneyBaseKey, bigint>,
  target: Target | null, policies: StatisticsPolicies = DEFAULT_POLICIES,
): StatisticsReport {
  const seed: StatisticsReport = {
    office, period, policies,
    cases: { ...deriveCaseForm(cases), rate: null },
    money: { ...deriveMoneyForm(money, policies), rate: null },
    target: null, excess: null,
  };
  return combineReports(office, [seed], target);
}

/** The published rates and the targets they imply (shared/data/chau-thanh-2015-2020.json). */
export const CHAU_THANH_YEARS = [
  { fiscalYear: 2015, casesRate: 90.31, casesTarget: 88, moneyRate: 81.38, moneyTarget: 77 },
  { fiscalYear: 2016, casesRate: 77.43, casesTarget: 70, moneyRate: 39.44, moneyTarget: 30 },
  { fiscalYear: 2017, casesRate: 71.57, casesTarget: 70, moneyRate: 36.13, moneyTarget: 30 },
  { fiscalYear: 2018, casesRate: 77.98, casesTarget: 72, moneyRate: 52.78, moneyTarget: 32 },
  { fiscalYear: 2019, casesRate: 75.75, casesTarget: 73, moneyRate: 41.89, moneyTarget: 33 },
  { fiscalYear: 2020, casesRate: 83.06, casesTarget: 80, moneyRate: 61.2, moneyTarget: 38 },
] as const;

/** The smallest resolved count out of `withMeans` whose rate is exactly `rate`, or null. */
function resolvedFor(rate: number, withMeans: bigint): bigint | null {
  const guess = (withMeans * BigInt(Math.round(rate * 100))) / 10_000n;
  for (let r = guess - 2n; r <= guess + 2n; r += 1n) if (r >= 0n && rateOf(r, withMeans) === rate) return r;
  return null;
}

/** A plausible year of a district office whose case and money rates are exactly the given ones. */
export function yearReport(office: string, fiscalYear: number, casesRate: number, moneyRate: number, target: Target | null): StatisticsReport {
  let n = 900n + BigInt((fiscalYear * 37) % 400);
  let resolved = resolvedFor(casesRate, n);
  while (resolved === null) {
    n += 1n;
    resolved = resolvedFor(casesRate, n);
  }
  const withMeans = Number(n);
  const res = Number(resolved);
  const terminated = Math.round(res * 0.03);
  const open = withMeans - res;
  const postponed = Math.round(open * 0.2);
  const suspended = Math.round(open * 0.05);
  const other = Math.round(open * 0.05);
  const cases = {
    completed: res - terminated, terminated, in_progress: open - postponed - suspended - other, postponed, suspended, other,
    without_means: 350 + (fiscalYear % 7) * 11, transferred_out: 12, withdrawn: 3, carried_over: 0, new: 0,
  };
  const toEnforce = withMeans + cases.without_means;
  const total = toEnforce + cases.transferred_out + cases.withdrawn;
  cases.carried_over = Math.round(total * 0.45);
  cases.new = total - cases.carried_over;

  let m = 41_234_567_890n + BigInt(fiscalYear) * 123_456_789n;
  let mResolved = resolvedFor(moneyRate, m);
  while (mResolved === null) {
    m += 1n;
    mResolved = resolvedFor(moneyRate, m);
  }
  const mTerminated = mResolved / 20n;
  const mReduced = mResolved / 50n;
  const mOpen = m - mResolved;
  const mPostponed = mOpen / 5n;
  const money = {
    completed: mResolved - mTerminated - mReduced, terminated: mTerminated, reduced: mReduced,
    in_progress: mOpen - mPostponed, postponed: mPostponed, suspended: 0n, other: 0n,
    without_means: 17_500_250_000n, transferred_out: 250_000_000n, withdrawn: 0n, carried_over: 0n, new: 0n,
  };
  const mTotal = m + money.without_means + money.transferred_out + money.withdrawn;
  money.carried_over = (mTotal * 3n) / 5n;
  money.new = mTotal - money.carried_over;
  return reportOf(office, fiscalYearBounds(fiscalYear), cases, money, target);
}

/** The six yearly reports of LA-CT with the published rates and implied targets. */
export function chauThanhReports(): StatisticsReport[] {
  return CHAU_THANH_YEARS.map((y) => yearReport('LA-CT', y.fiscalYear, y.casesRate, y.moneyRate, { cases: y.casesTarget, money: y.moneyTarget }));
}
