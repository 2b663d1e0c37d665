import { CASE_KEYS, MONEY_KEYS, type CaseKey, type MoneyKey } from './form-keys.js';
import type { StatisticsReport } from './report.js';

/**
 * The machine-readable report (statistics.md §7). Money amounts are JSON integers in đồng. Choice: the
 * object form (`toReportJson`) uses JS numbers and throws a RangeError for an amount beyond
 * Number.MAX_SAFE_INTEGER (≈ 9 triệu tỷ đồng, far above any national figure), so no đồng is ever silently
 * lost; the text form (`stringifyReport`) writes exact integer literals of any size and is what
 * `thads report --json` should print.
 */
type Json = null | boolean | number | bigint | string | Json[] | { [k: string]: Json };

export interface ReportJson {
  office: string;
  period: { from: string; to: string };
  policies: { moneyResolved: string[]; postponementGroundsWithoutMeans: string[] };
  cases: Record<CaseKey, number> & { rate: number | null };
  money: Record<MoneyKey, number> & { rate: number | null };
  target: { cases: number; money: number } | null;
  excess: { cases: number | null; money: number | null } | null;
}

/** The report in §7 key order with amounts as bigint (for exact serialisation). */
function ordered(r: StatisticsReport, amount: (x: bigint) => number | bigint): Record<string, Json> {
  const form = <K extends string>(keys: readonly K[], values: Record<K, number | bigint> & { rate: number | null }, conv: (v: number | bigint) => Json) => {
    const o: Record<string, Json> = {};
    for (const k of keys) {
      o[k] = conv(values[k]);
      if (k === 'resolved') o.rate = values.rate;
    }
    return o;
  };
  return {
    office: r.office,
    period: { from: r.period.from, to: r.period.to },
    policies: { moneyResolved: [...r.policies.moneyResolved], postponementGroundsWithoutMeans: [...r.policies.postponementGroundsWithoutMeans] },
    cases: form(CASE_KEYS, r.cases, (v) => v),
    money: form(MONEY_KEYS, r.money, (v) => (typeof v === 'bigint' ? amount(v) : v)),
    target: r.target === null ? null : { cases: r.target.cases, money: r.target.money },
    excess: r.excess === null ? null : { cases: r.excess.cases, money: r.excess.money },
  };
}

/** The §7 JSON object with money as numbers; throws RangeError when an amount exceeds MAX_SAFE_INTEGER. */
export function toReportJson(report: StatisticsReport): ReportJson {
  return ordered(report, (x) => {
    if (x > BigInt(Number.MAX_SAFE_INTEGER) || x < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount ${x} đồng exceeds the exact range of a JSON number here; use stringifyReport`);
    return Number(x);
  }) as unknown as ReportJson;
}

/** The §7 JSON text, money as exact integer literals of any size; `indent` as in JSON.stringify. */
export function stringifyReport(report: StatisticsReport, indent = 0): string {
  return write(ordered(report, (x) => x), indent, '');
}

function write(v: Json, indent: number, pad: string): string {
  if (typeof v === 'bigint') return v.toString();
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = pad + ' '.repeat(indent);
  const sep = indent > 0 ? `,\n${inner}` : ',';
  const [open, close] = indent > 0 ? [`\n${inner}`, `\n${pad}`] : ['', ''];
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${open}${v.map((x) => write(x, indent, inner)).join(sep)}${close}]`;
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const colon = indent > 0 ? ': ' : ':';
  return `{${open}${entries.map(([k, x]) => `${JSON.stringify(k)}${colon}${write(x, indent, inner)}`).join(sep)}${close}}`;
}
