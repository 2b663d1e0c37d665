import { sql } from 'kysely';
import { PREPARED, type Tx } from '../../../platform/db/database.js';
import { formatDateVi, type IsoDate } from '../../../kernel/calendar/index.js';
import { AppError } from '../../../kernel/errors.js';
import { applyEvent, initialState, outstandingOf, replay, type CaseRuleError } from '../domain/case-ledger.js';
import type { CaseEvent, CaseFacts, CaseState } from '../domain/case-types.js';
import { acceptingOfficeErrors, futureDateErrors } from '../domain/case-references.js';
import { validateNewCase } from '../domain/case-validation.js';
import { eventData } from '../domain/case-codec.js';
import { effectiveEvents } from '../domain/stored-event.js';
import { auditInsertSql, type AuditInput, type RequestContext } from '../../../platform/audit/audit-log.js';
import { insertCase, loadCase, writeEvent, type LoadedCase } from '../infra/cases.repository.js';
import type { Actor } from '../../organisation/index.js';
import { caseStatisticsWrite, statisticsWriterStateSql, writerStateOf } from '../../statistics/index.js';
import { checkEventReferences, checkReferences, sameDecision } from './case-registry-checks.js';
import { caseSearchIndex } from './case-search.js';
import { caseProjection, officeCodes, officeIds, ruleError, today, type CasesDeps } from './case-support.js';

/** The register's writes: accepting a case, recording and reversing events, reassigning cases. */

export interface NewCaseInput {
  id?: string | undefined;
  facts: Omit<CaseFacts, 'id'>;
  /** The explicit, audited confirmation that accepts a second case for an already accepted decision. */
  confirmDuplicate?: { reason: string } | undefined;
}

/**
 * Accepts a case (thụ lý): facts validated by the domain, dates not after today, the office existing on
 * the acceptance date, references checked against the registry (the enforcer one of the office's own,
 * the commune on its territory), and the same enforcement decision not accepted twice without an explicit,
 * audited confirmation.
 */
export async function createCase(deps: CasesDeps, ctx: RequestContext, input: NewCaseInput): Promise<{ id: string; version: number }> {
  const office = await deps.units.byCode(input.facts.office);
  if (!office || office.level !== 'office') throw ruleError([{ field: 'office', rule: 'unknown_office', message: `Không có cơ quan THADS cấp khu vực/huyện mã "${input.facts.office}".` }]);
  const f = input.facts;
  const errors = validateNewCase({ ...f, id: input.id ?? 'new' });
  errors.push(...futureDateErrors([{ field: 'decision.date', date: f.decision.date }, { field: 'acceptedOn', date: f.acceptedOn }, { field: 'judgment.date', date: f.judgment.date }], today(deps)));
  const { byId } = await deps.units.maps();
  errors.push(...acceptingOfficeErrors(office, f.acceptedOn, office.successorId === null ? undefined : byId.get(office.successorId)));
  await checkReferences(deps, f, office, errors);
  if (errors.length) throw ruleError(errors);
  return deps.db.transaction().execute(async (tx) => {
    // The statistics writers' lock first, before any row lock (case counter, name vocabulary): an import
    // holding it (exclusively, into an empty register) takes those rows after it, never the other way round.
    const read = writerStateOf((await sql<{ s: unknown }>`${PREPARED} SELECT ${statisticsWriterStateSql()} AS s`.execute(tx)).rows[0]!.s);
    const duplicates = await sameDecision(tx, office.id, f.decision);
    if (duplicates.length > 0 && !input.confirmDuplicate) {
      throw new AppError('CONFLICT', [{
        field: 'decision.number', rule: 'duplicate_decision', caseIds: duplicates,
        message: `Quyết định thi hành án số ${f.decision.number} ngày ${formatDateVi(f.decision.date)} đã được thụ lý: việc ${duplicates.join(', ')}. Chỉ thụ lý thêm khi có lý do chính đáng và xác nhận rõ.`,
      }]);
    }
    const id = input.id ?? (await nextCaseId(tx, office.id, office.code, f.acceptedOn));
    const existing = await tx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', [{ field: 'id', rule: 'unique', message: `Đã có việc mã "${id}".` }]);
    const facts: CaseFacts = { ...f, id };
    const state = initialState(facts);
    const total = facts.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
    await insertCase(tx, facts, office.id, total, caseSearchIndex(facts), await caseProjection(deps, facts, state, [], 0));
    const statistics = await caseStatisticsWrite(tx, { facts, before: null, after: [] }, { read, officeIds: await officeIds(deps) });
    const audit = auditInsertSql(ctx, {
      action: 'case.created', entityType: 'case', entityId: id, unitId: office.id,
      after: {
        decision: facts.decision.number, acceptedOn: facts.acceptedOn, initiation: facts.initiation, category: facts.category, obligations: facts.obligations.length, total: total.toString(),
        ...(duplicates.length > 0 ? { duplicateOf: duplicates, duplicateReason: input.confirmDuplicate!.reason } : {}),
      },
    });
    await sql`${PREPARED} WITH ${statistics}, au AS (${audit}) SELECT`.execute(tx);
    return { id, version: 0 };
  });
}

