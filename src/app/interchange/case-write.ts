import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { IsoDate } from '../../domain/calendar/index.js';
import { outstandingOf, totalOutstanding } from '../../domain/cases/case-ledger.js';
import type { CaseEvent, CaseFacts, CaseState } from '../../domain/cases/case-types.js';
import { nextDeadline } from '../../domain/cases/deadlines.js';
import { eventData, stateToJson } from '../../repositories/case-codec.js';
import { caseSearchText } from '../cases.service.js';
import type { AppendedCase, NewCase } from './case-plan.js';

/**
 * Bulk writing of imported cases: each case's final state is already computed (replay); its projection is
 * computed with the same pieces CasesService.projection uses (totalOutstanding, nextDeadline,
 * caseSearchText), and rows go in with one multi-row statement per table per batch
 * (json_populate_recordset: one parameter, no 65,535-parameter limit). While PostgreSQL runs one batch,
 * the next is built.
 */
export interface WriteContext {
  unitId: (code: string) => number;
  today: IsoDate;
  batchSize?: number;
  onWritten?: (n: number) => void;
}

const CASE_COLS = [
  'id', 'office_id', 'decision_number', 'decision_date', 'accepted_on', 'initiation', 'category', 'judgment_number', 'judgment_date', 'court',
  'commune_code', 'initial_enforcer', 'status', 'status_since', 'holding_office_id', 'enforcer_code', 'last_event_on', 'total_amount',
  'outstanding', 'next_step', 'next_due', 'state', 'version', 'search_text',
];
const PARTY_COLS = ['case_id', 'seq', 'role', 'kind', 'name', 'id_number', 'address'];
const OBLIGATION_COLS = ['case_id', 'id', 'seq', 'kind', 'beneficiary', 'label', 'amount', 'value', 'paid', 'reduced', 'performed', 'disbursed', 'outstanding'];
const EVENT_COLS = ['case_id', 'seq', 'type', '"on"', 'data'];

const insertFrom = (table: string, cols: string[], json: string) =>
  sql`INSERT INTO ${sql.table(table)} (${sql.raw(cols.join(', '))}) SELECT ${sql.raw(cols.join(', '))} FROM json_populate_recordset(NULL::${sql.table(table)}, ${json}::json)`;

/** The projection columns of a case (what lists and deadline queues read), as a JSON object text. */
function projectionJson(facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], version: number, ctx: WriteContext): string {
  const next = nextDeadline(facts, state, events, ctx.today);
  const p = {
    status: state.status, status_since: state.statusSince, holding_office_id: ctx.unitId(state.office), enforcer_code: state.enforcer,
    last_event_on: state.lastEventOn, outstanding: totalOutstanding(facts, state).toString(), next_step: next?.code ?? null, next_due: next?.due ?? null,
    version, id: facts.id,
  };
  return `${JSON.stringify(p).slice(0, -1)},"state":${stateToJson(state)}}`;
}

function obligationRows(facts: CaseFacts, state: CaseState) {
  return facts.obligations.map((o, i) => {
    const pr = state.progress[o.id]!;
    return {
      case_id: facts.id, id: o.id, seq: i + 1, kind: o.kind, beneficiary: o.beneficiary, label: o.label,
      amount: o.kind === 'money' ? o.amount.toString() : null, value: o.kind === 'non_money' && o.value !== null ? o.value.toString() : null,
      paid: pr.paid.toString(), reduced: pr.reduced.toString(), performed: pr.performed, disbursed: pr.disbursed.toString(), outstanding: outstandingOf(o, pr).toString(),
    };
  });
}

const eventRows = (caseId: string, events: readonly CaseEvent[], fromSeq: number) =>
  events.map((e, i) => ({ case_id: caseId, seq: fromSeq + i + 1, type: e.type, on: e.on, data: eventData(e) }));

function buildInsertBatch(batch: readonly NewCase[], ctx: WriteContext) {
  const cases: string[] = [];
  const parties: unknown[] = [];
  const obligations: unknown[] = [];
  const events: unknown[] = [];
  for (const c of batch) {
    const f = c.facts;
    const total = f.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
    const facts = {
      office_id: ctx.unitId(f.office), decision_number: f.decision.number, decision_date: f.decision.date, accepted_on: f.acceptedOn,
      initiation: f.initiation, category: f.category, judgment_number: f.judgment.number, judgment_date: f.judgment.date, court: f.judgment.court,
      commune_code: f.commune, initial_enforcer: f.enforcer, total_amount: total.toString(), search_text: caseSearchText(f),
    };
    cases.push(`${JSON.stringify(facts).slice(0, -1)},${projectionJson(f, c.state, c.events, c.events.length, ctx).slice(1)}`);
    f.parties.forEach((p, i) => parties.push({ case_id: f.id, seq: i + 1, role: p.role, kind: p.kind, name: p.name, id_number: p.idNumber, address: p.address }));
    obligations.push(...obligationRows(f, c.state));
    events.push(...eventRows(f.id, c.events, 0));
  }
  return [
    insertFrom('cases', CASE_COLS, `[${cases.join(',')}]`),
    insertFrom('case_parties', PARTY_COLS, JSON.stringify(parties)),
    insertFrom('case_obligations', OBLIGATION_COLS, JSON.stringify(obligations)),
    ...(events.length ? [insertFrom('case_events', EVENT_COLS, JSON.stringify(events))] : []),
  ];
}

