import type { IsoDate } from '../../../kernel/calendar/index.js';
import { rateOf } from '../../statistics/domain/index.js';

/**
 * What the commune teams achieved (mobilisation issue, item 4), for a unit and a period [from, to]. Every
 * figure is a count or a sum over items (one case, one visit, one money flow, one instalment), and every
 * item can be listed: the drill-down of a figure is the list its value is the sum of.
 *
 *   casesAssigned    cases handed to a team with an assignment overlapping the period (a case counts once,
 *                    for the team of its latest such assignment)
 *   visits           visits dated in the period
 *   casesResolved    cases completed (thi hành xong) in the period within the attribution window of a
 *                    persuading visit (ATTRIBUTION_WINDOW_POLICY): the team of that visit
 *   moneyResolved    payments and valued performances of the period (the statistics' money "completed",
 *                    from the same derived flows) within the window of a persuading visit
 *   coercionsAvoided resolved cases where coercion had been decided or planned before the visit and no
 *                    coercive act followed (domain/attribution.ts coercionAvoided)
 *   promisesKept / promisesBroken  promised instalments due in the period, kept or broken (instalmentStatuses);
 *                    one still due (its date not passed) is neither
 *
 * Which cases: those the unit holds at `to` (statistics.md §2), so a team's figures are a part of the unit's
 * official figures for the same period, never more; and which teams: the teams of the unit (and of the units
 * it succeeds), so the Chi cục's teams of 2015–2025 stay in its successor's history.
 */
export const RESULT_FIGURES = ['casesAssigned', 'visits', 'casesResolved', 'moneyResolved', 'coercionsAvoided', 'promisesKept', 'promisesBroken'] as const;
export type ResultFigure = (typeof RESULT_FIGURES)[number];

/** The figures that are money (đồng); the others count items. */
export const MONEY_FIGURES: ReadonlySet<ResultFigure> = new Set(['moneyResolved']);

export const RESULT_GROUPINGS = ['team', 'commune', 'enforcer'] as const;
export type ResultGrouping = (typeof RESULT_GROUPINGS)[number];

export type ResultFigures = Record<ResultFigure, bigint>;

export const zeroFigures = (): ResultFigures => Object.fromEntries(RESULT_FIGURES.map((f) => [f, 0n])) as ResultFigures;

/** Adds `b` into `a` (figure by figure) and returns `a`. */
export function addFigures(a: ResultFigures, b: ResultFigures): ResultFigures {
  for (const f of RESULT_FIGURES) a[f] += b[f];
  return a;
}

/** The office's official results for the same period (statistics.md §3–§4): what a team's share is of. */
export interface OfficialResults {
  /** Cases resolved: completed + terminated (the case form's `resolved`). */
  casesResolved: bigint;
  /** Money collected: payments and valued performances of the period (the money form's `completed`). */
  moneyCollected: bigint;
}

export interface Share {
  /** casesResolved ÷ the official cases resolved × 100, half-up to 2 decimals; null when the office resolved none. */
  cases: number | null;
  /** moneyResolved ÷ the official money collected × 100, half-up to 2 decimals; null when none was collected. */
  money: number | null;
}

/**
 * The teams' share of the office's official results: resolved cases against the case form's resolved
 * (completed + terminated), money against the money form's completed (collected), with the statistics'
 * rounding (rates.ts). A share over 100 % would mean the figures count a case the office does not: it is
 * an error, not a result.
 */
export function shareOf(f: Pick<ResultFigures, 'casesResolved' | 'moneyResolved'>, official: OfficialResults): Share {
  if (f.casesResolved > official.casesResolved || f.moneyResolved > official.moneyCollected) {
    throw new Error(`mobilisation results exceed the official results (${f.casesResolved}/${official.casesResolved} cases, ${f.moneyResolved}/${official.moneyCollected} đồng)`);
  }
  return { cases: rateOf(f.casesResolved, official.casesResolved), money: rateOf(f.moneyResolved, official.moneyCollected) };
}

/** One counted item behind a figure: a case, with the visit it is attributed to when there is one. */
export interface ResultItem {
  figure: ResultFigure;
  caseId: string;
  teamId: string;
  /** The visit behind the item (the attributed visit; the visit itself for `visits`; the promising one). */
  visitId: string | null;
  /** The item's date: the payment, the completion, the visit, the instalment's due date, the assignment. */
  on: IsoDate;
  /** 1, or the amount in đồng for money. */
  value: bigint;
}

/** Sums items into figures per group key (the same function sums a figure's drill-down list in the tests). */
export function figuresOfItems<K>(items: readonly ResultItem[], keyOf: (i: ResultItem) => K): Map<K, ResultFigures> {
  const out = new Map<K, ResultFigures>();
  for (const i of items) {
    const k = keyOf(i);
    let f = out.get(k);
    if (!f) out.set(k, (f = zeroFigures()));
    f[i.figure] += i.value;
  }
  return out;
}
