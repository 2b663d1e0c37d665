import { sql, type RawBuilder } from 'kysely';
import { PREPARED, type Db, type Tx } from '../../../platform/db/database.js';
import { addCalendarDays, weekdayOf, type IsoDate } from '../../../kernel/calendar/index.js';
import { allowedEvents } from '../domain/case-state-machine.js';
import { applyEvent, EVENT_VI, initialState, outstandingOf, replay, STATUS_VI, totalOutstanding, type CaseRuleError } from '../domain/case-ledger.js';
import type { CaseEvent, CaseFacts, CaseState } from '../domain/case-types.js';
import { acceptingOfficeErrors, communeErrors, enforcerErrors, futureDateErrors, holdingOfficeDateErrors, officeChangeErrors, sameDecisionNumber, successorChain, type RegistryEnforcer } from '../domain/case-references.js';
import { validateNewCase } from '../domain/case-validation.js';
import { nextDeadline, nextSteps, stepTitles } from '../domain/deadlines.js';
import { AppError } from '../../../kernel/errors.js';
import { foldVietnamese } from '../../../kernel/text/fold.js';
import { nameIndex, parseNameQuery, type NameQuery } from '../../../kernel/text/name-search.js';
import { appendReadAudit, auditInsertSql, type AuditInput, type RequestContext } from '../../../platform/audit/audit-log.js';
import { eventData } from '../domain/case-codec.js';
import { insertCase, loadCase, writeEvent, type LoadedCase, type Projection } from '../infra/cases.repository.js';
import { effectiveEvents } from '../domain/stored-event.js';
import type { Actor, UnitDirectory, UnitRow } from '../../organisation/index.js';
import { type Clock, systemClock, todayInVietnam } from '../../../platform/clock.js';
import { caseStatisticsWrite, statisticsWriterStateSql, writerStateOf } from '../../statistics/index.js';

/** Advisory lock class of the duplicate-decision check (the pair (class, key) names the lock). */
const DECISION_LOCK_CLASS = 710_001;


const ruleError = (errors: CaseRuleError[], prefix = '') =>
  new AppError('CASE_RULE_VIOLATION', errors.map((e) => ({ ...e, field: prefix && e.field ? `${prefix}.${e.field}` : e.field || prefix })));

export interface NewCaseInput {
  id?: string | undefined;
  facts: Omit<CaseFacts, 'id'>;
  /** The explicit, audited confirmation that accepts a second case for an already accepted decision. */
  confirmDuplicate?: { reason: string } | undefined;
}

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

/** The columns of a case list row (cases c, enforcers e, units u). */
const LIST_SELECT = sql.raw(`c.id, c.decision_number, c.decision_date, c.accepted_on, c.initiation, c.category, c.status, c.status_since,
  c.enforcer_code, e.name AS enforcer_name, c.commune_code, c.total_amount, c.outstanding, c.next_step, c.next_due, u.code AS office_code, c.version`);
const OBLIGORS = sql<string>`(SELECT string_agg(p.name, ', ' ORDER BY p.seq) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'obligor')`;

interface ListRow {
  id: string; decision_number: string; decision_date: string; accepted_on: string; initiation: string; category: string; status: string;
  status_since: string; enforcer_code: string | null; enforcer_name: string | null; commune_code: string | null; total_amount: bigint | string;
  outstanding: bigint | string; next_step: string | null; next_due: string | null; office_code: string | null; version: number; obligors: string | null;
}

export interface CaseListItem {
  id: string; decisionNumber: string; decisionDate: string; acceptedOn: string; initiation: string; category: string; status: string;
  statusLabel: string; statusSince: string; enforcer: { code: string; name: string | null } | null; commune: string | null; obligors: string | null;
  total: string; outstanding: string; office: string | null; nextStep: string | null; nextDue: string | null; overdue: boolean; version: number;
}

export interface CaseList {
  total: number;
  totalIsLowerBound: boolean;
  items: CaseListItem[];
}

