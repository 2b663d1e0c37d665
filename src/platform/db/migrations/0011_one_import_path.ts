import { sql, type Kysely } from 'kysely';

// Frozen. One write path for the rows derived from cases: an import writes them in its own transaction
// (the second connection committed by two-phase commit is gone).
//  1. The insert trigger of the name search indexes every inserted case again (0005's function, without the
//     'by_import' exception of 0006).
//  2. stat_flows gets a key. A flow is one payment or reduction of one case's episode on one day; two equal
//     ones on one day are two rows, so the key is (case_id, episode_no, on, kind, seq) with seq = 1, 2, …
//     among the case's flows of that episode, day and kind, in event order. Existing rows are numbered so;
//     rows the same transaction could only have written twice by mistake get a number each (nothing is
//     dropped). The key's index replaces stat_flows_case_idx (its first three columns).
// A side of an import left prepared by the older code would hold its locks for ever: refuse to go on.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, 'thads-import-')) THEN
        RAISE EXCEPTION 'an import left a prepared transaction: run the previous version of thads once to settle it, then upgrade';
      END IF;
    END $$`.execute(db);

  await sql`
    CREATE OR REPLACE FUNCTION case_search_terms_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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

  await sql`ALTER TABLE stat_flows ADD COLUMN seq integer`.execute(db);
  await sql`
    UPDATE stat_flows f SET seq = n.seq
    FROM (SELECT ctid, row_number() OVER (PARTITION BY case_id, episode_no, "on", kind ORDER BY ctid) AS seq FROM stat_flows) n
    WHERE f.ctid = n.ctid`.execute(db);
  await sql`ALTER TABLE stat_flows ALTER COLUMN seq SET NOT NULL, ADD CONSTRAINT stat_flows_seq_check CHECK (seq > 0)`.execute(db);
  await sql`ALTER TABLE stat_flows ADD CONSTRAINT stat_flows_pk PRIMARY KEY (case_id, episode_no, "on", kind, seq)`.execute(db);
  await sql`DROP INDEX IF EXISTS stat_flows_case_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS stat_flows_case_idx ON stat_flows (case_id, episode_no, "on")`.execute(db);
  await sql`ALTER TABLE stat_flows DROP CONSTRAINT IF EXISTS stat_flows_pk, DROP COLUMN IF EXISTS seq`.execute(db);
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
