import { sql, type Kysely } from 'kysely';

// Frozen. Closed periods (chốt số liệu, statistics.md §1): the figures of a unit's periodic report
// [1 October, month_end] as they stood when the period was closed. A close is never rewritten: later
// corrections show as differences against these figures, so the table refuses UPDATE, DELETE and TRUNCATE.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('period_closes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('month_end', 'date', (c) => c.notNull())
    // The moment the figures were read: events recorded after it are the later corrections.
    .addColumn('closed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_by', 'integer', (c) => c.notNull().references('users.id'))
    // The report as the statistics service returned it (both forms, rates, target, excess, policies).
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('period_closes_unit_month_end', ['unit_id', 'month_end'])
    .addCheckConstraint('period_closes_month_end', sql`extract(day from month_end + 1) = 1`)
    .addCheckConstraint(
      'period_closes_fiscal_year',
      sql`fiscal_year = extract(year from month_end)::integer + (case when extract(month from month_end) >= 10 then 1 else 0 end)`,
    )
    .execute();
  await sql`
    CREATE FUNCTION period_closes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'period_closes is frozen (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`CREATE TRIGGER period_closes_no_update BEFORE UPDATE OR DELETE ON period_closes
    FOR EACH ROW EXECUTE FUNCTION period_closes_frozen()`.execute(db);
  await sql`CREATE TRIGGER period_closes_no_truncate BEFORE TRUNCATE ON period_closes
    FOR EACH STATEMENT EXECUTE FUNCTION period_closes_frozen()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('period_closes').ifExists().execute();
  await sql`DROP FUNCTION IF EXISTS period_closes_frozen()`.execute(db);
}
