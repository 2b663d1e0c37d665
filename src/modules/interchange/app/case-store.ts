import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/database.js';
import { type CaseEvent, type CaseFacts, type Category, eventFromRow, type Initiation, type Obligation, type Party } from '../../cases/domain/index.js';

/** A stored case as the interchange sees it: facts, effective events (reversed ones and reversals left out). */
export interface StoredCase {
  facts: CaseFacts;
  events: CaseEvent[];
  version: number;
}

/**
 * Loads many cases at once (four queries for the whole list, not four per case): used by export pages and
 * by import to compare existing cases.
 */
export async function loadStoredCases(db: DbOrTx, ids: readonly string[], officeCode: (id: number) => string): Promise<Map<string, StoredCase>> {
  const out = new Map<string, StoredCase>();
  if (ids.length === 0) return out;
  const list = [...ids];
  const rows = await db.selectFrom('cases').selectAll().where('id', '=', sql<string>`ANY(${list}::text[])`).orderBy('id').execute();
  const [parties, obligations, events] = await Promise.all([
    db.selectFrom('case_parties').selectAll().where('case_id', '=', sql<string>`ANY(${list}::text[])`).orderBy('case_id').orderBy('seq').execute(),
    db.selectFrom('case_obligations').select(['case_id', 'id', 'kind', 'beneficiary', 'label', 'amount', 'value']).where('case_id', '=', sql<string>`ANY(${list}::text[])`).orderBy('case_id').orderBy('seq').execute(),
    db.selectFrom('case_events').select(['case_id', 'seq', 'type', 'on', 'data', 'reverses_seq']).where('case_id', '=', sql<string>`ANY(${list}::text[])`).orderBy('case_id').orderBy('seq').execute(),
  ]);
  for (const c of rows) {
    out.set(c.id, {
      version: c.version,
      events: [],
      facts: {
        id: c.id, office: officeCode(c.office_id), decision: { number: c.decision_number, date: c.decision_date }, acceptedOn: c.accepted_on,
        initiation: c.initiation as Initiation, category: c.category as Category,
        judgment: { number: c.judgment_number, date: c.judgment_date, court: c.court },
        commune: c.commune_code, enforcer: c.initial_enforcer, parties: [], obligations: [],
      },
    });
  }
  for (const p of parties) {
    out.get(p.case_id)?.facts.parties.push({ role: p.role as Party['role'], kind: p.kind as Party['kind'], name: p.name, idNumber: p.id_number, address: p.address });
  }
  for (const o of obligations) {
    const beneficiary = o.beneficiary as Obligation['beneficiary'];
    out.get(o.case_id)?.facts.obligations.push(
      o.kind === 'money' ? { id: o.id, kind: 'money', beneficiary, label: o.label, amount: o.amount! } : { id: o.id, kind: 'non_money', beneficiary, label: o.label, value: o.value },
    );
  }
  const reversed = new Set(events.filter((e) => e.type === 'reversal').map((e) => `${e.case_id}|${e.reverses_seq}`));
  for (const e of events) {
    if (e.type === 'reversal' || reversed.has(`${e.case_id}|${e.seq}`)) continue;
    out.get(e.case_id)?.events.push(eventFromRow(e.type, e.on, e.data));
  }
  return out;
}
