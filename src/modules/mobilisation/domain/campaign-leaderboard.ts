import { addCalendarDays, type IsoDate } from '../../../kernel/calendar/index.js';

/**
 * The counting of a peak campaign's leaderboard. The figures themselves (cases and money resolved) come from
 * the statistics engine (statistics.md §3–§4, `resolved` over a custom period); the rules here decide which
 * period is counted, how a team is credited, and how rows are ranked and measured against the targets.
 */

export interface CountedPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The period counted while a campaign runs: [from, min(to, today)]; null before its first day (a campaign
 * that has not started counts nothing). A closed campaign's figures are those frozen at its close.
 */
export function countedPeriod(from: IsoDate, to: IsoDate, today: IsoDate): CountedPeriod | null {
  if (today < from) return null;
  return { from, to: to < today ? to : today };
}

/**
 * CAMPAIGN_TEAM_POLICY: a resolved case counts for the team to which it was assigned
 * (mobilisation_assignments) most recently among the assignments overlapping the counted period, whether
 * or not the assignment is still open; ties on the start date go to the later recorded assignment. A case
 * with no assignment overlapping the period counts in the row "not assigned to a team", so the rows add up
 * to the campaign's total.
 */
export const CAMPAIGN_TEAM_POLICY = 'latest_assignment_overlapping_period' as const;

export interface AssignmentSpan {
  readonly id: string;
  readonly teamId: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

/** The team a case counts for under CAMPAIGN_TEAM_POLICY (null: no team). */
export function teamOfCase(assignments: readonly AssignmentSpan[], period: CountedPeriod): string | null {
  let best: AssignmentSpan | null = null;
  for (const a of assignments) {
    if (a.from > period.to || (a.to !== null && a.to < period.from)) continue;
    if (best === null || a.from > best.from || (a.from === best.from && BigInt(a.id) > BigInt(best.id))) best = a;
  }
  return best?.teamId ?? null;
}

export interface LeaderboardFigures {
  /** Group key (office code, enforcer code, team id, commune code); null: the row of cases without one. */
  readonly key: string | null;
  readonly casesResolved: number;
  readonly moneyResolved: bigint;
}

export type Ranked<T extends LeaderboardFigures> = T & { readonly rank: number };

/**
 * The leaderboard's order: resolved cases descending, then resolved money descending, then key (the row
 * without a key last); rows equal in cases and money share a rank (1, 1, 3: standard competition ranking).
 */
export function rankLeaderboard<T extends LeaderboardFigures>(rows: readonly T[]): Ranked<T>[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.casesResolved !== b.casesResolved) return b.casesResolved - a.casesResolved;
    if (a.moneyResolved !== b.moneyResolved) return a.moneyResolved > b.moneyResolved ? -1 : 1;
    if (a.key === b.key) return 0;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return a.key < b.key ? -1 : 1;
  });
  const out: Ranked<T>[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    const tie = prev !== undefined && prev.casesResolved === r.casesResolved && prev.moneyResolved === r.moneyResolved;
    out.push({ ...r, rank: tie ? prev.rank : i + 1 });
  });
  return out;
}

/** The sums of a leaderboard's rows. */
export function leaderboardTotals(rows: readonly LeaderboardFigures[]): { casesResolved: number; moneyResolved: bigint } {
  return rows.reduce((s, r) => ({ casesResolved: s.casesResolved + r.casesResolved, moneyResolved: s.moneyResolved + r.moneyResolved }), { casesResolved: 0, moneyResolved: 0n });
}

/**
 * Progress against an absolute target: achieved ÷ target × 100, rounded half-up to 2 decimals with integer
 * arithmetic (like the official rates); null when there is no target.
 */
export function progressPercent(achieved: bigint | number, target: bigint | number | null): number | null {
  if (target === null) return null;
  const t = BigInt(target);
  if (t <= 0n) return null;
  const a = BigInt(achieved);
  const hundredths = (a * 10_000n * 2n + t) / (2n * t); // half-up for non-negative values
  return Number(hundredths) / 100;
}

export interface TargetProgress {
  readonly target: number | string | null;
  readonly achieved: number | string | null;
  /** achieved ÷ target (percent) for absolute targets; for rate targets the rate reached minus the target (points). */
  readonly progress: number | null;
  readonly reached: boolean | null;
}

/** The four targets of a campaign measured against what was counted (rates: the campaign period's rates). */
export function targetProgress(
  targets: { cases: number | null; money: bigint | null; casesRate: number | null; moneyRate: number | null },
  achieved: { casesResolved: number; moneyResolved: bigint; casesRate: number | null; moneyRate: number | null },
): { cases: TargetProgress; money: TargetProgress; casesRate: TargetProgress; moneyRate: TargetProgress } {
  const absolute = (t: number | bigint | null, a: number | bigint): TargetProgress => ({
    target: t === null ? null : typeof t === 'bigint' ? t.toString() : t,
    achieved: typeof a === 'bigint' ? a.toString() : a,
    progress: progressPercent(a, t),
    reached: t === null ? null : BigInt(a) >= BigInt(t),
  });
  const rate = (t: number | null, a: number | null): TargetProgress => ({
    target: t,
    achieved: a,
    progress: t === null || a === null ? null : Math.round((a - t) * 100) / 100,
    reached: t === null || a === null ? null : a >= t,
  });
  return {
    cases: absolute(targets.cases, achieved.casesResolved),
    money: absolute(targets.money, achieved.moneyResolved),
    casesRate: rate(targets.casesRate, achieved.casesRate),
    moneyRate: rate(targets.moneyRate, achieved.moneyRate),
  };
}

export interface ProgressPoint {
  readonly on: IsoDate;
  readonly cases: number;
  readonly money: bigint;
}

/**
 * Day-by-day cumulative figures over the counted period: each day the cases resolved and the money resolved
 * up to and including it. Events dated outside the period are ignored; the last point is the period's total.
 */
export function cumulativeProgress(period: CountedPeriod, cases: readonly { on: IsoDate; count: number }[], money: readonly { on: IsoDate; amount: bigint }[]): ProgressPoint[] {
  const dayCases = new Map<IsoDate, number>();
  const dayMoney = new Map<IsoDate, bigint>();
  for (const c of cases) if (c.on >= period.from && c.on <= period.to) dayCases.set(c.on, (dayCases.get(c.on) ?? 0) + c.count);
  for (const m of money) if (m.on >= period.from && m.on <= period.to) dayMoney.set(m.on, (dayMoney.get(m.on) ?? 0n) + m.amount);
  const out: ProgressPoint[] = [];
  let n = 0;
  let amount = 0n;
  for (let d = period.from; d <= period.to; d = addCalendarDays(d, 1)) {
    n += dayCases.get(d) ?? 0;
    amount += dayMoney.get(d) ?? 0n;
    out.push({ on: d, cases: n, money: amount });
  }
  return out;
}
