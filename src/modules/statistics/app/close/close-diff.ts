import {
  CASE_KEYS, FORM_LABELS_VI, MONEY_KEYS, type CaseContribution, type CaseKey, type MoneyKey,
} from '../../domain/index.js';
import type { ReportView } from '../report-presenter.js';

/**
 * The difference between a closed period's frozen figures and the figures computed now (statistics.md §1:
 * later corrections show as differences against the frozen figures). Pure: two report views in, the cells
 * that differ out, and the per-case differences that explain them.
 */

/** A case behind a changed cell: how much it moved the cell (±1 case, or đồng as a string of digits). */
export interface CaseBehindCell<T> {
  caseId: string;
  office: string;
  difference: T;
}

export interface CellDifference<T> {
  key: string;
  label: string;
  frozen: T;
  current: T;
  /** current − frozen; for a rate in percentage points (null when either rate is null). */
  difference: T;
  /**
   * The cases whose later-recorded events move this cell, with what each moves (not for rates). `explained`
   * is true when they add up to the whole difference (false when something else changed the cell: the
   * policies, the organisation, a write racing the close, or a list cut at the limit).
   */
  cases?: CaseBehindCell<T>[];
  explained?: boolean;
}

export interface ReportDifferences {
  cases: CellDifference<number | null>[];
  money: CellDifference<string | number | null>[];
  /** The yearly target, when it was changed after the close. */
  target: { frozen: ReportView['target']; current: ReportView['target'] } | null;
  /** The counting policies, when they were changed after the close. */
  policies: { frozen: ReportView['policies']; current: ReportView['policies'] } | null;
}

const rateDifference = (f: number | null, c: number | null): number | null =>
  f === null || c === null ? null : (Math.round(c * 100) - Math.round(f * 100)) / 100;

const big = (v: string | number | null | undefined): bigint => (v === null || v === undefined ? 0n : BigInt(v));

/** The cells that differ, form by form in §7 order (rates included), and the target and policies when changed. */
export function reportDifferences(frozen: ReportView, current: ReportView): ReportDifferences {
  const cases: CellDifference<number | null>[] = [];
  for (const key of [...CASE_KEYS, 'rate'] as const) {
    const f = frozen.cases[key] ?? null;
    const c = current.cases[key] ?? null;
    if (f === c) continue;
    const difference = key === 'rate' ? rateDifference(f, c) : (c ?? 0) - (f ?? 0);
    cases.push({ key, label: FORM_LABELS_VI[key], frozen: f, current: c, difference });
  }
  const money: CellDifference<string | number | null>[] = [];
  for (const key of [...MONEY_KEYS, 'rate'] as const) {
    const f = frozen.money[key] ?? null;
    const c = current.money[key] ?? null;
    if (key === 'rate') {
      if (f !== c) money.push({ key, label: FORM_LABELS_VI.rate, frozen: f, current: c, difference: rateDifference(f as number | null, c as number | null) });
      continue;
    }
    const d = big(c) - big(f);
    if (d !== 0n) money.push({ key, label: FORM_LABELS_VI[key], frozen: f, current: c, difference: d.toString() });
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    cases,
    money,
    target: same(frozen.target, current.target) ? null : { frozen: frozen.target, current: current.target },
    policies: same(frozen.policies, current.policies) ? null : { frozen: frozen.policies, current: current.policies },
  };
}

export const hasDifferences = (d: ReportDifferences): boolean =>
  d.cases.length > 0 || d.money.length > 0 || d.target !== null || d.policies !== null;

/** What one case moves in each cell (only non-zero cells). */
export interface CaseCellChanges {
  cases: Partial<Record<CaseKey, number>>;
  money: Partial<Record<MoneyKey, bigint>>;
}

/**
 * The change of one case's contribution to the report between its history as of the close and its history
 * now; a contribution counts only when its episode is in scope and the case is held at `E` by an office the
 * report counts (`counted`).
 */
export function contributionChange(
  before: CaseContribution | null, after: CaseContribution | null, counted: (office: string) => boolean,
): CaseCellChanges {
  const use = (c: CaseContribution | null) => (c !== null && c.inScope && counted(c.office) ? c : null);
  const b = use(before);
  const a = use(after);
  const out: CaseCellChanges = { cases: {}, money: {} };
  for (const k of CASE_KEYS) {
    const d = (a?.cases[k] ?? 0) - (b?.cases[k] ?? 0);
    if (d !== 0) out.cases[k] = d;
  }
  for (const k of MONEY_KEYS) {
    const d = (a?.money[k] ?? 0n) - (b?.money[k] ?? 0n);
    if (d !== 0n) out.money[k] = d;
  }
  return out;
}

export const isUnchanged = (c: CaseCellChanges): boolean => Object.keys(c.cases).length === 0 && Object.keys(c.money).length === 0;

/**
 * Attaches to every changed cell (rates excepted) the cases that move it, at most `limit` per cell, and
 * whether they account for the whole difference.
 */
export function attachCases(
  d: ReportDifferences, changes: readonly { caseId: string; office: string; change: CaseCellChanges }[], limit: number, complete: boolean,
): ReportDifferences {
  const cases = d.cases.map((cell) => {
    if (cell.key === 'rate') return cell;
    const key = cell.key as CaseKey;
    const behind = changes.filter((c) => c.change.cases[key] !== undefined).map((c) => ({ caseId: c.caseId, office: c.office, difference: c.change.cases[key]! }));
    const sum = behind.reduce((s, c) => s + c.difference, 0);
    return { ...cell, cases: behind.slice(0, limit), explained: complete && behind.length <= limit && sum === cell.difference };
  });
  const money = d.money.map((cell) => {
    if (cell.key === 'rate') return cell;
    const key = cell.key as MoneyKey;
    const behind = changes.filter((c) => c.change.money[key] !== undefined).map((c) => ({ caseId: c.caseId, office: c.office, difference: c.change.money[key]! }));
    const sum = behind.reduce((s, c) => s + c.difference, 0n);
    return {
      ...cell,
      cases: behind.slice(0, limit).map((c) => ({ ...c, difference: c.difference.toString() })),
      explained: complete && behind.length <= limit && sum.toString() === cell.difference,
    };
  });
  return { ...d, cases, money };
}
