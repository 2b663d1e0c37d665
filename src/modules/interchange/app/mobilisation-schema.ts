import { z } from 'zod';
import { CAMPAIGN_CASE_REASONS, CAMPAIGN_DECIDERS, MEMBER_ORGANISATIONS, TEAM_ROLES, VISIT_OUTCOMES, VISIT_PLACES } from '../../mobilisation/domain/index.js';
import { code, isoDate, money, moneyOrNull, optionalText, text } from './interchange-schema.js';
import { rawNumberOf } from './json-line.js';

/**
 * The mobilisation records of the interchange (docs/interchange.md "Bản ghi vận động"): a team with its
 * members, a case's assignment to a team with its visits and promised instalments, a peak campaign with its
 * named cases, participants and (closed) frozen figures. Field names snake_case like the other records;
 * the rules across records (dates, members, scope) are checked by mobilisation-plan.ts and campaign-plan.ts.
 */
const optionalDate = isoDate.nullish().transform((v) => v ?? null);
const key = text(100);

const member = z.strictObject({
  key: text(60),
  name: text(300),
  organisation: z.enum(MEMBER_ORGANISATIONS),
  role: z.enum(TEAM_ROLES),
  phone: optionalText(30),
  valid_from: isoDate.optional(),
  valid_to: optionalDate,
});

/** `mobilisation_team`: a commune team of an office, established by a decision, with its members (each with a key unique in the team). */
export const teamRecord = z.strictObject({
  type: z.literal('mobilisation_team'),
  id: key,
  office: code,
  commune: code,
  name: text(300),
  decision: z.strictObject({ number: text(100), date: isoDate, signer: text(300) }),
  valid_from: isoDate,
  valid_to: optionalDate,
  members: z.array(member).max(500),
});
export type TeamRecordIn = z.output<typeof teamRecord>;

const instalment = z.strictObject({ due: isoDate, amount: money });
const visit = z.strictObject({
  on: isoDate,
  place: z.enum(VISIT_PLACES),
  outcome: z.enum(VISIT_OUTCOMES),
  members: z.array(text(60)).max(100),
  paid_on_spot: moneyOrNull.optional().transform((v) => v ?? null),
  notes: optionalText(4000),
  instalments: z.array(instalment).max(120).optional().transform((v) => v ?? []),
});
export type VisitRecordIn = z.output<typeof visit>;

/** `mobilisation_assignment`: a case handed to a team from a day (until `to`), with the team's visits in date order. */
export const assignmentRecord = z.strictObject({
  type: z.literal('mobilisation_assignment'),
  case: text(60),
  team: key,
  from: isoDate,
  to: optionalDate,
  ended_reason: z.enum(['case_closed', 'by_hand']).nullish().transform((v) => v ?? null),
  coercion_planned_on: optionalDate,
  visits: z.array(visit).max(2000).optional().transform((v) => v ?? []),
}).superRefine((a, ctx) => {
  if ((a.to === null) !== (a.ended_reason === null)) {
    ctx.addIssue({ code: 'custom', path: a.to === null ? ['to'] : ['ended_reason'], message: 'Ngày kết thúc giao (to) và lý do kết thúc (ended_reason) phải cùng có hoặc cùng để trống.' });
  }
  if (a.to !== null && a.to < a.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc giao trước ngày giao.' });
});
export type AssignmentRecordIn = z.output<typeof assignmentRecord>;

/** A JSON number (a decimal arrives as a marker object: json-line.ts), or null. */
const numberOrNull = z.unknown().transform((v, ctx) => {
  if (v === undefined || v === null) return null;
  const raw = rawNumberOf(v);
  const n = typeof v === 'number' ? v : raw !== undefined ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: 'Phải là một số.' });
    return z.NEVER;
  }
  return n;
});

/** Marker objects of unusual numbers back to numbers, everywhere in a value (the frozen figures hold rates like 77.43). */
export function plainNumbers(v: unknown): unknown {
  const raw = rawNumberOf(v);
  if (raw !== undefined) return Number(raw);
  if (Array.isArray(v)) return v.map(plainNumbers);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainNumbers(x)]));
  return v;
}

