import { sql, type Kysely } from 'kysely';

// Frozen. The case register: facts, parties, obligations, the append-only event log, and the current-state
// projection (columns of `cases` and progress columns of `case_obligations`) updated with each event.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'date', (c) => c.notNull())
    .addColumn('accepted_on', 'date', (c) => c.notNull())
    .addColumn('initiation', 'text', (c) => c.notNull().check(sql`initiation in ('ex_officio','on_request')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('judgment_number', 'text', (c) => c.notNull())
    .addColumn('judgment_date', 'date', (c) => c.notNull())
    .addColumn('court', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('initial_enforcer', 'text')
    // projection
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_since', 'date', (c) => c.notNull())
    .addColumn('holding_office_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('enforcer_code', 'text')
    .addColumn('last_event_on', 'date', (c) => c.notNull())
    .addColumn('total_amount', 'bigint', (c) => c.notNull())
    .addColumn('outstanding', 'bigint', (c) => c.notNull())
    .addColumn('next_step', 'text')
    .addColumn('next_due', 'date')
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cases_outstanding_non_negative', sql`outstanding >= 0`)
    .execute();
  await sql`CREATE INDEX cases_holding_status_idx ON cases (holding_office_id, status)`.execute(db);
  await sql`CREATE INDEX cases_holding_accepted_idx ON cases (holding_office_id, accepted_on DESC, id)`.execute(db);
  await sql`CREATE INDEX cases_enforcer_due_idx ON cases (enforcer_code, next_due)`.execute(db);
  await sql`CREATE INDEX cases_due_idx ON cases (holding_office_id, next_due) WHERE next_due IS NOT NULL`.execute(db);
  await sql`CREATE INDEX cases_search_trgm_idx ON cases USING gin (search_text gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('case_parties')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('obligor','obligee')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person','organisation')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('address', 'text')
    .addPrimaryKeyConstraint('case_parties_pk', ['case_id', 'seq'])
    .execute();
  await sql`CREATE INDEX case_parties_id_number_idx ON case_parties (id_number) WHERE id_number IS NOT NULL`.execute(db);

  await db.schema
    .createTable('case_obligations')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('money','non_money')`))
    .addColumn('beneficiary', 'text', (c) => c.notNull().check(sql`beneficiary in ('state_budget','party')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('value', 'bigint')
    .addColumn('paid', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reduced', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('performed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disbursed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('outstanding', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_obligations_pk', ['case_id', 'id'])
    .addCheckConstraint('case_obligations_amounts', sql`(kind = 'money') = (amount is not null) and (amount is null or amount > 0) and (value is null or value > 0)`)
    .addCheckConstraint('case_obligations_outstanding', sql`outstanding >= 0 and paid >= 0 and reduced >= 0 and disbursed <= paid`)
    .execute();

  // The event log: append-only like the audit trail. A correction is a `reversal` event naming the
  // sequence number it cancels; the original stays.
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on', 'date', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('reverses_seq', 'integer')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('case_events_case_seq', ['case_id', 'seq'])
    .execute();
  await sql`CREATE INDEX case_events_type_on_idx ON case_events (type, "on")`.execute(db);
  await sql`CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);

  await db.schema
    .createTable('case_counters')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['office_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('targets')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('cases_rate', sql`numeric(5,2)`, (c) => c.notNull())
    .addColumn('money_rate', sql`numeric(5,2)`, (c) => c.notNull())
    .addPrimaryKeyConstraint('targets_pk', ['office_id', 'fiscal_year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['targets', 'case_counters', 'case_events', 'case_obligations', 'case_parties', 'cases']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
