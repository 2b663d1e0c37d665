import { sql, type Kysely } from 'kysely';

// Frozen. A bulk import writes the name-search entries of its new cases itself, on a second connection
// working in parallel with the one writing the cases (app/interchange/import-side.ts; the two commit
// together). In the transaction that inserts those cases, the setting thads.search_terms = 'by_import'
// (SET LOCAL) makes the insert trigger of 0005 leave them to it. Any other insert is indexed as before.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION case_search_terms_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('thads.search_terms', true) = 'by_import' THEN
        RETURN NULL;
      END IF;
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
}
