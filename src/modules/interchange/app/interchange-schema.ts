import { CASE_ID_RULE_VI, CATEGORIES, INITIATIONS, isValidCaseId, NO_MEANS_REASONS } from '../../cases/domain/index.js';
import { TEXT_PROBLEM_MESSAGES, textProblem } from '../../../kernel/text/clean-text.js';
import { z } from 'zod';
import { rawNumberOf } from './json-line.js';

/**
 * The records of the interchange format (shared/spec/interchange.md), field names exactly as the format
 * writes them (snake_case). Parsing yields interchange values; interchange-mapping.ts turns them into
 * domain values. Messages are Vietnamese; money is exact (bigint).
 */
const MAX_INT8 = 9_223_372_036_854_775_807n;

/** A money amount: a JSON integer of đồng, never a fraction, a string or negative. */
export function moneyIssue(v: unknown): bigint | string {
  const raw = rawNumberOf(v);
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return `Số tiền phải là số nguyên đồng, không có phần thập phân (${v}).`;
    if (v < 0) return `Số tiền không được âm (${v}).`;
    return BigInt(v);
  }
  if (raw !== undefined) {
    if (!/^-?\d+$/.test(raw)) return `Số tiền phải là số nguyên đồng, không có phần thập phân hay số mũ (${raw}).`;
    const n = BigInt(raw);
    if (n < 0n) return `Số tiền không được âm (${raw}).`;
    if (n > MAX_INT8) return `Số tiền quá lớn (${raw}).`;
    return n;
  }
  if (typeof v === 'string') return `Số tiền phải là số nguyên JSON, không phải chuỗi ("${v}"): viết 1500000, không viết "1.500.000".`;
  if (v === undefined || v === null) return 'Thiếu số tiền.';
  return 'Số tiền phải là số nguyên (đồng).';
}

export const money = z.unknown().transform((v, ctx) => {
  const r = moneyIssue(v);
  if (typeof r === 'string') {
    ctx.addIssue({ code: 'custom', message: r });
    return z.NEVER;
  }
  return r;
});
export const moneyOrNull = z.unknown().transform((v, ctx) => {
  if (v === undefined || v === null) return null;
  const r = moneyIssue(v);
  if (typeof r === 'string') {
    ctx.addIssue({ code: 'custom', message: r });
    return z.NEVER;
  }
  return r;
});

/** A percentage 0–100 (decimals allowed, e.g. 72.5). */
const percent = z.unknown().transform((v, ctx) => {
  const raw = rawNumberOf(v);
  const n = typeof v === 'number' ? v : raw !== undefined ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    ctx.addIssue({ code: 'custom', message: 'Tỷ lệ phải là một số từ 0 đến 100 (phần trăm).' });
    return z.NEVER;
  }
  return n;
});

