import { sql, type RawBuilder, type Selectable } from 'kysely';
import { PREPARED, type DbOrTx, type Tx } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CaseEvent, CaseFacts, CaseState } from '../domain/case-types.js';
import { caseFactsFromRows } from '../domain/case-rows.js';
import { eventData, stateFromJson, stateToJson } from '../domain/case-codec.js';
import type { StoredEvent } from '../domain/stored-event.js';
import type { ObligationTableRow, PartyTableRow } from './case-rows.js';

export interface LoadedCase {
  facts: CaseFacts;
  state: CaseState;
  version: number;
  officeId: number;
  holdingOfficeId: number;
  events: StoredEvent[];
  /** The value of `opts.also` (read with the case, under its lock). */
  also?: unknown;
}

export interface LoadedCaseNames {
  /** The name of the enforcer the projection holds (enforcer_code), if known. */
  enforcerName: string | null;
  /** The current name of the case's commune (its latest version), if known. */
  commune: { code: string; name: string } | null;
}

interface LoadRow {
  c: CaseRow;
  parties: (PartyTableRow & { seq: number })[] | null;
  /** Amounts as text (json_agg). */
  obligations: (Omit<ObligationTableRow, 'amount' | 'value'> & { amount: string | null; value: string | null })[] | null;
  events: { seq: number; type: string; on: string; data: Record<string, unknown>; reverses_seq: number | null; recorded_by: number | null; full_name: string | null; recorded_at: string }[] | null;
  enforcer_name?: string | null;
  commune_name?: string | null;
  also?: unknown;
}
/** A case row as to_jsonb gives it: dates as strings, state as an object (amounts are not read from it). */
type CaseRow = Omit<Selectable<DB['cases']>, 'total_amount' | 'outstanding'>;

/** The case row, its parties, obligations and events (and names, and `also`) as one row. */
async function loadRow(
  db: DbOrTx, id: string, opts: { forUpdate?: boolean; withNames?: boolean; also?: RawBuilder<unknown> | undefined },
): Promise<LoadRow | undefined> {
  const names = opts.withNames
    ? sql`, (SELECT e.name FROM enforcers e WHERE e.code = c.enforcer_code) AS enforcer_name,
          (SELECT m.name FROM communes m WHERE m.code = c.commune_code ORDER BY m.valid_from DESC NULLS LAST LIMIT 1) AS commune_name`
    : sql``;
  const r = await sql<LoadRow>`${PREPARED}
    SELECT to_jsonb(c) AS c,
      (SELECT json_agg(json_build_object('seq', p.seq, 'role', p.role, 'kind', p.kind, 'name', p.name, 'id_number', p.id_number, 'address', p.address) ORDER BY p.seq)
         FROM case_parties p WHERE p.case_id = c.id) AS parties,
      (SELECT json_agg(json_build_object('id', o.id, 'kind', o.kind, 'beneficiary', o.beneficiary, 'label', o.label, 'amount', o.amount::text, 'value', o.value::text) ORDER BY o.seq)
         FROM case_obligations o WHERE o.case_id = c.id) AS obligations,
      (SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'on', e."on", 'data', e.data, 'reverses_seq', e.reverses_seq, 'recorded_by', e.recorded_by,
                                         'full_name', u.full_name, 'recorded_at', e.recorded_at) ORDER BY e.seq)
         FROM case_events e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.case_id = c.id) AS events
      ${names}
      ${opts.also ? sql`, ${opts.also} AS also` : sql``}
    FROM cases c WHERE c.id = ${id} ${opts.forUpdate ? sql`FOR UPDATE OF c` : sql``}`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  // Locking: the subqueries read the snapshot taken when the statement began, the row lock may have
  // waited for a writer of this case after that. The case row is then newer than its events (the
  // version is the seq of the last event): read again, now that the lock is ours (`also` was evaluated).
  if (opts.forUpdate && row.c.version !== (row.events?.[row.events.length - 1]?.seq ?? 0)) {
    const again = await loadRow(db, id, { ...opts, forUpdate: false, also: undefined });
    return again && { ...again, also: row.also };
  }
  return row;
}

/**
 * Loads a case with its parties, obligations and events in ONE round trip (the detail screen and every
 * recording read a case; four queries cost more than their work). `forUpdate` locks the case row until the
 * transaction ends; `withNames` adds the enforcer's and the commune's names for display; `also` is one more
 * expression evaluated with the case (a case write takes the statistics writers' lock and state with it).
 */
