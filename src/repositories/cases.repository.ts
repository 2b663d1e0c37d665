import type { DbOrTx, Tx } from '../db/database.js';
import type { CaseEvent, CaseFacts, CaseState, Category, Initiation, Obligation, Party } from '../domain/cases/case-types.js';
import { eventData, eventFromRow, stateFromJson, stateToJson } from './case-codec.js';

/** A stored event: the domain event plus its place in the log and who recorded it. */
export interface StoredEvent {
  seq: number;
  type: string;
  on: string;
  data: Record<string, unknown>;
  reversesSeq: number | null;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: Date;
}

export interface LoadedCase {
  facts: CaseFacts;
  state: CaseState;
  version: number;
  officeId: number;
  holdingOfficeId: number;
  events: StoredEvent[];
}

/** Events that count: those not cancelled by a later `reversal`, without the reversals themselves. */
export function effectiveEvents(events: readonly StoredEvent[]): CaseEvent[] {
  const reversed = new Set(events.filter((e) => e.type === 'reversal').map((e) => e.reversesSeq));
  return events.filter((e) => e.type !== 'reversal' && !reversed.has(e.seq)).map((e) => eventFromRow(e.type, e.on, e.data));
}

/** Loads a case with its events; `forUpdate` locks the row until the transaction ends. */
export async function loadCase(db: DbOrTx, id: string, opts: { forUpdate?: boolean; officeCodes: (id: number) => string | undefined }): Promise<LoadedCase | undefined> {
  let q = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const c = await q.executeTakeFirst();
  if (!c) return undefined;
  const [parties, obligations, events] = await Promise.all([
    db.selectFrom('case_parties').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('case_obligations').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('case_events as e')
      .leftJoin('users as u', 'u.id', 'e.recorded_by')
      .select(['e.seq', 'e.type', 'e.on', 'e.data', 'e.reverses_seq', 'e.recorded_by', 'u.full_name', 'e.recorded_at'])
      .where('e.case_id', '=', id)
      .orderBy('e.seq')
      .execute(),
  ]);
  const facts: CaseFacts = {
    id: c.id,
    office: opts.officeCodes(c.office_id) ?? String(c.office_id),
    decision: { number: c.decision_number, date: c.decision_date },
    acceptedOn: c.accepted_on,
    initiation: c.initiation as Initiation,
    category: c.category as Category,
    judgment: { number: c.judgment_number, date: c.judgment_date, court: c.court },
    commune: c.commune_code,
    enforcer: c.initial_enforcer,
    parties: parties.map((p): Party => ({ role: p.role as Party['role'], kind: p.kind as Party['kind'], name: p.name, idNumber: p.id_number, address: p.address })),
    obligations: obligations.map((o): Obligation =>
      o.kind === 'money'
        ? { id: o.id, kind: 'money', beneficiary: o.beneficiary as Obligation['beneficiary'], label: o.label, amount: o.amount! }
        : { id: o.id, kind: 'non_money', beneficiary: o.beneficiary as Obligation['beneficiary'], label: o.label, value: o.value },
    ),
  };
  return {
    facts,
    state: stateFromJson(c.state),
    version: c.version,
    officeId: c.office_id,
    holdingOfficeId: c.holding_office_id,
    events: events.map((e) => ({
      seq: e.seq, type: e.type, on: e.on, data: e.data as Record<string, unknown>, reversesSeq: e.reverses_seq,
      recordedBy: e.recorded_by, recordedByName: e.full_name, recordedAt: e.recorded_at,
    })),
  };
}

export interface Projection {
  status: string;
  statusSince: string;
  holdingOfficeId: number;
  enforcer: string | null;
  lastEventOn: string;
  outstanding: bigint;
  nextStep: string | null;
  nextDue: string | null;
  state: CaseState;
  version: number;
}

export async function insertCase(tx: Tx, facts: CaseFacts, officeId: number, totalAmount: bigint, searchText: string, p: Projection): Promise<void> {
  await tx
    .insertInto('cases')
    .values({
      id: facts.id, office_id: officeId, decision_number: facts.decision.number, decision_date: facts.decision.date,
      accepted_on: facts.acceptedOn, initiation: facts.initiation, category: facts.category, judgment_number: facts.judgment.number,
      judgment_date: facts.judgment.date, court: facts.judgment.court, commune_code: facts.commune, initial_enforcer: facts.enforcer,
      status: p.status, status_since: p.statusSince, holding_office_id: p.holdingOfficeId, enforcer_code: p.enforcer,
      last_event_on: p.lastEventOn, total_amount: totalAmount, outstanding: p.outstanding, next_step: p.nextStep, next_due: p.nextDue,
      state: stateToJson(p.state), version: p.version, search_text: searchText,
    })
    .execute();
  if (facts.parties.length) {
    await tx
      .insertInto('case_parties')
      .values(facts.parties.map((pt, i) => ({ case_id: facts.id, seq: i + 1, role: pt.role, kind: pt.kind, name: pt.name, id_number: pt.idNumber, address: pt.address })))
      .execute();
  }
  await tx
    .insertInto('case_obligations')
    .values(
      facts.obligations.map((o, i) => ({
        case_id: facts.id, id: o.id, seq: i + 1, kind: o.kind, beneficiary: o.beneficiary, label: o.label,
        amount: o.kind === 'money' ? o.amount : null, value: o.kind === 'non_money' ? o.value : null,
        outstanding: o.kind === 'money' ? o.amount : (o.value ?? 0n),
      })),
    )
    .execute();
}

/** Writes the projection after an event: the case row (with the version check) and each obligation's progress. */
export async function writeProjection(tx: Tx, facts: CaseFacts, p: Projection, outstandingByObligation: Map<string, bigint>): Promise<void> {
  await tx
    .updateTable('cases')
    .set({
      status: p.status, status_since: p.statusSince, holding_office_id: p.holdingOfficeId, enforcer_code: p.enforcer,
      last_event_on: p.lastEventOn, outstanding: p.outstanding, next_step: p.nextStep, next_due: p.nextDue,
      state: stateToJson(p.state), version: p.version, updated_at: new Date(),
    })
    .where('id', '=', facts.id)
    .execute();
  for (const o of facts.obligations) {
    const pr = p.state.progress[o.id]!;
    await tx
      .updateTable('case_obligations')
      .set({ paid: pr.paid, reduced: pr.reduced, performed: pr.performed, disbursed: pr.disbursed, outstanding: outstandingByObligation.get(o.id)! })
      .where('case_id', '=', facts.id)
      .where('id', '=', o.id)
      .execute();
  }
}

export async function appendEvent(tx: Tx, caseId: string, seq: number, event: CaseEvent | { type: 'reversal'; on: string; reverses: number; reason: string }, userId: number | null): Promise<void> {
  const data = event.type === 'reversal' ? { reason: event.reason } : eventData(event);
  await tx
    .insertInto('case_events')
    .values({
      case_id: caseId, seq, type: event.type, on: event.on, data: JSON.stringify(data),
      reverses_seq: event.type === 'reversal' ? event.reverses : null, recorded_by: userId,
    })
    .execute();
}