function buildAppendBatch(batch: readonly AppendedCase[], ctx: WriteContext) {
  const cases = batch.map((c) => projectionJson(c.facts, c.state, c.events, c.fromVersion + c.newEvents.length, ctx));
  const obligations = batch.flatMap((c) => obligationRows(c.facts, c.state));
  const events = batch.flatMap((c) => eventRows(c.facts.id, c.newEvents, c.fromVersion));
  return [
    sql`UPDATE cases c SET status = v.status, status_since = v.status_since, holding_office_id = v.holding_office_id, enforcer_code = v.enforcer_code,
          last_event_on = v.last_event_on, outstanding = v.outstanding, next_step = v.next_step, next_due = v.next_due, state = v.state,
          version = v.version, updated_at = now()
        FROM json_populate_recordset(NULL::cases, ${`[${cases.join(',')}]`}::json) v WHERE c.id = v.id`,
    sql`UPDATE case_obligations o SET paid = v.paid, reduced = v.reduced, performed = v.performed, disbursed = v.disbursed, outstanding = v.outstanding
        FROM json_populate_recordset(NULL::case_obligations, ${JSON.stringify(obligations)}::json) v WHERE o.case_id = v.case_id AND o.id = v.id`,
    insertFrom('case_events', EVENT_COLS, JSON.stringify(events)),
  ];
}

async function inBatches<T>(tx: Tx, items: readonly T[], ctx: WriteContext, build: (b: readonly T[]) => ReturnType<typeof buildInsertBatch>): Promise<void> {
  const size = ctx.batchSize ?? 1000;
  let pending: Promise<unknown> | null = null;
  for (let i = 0; i < items.length; i += size) {
    const statements = build(items.slice(i, i + size));
    if (pending) await pending;
    pending = (async () => {
      for (const s of statements) await s.execute(tx);
      ctx.onWritten?.(Math.min(i + size, items.length));
    })();
    // A failure surfaces at the next await; keep it from being reported as unhandled meanwhile.
    pending.catch(() => undefined);
  }
  if (pending) await pending;
}

/** Inserts new cases with their parties, obligations, events and projection. */
export async function insertCases(tx: Tx, cases: readonly NewCase[], ctx: WriteContext): Promise<void> {
  await inBatches(tx, cases, ctx, (b) => buildInsertBatch(b, ctx));
}

/** Appends the new events of existing cases and rewrites their projection. */
export async function appendToCases(tx: Tx, cases: readonly AppendedCase[], ctx: WriteContext): Promise<void> {
  await inBatches(tx, cases, { ...ctx, onWritten: undefined }, (b) => buildAppendBatch(b, ctx));
}

/** Raises case_counters to the highest imported sequence per office and year (ids CODE-YYYY-NNNNN). */
export async function raiseCaseCounters(tx: Tx, ids: Iterable<string>, unitIdOf: (code: string) => number | undefined): Promise<void> {
  const max = new Map<string, { office_id: number; fiscal_year: number; last: number }>();
  for (const id of ids) {
    const m = /^(.+)-(\d{4})-(\d{1,9})$/.exec(id);
    const officeId = m ? unitIdOf(m[1]!) : undefined;
    if (!m || officeId === undefined) continue;
    const key = `${officeId}|${m[2]}`;
    const n = Number(m[3]);
    if ((max.get(key)?.last ?? 0) < n) max.set(key, { office_id: officeId, fiscal_year: Number(m[2]), last: n });
  }
  if (max.size === 0) return;
  await sql`INSERT INTO case_counters (office_id, fiscal_year, last)
            SELECT office_id, fiscal_year, last FROM json_populate_recordset(NULL::case_counters, ${JSON.stringify([...max.values()])}::json)
            ON CONFLICT (office_id, fiscal_year) DO UPDATE SET last = GREATEST(case_counters.last, EXCLUDED.last)`.execute(tx);
}
