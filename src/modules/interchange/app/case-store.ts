import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/database.js';
import { type CaseEvent, type CaseFacts, caseFactsFromRows, eventFromRow } from '../../cases/domain/index.js';

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
  const partiesOf = groupBy(parties);
  const obligationsOf = groupBy(obligations);
  for (const c of rows) {
    const facts = caseFactsFromRows(c, partiesOf.get(c.id) ?? [], obligationsOf.get(c.id) ?? [], officeCode(c.office_id));
    out.set(c.id, { version: c.version, events: [], facts });
  }
  const reversed = new Set(events.filter((e) => e.type === 'reversal').map((e) => `${e.case_id}|${e.reverses_seq}`));
  for (const e of events) {
    if (e.type === 'reversal' || reversed.has(`${e.case_id}|${e.seq}`)) continue;
    out.get(e.case_id)?.events.push(eventFromRow(e.type, e.on, e.data));
  }
  return out;
}

/** Rows by their case, in their (already sorted) order. */
function groupBy<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const list = by.get(r.case_id);
    if (list) list.push(r);
    else by.set(r.case_id, [r]);
  }
  return by;
}