export async function loadCase(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean; officeCodes: (id: number) => string | undefined; withNames?: boolean; also?: RawBuilder<unknown> | undefined },
): Promise<(LoadedCase & Partial<LoadedCaseNames>) | undefined> {
  const row = await loadRow(db, id, opts);
  if (!row) return undefined;
  const c = row.c;
  const facts = caseFactsFromRows(c, row.parties ?? [], row.obligations ?? [], opts.officeCodes(c.office_id) ?? String(c.office_id));
  return {
    facts,
    state: stateFromJson(c.state),
    version: c.version,
    officeId: c.office_id,
    holdingOfficeId: c.holding_office_id,
    events: (row.events ?? []).map((e) => ({
      seq: e.seq, type: e.type, on: e.on, data: e.data, reversesSeq: e.reverses_seq,
      recordedBy: e.recorded_by, recordedByName: e.full_name, recordedAt: new Date(e.recorded_at),
    })),
    ...(opts.also ? { also: row.also } : {}),
    ...(opts.withNames
      ? { enforcerName: row.enforcer_name ?? null, commune: c.commune_code && row.commune_name ? { code: c.commune_code, name: row.commune_name } : null }
      : {}),
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

export async function insertCase(
  tx: Tx, facts: CaseFacts, officeId: number, totalAmount: bigint, search: { text: string; names: string; terms: string[] }, p: Projection,
): Promise<void> {
  await tx
    .insertInto('cases')
    .values({
      id: facts.id, office_id: officeId, decision_number: facts.decision.number, decision_date: facts.decision.date,
      accepted_on: facts.acceptedOn, initiation: facts.initiation, category: facts.category, judgment_number: facts.judgment.number,
      judgment_date: facts.judgment.date, court: facts.judgment.court, commune_code: facts.commune, initial_enforcer: facts.enforcer,
      status: p.status, status_since: p.statusSince, holding_office_id: p.holdingOfficeId, enforcer_code: p.enforcer,
      last_event_on: p.lastEventOn, total_amount: totalAmount, outstanding: p.outstanding, next_step: p.nextStep, next_due: p.nextDue,
      state: stateToJson(p.state), version: p.version, search_text: search.text, search_names: search.names, search_terms: search.terms,
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

/**
 * Writes one event and the projection it leads to as ONE statement (data-modifying CTEs): the event row,
 * each obligation's progress, the audit row and the statistics when given, and the case row with its new
 * version. The caller holds the case row lock (loadCase forUpdate) and has checked the version it expected.
 */
export async function writeEvent(
  tx: Tx,
  w: {
    facts: CaseFacts;
    projection: Projection;
    outstandingByObligation: Map<string, bigint>;
    event: CaseEvent | { type: 'reversal'; on: string; reverses: number; reason: string };
    userId: number | null;
    audit?: RawBuilder<unknown> | undefined;
    /** More data-modifying CTEs written with the event (the case's statistics rows and totals). */
    also?: RawBuilder<unknown> | undefined;
  },
): Promise<void> {
  const { facts, projection: p } = w;
  const obligations = facts.obligations.map((o) => ({ o, pr: p.state.progress[o.id]! }));
  const data = w.event.type === 'reversal' ? { reason: w.event.reason } : eventData(w.event);
  await sql`${PREPARED}
    WITH ev AS (
      INSERT INTO case_events (case_id, seq, type, "on", data, reverses_seq, recorded_by)
      VALUES (${facts.id}, ${p.version}, ${w.event.type}, ${w.event.on}, ${JSON.stringify(data)}::jsonb,
              ${w.event.type === 'reversal' ? w.event.reverses : null}::int, ${w.userId}::int)),
    ob AS (
      UPDATE case_obligations o SET paid = v.paid, reduced = v.reduced, performed = v.performed, disbursed = v.disbursed, outstanding = v.outstanding
      FROM unnest(${obligations.map((x) => x.o.id)}::text[], ${obligations.map((x) => x.pr.paid.toString())}::int8[],
                  ${obligations.map((x) => x.pr.reduced.toString())}::int8[], ${obligations.map((x) => x.pr.performed)}::bool[],
                  ${obligations.map((x) => x.pr.disbursed.toString())}::int8[], ${obligations.map((x) => w.outstandingByObligation.get(x.o.id)!.toString())}::int8[])
           AS v(id, paid, reduced, performed, disbursed, outstanding)
      WHERE o.case_id = ${facts.id} AND o.id = v.id)
    ${w.audit ? sql`, au AS (${w.audit})` : sql``}
    ${w.also ? sql`, ${w.also}` : sql``}
    UPDATE cases SET status = ${p.status}, status_since = ${p.statusSince}, holding_office_id = ${p.holdingOfficeId}, enforcer_code = ${p.enforcer},
      last_event_on = ${p.lastEventOn}, outstanding = ${p.outstanding.toString()}::int8, next_step = ${p.nextStep}, next_due = ${p.nextDue}::date,
      state = ${stateToJson(p.state)}::jsonb, version = ${p.version}, updated_at = now()
    WHERE id = ${facts.id}`.execute(tx);
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