/** The next case number of the office in the fiscal year of acceptance (from 1 October): OFFICE-FY-00001. */
async function nextCaseId(tx: Tx, officeId: number, officeCode: string, acceptedOn: IsoDate): Promise<string> {
  const fy = Number(acceptedOn.slice(0, 4)) + (acceptedOn.slice(5, 7) >= '10' ? 1 : 0);
  const row = await tx
    .insertInto('case_counters')
    .values({ office_id: officeId, fiscal_year: fy, last: 1 })
    .onConflict((oc) => oc.columns(['office_id', 'fiscal_year']).doUpdateSet({ last: sql`case_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${officeCode}-${fy}-${String(row.last).padStart(5, '0')}`;
}

/**
 * Records one event. Optimistic concurrency: the caller says which version it saw; if someone recorded
 * in between, the answer is 409 and nothing is written (they reload and decide again).
 */
export async function recordEvent(deps: CasesDeps, actor: Actor, caseId: string, expectedVersion: number, event: CaseEvent): Promise<{ version: number; status: string }> {
  return deps.db.transaction().execute(async (tx) => {
    const loaded = await lockCase(deps, tx, caseId, actor, expectedVersion);
    await checkEventReferences(deps, tx, actor, loaded, event);
    const events = effectiveEvents(loaded.events);
    const r = applyEvent(loaded.facts, loaded.state, event);
    if (!r.ok) throw ruleError(r.errors, 'event');
    const version = loaded.version + 1;
    await saveState(deps, tx, loaded, events, r.value, [...events, event], version, event, actor, {
      action: 'case.event_recorded', entityType: 'case', entityId: caseId, unitId: loaded.holdingOfficeId,
      before: { status: loaded.state.status, version: loaded.version },
      after: { status: r.value.status, version, event: { type: event.type, on: event.on, ...eventData(event) } },
    });
    return { version, status: r.value.status };
  });
}

/** Cancels a recorded event by a reversing event; the rest of the history must still hold without it. */
export async function reverseEvent(deps: CasesDeps, actor: Actor, caseId: string, seq: number, expectedVersion: number, reason: string): Promise<{ version: number; status: string }> {
  return deps.db.transaction().execute(async (tx) => {
    const loaded = await lockCase(deps, tx, caseId, actor, expectedVersion);
    const target = loaded.events.find((e) => e.seq === seq);
    const alreadyReversed = loaded.events.some((e) => e.type === 'reversal' && e.reversesSeq === seq);
    if (!target || target.type === 'reversal' || alreadyReversed) {
      throw ruleError([{ field: 'seq', rule: 'not_reversible', message: 'Sự kiện không tồn tại, là một bút toán đảo, hoặc đã bị hủy.' }]);
    }
    const remaining = loaded.events.filter((e) => e.seq !== seq);
    const events = effectiveEvents(remaining);
    const r = replay(loaded.facts, events);
    if (!r.ok) {
      throw ruleError([{ field: 'seq', rule: 'history_breaks', message: `Không thể hủy: các sự kiện sau sẽ không còn hợp lệ (${r.errors[0]!.message})` }]);
    }
    const version = loaded.version + 1;
    await saveState(deps, tx, loaded, effectiveEvents(loaded.events), r.value, events, version, { type: 'reversal', on: today(deps), reverses: seq, reason }, actor, {
      action: 'case.event_reversed', entityType: 'case', entityId: caseId, unitId: loaded.holdingOfficeId,
      before: { status: loaded.state.status, version: loaded.version },
      after: { status: r.value.status, version, reversedSeq: seq, reversedType: target.type, reason },
    });
    return { version, status: r.value.status };
  });
}

/** The head of office moves cases to another enforcer: one `enforcer_assigned` event per case, today. */
export async function reassignCases(deps: CasesDeps, actor: Actor, caseIds: string[], enforcerCode: string) {
  const results: { id: string; ok: boolean; error?: string }[] = [];
  for (const id of caseIds) {
    const current = await deps.db.selectFrom('cases').select(['version', 'holding_office_id']).where('id', '=', id).executeTakeFirst();
    if (!current || !actor.scope.has(current.holding_office_id)) {
      results.push({ id, ok: false, error: 'Không tìm thấy.' });
      continue;
    }
    try {
      await recordEvent(deps, actor, id, current.version, { type: 'enforcer_assigned', on: today(deps), enforcer: enforcerCode });
      results.push({ id, ok: true });
    } catch (e) {
      const details = e instanceof AppError && Array.isArray(e.details) ? (e.details as CaseRuleError[]).map((d) => d.message).join(' ') : e instanceof Error ? e.message : String(e);
      results.push({ id, ok: false, error: details });
    }
  }
  return { results, assigned: results.filter((r) => r.ok).length };
}

/**
 * Loads and locks a case for a write, taking the statistics writers' shared lock and reading their state in
 * the same statement (`also`), and checks scope and the version the caller saw.
 */
async function lockCase(deps: CasesDeps, tx: Tx, caseId: string, actor: Actor, expectedVersion: number): Promise<LoadedCase> {
  const loaded = await loadCase(tx, caseId, { forUpdate: true, officeCodes: await officeCodes(deps), also: statisticsWriterStateSql() });
  if (!loaded || !actor.scope.has(loaded.holdingOfficeId)) throw new AppError('NOT_FOUND');
  if (loaded.version !== expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { currentVersion: loaded.version, expectedVersion });
  }
  return loaded;
}

/**
 * The event, the projection it leads to, its audit row and the case's statistics: one statement
 * (writeEvent), after a delete of derived rows when some must be rewritten. `before`: the effective
 * events before the write, `events` after it.
 */
async function saveState(
  deps: CasesDeps, tx: Tx, loaded: LoadedCase, before: readonly CaseEvent[], state: CaseState, events: readonly CaseEvent[], version: number,
  event: Parameters<typeof writeEvent>[1]['event'], actor: Actor, audit: AuditInput,
) {
  const { facts } = loaded;
  const statistics = await caseStatisticsWrite(tx, { facts, before, after: events }, { read: writerStateOf(loaded.also), officeIds: await officeIds(deps) });
  const projection = await caseProjection(deps, facts, state, events, version);
  const outstandingByObligation = new Map(facts.obligations.map((o) => [o.id, outstandingOf(o, state.progress[o.id]!)]));
  await writeEvent(tx, { facts, projection, outstandingByObligation, event, userId: actor.userId, audit: auditInsertSql(actor.ctx, audit), also: statistics });
}