/**
 * What a case is found by: its search text (case, decision and judgment numbers and party names, folded;
 * the trigram index) and its folded party names with their terms (the name index of migration 0005).
 */
export function caseSearchIndex(facts: CaseFacts): { text: string; names: string; terms: string[] } {
  return { text: foldVietnamese([facts.id, facts.decision.number, facts.judgment.number, ...facts.parties.map((p) => p.name)].join(' | ')), ...nameIndex(facts.parties.map((p) => p.name)) };
}

/** The enforcement case register: creating cases, recording events, reading and searching them. */
export class CasesService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly clock: Clock = systemClock,
  ) {}

  private today(): IsoDate {
    return todayInVietnam(this.clock);
  }

  private async officeCodes() {
    const { byId } = await this.units.maps();
    return (id: number) => byId.get(id)?.code;
  }

  /** The projection of a state: what lists, filters and deadline queues read without replaying events. */
  async projection(facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], version: number): Promise<Projection> {
    const holding = await this.units.byCode(state.office);
    const next = nextDeadline(facts, state, events, this.today());
    return {
      status: state.status,
      statusSince: state.statusSince,
      holdingOfficeId: holding!.id,
      enforcer: state.enforcer,
      lastEventOn: state.lastEventOn,
      outstanding: totalOutstanding(facts, state),
      nextStep: next?.code ?? null,
      nextDue: next?.due ?? null,
      state,
      version,
    };
  }

  /**
   * Accepts a case (thụ lý): facts validated by the domain, dates not after today, the office existing on
   * the acceptance date, references checked against the registry (the enforcer one of the office's own,
   * the commune on its territory), and the same enforcement decision not accepted twice without an explicit,
   * audited confirmation.
   */
  async create(ctx: RequestContext, input: NewCaseInput): Promise<{ id: string; version: number }> {
    const office = await this.units.byCode(input.facts.office);
    if (!office || office.level !== 'office') throw ruleError([{ field: 'office', rule: 'unknown_office', message: `Không có cơ quan THADS cấp khu vực/huyện mã "${input.facts.office}".` }]);
    const f = input.facts;
    const errors = validateNewCase({ ...f, id: input.id ?? 'new' });
    errors.push(...futureDateErrors([{ field: 'decision.date', date: f.decision.date }, { field: 'acceptedOn', date: f.acceptedOn }, { field: 'judgment.date', date: f.judgment.date }], this.today()));
    const { byId } = await this.units.maps();
    errors.push(...acceptingOfficeErrors(office, f.acceptedOn, office.successorId === null ? undefined : byId.get(office.successorId)));
    await this.checkReferences(f, office, errors);
    if (errors.length) throw ruleError(errors);
    return this.db.transaction().execute(async (tx) => {
      // The statistics writers' lock first, before any row lock (case counter, name vocabulary): an import
      // holding it (exclusively, into an empty register) takes those rows after it, never the other way round.
      const read = writerStateOf((await sql<{ s: unknown }>`${PREPARED} SELECT ${statisticsWriterStateSql()} AS s`.execute(tx)).rows[0]!.s);
      const duplicates = await this.sameDecision(tx, office.id, f.decision);
      if (duplicates.length > 0 && !input.confirmDuplicate) {
        throw new AppError('CONFLICT', [{
          field: 'decision.number', rule: 'duplicate_decision', caseIds: duplicates,
          message: `Quyết định thi hành án số ${f.decision.number} ngày ${f.decision.date.split('-').reverse().join('/')} đã được thụ lý: việc ${duplicates.join(', ')}. Chỉ thụ lý thêm khi có lý do chính đáng và xác nhận rõ.`,
        }]);
      }
      const id = input.id ?? (await this.nextCaseId(tx, office.id, office.code, f.acceptedOn));
      const existing = await tx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
      if (existing) throw new AppError('CONFLICT', [{ field: 'id', rule: 'unique', message: `Đã có việc mã "${id}".` }]);
      const facts: CaseFacts = { ...f, id };
      const state = initialState(facts);
      const total = facts.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
      await insertCase(tx, facts, office.id, total, caseSearchIndex(facts), await this.projection(facts, state, [], 0));
      const statistics = await caseStatisticsWrite(tx, { facts, before: null, after: [] }, { read, officeIds: await this.officeIds() });
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

  /**
   * Cases of the office already accepted for the same enforcement decision (number and date). A
   * transaction-scoped advisory lock on (office, date) makes two simultaneous entries of one decision wait
   * for each other, so the second sees the first.
   */
  private async sameDecision(tx: Tx, officeId: number, decision: { number: string; date: IsoDate }): Promise<string[]> {
    await sql`SELECT pg_advisory_xact_lock(${DECISION_LOCK_CLASS}::int, hashtext(${`${officeId}|${decision.date}`}))`.execute(tx);
    const rows = await tx.selectFrom('cases').select(['id', 'decision_number']).where('office_id', '=', officeId).where('decision_date', '=', decision.date).execute();
    return rows.filter((r) => sameDecisionNumber(r.decision_number, decision.number, foldVietnamese)).map((r) => r.id);
  }

  /** Enforcer and commune of a new case, against the registry and the accepting office. */
  private async checkReferences(facts: Omit<CaseFacts, 'id'>, office: UnitRow, errors: CaseRuleError[]) {
    if (facts.enforcer) errors.push(...enforcerErrors('enforcer', facts.enforcer, await this.enforcer(this.db, facts.enforcer), office));
    if (facts.commune) {
      const rows = await this.db.selectFrom('communes').select(['code', 'office_id as officeId']).where('code', '=', facts.commune).execute();
      const scope = await this.units.scopeOf(office.id);
      const territory = await this.db.selectFrom('communes').select('id').where('office_id', 'in', [...scope]).limit(1).executeTakeFirst();
      errors.push(...communeErrors(facts.commune, rows, scope, territory !== undefined, office));
    }
  }

  private async enforcer(db: Db | Tx, code: string): Promise<RegistryEnforcer | undefined> {
    const e = await db.selectFrom('enforcers').select(['code', 'unit_id', 'active']).where('code', '=', code).executeTakeFirst();
    return e ? { code: e.code, unitId: e.unit_id, active: e.active } : undefined;
  }

  private async nextCaseId(tx: Tx, officeId: number, officeCode: string, acceptedOn: IsoDate): Promise<string> {
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
  async recordEvent(actor: Actor, caseId: string, expectedVersion: number, event: CaseEvent): Promise<{ version: number; status: string }> {
    return this.db.transaction().execute(async (tx) => {
      const loaded = await this.lockCase(tx, caseId, actor, expectedVersion);
      await this.checkEventReferences(tx, actor, loaded, event);
      const events = effectiveEvents(loaded.events);
      const r = applyEvent(loaded.facts, loaded.state, event);
      if (!r.ok) throw ruleError(r.errors, 'event');
      const version = loaded.version + 1;
      await this.saveState(tx, loaded, events, r.value, [...events, event], version, event, actor, {
        action: 'case.event_recorded', entityType: 'case', entityId: caseId, unitId: loaded.holdingOfficeId,
        before: { status: loaded.state.status, version: loaded.version },
        after: { status: r.value.status, version, event: { type: event.type, on: event.on, ...eventData(event) } },
      });
      return { version, status: r.value.status };
    });
  }

  /** Cancels a recorded event by a reversing event; the rest of the history must still hold without it. */
  async reverseEvent(actor: Actor, caseId: string, seq: number, expectedVersion: number, reason: string): Promise<{ version: number; status: string }> {
    return this.db.transaction().execute(async (tx) => {
      const loaded = await this.lockCase(tx, caseId, actor, expectedVersion);
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
      await this.saveState(tx, loaded, effectiveEvents(loaded.events), r.value, events, version, { type: 'reversal', on: this.today(), reverses: seq, reason }, actor, {
        action: 'case.event_reversed', entityType: 'case', entityId: caseId, unitId: loaded.holdingOfficeId,
        before: { status: loaded.state.status, version: loaded.version },
        after: { status: r.value.status, version, reversedSeq: seq, reversedType: target.type, reason },
      });
      return { version, status: r.value.status };
    });
  }

  /**
   * Loads and locks a case for a write, taking the statistics writers' shared lock and reading their state in
   * the same statement (`also`), and checks scope and the version the caller saw.
   */
  private async lockCase(tx: Tx, caseId: string, actor: Actor, expectedVersion: number): Promise<LoadedCase> {
    const loaded = await loadCase(tx, caseId, { forUpdate: true, officeCodes: await this.officeCodes(), also: statisticsWriterStateSql() });
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
  private async saveState(
    tx: Tx, loaded: LoadedCase, before: readonly CaseEvent[], state: CaseState, events: readonly CaseEvent[], version: number,
    event: Parameters<typeof writeEvent>[1]['event'], actor: Actor, audit: AuditInput,
  ) {
    const { facts } = loaded;
    const statistics = await caseStatisticsWrite(tx, { facts, before, after: events }, { read: writerStateOf(loaded.also), officeIds: await this.officeIds() });
    const projection = await this.projection(facts, state, events, version);
    const outstandingByObligation = new Map(facts.obligations.map((o) => [o.id, outstandingOf(o, state.progress[o.id]!)]));
    await writeEvent(tx, { facts, projection, outstandingByObligation, event, userId: actor.userId, audit: auditInsertSql(actor.ctx, audit), also: statistics });
  }

  /** Office ids by code from the unit directory (the statistics rows name offices by id). */
  private async officeIds(): Promise<(code: string) => number | undefined> {
    const { byCode } = await this.units.maps();
    return (code) => byCode.get(code)?.id;
  }

  /**
   * What the lifecycle table cannot see: the event's date against today and the holding office's validity,
   * the enforcer against the holding office, an office change against the reorganisation's successor chain
   * and the recording user's units (domain/cases/case-references.ts). A payment costs no query here.
   */
  private async checkEventReferences(tx: Tx, actor: Actor, loaded: LoadedCase, event: CaseEvent) {
    const { byId } = await this.units.maps();
    const holding = byId.get(loaded.holdingOfficeId)!;
    const errors = [...futureDateErrors([{ field: 'on', date: event.on }], this.today()), ...holdingOfficeDateErrors(event, holding)];
    if (event.type === 'enforcer_assigned') errors.push(...enforcerErrors('enforcer', event.enforcer, await this.enforcer(tx, event.enforcer), holding));
    if (event.type === 'office_changed') {
      const to = await this.units.byCode(event.to);
      errors.push(...officeChangeErrors(holding, to, event.on, successorChain(holding, byId), to !== undefined && actor.scope.has(to.id)));
    }
    if (errors.length) throw ruleError(errors, 'event');
  }

  /** The case as the detail screen shows it; personal data masked unless the role needs it (then logged). */
  async detail(actor: Actor, caseId: string) {
    const loaded = await loadCase(this.db, caseId, { officeCodes: await this.officeCodes(), withNames: true });
    if (!loaded || !actor.scope.has(loaded.holdingOfficeId)) throw new AppError('NOT_FOUND');
    const { facts, state } = loaded;
    const canSeePersonal = actor.permissions.includes('personal_data.read');
    if (canSeePersonal) {
      await appendReadAudit(this.db, actor.ctx, { action: 'case.personal_data_read', entityType: 'case', entityId: caseId, unitId: loaded.holdingOfficeId });
    }
    const events = effectiveEvents(loaded.events);
    const reversed = new Set(loaded.events.filter((e) => e.type === 'reversal').map((e) => e.reversesSeq));
    const [office, holding] = [await this.units.byId(loaded.officeId), await this.units.byId(loaded.holdingOfficeId)];
    const enforcer = state.enforcer ? { code: state.enforcer, name: loaded.enforcerName ?? null } : null;
    const commune = loaded.commune ?? (facts.commune ? { code: facts.commune, name: null } : null);
    const obligations = facts.obligations.map((o) => {
      const p = state.progress[o.id]!;
      return {
        id: o.id, kind: o.kind, beneficiary: o.beneficiary, label: o.label,
        amount: o.kind === 'money' ? o.amount.toString() : null,
        value: o.kind === 'non_money' && o.value !== null ? o.value.toString() : null,
        paid: p.paid.toString(), reduced: p.reduced.toString(), performed: p.performed, disbursed: p.disbursed.toString(),
        outstanding: outstandingOf(o, p).toString(),
      };
    });
    const sum = (f: (p: CaseState['progress'][string]) => bigint) => Object.values(state.progress).reduce((s, p) => s + f(p), 0n);
    const total = facts.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
    return {
      case: {
        id: facts.id,
        version: loaded.version,
        office: { code: office!.code, name: office!.name },
        holdingOffice: { code: holding!.code, name: holding!.name },
        decision: facts.decision,
        acceptedOn: facts.acceptedOn,
        initiation: facts.initiation,
        category: facts.category,
        judgment: facts.judgment,
        commune,
        enforcer,
        status: state.status,
        statusLabel: STATUS_VI[state.status],
        statusSince: state.statusSince,
        episodeStart: state.episodeStart,
        parties: facts.parties.map((p) => ({
          role: p.role, kind: p.kind, name: p.name,
          idNumber: canSeePersonal ? p.idNumber : maskIdNumber(p.idNumber),
          address: canSeePersonal ? p.address : p.address ? '***' : null,
        })),
        obligations,
        money: {
          total: total.toString(),
          paid: sum((p) => p.paid).toString(),
          reduced: sum((p) => p.reduced).toString(),
          disbursed: sum((p) => p.disbursed).toString(),
          outstanding: totalOutstanding(facts, state).toString(),
        },
        timeline: loaded.events.map((e) => ({
          seq: e.seq, type: e.type, label: e.type === 'reversal' ? 'Hủy sự kiện (bút toán đảo)' : EVENT_VI[e.type as CaseEvent['type']] ?? e.type,
          on: e.on, data: e.data, reversesSeq: e.reversesSeq, reversed: reversed.has(e.seq),
          recordedBy: e.recordedByName, recordedAt: e.recordedAt.toISOString(),
        })),
        allowedActions: allowedEvents(state.status),
        deadlines: nextSteps(facts, state, events, this.today()),
      },
      personalDataMasked: !canSeePersonal,
    };
  }

  /**
   * Search and list over the user's units with filters, newest first. A party name ("nguyen van an", with or
   * without diacritics) reads the word index of migration 0005 (domain/text/name-search.ts); numbers (case,
   * decision, judgment) and the decision filter read the trigram index of the folded search text. The total
   * is exact up to a cap (10,000 for lists, 1,000 for name searches), then a lower bound.
   */
  async search(actor: Actor, f: CaseSearch): Promise<CaseList> {
    let unitIds = [...actor.activeScope];
    if (f.unitCode) {
      const u = await this.units.byCode(f.unitCode);
      unitIds = u && actor.scope.has(u.id) ? [...(await this.units.scopeOf(u.id))].filter((id) => actor.scope.has(id)) : [];
    }
    // A national user searching everything needs no unit filter (a long IN list only slows the plan).
    const scope = (await this.units.coversAll(new Set(unitIds))) ? null : unitIds.length ? unitIds : [-1];
    const conditions = this.caseConditions(f);
    const nameQuery = f.q ? parseNameQuery(f.q) : null;
    if (nameQuery) return this.searchByName(nameQuery, scope, conditions, f);

    const where = [...conditions];
    if (scope) where.push(sql<boolean>`c.holding_office_id IN (${sql.join(scope)})`);
    const folded = f.q ? foldVietnamese(f.q) : '';
    if (folded) where.push(sql<boolean>`c.search_text LIKE ${`%${escapeLike(folded)}%`}`);
    const whereSql = where.length ? sql.join(where, sql` AND `) : sql`true`;
    const cap = 10_000;
    const [rows, count] = await Promise.all([
      sql<ListRow>`SELECT ${LIST_SELECT}, ${OBLIGORS} AS obligors
        FROM cases c LEFT JOIN enforcers e ON e.code = c.enforcer_code LEFT JOIN units u ON u.id = c.holding_office_id
        WHERE ${whereSql} ORDER BY c.accepted_on DESC, c.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`.execute(this.db),
      sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT 1 FROM cases c WHERE ${whereSql} LIMIT ${cap + 1}) t`.execute(this.db),
    ]);
    const n = Number(count.rows[0]!.n);
    return { total: Math.min(n, cap), totalIsLowerBound: n > cap, items: this.listItems(rows.rows) };
  }

  /** The filters other than the unit and the text, as conditions on `cases c`. */
  private caseConditions(f: CaseSearch): RawBuilder<boolean>[] {
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
    if (f.overdue) out.push(sql<boolean>`c.next_due < ${this.today()}`);
    return out;
  }

  /**
   * Name search over case_search_terms. One "driver" term's index entries are read in date order
   * (index-only) and the whole phrase is checked on each entry: either the rarest term typed in full (a
   * word or two adjacent words), or every term the last (possibly unfinished) one can be the start of —
   * whichever has fewer entries. The newest page+offset entries of each driver term are merged (UNION
   * removes a case found by two of them).
   */
  private async searchByName(nq: NameQuery, scope: number[] | null, conditions: RawBuilder<boolean>[], f: CaseSearch): Promise<CaseList> {
    const empty = { total: 0, totalIsLowerBound: false, items: [] };
    const MAX_EXPANSIONS = 50;
    // A single last word expands to words only: the pairs it starts ("nguyen van") are cases it has anyway.
    const wordsOnly = nq.last.includes(' ') ? sql`` : sql`AND strpos(term, ' ') = 0`;
    const vocabulary = (
      await sql<{ term: string; cases: number; expansion: boolean }>`
        SELECT term, cases, false AS expansion FROM case_search_vocabulary WHERE term = ANY(${nq.complete}::text[])
        UNION ALL
        (SELECT term, cases, true FROM case_search_vocabulary WHERE term >= ${nq.last} AND term < ${`${nq.last}{`} ${wordsOnly}
         ORDER BY cases DESC LIMIT ${MAX_EXPANSIONS + 1})`.execute(this.db)
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
        ORDER BY h.accepted_on DESC, h.case_id DESC`.execute(this.db)
    ).rows;
    if (f.page === 1 && rows.length < f.pageSize) return { total: rows.length, totalIsLowerBound: false, items: this.listItems(rows) };
    const cap = 1_000;
    const driver = 'terms' in drivers ? sql<boolean>`t.term = ANY(${drivers.terms}::text[])` : prefixRange(drivers.prefix);
    const count = (
      await sql<{ raw: string; n: string }>`
        SELECT count(*) AS raw, count(DISTINCT case_id) AS n FROM (SELECT t.case_id FROM ${from} WHERE ${where(driver)} LIMIT ${cap + 1}) x`.execute(this.db)
    ).rows[0]!;
    const lowerBound = Number(count.raw) > cap;
    return { total: Math.min(Number(count.n), cap), totalIsLowerBound: lowerBound, items: this.listItems(rows) };
  }

  private listItems(rows: readonly ListRow[]): CaseListItem[] {
    const today = this.today();
    return rows.map((r) => ({
      id: r.id, decisionNumber: r.decision_number, decisionDate: r.decision_date, acceptedOn: r.accepted_on, initiation: r.initiation,
      category: r.category, status: r.status, statusLabel: STATUS_VI[r.status as CaseState['status']], statusSince: r.status_since,
      enforcer: r.enforcer_code ? { code: r.enforcer_code, name: r.enforcer_name } : null, commune: r.commune_code,
      obligors: r.obligors, total: String(r.total_amount), outstanding: String(r.outstanding), office: r.office_code,
      nextStep: r.next_step, nextDue: r.next_due, overdue: r.next_due !== null && r.next_due < today, version: r.version,
    }));
  }

  /** Overdue and due-this-week steps, for an enforcer ("Việc của tôi") or the whole office. */
  async deadlines(actor: Actor, opts: { mine: boolean; enforcer?: string | undefined }) {
    const today = this.today();
    const weekday = weekdayOf(today); // 1 = Monday … 7 = Sunday
    const sunday = addCalendarDays(today, 7 - weekday);
    let enforcer = opts.enforcer;
    if (opts.mine) {
      const me = await this.db.selectFrom('users as u').leftJoin('enforcers as e', 'e.id', 'u.enforcer_id').select('e.code').where('u.id', '=', actor.userId).executeTakeFirst();
      enforcer = me?.code ?? '\u0000none';
    }
    let q = this.db
      .selectFrom('cases as c')
      .leftJoin('enforcers as e', 'e.code', 'c.enforcer_code')
      .where('c.holding_office_id', 'in', [...actor.activeScope])
      .where('c.next_due', 'is not', null)
      .where('c.next_due', '<=', sunday);
    if (enforcer) q = q.where('c.enforcer_code', '=', enforcer);
    const rows = await q
      .select([
        'c.id', 'c.decision_number', 'c.status', 'c.next_step', 'c.next_due', 'c.enforcer_code', 'e.name as enforcer_name', 'c.outstanding',
        sql<string>`(SELECT string_agg(p.name, ', ' ORDER BY p.seq) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'obligor')`.as('obligors'),
      ])
      .orderBy('c.next_due')
      .limit(1000)
      .execute();
    const items = rows.map((r) => ({
      id: r.id, decisionNumber: r.decision_number, status: r.status, statusLabel: STATUS_VI[r.status as CaseState['status']], step: r.next_step,
      ...(stepTitles(r.next_step ?? '') ?? { title_vi: r.next_step, title_en: r.next_step }),
      due: r.next_due!, overdue: r.next_due! < today, enforcer: r.enforcer_code ? { code: r.enforcer_code, name: r.enforcer_name } : null,
      obligors: r.obligors, outstanding: r.outstanding.toString(),
    }));
    return { today, weekEnds: sunday, overdue: items.filter((i) => i.overdue), dueThisWeek: items.filter((i) => !i.overdue) };
  }

  /** The head of office moves cases to another enforcer: one `enforcer_assigned` event per case, today. */
  async reassign(actor: Actor, caseIds: string[], enforcerCode: string) {
    const results: { id: string; ok: boolean; error?: string }[] = [];
    for (const id of caseIds) {
      const current = await this.db.selectFrom('cases').select(['version', 'holding_office_id']).where('id', '=', id).executeTakeFirst();
      if (!current || !actor.scope.has(current.holding_office_id)) {
        results.push({ id, ok: false, error: 'Không tìm thấy.' });
        continue;
      }
      try {
        await this.recordEvent(actor, id, current.version, { type: 'enforcer_assigned', on: this.today(), enforcer: enforcerCode });
        results.push({ id, ok: true });
      } catch (e) {
        const details = e instanceof AppError && Array.isArray(e.details) ? (e.details as CaseRuleError[]).map((d) => d.message).join(' ') : e instanceof Error ? e.message : String(e);
        results.push({ id, ok: false, error: details });
      }
    }
    return { results, assigned: results.filter((r) => r.ok).length };
  }

  /** Every effective event of a case in order, rebuilt from the log (used by export and checks). */
  async effectiveHistory(caseId: string) {
    const loaded = await loadCase(this.db, caseId, { officeCodes: await this.officeCodes() });
    return loaded ? { facts: loaded.facts, events: effectiveEvents(loaded.events), state: loaded.state, version: loaded.version } : undefined;
  }
}

/** Identity numbers shown to roles that do not need them: only the last three digits. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return id.length <= 3 ? '***' : `${'*'.repeat(id.length - 3)}${id.slice(-3)}`;
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}
