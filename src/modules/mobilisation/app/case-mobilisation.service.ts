import { AppError } from '../../../kernel/errors.js';
import type { Db, DbOrTx } from '../../../platform/db/database.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { todayInVietnam, type Clock } from '../../../platform/clock.js';
import { isTerminal, type CasesService, type CaseForModule } from '../../cases/index.js';
import type { Actor, UnitDirectory } from '../../organisation/index.js';
import {
  actsAsTeamMember, canAssignToTeam, instalmentStatuses, validateAssignment, validateVisit,
  type VisitOutcome, type VisitPlace,
} from '../domain/index.js';
import { readAttributionPolicy } from '../infra/policy.repository.js';
import {
  assignmentsOfCase, endAssignment, enforcerCodeOfUser, insertAssignment, insertVisit, lockAssignmentsOfCase, openAssignments, teamById, teamsOfUser, visitsOfCases,
} from '../infra/visits.repository.js';

type Problem = { field: string; rule: string; message: string };
const invalid = (details: Problem[]) => new AppError('VALIDATION_FAILED', details);
const forbidden = (rule: string, message: string) => new AppError('FORBIDDEN', [{ field: 'role', rule, message }]);

export interface NewVisitInput {
  on: string;
  place: VisitPlace;
  outcome: VisitOutcome;
  memberIds: string[];
  instalments?: { due: string; amount: bigint }[] | undefined;
  paidOnSpot?: bigint | null | undefined;
  notes?: string | null | undefined;
}

/**
 * A case in the hands of a commune team (mobilisation issue, items 2–3): the assignment, the visits and the
 * promised instalments. A team member reads and records only for the cases of their own team, and sees of
 * a case only what mobilisation needs (casePresenter): never identity numbers or the other parties.
 */
