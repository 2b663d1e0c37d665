import { z } from 'zod';
import { CATEGORIES, INITIATIONS, NO_MEANS_REASONS, type CaseEvent, type Obligation } from '../domain/case-types.js';
import { isoDate } from '../../../platform/http/validation.js';
import { CASE_ID_RULE_VI, isValidCaseId } from '../domain/case-id.js';

/** Money in đồng: a JSON integer or a string of digits, never a fraction. */
export const dong = z
  .union([
    z.number().int({ message: 'Số tiền phải là số nguyên đồng (không có phần lẻ).' }).nonnegative().max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^\d{1,18}$/, { message: 'Số tiền phải là số nguyên đồng (chỉ gồm chữ số).' }),
  ])
  .transform((v) => BigInt(v));

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

const party = z.strictObject({
  role: z.enum(['obligor', 'obligee']),
  kind: z.enum(['person', 'organisation']),
  name: text(300),
  idNumber: z.string().trim().regex(/^[0-9A-Z]{6,20}$/, { message: 'Số định danh gồm 6–20 chữ số/chữ in hoa.' }).nullish().transform((v) => v ?? null),
  address: optionalText(500),
});

const obligation = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string().trim().min(1).max(20).optional(), kind: z.literal('money'), beneficiary: z.enum(['state_budget', 'party']), label: text(300), amount: dong }),
  z.strictObject({ id: z.string().trim().min(1).max(20).optional(), kind: z.literal('non_money'), beneficiary: z.enum(['state_budget', 'party']), label: text(300), value: dong.nullish().transform((v) => v ?? null) }),
]);

export const createCaseBody = z
  .strictObject({
    id: z.string().trim().refine(isValidCaseId, { message: CASE_ID_RULE_VI }).optional(),
    office: text(50),
    decision: z.strictObject({ number: text(100), date: isoDate }),
    acceptedOn: isoDate,
    initiation: z.enum(INITIATIONS),
    category: z.enum(CATEGORIES),
    judgment: z.strictObject({ number: text(100), date: isoDate, court: text(300) }),
    commune: optionalText(20),
    enforcer: optionalText(50),
    parties: z.array(party).min(1).max(50),
    obligations: z.array(obligation).min(1).max(50),
    // Accepting a second case for an enforcement decision already accepted (same office, number and date)
    // needs this explicit confirmation with its reason; it is written in the audit row.
    confirmDuplicate: z.strictObject({ reason: z.string().trim().min(10).max(500) }).optional(),
  })
  .transform((b) => ({
    id: b.id,
    confirmDuplicate: b.confirmDuplicate,
    facts: {
      office: b.office, decision: b.decision, acceptedOn: b.acceptedOn, initiation: b.initiation, category: b.category, judgment: b.judgment,
      commune: b.commune, enforcer: b.enforcer, parties: b.parties,
      obligations: b.obligations.map((o, i): Obligation => (o.kind === 'money'
        ? { id: o.id ?? `o${i + 1}`, kind: 'money', beneficiary: o.beneficiary, label: o.label, amount: o.amount }
        : { id: o.id ?? `o${i + 1}`, kind: 'non_money', beneficiary: o.beneficiary, label: o.label, value: o.value })),
    },
  }));

const on = isoDate;
const reasonText = text(500);
export const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('enforcer_assigned'), on, enforcer: text(50) }),
  z.strictObject({ type: z.literal('verified'), on, result: z.enum(['has_means', 'no_means']) }),
  z.strictObject({ type: z.literal('no_means_decided'), on, reason: z.enum(NO_MEANS_REASONS) }),
  z.strictObject({ type: z.literal('resumed'), on }),
  z.strictObject({ type: z.literal('postponed'), on, ground: reasonText }),
  z.strictObject({ type: z.literal('suspended'), on, ground: reasonText }),
  z.strictObject({ type: z.literal('other_status'), on, reason: reasonText }),
  z.strictObject({ type: z.literal('payment'), on, obligation: text(20), amount: dong }),
  z.strictObject({ type: z.literal('performed'), on, obligation: text(20) }),
  z.strictObject({ type: z.literal('reduced'), on, obligation: text(20), amount: dong }),
  z.strictObject({ type: z.literal('disbursed'), on, obligation: text(20), amount: dong }),
  z.strictObject({ type: z.literal('coercion_decided'), on }),
  z.strictObject({ type: z.literal('distrained'), on }),
  z.strictObject({ type: z.literal('auctioned'), on, proceeds: dong.nullish().transform((v) => v ?? null) }),
  z.strictObject({ type: z.literal('completed'), on }),
  z.strictObject({ type: z.literal('terminated'), on, ground: reasonText }),
  z.strictObject({ type: z.literal('transferred_out'), on, to: text(100), partiallyPerformed: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('withdrawn'), on }),
  z.strictObject({ type: z.literal('separate_ledger'), on }),
  z.strictObject({ type: z.literal('request_returned'), on }),
  z.strictObject({ type: z.literal('office_changed'), on, to: text(50) }),
]);

export const recordEventBody = z.strictObject({
  expectedVersion: z.number().int().nonnegative(),
  event: eventSchema.transform((e) => e as CaseEvent),
});
