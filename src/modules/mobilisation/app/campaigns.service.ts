import { AppError } from '../../../kernel/errors.js';
import type { Db } from '../../../platform/db/database.js';
import { appendAudit, SYSTEM_CONTEXT, type RequestContext } from '../../../platform/audit/audit-log.js';
import { todayInVietnam, type Clock } from '../../../platform/clock.js';
import { readerSees, type Actor, type Reader, type SystemReader, type UnitDirectory, type UnitRow } from '../../organisation/index.js';
import { rateOf, type StatisticsService } from '../../statistics/index.js';
import {
  CAMPAIGN_TEAM_POLICY, closeErrors, countedPeriod, cumulativeProgress, editErrors, leaderboardTotals, namedCaseErrors, rankLeaderboard, targetProgress,
  teamOfCase, validateCampaign,
  type CampaignCaseReason, type CampaignDecider, type CampaignSnapshot, type CampaignSnapshotRow, type CampaignTargets, type CountedPeriod, type LeaderboardBy,
} from '../domain/index.js';
import {
  assignmentsOfCases, campaignById, campaignsOfUnits, candidateCases, closeCampaignRow, enforcersByCodes, holdingOffices, insertCampaign, namedCasesOf,
  participantsOf, replaceParticipants, resolvedMoneyByDay, teamsByIds, updateCampaign, upsertNamedCases,
  type CampaignRecord, type CandidateFilters, type ParticipantRecord,
} from '../infra/campaigns.repository.js';
import { buildCampaignClosingDocx } from '../infra/campaign-closing-docx.js';

type Problem = { field: string; rule: string; message: string };
const invalid = (details: Problem[]) => new AppError('VALIDATION_FAILED', details);
const notFound = () => new AppError('NOT_FOUND', [{ field: 'id', rule: 'unknown_campaign', message: 'Không có đợt cao điểm này.' }]);

/** A reader of campaigns: a person (with their own unit, to see the campaigns over it) or the system. */
export type CampaignReader = Reader & { readonly unitId?: number };

export interface CampaignInput {
  name: string;
  decision: { number: string; date: string; signer: string };
  decidedBy: CampaignDecider;
  from: string;
  to: string;
  targets: { cases?: number | null | undefined; money?: bigint | null | undefined; casesRate?: number | null | undefined; moneyRate?: number | null | undefined };
  participants?: { unit?: string | undefined; teamId?: string | undefined; enforcer?: string | undefined; role: string }[] | undefined;
}

export interface LeaderboardRow {
  rank: number;
  key: string | null;
  label: string | null;
  casesResolved: number;
  moneyResolved: bigint;
  withMeans: number | null;
  rate: number | null;
  drillDown: { cases: string; money: string };
}

export interface Leaderboard {
  campaign: { id: string; name: string; status: string };
  unit: { code: string; name: string };
  by: LeaderboardBy;
  period: { from: string; to: string };
  counted: CountedPeriod | null;
  frozen: boolean;
  teamPolicy?: string;
  total: { casesResolved: number; moneyResolved: bigint; withMeans: number; moneyWithMeans: bigint; rate: number | null; moneyRate: number | null };
  targets: ReturnType<typeof targetProgress>;
  rows: LeaderboardRow[];
}

const NO_KEY_LABEL: Record<LeaderboardBy, string> = {
  office: 'Không xác định đơn vị',
  enforcer: 'Chưa phân công chấp hành viên',
  team: 'Không giao tổ vận động',
  commune: 'Chưa xác định xã',
};

const zeroTotal = () => ({ casesResolved: 0, moneyResolved: 0n, withMeans: 0, moneyWithMeans: 0n, rate: null, moneyRate: null });

/**
 * Peak campaigns (đợt cao điểm, issue #14 item 6): opened by a decision over a unit and dates, with targets,
 * named difficult cases and participants; a live leaderboard counted by the statistics engine itself (the
 * same `resolved` of statistics.md §3–§4 over the campaign's counted period, the drill-down to the cases);
 * progress day by day; the close freezes the figures (a versioned snapshot) and the closing report (.docx)
 * is printed from them.
 */
