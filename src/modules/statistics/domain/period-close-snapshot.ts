import { CASE_KEYS, MONEY_KEYS, type CaseKey, type MoneyKey } from './form-keys.js';
import type { Period } from './periods.js';
import { MONEY_RESOLVED_PARTS, type MoneyResolvedPart, type StatisticsPolicies } from './policies.js';
import type { StatisticsReport } from './report.js';
import type { Excess, Target } from './targets.js';

/**
 * The figures a period close freezes (chốt số liệu, statistics.md §1): the unit's periodic report as it
 * stood, with the policies it was counted with. Later corrections show as differences against it, and the
 * modules that build on closed figures (emulation, the portal) read this type, never a presenter's shape.
 * `version` names the stored format; a change of what is frozen is a new version that the reader converts.
 */
export interface PeriodCloseSnapshot {
  readonly version: 1;
  /** The unit reported on (office or province code). */
  readonly unit: string;
  readonly period: Period;
  readonly policies: StatisticsPolicies;
  /** The case form (về việc), every cell of statistics.md §3. */
  readonly cases: Readonly<Record<CaseKey, number>>;
  /** The money form (về tiền), đồng, every cell of statistics.md §4. */
  readonly money: Readonly<Record<MoneyKey, bigint>>;
  /** The two rates (§3, §4), null when nothing had means. */
  readonly rates: { readonly cases: number | null; readonly money: number | null };
  readonly target: Target | null;
  readonly excess: Excess | null;
}

/** The stored form of version 1 (JSON): money as strings of digits, so no đồng depends on a float. */
export interface PeriodCloseSnapshotJson {
  version: 1;
  unit: string;
  period: { from: string; to: string };
  policies: { moneyResolved: string[]; postponementGroundsWithoutMeans: string[] };
  cases: Record<CaseKey, number>;
  money: Record<MoneyKey, string>;
  rates: { cases: number | null; money: number | null };
  target: { cases: number; money: number } | null;
  excess: { cases: number | null; money: number | null } | null;
}

/** The snapshot of a report, to freeze it. */
export function periodCloseSnapshotOf(r: StatisticsReport): PeriodCloseSnapshot {
  return {
    version: 1,
    unit: r.office,
    period: { from: r.period.from, to: r.period.to },
    policies: { moneyResolved: [...r.policies.moneyResolved], postponementGroundsWithoutMeans: [...r.policies.postponementGroundsWithoutMeans] },
    cases: pick(CASE_KEYS, (k) => r.cases[k]),
    money: pick(MONEY_KEYS, (k) => r.money[k]),
    rates: { cases: r.cases.rate, money: r.money.rate },
    target: r.target === null ? null : { cases: r.target.cases, money: r.target.money },
    excess: r.excess === null ? null : { cases: r.excess.cases, money: r.excess.money },
  };
}

/** The frozen figures as a report again (what the report's presenters and the difference report take). */
export function reportOfSnapshot(s: PeriodCloseSnapshot): StatisticsReport {
  return {
    office: s.unit,
    period: s.period,
    policies: s.policies,
    cases: { ...s.cases, rate: s.rates.cases },
    money: { ...s.money, rate: s.rates.money },
    target: s.target,
    excess: s.excess,
  };
}

/** The stored form of a snapshot (version 1). */
export function periodCloseSnapshotToJson(s: PeriodCloseSnapshot): PeriodCloseSnapshotJson {
  return {
    version: 1,
    unit: s.unit,
    period: { from: s.period.from, to: s.period.to },
    policies: { moneyResolved: [...s.policies.moneyResolved], postponementGroundsWithoutMeans: [...s.policies.postponementGroundsWithoutMeans] },
    cases: { ...s.cases },
    money: pick(MONEY_KEYS, (k) => s.money[k].toString()),
    rates: { ...s.rates },
    target: s.target === null ? null : { ...s.target },
    excess: s.excess === null ? null : { ...s.excess },
  };
}

/**
 * Reads stored figures back: version 1, or the format before versions (the HTTP report view: `office`,
 * the rates inside the forms, money as strings of digits), read as version 1. Anything else is a bug and
 * throws (frozen figures are never guessed).
 */
export function readPeriodCloseSnapshot(stored: unknown): PeriodCloseSnapshot {
  const o = record(stored, 'figures');
  if (o.version === 1) {
    const rates = record(o.rates, 'rates');
    return snapshot(o, o.unit, { cases: rate(rates.cases, 'rates.cases'), money: rate(rates.money, 'rates.money') });
  }
  if (o.version !== undefined) throw new Error(`period close figures: unknown version ${JSON.stringify(o.version)}`);
  const cases = record(o.cases, 'cases');
  const money = record(o.money, 'money');
  return snapshot(o, o.office, { cases: rate(cases.rate, 'cases.rate'), money: rate(money.rate, 'money.rate') });
}

function snapshot(o: Record<string, unknown>, unit: unknown, rates: PeriodCloseSnapshot['rates']): PeriodCloseSnapshot {
  const period = record(o.period, 'period');
  const policies = record(o.policies, 'policies');
  const cases = record(o.cases, 'cases');
  const money = record(o.money, 'money');
  return {
    version: 1,
    unit: text(unit, 'unit'),
    period: { from: text(period.from, 'period.from'), to: text(period.to, 'period.to') },
    policies: {
      moneyResolved: list(policies.moneyResolved, 'policies.moneyResolved').map(moneyResolvedPart),
      postponementGroundsWithoutMeans: list(policies.postponementGroundsWithoutMeans, 'policies.postponementGroundsWithoutMeans').map((g) => text(g, 'ground')),
    },
    cases: pick(CASE_KEYS, (k) => count(cases[k], `cases.${k}`)),
    money: pick(MONEY_KEYS, (k) => amount(money[k], `money.${k}`)),
    rates,
    target: o.target === null ? null : pair(record(o.target, 'target'), 'target', (v, f) => finite(v, f)),
    excess: o.excess === null ? null : pair(record(o.excess, 'excess'), 'excess', rate),
  };
}

function pick<K extends string, V>(keys: readonly K[], value: (k: K) => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const k of keys) out[k] = value(k);
  return out;
}

const bad = (field: string, v: unknown) => new Error(`period close figures: ${field} is ${JSON.stringify(v)}`);

function record(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(field, v);
  return v as Record<string, unknown>;
}
function list(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw bad(field, v);
  return v;
}
function text(v: unknown, field: string): string {
  if (typeof v !== 'string') throw bad(field, v);
  return v;
}
function finite(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(field, v);
  return v;
}
function count(v: unknown, field: string): number {
  if (!Number.isSafeInteger(v)) throw bad(field, v);
  return v as number;
}
const rate = (v: unknown, field: string): number | null => (v === null ? null : finite(v, field));
function amount(v: unknown, field: string): bigint {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (Number.isSafeInteger(v)) return BigInt(v as number);
  throw bad(field, v);
}
function moneyResolvedPart(v: unknown): MoneyResolvedPart {
  const part = MONEY_RESOLVED_PARTS.find((p) => p === v);
  if (part === undefined) throw bad('policies.moneyResolved[]', v);
  return part;
}
function pair<T>(o: Record<string, unknown>, field: string, read: (v: unknown, field: string) => T): { cases: T; money: T } {
  return { cases: read(o.cases, `${field}.cases`), money: read(o.money, `${field}.money`) };
}
