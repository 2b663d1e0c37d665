import { CASE_BASE_KEYS, MONEY_BASE_KEYS, type CaseBaseKey, type CaseKey, type MoneyBaseKey, type MoneyKey } from './form-keys.js';
import type { StatisticsPolicies } from './policies.js';

export type CaseCounts = Record<CaseKey, number>;
export type MoneyAmounts = Record<MoneyKey, bigint>;

/** A base case form with every key at 0. */
export function zeroCaseBase(): Record<CaseBaseKey, number> {
  return Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, 0])) as Record<CaseBaseKey, number>;
}

/** A base money form with every key at 0 đồng. */
export function zeroMoneyBase(): Record<MoneyBaseKey, bigint> {
  return Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, 0n])) as Record<MoneyBaseKey, bigint>;
}

/** The derived rows of the case form (statistics.md §3): total, to_enforce, with_means, resolved, carried forward. */
export function deriveCaseForm(b: Readonly<Record<CaseBaseKey, number>>): CaseCounts {
  const total = b.carried_over + b.new;
  const toEnforce = total - b.transferred_out - b.withdrawn;
  const withMeans = b.completed + b.terminated + b.in_progress + b.postponed + b.suspended + b.other;
  const resolved = b.completed + b.terminated;
  return {
    carried_over: b.carried_over, new: b.new, total, transferred_out: b.transferred_out, withdrawn: b.withdrawn,
    to_enforce: toEnforce, completed: b.completed, terminated: b.terminated, in_progress: b.in_progress,
    postponed: b.postponed, suspended: b.suspended, other: b.other, without_means: b.without_means,
    with_means: withMeans, resolved, carried_forward: toEnforce - resolved, carried_forward_with_means: withMeans - resolved,
  };
}

/**
 * The derived rows of the money form (statistics.md §4): with_means includes `reduced`; resolved is the sum
 * of the rows named by policy `moneyResolved`.
 */
export function deriveMoneyForm(b: Readonly<Record<MoneyBaseKey, bigint>>, policies: StatisticsPolicies): MoneyAmounts {
  const total = b.carried_over + b.new;
  const toEnforce = total - b.transferred_out - b.withdrawn;
  const withMeans = b.completed + b.terminated + b.reduced + b.in_progress + b.postponed + b.suspended + b.other;
  const resolved = policies.moneyResolved.reduce((sum, part) => sum + b[part], 0n);
  return {
    carried_over: b.carried_over, new: b.new, total, transferred_out: b.transferred_out, withdrawn: b.withdrawn,
    to_enforce: toEnforce, completed: b.completed, terminated: b.terminated, reduced: b.reduced, in_progress: b.in_progress,
    postponed: b.postponed, suspended: b.suspended, other: b.other, without_means: b.without_means,
    with_means: withMeans, resolved, carried_forward: toEnforce - resolved, carried_forward_with_means: withMeans - resolved,
  };
}

/** The base rows of a case form (to re-derive after summing). */
export function caseBaseOf(form: Readonly<Record<CaseBaseKey, number>>): Record<CaseBaseKey, number> {
  return Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, form[k]])) as Record<CaseBaseKey, number>;
}

/** The base rows of a money form (to re-derive after summing). */
export function moneyBaseOf(form: Readonly<Record<MoneyBaseKey, bigint>>): Record<MoneyBaseKey, bigint> {
  return Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, form[k]])) as Record<MoneyBaseKey, bigint>;
}