export class CaseMobilisationService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  private today() {
    return todayInVietnam(this.clock);
  }

  /**
   * A team member reaches a case only through an assignment to one of their teams (404 otherwise, as for a
   * case out of scope); office staff through the scope alone. Returns the member's teams (null for staff).
   */
  private async memberTeams(db: DbOrTx, actor: Actor, assignments: readonly { teamId: string }[]): Promise<Set<string> | null> {
    if (!actsAsTeamMember(actor.role)) return null;
    const mine = new Set(await teamsOfUser(db, actor.userId, this.today()));
    if (!assignments.some((a) => mine.has(a.teamId))) throw new AppError('NOT_FOUND');
    return mine;
  }

  /** Hands a case to a team: one open assignment per case, a team of the case's office valid that day. */
  async assign(actor: Actor, caseId: string, input: { teamId: string; from: string; coercionPlanned?: boolean | undefined }) {
    if (!canAssignToTeam(actor.role)) throw forbidden('assign_to_team', 'Chỉ lãnh đạo cơ quan hoặc chấp hành viên giao việc cho tổ vận động.');
    const c = await this.cases.forModule(actor, caseId);
    const team = await teamById(this.db, input.teamId);
    const problems: Problem[] = [];
    if (!team || !(await this.units.scopeOf(c.holdingOfficeId)).has(team.officeId)) {
      problems.push({ field: 'teamId', rule: 'team_of_office', message: 'Tổ vận động không thuộc cơ quan đang thi hành việc này.' });
    }
    if (isTerminal(c.state.status)) problems.push({ field: 'caseId', rule: 'case_closed', message: 'Việc đã kết thúc, không giao cho tổ vận động.' });
    if (input.from > this.today()) problems.push({ field: 'from', rule: 'not_in_future', message: 'Ngày giao không được sau ngày hôm nay.' });
    if (input.from < c.facts.acceptedOn) problems.push({ field: 'from', rule: 'before_acceptance', message: 'Ngày giao trước ngày thụ lý việc.' });
    return this.db.transaction().execute(async (tx) => {
      await lockAssignmentsOfCase(tx, caseId);
      const open = (await assignmentsOfCase(tx, caseId)).filter((a) => a.to === null);
      if (team) problems.push(...validateAssignment(input.from, team, open));
      if (problems.length) throw invalid(problems);
      const id = await insertAssignment(tx, { caseId, teamId: team!.id, from: input.from, coercionPlannedOn: input.coercionPlanned ? input.from : null, assignedBy: actor.userId });
      await appendAudit(tx, actor.ctx, {
        action: 'mobilisation.case_assigned', entityType: 'case', entityId: caseId, unitId: c.holdingOfficeId,
        after: { assignment: id, team: team!.id, teamName: team!.name, from: input.from, coercionPlanned: Boolean(input.coercionPlanned) },
      });
      return { id, teamId: team!.id, from: input.from };
    });
  }

  /** Takes the case back from the team (by hand) on `on`. */
  async endAssignment(actor: Actor, caseId: string, on: string) {
    if (!canAssignToTeam(actor.role)) throw forbidden('assign_to_team', 'Chỉ lãnh đạo cơ quan hoặc chấp hành viên kết thúc việc giao cho tổ vận động.');
    const c = await this.cases.forModule(actor, caseId);
    return this.db.transaction().execute(async (tx) => {
      await lockAssignmentsOfCase(tx, caseId);
      const open = (await assignmentsOfCase(tx, caseId)).find((a) => a.to === null);
      if (!open) throw invalid([{ field: 'caseId', rule: 'no_open_assignment', message: 'Việc này không đang giao cho tổ vận động nào.' }]);
      if (on < open.from || on > this.today()) throw invalid([{ field: 'on', rule: 'end_date', message: 'Ngày kết thúc phải từ ngày giao đến hôm nay.' }]);
      await endAssignment(tx, open.id, on, 'by_hand');
      await appendAudit(tx, actor.ctx, { action: 'mobilisation.assignment_ended', entityType: 'case', entityId: caseId, unitId: c.holdingOfficeId, before: { assignment: open.id, to: null }, after: { to: on } });
      return { id: open.id, to: on };
    });
  }

  /** Records a visit of the team the case is assigned to (a team member of that team, an enforcer or a head). */
  async recordVisit(actor: Actor, caseId: string, input: NewVisitInput) {
    const c = await this.cases.forModule(actor, caseId);
    return this.db.transaction().execute(async (tx) => {
      await lockAssignmentsOfCase(tx, caseId);
      const assignments = await assignmentsOfCase(tx, caseId);
      const mine = await this.memberTeams(tx, actor, assignments);
      const open = assignments.find((a) => a.to === null);
      if (!open) throw invalid([{ field: 'caseId', rule: 'no_open_assignment', message: 'Việc này không đang giao cho tổ vận động nào.' }]);
      if (mine && !mine.has(open.teamId)) throw new AppError('NOT_FOUND');
      const team = (await teamById(tx, open.teamId))!;
      const visit = {
        teamId: open.teamId, caseId, on: input.on, place: input.place, outcome: input.outcome, memberIds: [...new Set(input.memberIds)],
        instalments: input.instalments ?? [], paidOnSpot: input.paidOnSpot ?? null,
      };
      const problems = validateVisit(visit, team, open, this.today());
      if (problems.length) throw invalid(problems);
      const id = await insertVisit(tx, open.id, { ...visit, notes: input.notes?.trim() || null, recordedBy: actor.userId });
      await appendAudit(tx, actor.ctx, {
        action: 'mobilisation.visit_recorded', entityType: 'case', entityId: caseId, unitId: c.holdingOfficeId,
        after: { visit: id, team: open.teamId, on: input.on, place: input.place, outcome: input.outcome, members: visit.memberIds, instalments: visit.instalments.map((i) => ({ due: i.due, amount: i.amount.toString() })) },
      });
      return { id };
    });
  }

  /**
   * The cases in the hands of teams, open assignments only: a team member's own teams, or for office staff
   * every team of their working units. Each with the whitelisted case, the last visit and the next promise
   * (a broken one first: what the team must follow up).
   */
  async openCases(actor: Actor, opts: { mine?: boolean | undefined } = {}) {
    const today = this.today();
    const teamIds = actsAsTeamMember(actor.role) ? await teamsOfUser(this.db, actor.userId, today) : null;
    // `mine`: an enforcer's own cases (the promises broken on them belong in "Việc của tôi"); an account
    // that is not an enforcer's has none.
    const enforcer = opts.mine && teamIds === null ? await enforcerCodeOfUser(this.db, actor.userId) : null;
    if (opts.mine && teamIds === null && enforcer === null) return { today, items: [] };
    const open = await openAssignments(this.db, teamIds, teamIds === null ? [...actor.activeScope] : null, enforcer);
    const visitsByCase = await visitsOfCases(this.db, open.map((a) => a.caseId));
    const out = [];
    for (const a of open) {
      const c = await this.cases.forModule(actor, a.caseId).catch(() => null);
      if (!c) continue;
      const visits = (visitsByCase.get(a.caseId) ?? []).filter((v) => v.on >= a.from);
      const promises = visits.flatMap((v) => instalmentStatuses(v, c.events, today)).filter((p) => p.state !== 'kept');
      promises.sort((x, y) => (x.state === y.state ? (x.due < y.due ? -1 : 1) : x.state === 'broken' ? -1 : 1));
      const last = visits[visits.length - 1];
      out.push({
        case: casePresenter(c),
        assignment: { id: a.id, from: a.from, team: { id: a.teamId, name: a.teamName, commune: a.communeName } },
        lastVisit: last ? { on: last.on, outcome: last.outcome } : null,
        nextPromise: promises[0] ? { due: promises[0].due, amount: promises[0].amount.toString(), state: promises[0].state } : null,
        brokenPromises: promises.filter((p) => p.state === 'broken').length,
        // the earliest promise not yet due (the "this week" list of the team's phone screen reads it)
        nextDue: ((d) => (d ? { due: d.due, amount: d.amount.toString() } : null))(promises.find((p) => p.state === 'due')),
      });
    }
    return { today, items: out };
  }

  /** What mobilisation shows of a case: whitelisted facts, the assignments, the visits and the state of each promise. */
  async caseView(actor: Actor, caseId: string) {
    const c = await this.cases.forModule(actor, caseId);
    const assignments = await assignmentsOfCase(this.db, caseId);
    await this.memberTeams(this.db, actor, assignments);
    const visits = (await visitsOfCases(this.db, [caseId])).get(caseId) ?? [];
    const today = this.today();
    const teams = new Map<string, Awaited<ReturnType<typeof teamById>>>();
    for (const id of new Set([...assignments.map((a) => a.teamId), ...visits.map((v) => v.teamId)])) teams.set(id, await teamById(this.db, id));
    const memberName = (teamId: string, id: string) => teams.get(teamId)?.members.find((m) => m.id === id)?.name ?? id;
    return {
      case: casePresenter(c),
      policy: { attributionWindowDays: (await readAttributionPolicy(this.db)).windowDays },
      assignments: assignments.map((a) => ({
        id: a.id, team: { id: a.teamId, name: teams.get(a.teamId)?.name ?? a.teamId, commune: teams.get(a.teamId)?.communeName ?? null },
        from: a.from, to: a.to, endedReason: a.endedReason, coercionPlanned: a.coercionPlannedOn !== null,
        // who can be named as present on a visit today (open assignment only)
        members: a.to === null ? (teams.get(a.teamId)?.members ?? []).filter((m) => m.validFrom <= today && (m.validTo === null || m.validTo >= today)).map((m) => ({ id: m.id, name: m.name, role: m.role })) : [],
      })),
      visits: visits.map((v) => ({
        id: v.id, teamId: v.teamId, on: v.on, place: v.place, outcome: v.outcome, notes: v.notes,
        members: v.memberIds.map((m) => ({ id: m, name: memberName(v.teamId, m) })),
        paidOnSpot: v.paidOnSpot === null ? null : v.paidOnSpot.toString(),
        instalments: instalmentStatuses(v, c.events, today).map((s) => ({ due: s.due, amount: s.amount.toString(), state: s.state, paidByDue: s.paidByDue.toString() })),
      })),
    };
  }
}

/**
 * The whitelist of what mobilisation may show of a case (the issue's item 2): the obligors' names and
 * addresses, what is owed and outstanding, the enforcer's name. Identity numbers and the other parties are
 * never copied here, whoever reads.
 */
export function casePresenter(c: CaseForModule) {
  const owed = c.facts.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : 0n), 0n);
  return {
    id: c.facts.id,
    decision: c.facts.decision,
    status: c.state.status,
    obligors: c.facts.parties.filter((p) => p.role === 'obligor').map((p) => ({ name: p.name, address: p.address })),
    owed: owed.toString(),
    outstanding: c.outstanding.toString(),
    enforcer: c.state.enforcer ? { code: c.state.enforcer, name: c.enforcerName } : null,
  };
}

