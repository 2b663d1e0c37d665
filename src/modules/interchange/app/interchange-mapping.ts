import type { CaseEvent, CaseFacts, Obligation, Party } from '../../cases/domain/index.js';
import type { CaseRecord, EventRecord } from './interchange-schema.js';

/**
 * Interchange records (snake_case, as the file writes them) ↔ domain values (camelCase). The export side
 * writes keys in the order of interchange.md's example, so that files diff well.
 */

/** A domain event from a parsed event record. */
export function eventFromRecord(e: EventRecord): CaseEvent {
  if (e.type === 'transferred_out') return { type: e.type, on: e.on, to: e.to, partiallyPerformed: e.partially_performed };
  return e;
}

const EVENT_FIELDS = ['enforcer', 'result', 'reason', 'ground', 'obligation', 'amount', 'to', 'partially_performed', 'proceeds'] as const;

/** The interchange object of a domain event, keys in a fixed order (amounts stay bigint for toJsonLine). */
export function eventToRecord(e: CaseEvent): Record<string, unknown> {
  const src: Record<string, unknown> = e.type === 'transferred_out' ? { to: e.to, partially_performed: e.partiallyPerformed } : { ...e };
  if (e.type === 'auctioned') src.proceeds = e.proceeds ?? null;
  const out: Record<string, unknown> = { type: e.type, on: e.on };
  for (const k of EVENT_FIELDS) if (k in src) out[k] = src[k];
  return out;
}

/** Domain facts and events of a parsed case record. */
export function caseFromRecord(r: CaseRecord): { facts: CaseFacts; events: CaseEvent[] } {
  const facts: CaseFacts = {
    id: r.id,
    office: r.office,
    decision: { number: r.decision.number, date: r.decision.date },
    acceptedOn: r.accepted_on,
    initiation: r.initiation,
    category: r.category,
    judgment: { number: r.judgment.number, date: r.judgment.date, court: r.judgment.court },
    commune: r.commune,
    enforcer: r.enforcer,
    parties: r.parties.map((p): Party => ({ role: p.role, kind: p.kind, name: p.name, idNumber: p.id_number, address: p.address })),
    obligations: r.obligations.map((o): Obligation =>
      o.kind === 'money'
        ? { id: o.id, kind: 'money', beneficiary: o.beneficiary, label: o.label, amount: o.amount }
        : { id: o.id, kind: 'non_money', beneficiary: o.beneficiary, label: o.label, value: o.value },
    ),
  };
  return { facts, events: r.events.map(eventFromRecord) };
}

/** The interchange object of a case's facts, without events. */
export function factsToRecord(f: CaseFacts): Record<string, unknown> {
  return {
    type: 'case',
    id: f.id,
    office: f.office,
    decision: { number: f.decision.number, date: f.decision.date },
    accepted_on: f.acceptedOn,
    initiation: f.initiation,
    category: f.category,
    judgment: { number: f.judgment.number, date: f.judgment.date, court: f.judgment.court },
    commune: f.commune,
    enforcer: f.enforcer,
    parties: f.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name, id_number: p.idNumber, address: p.address })),
    obligations: f.obligations.map((o) =>
      o.kind === 'money'
        ? { id: o.id, kind: o.kind, beneficiary: o.beneficiary, label: o.label, amount: o.amount }
        : { id: o.id, kind: o.kind, beneficiary: o.beneficiary, label: o.label, ...(o.value !== null ? { value: o.value } : {}) },
    ),
  };
}

/** The interchange object of a case with its effective events. */
export function caseToRecord(f: CaseFacts, events: readonly CaseEvent[]): Record<string, unknown> {
  return { ...factsToRecord(f), events: events.map(eventToRecord) };
}
