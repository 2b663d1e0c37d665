import { sql, type RawBuilder } from 'kysely';
import type { NameQuery } from '../../../kernel/text/name-search.js';
import { LIST_SELECT, listItems, OBLIGORS, type CaseList, type ListRow } from './case-list.js';
import type { CaseSearch } from './case-search.js';
import { today, type CasesDeps } from './case-support.js';

/**
 * Name search over case_search_terms. One "driver" term's index entries are read in date order
 * (index-only) and the whole phrase is checked on each entry: either the rarest term typed in full (a
 * word or two adjacent words), or every term the last (possibly unfinished) one can be the start of —
 * whichever has fewer entries. The newest page+offset entries of each driver term are merged (UNION
 * removes a case found by two of them).
 */
export async function searchByName(deps: CasesDeps, nq: NameQuery, scope: number[] | null, conditions: RawBuilder<boolean>[], f: CaseSearch): Promise<CaseList> {
  const empty = { total: 0, totalIsLowerBound: false, items: [] };
  const MAX_EXPANSIONS = 50;
  // A single last word expands to words only: the pairs it starts ("nguyen van") are cases it has anyway.
  const wordsOnly = nq.last.includes(' ') ? sql`` : sql`AND strpos(term, ' ') = 0`;
  const vocabulary = (
    await sql<{ term: string; cases: number; expansion: boolean }>`
        SELECT term, cases, false AS expansion FROM case_search_vocabulary WHERE term = ANY(${nq.complete}::text[])
        UNION ALL
        (SELECT term, cases, true FROM case_search_vocabulary WHERE term >= ${nq.last} AND term < ${`${nq.last}{`} ${wordsOnly}
         ORDER BY cases DESC LIMIT ${MAX_EXPANSIONS + 1})`.execute(deps.db)
  ).rows;
  const complete = vocabulary.filter((v) => !v.expansion);
  const expansions = vocabulary.filter((v) => v.expansion);
  // A word typed in full that no case has, or a last word that starts no word: nothing can match.
  if (complete.length < nq.complete.length || expansions.length === 0) return empty;
  const rarest = complete.sort((a, b) => a.cases - b.cases)[0];
  const expansionCost = expansions.reduce((s, v) => s + v.cases, 0);
  let drivers: { terms: string[] } | { prefix: string };
  if (expansions.length <= MAX_EXPANSIONS && (!rarest || expansionCost < rarest.cases)) drivers = { terms: expansions.map((v) => v.term) };
  else if (rarest) drivers = { terms: [rarest.term] };
  // One or two letters that start more words than we merge: read the whole prefix range (slow nationally).
  else drivers = { prefix: nq.last };

  const prefixRange = (p: string) => sql<boolean>`t.term >= ${p} AND t.term < ${`${p}{`} ${p.includes(' ') ? sql`` : sql`AND strpos(t.term, ' ') = 0`}`;
  const joinCases = conditions.length > 0;
  const where = (driver: RawBuilder<boolean>) =>
    sql.join(
      [
        driver,
        sql<boolean>`(' ' || t.names) LIKE ${nq.pattern}`,
        ...(scope ? [sql<boolean>`t.holding_office_id IN (${sql.join(scope)})`] : []),
        ...conditions,
      ],
      sql` AND `,
    );
  const from = joinCases ? sql`case_search_terms t JOIN cases c ON c.id = t.case_id` : sql`case_search_terms t`;
  const k = f.page * f.pageSize;
  const hits =
    'terms' in drivers
      ? sql.join(
          drivers.terms.map(
            (term) => sql`(SELECT t.accepted_on, t.case_id FROM ${from} WHERE ${where(sql<boolean>`t.term = ${term}`)}
                             ORDER BY t.accepted_on DESC, t.case_id DESC LIMIT ${k})`,
          ),
          sql` UNION `,
        )
      : sql`SELECT DISTINCT t.accepted_on, t.case_id FROM ${from} WHERE ${where(prefixRange(drivers.prefix))}`;
  const rows = (
    await sql<ListRow>`
        SELECT ${LIST_SELECT}, ${OBLIGORS} AS obligors
        FROM (SELECT * FROM (${hits}) h0 ORDER BY accepted_on DESC, case_id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}) h
        JOIN cases c ON c.id = h.case_id
        LEFT JOIN enforcers e ON e.code = c.enforcer_code
        LEFT JOIN units u ON u.id = c.holding_office_id
        ORDER BY h.accepted_on DESC, h.case_id DESC`.execute(deps.db)
  ).rows;
  if (f.page === 1 && rows.length < f.pageSize) return { total: rows.length, totalIsLowerBound: false, items: listItems(rows, today(deps)) };
  const cap = 1_000;
  const driver = 'terms' in drivers ? sql<boolean>`t.term = ANY(${drivers.terms}::text[])` : prefixRange(drivers.prefix);
  const count = (
    await sql<{ raw: string; n: string }>`
        SELECT count(*) AS raw, count(DISTINCT case_id) AS n FROM (SELECT t.case_id FROM ${from} WHERE ${where(driver)} LIMIT ${cap + 1}) x`.execute(deps.db)
  ).rows[0]!;
  const lowerBound = Number(count.raw) > cap;
  return { total: Math.min(Number(count.n), cap), totalIsLowerBound: lowerBound, items: listItems(rows, today(deps)) };
}