export class CampaignsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
  ) {}

  private today() {
    return todayInVietnam(this.clock);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Scope

  /**
   * A campaign the reader may see: its unit is in the reader's scope, or it covers the reader's own unit (a
   * province's or the nation's campaign seen from an office). Otherwise the answer of an unknown campaign.
   */
  private async visible(reader: CampaignReader, id: string): Promise<{ c: CampaignRecord; scopeUnit: UnitRow; seesScope: boolean }> {
    const c = await campaignById(this.db, id);
    if (!c) throw notFound();
    const scopeUnit = (await this.units.byId(c.scopeUnitId))!;
    const seesScope = readerSees(reader, c.scopeUnitId);
    if (!seesScope && !(reader.unitId !== undefined && (await this.units.scopeOf(c.scopeUnitId)).has(reader.unitId))) throw notFound();
    return { c, scopeUnit, seesScope };
  }

  /** A campaign the actor may change: its unit is in the actor's scope (a province's campaign is changed at the province). */
  private async manageable(actor: Actor, id: string) {
    const v = await this.visible(actor, id);
    if (!v.seesScope) throw new AppError('FORBIDDEN', [{ field: 'id', rule: 'campaign_of_unit_above', message: `Đợt cao điểm do ${v.scopeUnit.name} quản lý.` }]);
    return v;
  }

  /**
   * The unit a leaderboard counts: the one asked for (inside the campaign's scope and the reader's), else the
   * campaign's unit when the reader sees it, else the reader's own unit inside the campaign's scope.
   */
  private async countedUnit(reader: CampaignReader, scopeUnit: UnitRow, seesScope: boolean, code: string | undefined): Promise<UnitRow> {
    const scope = await this.units.scopeOf(scopeUnit.id);
    if (code !== undefined) {
      const u = await this.units.visibleTo(reader, code);
      if (!scope.has(u.id)) throw new AppError('NOT_FOUND', [{ field: 'unit', rule: 'unit_outside_campaign', message: `Đơn vị "${code}" không thuộc phạm vi đợt cao điểm.` }]);
      return u;
    }
    if (seesScope) return scopeUnit;
    const own = reader.unitId === undefined ? undefined : await this.units.byId(reader.unitId);
    if (own && scope.has(own.id)) return own;
    throw notFound();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reads

  /** The campaigns over a unit, over a unit that contains it or inside it, newest first. */
  async list(reader: CampaignReader, unitCode: string) {
    const unit = await this.units.visibleTo(reader, unitCode);
    const inside = await this.units.scopeOf(unit.id);
    const all = await this.units.all();
    const containing: number[] = [];
    for (const u of all) if (!inside.has(u.id) && (await this.units.scopeOf(u.id)).has(unit.id)) containing.push(u.id);
    const rows = await campaignsOfUnits(this.db, [...inside, ...containing]);
    const today = this.today();
    const byId = new Map(all.map((u) => [u.id, u]));
    return {
      unit: { code: unit.code, name: unit.name },
      items: rows.map((c) => ({ ...this.summary(c, byId.get(c.scopeUnitId)!), running: c.status === 'open' && c.from <= today && today <= c.to })),
    };
  }

  private summary(c: CampaignRecord, unit: UnitRow) {
    return {
      id: c.id, name: c.name, decision: c.decision, decidedBy: c.decidedBy, unit: { code: unit.code, name: unit.name, level: unit.level },
      from: c.from, to: c.to, status: c.status, closedAt: c.closedAt?.toISOString() ?? null,
      targets: { cases: c.targets.cases, money: c.targets.money?.toString() ?? null, casesRate: c.targets.casesRate, moneyRate: c.targets.moneyRate },
    };
  }

  /** A campaign with its targets, named cases (current status and outstanding) and participants. */
  async get(reader: CampaignReader, id: string) {
    const { c, scopeUnit, seesScope } = await this.visible(reader, id);
    const named = await namedCasesOf(this.db, c.id);
    const codes = new Map((await this.units.all()).map((u) => [u.id, u.code]));
    const today = this.today();
    return {
      campaign: {
        ...this.summary(c, scopeUnit),
        counted: c.snapshot?.counted ?? countedPeriod(c.from, c.to, today),
        frozen: c.snapshot !== null,
        canManage: seesScope,
        teamPolicy: CAMPAIGN_TEAM_POLICY,
      },
      // a named case of another office is listed by its reference only when the reader does not see that office
      namedCases: named.map((n) => readerSees(reader, n.holdingOfficeId)
        ? {
          caseId: n.caseId, reason: n.reason, note: n.note, decisionNumber: n.decisionNumber, decisionDate: n.decisionDate, acceptedOn: n.acceptedOn,
          office: codes.get(n.holdingOfficeId) ?? null, enforcer: n.enforcerCode, status: n.status, outstanding: n.outstanding.toString(), totalAmount: n.totalAmount.toString(),
          frozen: c.snapshot?.namedCases.find((f) => f.caseId === n.caseId) ?? null,
        }
        : { caseId: n.caseId, reason: n.reason, note: null, decisionNumber: null, decisionDate: null, acceptedOn: null, office: codes.get(n.holdingOfficeId) ?? null, enforcer: null, status: n.status, outstanding: null, totalAmount: null, frozen: null }),
      participants: (await participantsOf(this.db, c.id)).map((p) => ({
        kind: p.unitId !== null ? 'unit' : p.teamId !== null ? 'team' : 'enforcer',
        unit: p.unitId === null ? null : codes.get(p.unitId) ?? null, teamId: p.teamId, enforcer: p.enforcerCode, label: p.label, role: p.role,
      })),
    };
  }

  /** Candidate difficult cases of the campaign's scope (or a unit inside it), with filters, largest outstanding first. */
  async candidates(reader: CampaignReader, id: string, f: Omit<CandidateFilters, 'limit'> & { unit?: string | undefined; limit?: number | undefined }) {
    const { scopeUnit, seesScope } = await this.visible(reader, id);
    const unit = await this.countedUnit(reader, scopeUnit, seesScope, f.unit);
    const scope = await this.units.scopeOf(unit.id);
    const offices = (await this.units.coversAll(scope)) ? null : [...scope];
    const codes = new Map((await this.units.all()).map((u) => [u.id, u.code]));
    const rows = await candidateCases(this.db, offices, { minOutstanding: f.minOutstanding, pendingSinceBefore: f.pendingSinceBefore, coercion: f.coercion, limit: f.limit ?? 100 });
    return {
      unit: unit.code,
      items: rows.map((r) => ({ ...r, outstanding: r.outstanding.toString(), totalAmount: r.totalAmount.toString(), office: codes.get(r.holdingOfficeId) ?? null, holdingOfficeId: undefined })),
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writes

  private async checkInput(input: CampaignInput, scopeUnit: UnitRow): Promise<{ targets: CampaignTargets; participants: ParticipantRecord[] }> {
    const targets: CampaignTargets = {
      cases: input.targets.cases ?? null, money: input.targets.money ?? null, casesRate: input.targets.casesRate ?? null, moneyRate: input.targets.moneyRate ?? null,
    };
    const problems: Problem[] = validateCampaign({ name: input.name, decision: input.decision, decidedBy: input.decidedBy, from: input.from, to: input.to, targets });
    const scope = await this.units.scopeOf(scopeUnit.id);
    const list = input.participants ?? [];
    const teams = await teamsByIds(this.db, list.flatMap((p) => (p.teamId ? [p.teamId] : [])));
    const enforcers = await enforcersByCodes(this.db, list.flatMap((p) => (p.enforcer ? [p.enforcer] : [])));
    const participants: ParticipantRecord[] = [];
    for (const [i, p] of list.entries()) {
      const field = `participants[${i}]`;
      const named = [p.unit, p.teamId, p.enforcer].filter((x) => x !== undefined && x !== '').length;
      if (named !== 1) {
        problems.push({ field, rule: 'one_participant', message: 'Mỗi thành phần tham gia là một đơn vị, một tổ vận động hoặc một chấp hành viên.' });
        continue;
      }
      if (p.unit) {
        const u = await this.units.byCode(p.unit);
        if (!u || !scope.has(u.id)) problems.push({ field: `${field}.unit`, rule: 'outside_scope', message: `Đơn vị "${p.unit}" không thuộc phạm vi đợt cao điểm.` });
        else participants.push({ unitId: u.id, teamId: null, enforcerCode: null, role: p.role });
      } else if (p.teamId) {
        const t = teams.get(p.teamId);
        if (!t || !scope.has(t.officeId)) problems.push({ field: `${field}.teamId`, rule: 'outside_scope', message: 'Tổ vận động không thuộc phạm vi đợt cao điểm.' });
        else participants.push({ unitId: null, teamId: p.teamId, enforcerCode: null, role: p.role });
      } else {
        const e = enforcers.get(p.enforcer!);
        if (!e || !scope.has(e.unitId)) problems.push({ field: `${field}.enforcer`, rule: 'outside_scope', message: `Chấp hành viên "${p.enforcer}" không thuộc phạm vi đợt cao điểm.` });
        else participants.push({ unitId: null, teamId: null, enforcerCode: p.enforcer!, role: p.role });
      }
    }
    if (problems.length) throw invalid(problems);
    return { targets, participants };
  }

  /** Opens a campaign over a unit of the actor's scope (heads: campaigns.manage); audited. */
  async create(actor: Actor, input: CampaignInput & { unit: string }) {
    const scopeUnit = await this.units.visibleTo(actor, input.unit);
    const { targets, participants } = await this.checkInput(input, scopeUnit);
    const id = await this.db.transaction().execute(async (tx) => {
      const newId = await insertCampaign(tx, { name: input.name.trim(), decision: input.decision, decidedBy: input.decidedBy, scopeUnitId: scopeUnit.id, from: input.from, to: input.to, targets, createdBy: actor.userId });
      await replaceParticipants(tx, newId, participants);
      await appendAudit(tx, actor.ctx, {
        action: 'campaign.opened', entityType: 'campaign', entityId: newId, unitId: scopeUnit.id,
        after: { name: input.name.trim(), unit: scopeUnit.code, from: input.from, to: input.to, decision: input.decision, decidedBy: input.decidedBy, targets: targetsJson(targets), participants: participants.length },
      });
      return newId;
    });
    return this.get(actor, id);
  }

  /** Edits an open campaign (a closed one: 409 campaign_closed); audited with what changed. */
  async update(actor: Actor, id: string, patch: Partial<CampaignInput>) {
    const { c, scopeUnit } = await this.manageable(actor, id);
    const next: CampaignInput = {
      name: patch.name ?? c.name, decision: patch.decision ?? c.decision, decidedBy: patch.decidedBy ?? c.decidedBy, from: patch.from ?? c.from, to: patch.to ?? c.to,
      targets: patch.targets ? { ...c.targets, ...patch.targets } : c.targets,
      participants: patch.participants,
    };
    const closed = editErrors(c.status);
    if (closed.length) throw new AppError('CONFLICT', closed);
    const { targets, participants } = await this.checkInput(next, scopeUnit);
    await this.db.transaction().execute(async (tx) => {
      const locked = (await campaignById(tx, id, true))!;
      const again = editErrors(locked.status);
      if (again.length) throw new AppError('CONFLICT', again);
      await updateCampaign(tx, id, { name: next.name.trim(), decision: next.decision, decidedBy: next.decidedBy, from: next.from, to: next.to, targets });
      if (patch.participants) await replaceParticipants(tx, id, participants);
      await appendAudit(tx, actor.ctx, {
        action: 'campaign.updated', entityType: 'campaign', entityId: id, unitId: scopeUnit.id,
        before: { name: c.name, from: c.from, to: c.to, decision: c.decision, decidedBy: c.decidedBy, targets: targetsJson(c.targets) },
        after: { name: next.name.trim(), from: next.from, to: next.to, decision: next.decision, decidedBy: next.decidedBy, targets: targetsJson(targets) },
      });
    });
    return this.get(actor, id);
  }

  /** Names difficult cases of the campaign's scope (an open campaign only); audited. */
  async addCases(actor: Actor, id: string, cases: { caseId: string; reason: CampaignCaseReason; note?: string | null | undefined }[]) {
    const { c, scopeUnit } = await this.manageable(actor, id);
    const closed = editErrors(c.status);
    if (closed.length) throw new AppError('CONFLICT', closed);
    const scope = await this.units.scopeOf(scopeUnit.id);
    const held = await holdingOffices(this.db, cases.map((x) => x.caseId));
    const problems = namedCaseErrors(cases.map((x) => ({ caseId: x.caseId, inScope: held.has(x.caseId) && scope.has(held.get(x.caseId)!) && readerSees(actor, held.get(x.caseId)!) })));
    if (problems.length) throw invalid(problems);
    await this.db.transaction().execute(async (tx) => {
      const locked = (await campaignById(tx, id, true))!;
      const again = editErrors(locked.status);
      if (again.length) throw new AppError('CONFLICT', again);
      await upsertNamedCases(tx, id, cases.map((x) => ({ caseId: x.caseId, reason: x.reason, note: x.note?.trim() || null })), actor.userId);
      await appendAudit(tx, actor.ctx, {
        action: 'campaign.cases_named', entityType: 'campaign', entityId: id, unitId: scopeUnit.id,
        after: { cases: cases.map((x) => ({ caseId: x.caseId, reason: x.reason })) },
      });
    });
    return this.get(actor, id);
  }

  /** Closes a campaign: its figures as they stand are frozen (a versioned snapshot), audited in the same transaction. */
  async close(actor: Actor, id: string) {
    await this.manageable(actor, id);
    await this.closeAs(actor, actor.ctx, actor.userId, id);
    return this.get(actor, id);
  }

  /** The close run by a job (the demo loader): the same freezing, read with a system reader that names its purpose. */
  async closeForSystem(reader: SystemReader, id: string) {
    await this.closeAs(reader, SYSTEM_CONTEXT, null, id);
  }

  private async closeAs(reader: CampaignReader, ctx: RequestContext, userId: number | null, id: string) {
    const c = await campaignById(this.db, id);
    if (!c) throw notFound();
    const today = this.today();
    const problems = closeErrors(c.status, c.from, today);
    if (problems.length) throw new AppError(c.status === 'closed' ? 'CONFLICT' : 'VALIDATION_FAILED', problems);
    const scopeUnit = (await this.units.byId(c.scopeUnitId))!;
    const counted = countedPeriod(c.from, c.to, today)!;
    const boards: Partial<Record<LeaderboardBy, CampaignSnapshotRow[]>> = {};
    let total: Leaderboard['total'] = zeroTotal();
    for (const by of ['office', 'enforcer', 'team', 'commune'] as const) {
      const b = await this.liveBoard(reader, c, scopeUnit, counted, by);
      boards[by] = b.rows.map(({ drillDown: _d, ...r }) => r);
      total = b.total;
    }
    const policies = (await this.statistics.policies()).policies;
    const snapshot: CampaignSnapshot = {
      version: 1, unit: scopeUnit.code, period: { from: c.from, to: c.to }, counted, closedOn: today,
      policies: { moneyResolved: [...policies.moneyResolved], teamPolicy: CAMPAIGN_TEAM_POLICY },
      totals: total,
      leaderboards: boards,
      namedCases: (await namedCasesOf(this.db, c.id)).map((n) => ({ caseId: n.caseId, decisionNumber: n.decisionNumber, reason: n.reason, status: n.status, outstanding: n.outstanding })),
    };
    await this.db.transaction().execute(async (tx) => {
      const locked = (await campaignById(tx, id, true))!;
      const again = editErrors(locked.status);
      if (again.length) throw new AppError('CONFLICT', again);
      await closeCampaignRow(tx, id, snapshot, userId, this.clock.now());
      await appendAudit(tx, ctx, {
        action: 'campaign.closed', entityType: 'campaign', entityId: id, unitId: scopeUnit.id,
        after: { counted: { from: counted.from, to: counted.to }, casesResolved: total.casesResolved, moneyResolved: total.moneyResolved.toString(), namedCases: snapshot.namedCases.length },
      });
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Leaderboard and progress

  /**
   * The leaderboard of a campaign by office, enforcer, team or commune over its counted period, for its unit
   * or a unit inside it. A closed campaign answers from its frozen figures (for its own unit).
   */
  async leaderboard(reader: CampaignReader, id: string, by: LeaderboardBy, unitCode?: string): Promise<Leaderboard> {
    const { c, scopeUnit, seesScope } = await this.visible(reader, id);
    const unit = await this.countedUnit(reader, scopeUnit, seesScope, unitCode);
    const frozenRows = c.snapshot?.leaderboards[by];
    if (c.snapshot && frozenRows && unit.id === scopeUnit.id) {
      const s = c.snapshot;
      return {
        campaign: { id: c.id, name: c.name, status: c.status }, unit: { code: unit.code, name: unit.name }, by, period: { from: c.from, to: c.to },
        counted: s.counted, frozen: true, ...(by === 'team' ? { teamPolicy: s.policies.teamPolicy } : {}),
        total: s.totals, targets: this.progressOf(c, s.totals),
        rows: frozenRows.map((r) => ({ ...r, drillDown: this.links(c.id, unit.code, s.counted, by, r.key) })),
      };
    }
    const counted = c.snapshot?.counted ?? countedPeriod(c.from, c.to, this.today());
    if (!counted) {
      return {
        campaign: { id: c.id, name: c.name, status: c.status }, unit: { code: unit.code, name: unit.name }, by, period: { from: c.from, to: c.to },
        counted: null, frozen: false, total: zeroTotal(), targets: this.progressOf(c, zeroTotal()), rows: [],
      };
    }
    const b = await this.liveBoard(reader, c, unit, counted, by);
    return {
      campaign: { id: c.id, name: c.name, status: c.status }, unit: { code: unit.code, name: unit.name }, by, period: { from: c.from, to: c.to },
      counted, frozen: false, ...(by === 'team' ? { teamPolicy: CAMPAIGN_TEAM_POLICY } : {}), total: b.total, targets: this.progressOf(c, b.total), rows: b.rows,
    };
  }

  private progressOf(c: CampaignRecord, t: Leaderboard['total']) {
    return targetProgress(c.targets, { casesResolved: t.casesResolved, moneyResolved: t.moneyResolved, casesRate: t.rate, moneyRate: t.moneyRate });
  }

  private links(id: string, unit: string, p: CountedPeriod, by: LeaderboardBy, key: string | null) {
    const value = encodeURIComponent(key ?? (by === 'team' ? 'none' : ''));
    if (by === 'team') {
      const base = `/api/campaigns/${id}/leaderboard/cases?unit=${encodeURIComponent(unit)}&by=team&value=${value}`;
      return { cases: `${base}&form=cases`, money: `${base}&form=money` };
    }
    const base = `/api/statistics/cases?unit=${encodeURIComponent(unit)}&from=${p.from}&to=${p.to}`;
    return {
      cases: `${base}&form=cases&key=resolved&by=${by}&value=${value}`,
      money: `${base}&form=money&key=resolved&by=${by}&value=${value}`,
    };
  }

  /** The leaderboard computed now by the statistics engine (breakdown; for teams its drill-down grouped by team). */
  private async liveBoard(reader: CampaignReader, c: CampaignRecord, unit: UnitRow, counted: CountedPeriod, by: LeaderboardBy) {
    if (by === 'team') return this.teamBoard(reader, c, unit, counted);
    if (unit.level === 'national') return this.nationalBoard(reader, c, unit, counted, by);
    const b = await this.statistics.breakdown(reader, unit.code, counted.to, counted.from, by);
    const rows = rankLeaderboard(b.rows.map((r) => ({
      key: r.key, label: r.label ?? NO_KEY_LABEL[by], casesResolved: r.report.cases.resolved, moneyResolved: r.report.money.resolved,
      withMeans: r.report.cases.with_means, rate: r.report.cases.rate,
    })));
    const total = {
      casesResolved: b.total.cases.resolved, moneyResolved: b.total.money.resolved, withMeans: b.total.cases.with_means, moneyWithMeans: b.total.money.with_means,
      rate: b.total.cases.rate, moneyRate: b.total.money.rate,
    };
    return { total, rows: rows.map((r) => ({ ...r, drillDown: this.links(c.id, unit.code, counted, by, r.key) })) };
  }

  /**
   * A nationwide campaign: the full report of the nation for a period not starting on 1 October reads every
   * case in scope (seconds at a million cases); the leaderboard needs only what was resolved in the period,
   * which the statistics engine reads from the rows dated in it (StatisticsService.resolvedBy: the same
   * rules, the same figures). The rate needs the cases with means of the whole scope: shown in the report,
   * not on this leaderboard (null).
   */
  private async nationalBoard(reader: CampaignReader, c: CampaignRecord, unit: UnitRow, counted: CountedPeriod, by: Exclude<LeaderboardBy, 'team'>) {
    const [r, atEnd] = await Promise.all([
      this.statistics.resolvedBy(reader, unit.code, counted.to, counted.from, by),
      // the cases and money still pending with means at the end do not depend on the start: any report
      // ending there has them, the one of the fiscal year from its stored totals (statistics.md §3–§4)
      this.statistics.report(reader, unit.code, counted.to),
    ]);
    const rows = rankLeaderboard(r.rows.map((x) => ({
      key: x.key, label: x.label ?? NO_KEY_LABEL[by], casesResolved: x.casesResolved, moneyResolved: x.moneyResolved, withMeans: null, rate: null,
    })));
    const fy = atEnd.report;
    const withMeans = r.total.casesResolved + (fy.cases.with_means - fy.cases.resolved);
    const moneyWithMeans = r.total.moneyWithMeansInPeriod + (fy.money.with_means - fy.money.completed - fy.money.terminated - fy.money.reduced);
    const total = {
      casesResolved: r.total.casesResolved, moneyResolved: r.total.moneyResolved, withMeans, moneyWithMeans,
      rate: rateOf(r.total.casesResolved, withMeans), moneyRate: rateOf(r.total.moneyResolved, moneyWithMeans),
    };
    return { total, rows: rows.map((x) => ({ ...x, drillDown: this.links(c.id, unit.code, counted, by, x.key) })) };
  }

  /** Every row of a statistics drill-down cell (all pages). */
  private async cellRows(reader: Reader, unitCode: string, p: CountedPeriod, form: 'cases' | 'money') {
    const items: { caseId: string; episodeStart: string; episodeEnd: string | null; value: bigint }[] = [];
    for (let page = 1; ; page++) {
      const r = await this.statistics.cases(reader, unitCode, p.to, p.from, { form, key: 'resolved', page, pageSize: 5000 });
      for (const i of r.items) items.push({ caseId: i.caseId, episodeStart: i.episodeStart, episodeEnd: i.episodeEnd, value: BigInt(i.value) });
      if (!r.hasMore) break;
    }
    return items;
  }

  /** The resolved cases and money of the period per case, and the team each counts for (CAMPAIGN_TEAM_POLICY). */
  private async perCaseTeams(reader: Reader, unitCode: string, counted: CountedPeriod) {
    const cases = await this.cellRows(reader, unitCode, counted, 'cases');
    const money = await this.cellRows(reader, unitCode, counted, 'money');
    const assignments = await assignmentsOfCases(this.db, [...new Set([...cases, ...money].map((i) => i.caseId))]);
    const team = (caseId: string) => teamOfCase(assignments.get(caseId) ?? [], counted);
    return { cases, money, team };
  }

  private async teamBoard(reader: CampaignReader, c: CampaignRecord, unit: UnitRow, counted: CountedPeriod) {
    const report = await this.statistics.report(reader, unit.code, counted.to, counted.from);
    const { cases, money, team } = await this.perCaseTeams(reader, unit.code, counted);
    const sums = new Map<string | null, { cases: number; money: bigint }>([[null, { cases: 0, money: 0n }]]);
    const at = (k: string | null) => sums.get(k) ?? sums.set(k, { cases: 0, money: 0n }).get(k)!;
    for (const i of cases) at(team(i.caseId)).cases += Number(i.value);
    for (const i of money) at(team(i.caseId)).money += i.value;
    const names = await teamsByIds(this.db, [...sums.keys()].filter((k): k is string => k !== null));
    const rows = rankLeaderboard([...sums].map(([key, s]) => ({
      key, label: key === null ? NO_KEY_LABEL.team : names.get(key)?.name ?? key, casesResolved: s.cases, moneyResolved: s.money, withMeans: null, rate: null,
    })));
    const r = report.report;
    const total = { casesResolved: r.cases.resolved, moneyResolved: r.money.resolved, withMeans: r.cases.with_means, moneyWithMeans: r.money.with_means, rate: r.cases.rate, moneyRate: r.money.rate };
    const sum = leaderboardTotals(rows);
    if (sum.casesResolved !== total.casesResolved || sum.moneyResolved !== total.moneyResolved) {
      throw new Error(`campaign ${c.id}: team rows ${sum.casesResolved}/${sum.moneyResolved} differ from the report ${total.casesResolved}/${total.moneyResolved}`);
    }
    return { total, rows: rows.map((x) => ({ ...x, drillDown: this.links(c.id, unit.code, counted, 'team', x.key) })) };
  }

  /** The cases behind a team row of the leaderboard (value 'none': the cases not assigned to a team), with what each contributes. */
  async teamCases(reader: CampaignReader, id: string, q: { unit?: string | undefined; value: string; form: 'cases' | 'money' }) {
    const { c, scopeUnit, seesScope } = await this.visible(reader, id);
    const unit = await this.countedUnit(reader, scopeUnit, seesScope, q.unit);
    const counted = c.snapshot?.counted ?? countedPeriod(c.from, c.to, this.today());
    if (!counted) return { unit: unit.code, counted: null, form: q.form, value: q.value, total: q.form === 'money' ? '0' : 0, items: [] };
    const { cases, money, team } = await this.perCaseTeams(reader, unit.code, counted);
    const want = q.value === 'none' ? null : q.value;
    const items = (q.form === 'cases' ? cases : money).filter((i) => team(i.caseId) === want);
    const total = items.reduce((s, i) => s + i.value, 0n);
    return {
      unit: unit.code, counted, form: q.form, value: q.value, total: q.form === 'money' ? total.toString() : Number(total),
      items: items.map((i) => ({ caseId: i.caseId, episodeEnd: i.episodeEnd, value: q.form === 'money' ? i.value.toString() : Number(i.value) })),
    };
  }

  /**
   * Day-by-day cumulative resolved cases and money over the counted period: the cases from the drill-down
   * rows' end dates, the money from the derived flows (and terminations) of the same cases' episodes; the
   * last point is the leaderboard's total (each case's daily amounts add up to its drill-down value).
   */
  async progress(reader: CampaignReader, id: string, unitCode?: string) {
    const { c, scopeUnit, seesScope } = await this.visible(reader, id);
    const unit = await this.countedUnit(reader, scopeUnit, seesScope, unitCode);
    const counted = c.snapshot?.counted ?? countedPeriod(c.from, c.to, this.today());
    const head = { campaign: { id: c.id, name: c.name, status: c.status }, unit: { code: unit.code, name: unit.name }, period: { from: c.from, to: c.to }, counted };
    const targets = { cases: c.targets.cases, money: c.targets.money?.toString() ?? null };
    if (!counted) return { ...head, targets, points: [] };
    const cases = await this.cellRows(reader, unit.code, counted, 'cases');
    const money = await this.cellRows(reader, unit.code, counted, 'money');
    const parts = (await this.statistics.policies()).policies.moneyResolved;
    const flows = await resolvedMoneyByDay(this.db, money.map((m) => ({ caseId: m.caseId, start: m.episodeStart })), counted.from, counted.to, parts);
    // Each case's days must add up to its drill-down value; a difference (none is expected) is put on its last day.
    const perCase = new Map<string, bigint>();
    for (const f of flows) perCase.set(f.caseId, (perCase.get(f.caseId) ?? 0n) + f.amount);
    for (const m of money) {
      const diff = m.value - (perCase.get(m.caseId) ?? 0n);
      if (diff !== 0n) flows.push({ caseId: m.caseId, on: m.episodeEnd !== null && m.episodeEnd <= counted.to && m.episodeEnd >= counted.from ? m.episodeEnd : counted.to, amount: diff });
    }
    const points = cumulativeProgress(counted, cases.map((x) => ({ on: x.episodeEnd ?? counted.to, count: Number(x.value) })), flows.map((f) => ({ on: f.on, amount: f.amount })));
    return { ...head, targets, points: points.map((p) => ({ on: p.on, cases: p.cases, money: p.money.toString() })) };
  }

  /** The closing report (.docx): the frozen figures when closed, else the figures as they stand today. */
  async closingReport(reader: CampaignReader, id: string): Promise<{ name: string; bytes: Buffer }> {
    const { c, scopeUnit, seesScope } = await this.visible(reader, id);
    if (!seesScope) throw notFound();
    let frozen = c.snapshot;
    if (!frozen) {
      const counted = countedPeriod(c.from, c.to, this.today());
      const boards: Partial<Record<LeaderboardBy, CampaignSnapshotRow[]>> = {};
      let totals: Leaderboard['total'] = zeroTotal();
      if (counted) {
        for (const by of ['office', 'enforcer'] as const) {
          const b = await this.liveBoard(reader, c, scopeUnit, counted, by);
          boards[by] = b.rows;
          totals = b.total;
        }
      }
      frozen = {
        version: 1, unit: scopeUnit.code, period: { from: c.from, to: c.to }, counted: counted ?? { from: c.from, to: c.from }, closedOn: this.today(),
        policies: { moneyResolved: [], teamPolicy: CAMPAIGN_TEAM_POLICY }, totals, leaderboards: boards,
        namedCases: (await namedCasesOf(this.db, c.id)).map((n) => ({ caseId: n.caseId, decisionNumber: n.decisionNumber, reason: n.reason, status: n.status, outstanding: n.outstanding })),
      };
    }
    const parent = scopeUnit.parentId === null ? undefined : await this.units.byId(scopeUnit.parentId);
    const bytes = await buildCampaignClosingDocx({
      unitName: scopeUnit.name, ...(parent && parent.level !== 'national' ? { parentUnit: parent.name } : {}),
      campaign: { name: c.name, decision: c.decision, decidedBy: c.decidedBy, from: c.from, to: c.to, closed: c.snapshot !== null },
      snapshot: frozen, targets: this.progressOf(c, frozen.totals), signedOn: frozen.closedOn,
    });
    return { name: `bao-cao-dot-cao-diem-${c.id}.docx`, bytes };
  }
}

function targetsJson(t: CampaignTargets) {
  return { cases: t.cases, money: t.money === null ? null : t.money.toString(), casesRate: t.casesRate, moneyRate: t.moneyRate };
}
