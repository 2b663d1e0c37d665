import type { CaseEventType } from '../../cases/domain/index.js';

/** The parts of the money form that may make up money `resolved` (statistics.md §4, policy `moneyResolved`). */
export const MONEY_RESOLVED_PARTS = ['completed', 'terminated', 'reduced'] as const;
export type MoneyResolvedPart = (typeof MONEY_RESOLVED_PARTS)[number];

/** The settings a report was computed with; every report shows them (statistics.md, introduction). */
export interface StatisticsPolicies {
  /** Which money rows count as resolved; default completed + terminated + reduced (§4). */
  readonly moneyResolved: readonly MoneyResolvedPart[];
  /** Grounds of postponement (hoãn) that count the case in `without_means` instead of `postponed` (§3). */
  readonly postponementGroundsWithoutMeans: readonly string[];
}

/** What a person calls each policy (exports, messages): never the identifier `moneyResolved`. */
export const POLICY_LABELS_VI: Readonly<Record<keyof StatisticsPolicies, string>> = {
  moneyResolved: 'Giá trị giải quyết xong về tiền gồm',
  postponementGroundsWithoutMeans: 'Các căn cứ hoãn tính vào "Chưa có điều kiện"',
};

/** The defaults of statistics.md §3–§4. */
export const DEFAULT_POLICIES: StatisticsPolicies = Object.freeze({
  moneyResolved: Object.freeze([...MONEY_RESOLVED_PARTS]),
  postponementGroundsWithoutMeans: Object.freeze([] as string[]),
});

/**
 * Choice (statistics.md leaves it open): a transfer (ủy thác) is "after partial performance" when the
 * episode holds any of these events, whatever their date within the episode and whether or not they carry
 * a value (performing an unvalued non-money obligation is performance), or the transfer's own flag is set.
 */
export const PARTIAL_PERFORMANCE_EVENTS: ReadonlySet<CaseEventType> = new Set<CaseEventType>(['payment', 'performed', 'reduced']);

/**
 * Choice: a postponement ground matches the policy `postponementGroundsWithoutMeans` when equal after
 * Unicode NFC normalisation and trimming; case and inner spacing matter (grounds are legal citations).
 * The ground used is that of the postponement in force at `E`.
 */
export function groundMatches(ground: string, policyGrounds: readonly string[]): boolean {
  const norm = (s: string) => s.normalize('NFC').trim();
  const g = norm(ground);
  return policyGrounds.some((p) => norm(p) === g);
}

/** Problems in a policy setting (unknown or repeated money parts, empty grounds); empty when valid. */
export function validatePolicies(p: StatisticsPolicies): string[] {
  const problems: string[] = [];
  const known = new Set<string>(MONEY_RESOLVED_PARTS);
  const seen = new Set<string>();
  for (const part of p.moneyResolved) {
    if (!known.has(part)) problems.push(`Giá trị giải quyết xong về tiền: "${part}" không phải một trong ${MONEY_RESOLVED_PARTS.join(', ')}.`);
    if (seen.has(part)) problems.push(`Giá trị giải quyết xong về tiền: "${part}" bị lặp.`);
    seen.add(part);
  }
  p.postponementGroundsWithoutMeans.forEach((g, i) => {
    if (!g.trim()) problems.push(`${POLICY_LABELS_VI.postponementGroundsWithoutMeans}, căn cứ thứ ${i + 1}: không được để trống.`);
  });
  return problems;
}