const digits = z.string().regex(/^-?\d+$/, { message: 'Số tiền trong số liệu chốt là chuỗi chữ số.' });
const snapshotRow = z.object({
  rank: z.number(), key: z.string().nullable(), label: z.string().nullable(), casesResolved: z.number(), moneyResolved: digits,
  withMeans: z.number().nullable(), rate: z.number().nullable(),
});
/** The frozen figures of a closed campaign, version 1 (mobilisation/domain/campaign-snapshot.ts), as stored. */
const snapshot = z.unknown().transform(plainNumbers).pipe(z.object({
  version: z.literal(1),
  unit: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  counted: z.object({ from: isoDate, to: isoDate }),
  closedOn: isoDate,
  policies: z.object({ moneyResolved: z.array(z.string()), teamPolicy: z.string() }),
  totals: z.object({ casesResolved: z.number(), moneyResolved: digits, withMeans: z.number(), moneyWithMeans: digits, rate: z.number().nullable(), moneyRate: z.number().nullable() }),
  leaderboards: z.partialRecord(z.enum(['office', 'enforcer', 'team', 'commune']), z.array(snapshotRow)),
  namedCases: z.array(z.object({ caseId: z.string(), decisionNumber: z.string(), reason: z.enum(CAMPAIGN_CASE_REASONS), status: z.string(), outstanding: digits })),
}));
export type SnapshotIn = z.output<typeof snapshot>;

const participant = z.strictObject({
  unit: code.optional(),
  team: key.optional(),
  enforcer: code.optional(),
  role: text(200),
});

/** `campaign`: a peak campaign (đợt cao điểm) over a unit and dates; a closed one carries its frozen figures. */
export const campaignRecord = z.strictObject({
  type: z.literal('campaign'),
  id: key,
  name: text(300),
  decision: z.strictObject({ number: text(100), date: isoDate, signer: text(300) }),
  decided_by: z.enum(CAMPAIGN_DECIDERS),
  unit: code,
  from: isoDate,
  to: isoDate,
  targets: z.strictObject({ cases: numberOrNull, money: moneyOrNull, cases_rate: numberOrNull, money_rate: numberOrNull }),
  cases: z.array(z.strictObject({ case: text(60), reason: z.enum(CAMPAIGN_CASE_REASONS), note: optionalText(2000) })).max(10_000).optional().transform((v) => v ?? []),
  participants: z.array(participant).max(1000).optional().transform((v) => v ?? []),
  status: z.enum(['open', 'closed']),
  closed_at: z.iso.datetime({ offset: true, message: 'Thời điểm kết thúc phải có dạng ISO 8601 (2026-01-31T10:00:00.000Z).' }).nullish().transform((v) => v ?? null),
  closing_snapshot: snapshot.nullish().transform((v) => v ?? null),
}).superRefine((c, ctx) => {
  const closed = c.status === 'closed';
  if (closed !== (c.closing_snapshot !== null)) {
    ctx.addIssue({ code: 'custom', path: ['closing_snapshot'], message: closed ? 'Đợt đã kết thúc cần số liệu đã chốt (closing_snapshot).' : 'Chỉ đợt đã kết thúc (status "closed") mới có số liệu chốt.' });
  }
  if (closed !== (c.closed_at !== null)) {
    ctx.addIssue({ code: 'custom', path: ['closed_at'], message: closed ? 'Đợt đã kết thúc cần thời điểm kết thúc (closed_at).' : 'Chỉ đợt đã kết thúc (status "closed") mới có thời điểm kết thúc.' });
  }
});
export type CampaignRecordIn = z.output<typeof campaignRecord>;

export const MOBILISATION_SCHEMAS = { mobilisation_team: teamRecord, mobilisation_assignment: assignmentRecord, campaign: campaignRecord } as const;
