import { sql, type Kysely } from 'kysely';

// Frozen. The statistics engine (statistics.md): settings (policies), rows derived per case from its
// effective events (rewritten in the same transaction as every case write), and snapshots of the periodic
// report per holding office (month ends and three days a month), updated by delta.
export async function up(db: Kysely<any>): Promise<void> {
  // Key → JSON value: `statistics.policies` (statistics.md: moneyResolved, postponementGroundsWithoutMeans).
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();

  // One row per episode (statistics.md §2) with the facts a report groups by (they never change).
  // next_start_on: start of the following episode, so "the last episode started on or before E" is a filter.
  await db.schema
    .createTable('stat_episodes')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('episode_no', 'integer', (c) => c.notNull())
    .addColumn('start_on', 'date', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull().check(sql`started_by in ('accepted','resumed')`))
    .addColumn('next_start_on', 'date')
    .addColumn('end_on', 'date')
    .addColumn('end_type', 'text')
    .addColumn('partially_performed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('value_at_start', 'bigint', (c) => c.notNull())
    .addColumn('outstanding_at_end', 'bigint')
    .addColumn('initiation', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('accepting_office_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_episodes_pk', ['case_id', 'episode_no'])
    .addCheckConstraint('stat_episodes_end', sql`(end_on is null) = (end_type is null) and (end_on is null) = (outstanding_at_end is null)`)
    .execute();
  await sql`CREATE INDEX stat_episodes_start_idx ON stat_episodes (start_on) INCLUDE (case_id)`.execute(db);
  // The date indexes cover case_id: "the cases with a derived date in (lo, hi]" is read from the indexes only.
  await sql`CREATE INDEX stat_episodes_end_idx ON stat_episodes (end_on) INCLUDE (case_id) WHERE end_on IS NOT NULL`.execute(db);

  // Money flows of an episode before its terminal event: payments and valued performances (paid), reductions.
  await db.schema
    .createTable('stat_flows')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('episode_no', 'integer', (c) => c.notNull())
    .addColumn('on', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('paid','reduced')`))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .execute();
  await sql`CREATE INDEX stat_flows_case_idx ON stat_flows (case_id, episode_no, "on")`.execute(db);
  await sql`CREATE INDEX stat_flows_on_idx ON stat_flows ("on") INCLUDE (case_id)`.execute(db);

  // Status (with the ground of a postponement, NFC-normalised and trimmed) and enforcer in force at the end
  // of each day, as spans [from_on, to_on); to_on null = still in force.
  await db.schema
    .createTable('stat_states')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('from_on', 'date', (c) => c.notNull())
    .addColumn('to_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ground', 'text')
    .addColumn('enforcer_code', 'text')
    // The span starts a new bucket of the case form (pending verification and in progress are one bucket; a
    // postponement's ground counts): only such changes can change a report, an enforcer change cannot.
    .addColumn('bucket_changed', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_states_pk', ['case_id', 'from_on'])
    .execute();
  await sql`CREATE INDEX stat_states_bucket_idx ON stat_states (from_on) INCLUDE (case_id) WHERE bucket_changed`.execute(db);

  // The office holding the case (accepting office, then each office_changed), as spans.
  await db.schema
    .createTable('stat_offices')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('from_on', 'date', (c) => c.notNull())
    .addColumn('to_on', 'date')
    .addPrimaryKeyConstraint('stat_offices_pk', ['case_id', 'from_on'])
    .execute();
  // A unit's cases in (office, case) order: its reports and the pages of its drill-down lists read this.
  await sql`CREATE INDEX stat_offices_office_idx ON stat_offices (office_id, case_id) INCLUDE (from_on, to_on)`.execute(db);
  await sql`CREATE INDEX stat_offices_from_idx ON stat_offices (from_on) INCLUDE (case_id)`.execute(db);

  // Σ of the base rows of both forms for the periodic report [1 Oct of the fiscal year, as_of], per office
  // holding the cases at as_of (statistics.md §1–§4), for every snapshot date: each month end (the official
  // reports) and the 8th, 15th and 23rd (any other day's report is a small correction of the nearest one).
  const caseKeys = ['carried_over', 'new', 'transferred_out', 'withdrawn', 'completed', 'terminated', 'in_progress', 'postponed', 'suspended', 'other', 'without_means'];
  const moneyKeys = [...caseKeys.slice(0, 6), 'reduced', ...caseKeys.slice(6)];
  let totals = db.schema
    .createTable('stat_snapshot_totals')
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull());
  for (const k of caseKeys) totals = totals.addColumn(`c_${k}`, 'bigint', (c) => c.notNull().defaultTo(0));
  for (const k of moneyKeys) totals = totals.addColumn(`m_${k}`, 'bigint', (c) => c.notNull().defaultTo(0));
  await totals.addPrimaryKeyConstraint('stat_snapshot_totals_pk', ['as_of', 'office_id']).execute();

  // One row: whether the per-case rows are complete, which snapshot dates the totals cover and with which
  // policies they were computed. A database that already holds cases needs a rebuild (derived_ready false).
  await db.schema
    .createTable('stat_snapshot_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('derived_ready', 'boolean', (c) => c.notNull())
    .addColumn('first_as_of', 'date')
    .addColumn('last_as_of', 'date')
    .addColumn('policies', 'jsonb')
    .addColumn('rebuilt_at', 'timestamptz')
    .execute();
  await sql`INSERT INTO stat_snapshot_state (id, derived_ready) SELECT 1, NOT EXISTS (SELECT 1 FROM cases)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stat_snapshot_state', 'stat_snapshot_totals', 'stat_offices', 'stat_states', 'stat_flows', 'stat_episodes', 'settings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
