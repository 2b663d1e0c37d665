import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { STATUS_VI } from '../domain/case-ledger.js';
import type { CaseState, Party } from '../domain/case-types.js';
import { matchedParty, type PartyMatch } from '../domain/party-match.js';
import type { CasesDeps } from './case-support.js';

/** A page of the case list: its rows as the list screen shows them, and how many cases match. */

/** The columns of a case list row (cases c, enforcers e, units u). */
export const LIST_SELECT = sql.raw(`c.id, c.decision_number, c.decision_date, c.accepted_on, c.initiation, c.category, c.status, c.status_since,
  c.enforcer_code, e.name AS enforcer_name, c.commune_code, c.total_amount, c.outstanding, c.next_step, c.next_due, u.code AS office_code, c.version`);
/** The obligors' names of case c, in the order of the decision. */
export const OBLIGORS = sql<string>`(SELECT string_agg(p.name, ', ' ORDER BY p.seq) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'obligor')`;

export interface ListRow {
  id: string; decision_number: string; decision_date: string; accepted_on: string; initiation: string; category: string; status: string;
  status_since: string; enforcer_code: string | null; enforcer_name: string | null; commune_code: string | null; total_amount: bigint | string;
  outstanding: bigint | string; next_step: string | null; next_due: string | null; office_code: string | null; version: number; obligors: string | null;
}

export interface CaseListItem {
  id: string; decisionNumber: string; decisionDate: string; acceptedOn: string; initiation: string; category: string; status: string;
  statusLabel: string; statusSince: string; enforcer: { code: string; name: string | null } | null; commune: string | null; obligors: string | null;
  total: string; outstanding: string; office: string | null; nextStep: string | null; nextDue: string | null; overdue: boolean; version: number;
  /** The party the search found the case by, when not the first obligor (role and name only). */
  match: PartyMatch | null;
}

export interface CaseList {
  total: number;
  totalIsLowerBound: boolean;
  items: CaseListItem[];
}

/** The list rows as the API presents them (whitelisted; money as strings), overdue against `today`. */
export function listItems(rows: readonly ListRow[], today: IsoDate): CaseListItem[] {
  return rows.map((r) => ({
    id: r.id, decisionNumber: r.decision_number, decisionDate: r.decision_date, acceptedOn: r.accepted_on, initiation: r.initiation,
    category: r.category, status: r.status, statusLabel: STATUS_VI[r.status as CaseState['status']], statusSince: r.status_since,
    enforcer: r.enforcer_code ? { code: r.enforcer_code, name: r.enforcer_name } : null, commune: r.commune_code,
    obligors: r.obligors, total: String(r.total_amount), outstanding: String(r.outstanding), office: r.office_code,
    nextStep: r.next_step, nextDue: r.next_due, overdue: r.next_due !== null && r.next_due < today, version: r.version, match: null,
  }));
}

/** The page's rows with the party each was found by (domain/party-match.ts); one query for the page's parties. */
export async function withPartyMatches(deps: CasesDeps, items: CaseListItem[], search: { q?: string | undefined; idNumber?: string | undefined }): Promise<CaseListItem[]> {
  if (items.length === 0 || (!search.q?.trim() && !search.idNumber?.trim())) return items;
  const rows = await deps.db
    .selectFrom('case_parties')
    .select(['case_id', 'role', 'name', 'id_number'])
    .where('case_id', 'in', items.map((i) => i.id))
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const parties = new Map<string, Pick<Party, 'role' | 'name' | 'idNumber'>[]>();
  for (const r of rows) {
    const list = parties.get(r.case_id) ?? [];
    list.push({ role: r.role as Party['role'], name: r.name, idNumber: r.id_number });
    parties.set(r.case_id, list);
  }
  return items.map((i) => ({ ...i, match: matchedParty(parties.get(i.id) ?? [], search) }));
}
