import { sql, type RawBuilder } from 'kysely';
import { foldVietnamese } from '../../../kernel/text/fold.js';
import { nameIndex, parseNameQuery } from '../../../kernel/text/name-search.js';
import type { CaseFacts } from '../domain/case-types.js';
import type { Actor } from '../../organisation/index.js';
import { LIST_SELECT, listItems, OBLIGORS, withPartyMatches, type CaseList, type ListRow } from './case-list.js';
import { searchByName } from './case-name-search.js';
import { today, type CasesDeps } from './case-support.js';

export interface CaseSearch {
  unitCode?: string | undefined;
  q?: string | undefined;
  decision?: string | undefined;
  idNumber?: string | undefined;
  commune?: string | undefined;
  enforcer?: string | undefined;
  status?: string[] | undefined;
  initiation?: string | undefined;
  category?: string | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * What a case is found by: its search text (case, decision and judgment numbers and party names, folded;
 * the trigram index) and its folded party names with their terms (the name index of migration 0005).
 */
export function caseSearchIndex(facts: CaseFacts): { text: string; names: string; terms: string[] } {
  return { text: foldVietnamese([facts.id, facts.decision.number, facts.judgment.number, ...facts.parties.map((p) => p.name)].join(' | ')), ...nameIndex(facts.parties.map((p) => p.name)) };
}

/**
 * Search and list over the user's units with filters, newest first. A party name ("nguyen van an", with or
 * without diacritics) reads the word index of migration 0005 (kernel/text/name-search.ts); numbers (case,
 * decision, judgment) and the decision filter read the trigram index of the folded search text. The total
 * is exact up to a cap (10,000 for lists, 1,000 for name searches), then a lower bound.
 */
export async function searchCases(deps: CasesDeps, actor: Actor, f: CaseSearch): Promise<CaseList> {
  let unitIds = [...actor.activeScope];
  if (f.unitCode) {
    const u = await deps.units.byCode(f.unitCode);
    unitIds = u && actor.scope.has(u.id) ? [...(await deps.units.scopeOf(u.id))].filter((id) => actor.scope.has(id)) : [];
  }
  // A national user searching everything needs no unit filter (a long IN list only slows the plan).
  const scope = (await deps.units.coversAll(new Set(unitIds))) ? null : unitIds.length ? unitIds : [-1];
  const conditions = caseConditions(deps, f);
  const nameQuery = f.q ? parseNameQuery(f.q) : null;
  if (nameQuery) {
    const found = await searchByName(deps, nameQuery, scope, conditions, f);
    return { ...found, items: await withPartyMatches(deps, found.items, f) };
  }

  const where = [...conditions];
  if (scope) where.push(sql<boolean>`c.holding_office_id IN (${sql.join(scope)})`);
  const folded = f.q ? foldVietnamese(f.q) : '';
  if (folded) where.push(sql<boolean>`c.search_text LIKE ${`%${escapeLike(folded)}%`}`);
  const whereSql = where.length ? sql.join(where, sql` AND `) : sql`true`;
  const cap = 10_000;
  const [rows, count] = await Promise.all([
    sql<ListRow>`SELECT ${LIST_SELECT}, ${OBLIGORS} AS obligors
        FROM cases c LEFT JOIN enforcers e ON e.code = c.enforcer_code LEFT JOIN units u ON u.id = c.holding_office_id
        WHERE ${whereSql} ORDER BY c.accepted_on DESC, c.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`.execute(deps.db),
    sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT 1 FROM cases c WHERE ${whereSql} LIMIT ${cap + 1}) t`.execute(deps.db),
  ]);
  const n = Number(count.rows[0]!.n);
  return { total: Math.min(n, cap), totalIsLowerBound: n > cap, items: await withPartyMatches(deps, listItems(rows.rows, today(deps)), f) };
}

/** The filters other than the unit and the text, as conditions on `cases c`. */
function caseConditions(deps: CasesDeps, f: CaseSearch): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  // Decision numbers are in the folded search text: "16/QĐ" and "16/qd" both match (PostgreSQL's lower()
  // leaves Đ alone under the C locale).
  if (f.decision) out.push(sql<boolean>`c.search_text LIKE ${`%${escapeLike(foldVietnamese(f.decision))}%`}`);
  if (f.idNumber) out.push(sql<boolean>`EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.id_number = ${f.idNumber.trim()})`);
  if (f.commune) out.push(sql<boolean>`c.commune_code = ${f.commune}`);
  if (f.enforcer) out.push(sql<boolean>`c.enforcer_code = ${f.enforcer}`);
  if (f.status?.length) out.push(sql<boolean>`c.status IN (${sql.join(f.status)})`);
  if (f.initiation) out.push(sql<boolean>`c.initiation = ${f.initiation}`);
  if (f.category) out.push(sql<boolean>`c.category = ${f.category}`);
  if (f.overdue) out.push(sql<boolean>`c.next_due < ${today(deps)}`);
  return out;
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}