const fiscalYear = z.number({ message: 'Năm tài chính phải là số nguyên (ví dụ 2016).' }).int({ message: 'Năm tài chính phải là số nguyên (ví dụ 2016).' }).min(2000).max(2100);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** True when a YYYY-MM-DD text names a day of the calendar (no 2025-02-29, no 2025-13-01). */
export function dateExists(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

/** A calendar date written YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine(dateExists, { message: 'Ngày không tồn tại.' });

export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { message: 'Không được để trống.' })
    // NUL, bidi overrides, zero-width characters, damaged UTF-8: refused in files as in the HTTP API.
    .superRefine((s, ctx) => {
      const p = textProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[p].vi });
    });
export const optionalText = (max: number) => z.string().max(max).nullish().transform((v) => (v && v.trim() ? v : null));
export const code = text(60);

/** `office`: a unit of the THADS organisation (national, province, office) with validity and successor. */
export const officeRecord = z.strictObject({
  type: z.literal('office'),
  code,
  name: text(300),
  level: z.enum(['national', 'province', 'office']),
  parent: code.nullable(),
  valid_from: isoDate,
  valid_to: isoDate.nullish().transform((v) => v ?? null),
  successor: code.nullish().transform((v) => v ?? null),
});
export type OfficeRecord = z.output<typeof officeRecord>;

/** `commune`: an administrative commune and the office that covers it. */
export const communeRecord = z.strictObject({ type: z.literal('commune'), code, name: text(300), office: code });
export type CommuneRecord = z.output<typeof communeRecord>;

/** `enforcer`: a Chấp hành viên of an office. */
export const enforcerRecord = z.strictObject({ type: z.literal('enforcer'), code, name: text(300), office: code });
export type EnforcerRecord = z.output<typeof enforcerRecord>;

/** `target`: an office's yearly targets, in percent of cases and of money. */
export const targetRecord = z.strictObject({ type: z.literal('target'), office: code, fiscal_year: fiscalYear, cases: percent, money: percent });
export type TargetRecord = z.output<typeof targetRecord>;

const party = z.strictObject({
  role: z.enum(['obligor', 'obligee']),
  kind: z.enum(['person', 'organisation']),
  name: text(300),
  id_number: optionalText(30),
  address: optionalText(500),
});

const beneficiary = z.enum(['state_budget', 'party']);
const obligation = z.discriminatedUnion('kind', [
  z.strictObject({ id: text(20), kind: z.literal('money'), beneficiary, label: text(300), amount: money }),
  z.strictObject({ id: text(20), kind: z.literal('non_money'), beneficiary, label: text(300), value: moneyOrNull.optional().transform((v) => v ?? null) }),
]);

const on = isoDate;
const ground = text(500);
const ref = text(60);
/** One event of a case (domain.md §3), `disbursed` included (an extension of the format). */
export const eventRecord = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('enforcer_assigned'), on, enforcer: ref }),
  z.strictObject({ type: z.literal('verified'), on, result: z.enum(['has_means', 'no_means']) }),
  z.strictObject({ type: z.literal('no_means_decided'), on, reason: z.enum(NO_MEANS_REASONS) }),
  z.strictObject({ type: z.literal('resumed'), on }),
  z.strictObject({ type: z.literal('postponed'), on, ground }),
  z.strictObject({ type: z.literal('suspended'), on, ground }),
  z.strictObject({ type: z.literal('other_status'), on, reason: ground }),
  z.strictObject({ type: z.literal('payment'), on, obligation: ref, amount: money }),
  z.strictObject({ type: z.literal('performed'), on, obligation: ref }),
  z.strictObject({ type: z.literal('reduced'), on, obligation: ref, amount: money }),
  z.strictObject({ type: z.literal('disbursed'), on, obligation: ref, amount: money }),
  z.strictObject({ type: z.literal('coercion_decided'), on }),
  z.strictObject({ type: z.literal('distrained'), on }),
  z.strictObject({ type: z.literal('auctioned'), on, proceeds: moneyOrNull.optional().transform((v) => v ?? null) }),
  z.strictObject({ type: z.literal('completed'), on }),
  z.strictObject({ type: z.literal('terminated'), on, ground }),
  z.strictObject({ type: z.literal('transferred_out'), on, to: ref, partially_performed: z.boolean().optional().transform((v) => v ?? false) }),
  z.strictObject({ type: z.literal('withdrawn'), on }),
  z.strictObject({ type: z.literal('separate_ledger'), on }),
  z.strictObject({ type: z.literal('request_returned'), on }),
  z.strictObject({ type: z.literal('office_changed'), on, to: ref }),
]);
export type EventRecord = z.output<typeof eventRecord>;

/** `case`: the facts of domain.md §2 with the case's events in date order. */
export const caseRecord = z.strictObject({
  type: z.literal('case'),
  id: z.string().refine(isValidCaseId, { message: CASE_ID_RULE_VI }),
  office: code,
  decision: z.strictObject({ number: text(100), date: isoDate }),
  accepted_on: isoDate,
  initiation: z.enum(INITIATIONS),
  category: z.enum(CATEGORIES),
  judgment: z.strictObject({ number: text(100), date: isoDate, court: text(300) }),
  commune: optionalText(20),
  enforcer: optionalText(60),
  parties: z.array(party).min(1, { message: 'Cần ít nhất một đương sự.' }).max(100),
  obligations: z.array(obligation).min(1, { message: 'Cần ít nhất một khoản phải thi hành.' }).max(100),
  events: z.array(eventRecord).max(10_000).optional().transform((v) => v ?? []),
});
export type CaseRecord = z.output<typeof caseRecord>;

/** The schema of each record type, by `type`. */
export const RECORD_SCHEMAS = { office: officeRecord, commune: communeRecord, enforcer: enforcerRecord, target: targetRecord, case: caseRecord } as const;
export type RecordType = keyof typeof RECORD_SCHEMAS;
