import { sql, type Kysely } from 'kysely';

// Frozen. Search of cases by party name (issue "Case register", performance). The trigram index on
// cases.search_text finds "nguyen van an" by intersecting the posting lists of a dozen very common
// trigrams (~30 ms at 1,000,000 cases) and must then sort every match by date; a word index ordered by
// date answers the newest 20 matches by reading a few index pages.
//
//  - cases.search_names: the parties' names folded (lower case, no diacritics, đ → d), each name's words
//    ([a-z0-9]+) joined by one space, names joined by " | "; cases.search_terms: its words and pairs of
//    adjacent words ("nguyen van"), so that a rare combination of common words is found from a short list. Written by the application (domain/text/name-search.ts);
//    the backfill below folds the same way without importing it (migrations never import app code).
//  - case_search_terms: one row per (term, case), a term being a word or two adjacent words, with the
//    case's date of acceptance, holding office and
//    search_names, so that a search is an index-only scan of one word's entries in date order, the phrase
//    checked on the index tuple. Two orders: nationwide (word, date) and per office (office, word, date).
//  - case_search_vocabulary: every word with the number of cases it appears in, to pick the rarest word
//    of a query and to expand the last word typed as a prefix ("nguyen van a…").
// Triggers keep both in step with cases: a statement-level insert trigger (bulk imports stay set-based)
// and an update trigger that fires only when the holding office changes (office_changed and its reversal).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN search_names text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE cases ADD COLUMN search_terms text[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`CREATE TABLE case_search_terms (
      term text NOT NULL,
      accepted_on date NOT NULL,
      case_id text NOT NULL,
      holding_office_id integer NOT NULL,
      names text NOT NULL
    )`.execute(db);
  // Searches are index-only scans where pages are all-visible: vacuum after 1% new rows, not the default 20%.
  await sql`ALTER TABLE case_search_terms SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02)`.execute(db);
  await sql`CREATE TABLE case_search_vocabulary (term text PRIMARY KEY, cases integer NOT NULL)`.execute(db);

  await backfill(db);

  await sql`CREATE INDEX case_search_terms_national_idx ON case_search_terms (term, accepted_on DESC, case_id DESC) INCLUDE (holding_office_id, names)`.execute(db);
  await sql`CREATE INDEX case_search_terms_office_idx ON case_search_terms (holding_office_id, term, accepted_on DESC, case_id DESC) INCLUDE (names)`.execute(db);

  // Words split once per statement; entries inserted in index order (fewer pages touched per batch).
  await sql`
    CREATE FUNCTION case_search_terms_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      WITH words AS (
        SELECT w.term, n.accepted_on, n.id, n.holding_office_id, n.search_names
        FROM new_cases n CROSS JOIN LATERAL unnest(n.search_terms) AS w(term)),
      vocabulary AS (
        INSERT INTO case_search_vocabulary AS v (term, cases)
        SELECT term, count(*) FROM words GROUP BY term ORDER BY term
        ON CONFLICT (term) DO UPDATE SET cases = v.cases + EXCLUDED.cases)
      INSERT INTO case_search_terms (term, accepted_on, case_id, holding_office_id, names)
        SELECT term, accepted_on, id, holding_office_id, search_names FROM words ORDER BY term, accepted_on DESC, id DESC;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER cases_search_terms_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases
    FOR EACH STATEMENT EXECUTE FUNCTION case_search_terms_insert()`.execute(db);

  await sql`
    CREATE FUNCTION case_search_terms_move() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE case_search_terms t SET holding_office_id = NEW.holding_office_id
        FROM unnest(NEW.search_terms) AS w(term)
        WHERE t.term = w.term AND t.accepted_on = NEW.accepted_on AND t.case_id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER cases_search_terms_move AFTER UPDATE ON cases FOR EACH ROW
    WHEN (OLD.holding_office_id IS DISTINCT FROM NEW.holding_office_id) EXECUTE FUNCTION case_search_terms_move()`.execute(db);

  // Parties and the date of acceptance are facts of a case: never updated (corrections are events).
  await sql`
    CREATE FUNCTION cases_search_facts_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'cases.search_names, search_terms and accepted_on do not change (the search index follows them)' USING ERRCODE = 'integrity_constraint_violation';
    END $$`.execute(db);
  await sql`CREATE TRIGGER cases_search_facts_frozen BEFORE UPDATE ON cases FOR EACH ROW
    WHEN (OLD.search_names IS DISTINCT FROM NEW.search_names OR OLD.search_terms IS DISTINCT FROM NEW.search_terms
          OR OLD.accepted_on IS DISTINCT FROM NEW.accepted_on)
    EXECUTE FUNCTION cases_search_facts_frozen()`.execute(db);
}

/** The folding of domain/text/fold.ts and name-search.ts, frozen here (a test compares the two). */
export function searchNamesOf(names: readonly string[]): string {
  return names
    .map((n) =>
      n
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '')
        .join(' '),
    )
    .join(' | ');
}

/** The terms of search names: each name's words and pairs of adjacent words, distinct (name-search.ts). */
export function searchTermsOf(searchNames: string): string[] {
  const terms = new Set<string>();
  for (const name of searchNames.split(' | ')) {
    const w = name.split(' ').filter((x) => x !== '');
    w.forEach((x, i) => {
      terms.add(x);
      if (i > 0) terms.add(`${w[i - 1]} ${x}`);
    });
  }
  return [...terms];
}

async function backfill(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (
      await sql<{ id: string; names: string[] }>`
        SELECT c.id, coalesce((SELECT array_agg(p.name ORDER BY p.seq) FROM case_parties p WHERE p.case_id = c.id), '{}') AS names
        FROM cases c WHERE c.id > ${after} ORDER BY c.id LIMIT 5000`.execute(db)
    ).rows;
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    await sql`UPDATE cases c SET search_names = v.names, search_terms = string_to_array(v.terms, ' | ')
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => searchNamesOf(r.names))}::text[],
                  ${rows.map((r) => searchTermsOf(searchNamesOf(r.names)).join(' | '))}::text[]) AS v(id, names, terms)
      WHERE c.id = v.id`.execute(db);
  }
  await sql`INSERT INTO case_search_terms (term, accepted_on, case_id, holding_office_id, names)
    SELECT w.term, c.accepted_on, c.id, c.holding_office_id, c.search_names
    FROM cases c CROSS JOIN LATERAL unnest(c.search_terms) AS w(term)`.execute(db);
  await sql`INSERT INTO case_search_vocabulary (term, cases) SELECT term, count(*) FROM case_search_terms GROUP BY term`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS cases_search_facts_frozen ON cases`.execute(db);
  await sql`DROP TRIGGER IF EXISTS cases_search_terms_move ON cases`.execute(db);
  await sql`DROP TRIGGER IF EXISTS cases_search_terms_insert ON cases`.execute(db);
  await sql`DROP FUNCTION IF EXISTS cases_search_facts_frozen(), case_search_terms_move(), case_search_terms_insert()`.execute(db);
  await sql`DROP TABLE IF EXISTS case_search_vocabulary, case_search_terms`.execute(db);
  await sql`ALTER TABLE cases DROP COLUMN IF EXISTS search_names, DROP COLUMN IF EXISTS search_terms`.execute(db);
}
