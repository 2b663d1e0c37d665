import { AppError } from '../../../kernel/errors.js';
import type { Db } from '../../../platform/db/database.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { todayInVietnam, type Clock } from '../../../platform/clock.js';
import { readerSees, type Actor, type Reader, type UnitDirectory, type UnitRow } from '../../organisation/index.js';
import {
  committeeLevelFor, daysOverdue, taskState, validateCommittee, validateFollowup, validateMeeting, validateMember, validateTaskStatus,
  type CommitteeLevel, type MeetingKind, type MemberRole, type SteeringRuleError, type TaskState, type TaskStatus,
} from '../domain/index.js';
import type { StatisticsService } from '../../statistics/index.js';
import { steeringReportDocx, type MobilisationFiguresSource } from './steering-report.js';
import {
  committeeById, committeesInForce, insertCommittee, insertFollowup, insertMeeting, insertMembers, meetingsOf, membersOf, taskById, tasksOf,
  updateTaskStatus, type CommitteeRecord, type MeetingRecord, type SteeringMemberRecord, type TaskRecord,
} from '../infra/steering.repository.js';

export interface CommitteeView extends Omit<CommitteeRecord, 'unitId'> {
  unit: { code: string; name: string };
}
export interface TaskView extends Omit<TaskRecord, 'committeeId'> {
  state: TaskState;
  daysOverdue: number;
}
export interface CommitteeDetail {
  committee: CommitteeView;
  members: SteeringMemberRecord[];
  meetings: MeetingRecord[];
  tasks: TaskView[];
  /** True when the reader may record members, meetings and task statuses (steering.manage and the committee's unit in scope). */
  canManage: boolean;
}

export interface NewMemberInput {
  name: string; position: string; agency: string; role: MemberRole; validFrom?: string | undefined; validTo?: string | null | undefined;
}
export interface NewCommitteeInput {
  level: CommitteeLevel;
  unit: string;
  name: string;
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo?: string | null | undefined;
  members?: NewMemberInput[] | undefined;
}
export interface NewMeetingInput {
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  minutes?: string | null | undefined;
  attendance: { memberId: string; present: boolean }[];
  tasks: { text: string; ownerAgency: string; deadline: string }[];
}

const invalid = (details: SteeringRuleError[] | { field: string; rule: string; message: string }[]) => new AppError('VALIDATION_FAILED', details);
const notFound = (field: string) => new AppError('NOT_FOUND', [{ field, rule: 'unknown', message: 'Không tìm thấy.' }]);
const canManage = (actor: Actor) => actor.permissions.includes('steering.manage');

/** The steering committee (Ban Chỉ đạo THADS): committees in force, members, meetings, tasks and follow-ups (issue #14 item 5). */
export class SteeringService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly clock: Clock,
    private readonly statistics: StatisticsService,
    /** Section III of the report: the mobilisation results service, wired by the composition root (absent: "—"). */
    private readonly mobilisationFigures?: MobilisationFiguresSource,
  ) {}

  /** The office's periodic report to its committee as .docx (app/steering-report.ts). */
  reportDocx(reader: Reader, q: { unit: string; to: string; proposals?: string[] | undefined; place?: string | undefined }) {
    return steeringReportDocx({ statistics: this.statistics, steering: this, mobilisation: this.mobilisationFigures }, reader, q);
  }

  today(): string {
    return todayInVietnam(this.clock);
  }

  /**
   * The committees in force on `date` for a unit: for an office before 01/07/2025 the district committee of
   * the office or of the offices it succeeds; after, and for a province unit always, the provincial committee
   * of its province or the provinces it succeeds (domain committeeLevelFor).
   */
  async inForce(reader: Reader, unitCode: string, date: string): Promise<CommitteeView[]> {
    const unit = await this.units.visibleTo(reader, unitCode);
    return Promise.all((await this.inForceFor(unit, date)).map((c) => this.view(c)));
  }

  private async inForceFor(unit: UnitRow, date: string): Promise<CommitteeRecord[]> {
    const level = committeeLevelFor(unit.level, date);
    if (level === null) return [];
    const base = level === 'province' && unit.level === 'office' ? (unit.parentId === null ? undefined : await this.units.byId(unit.parentId)) : unit;
    if (!base) return [];
    const wanted = level === 'district' ? 'office' : 'province';
    const { byId } = await this.units.maps();
    const candidates = [...(await this.units.scopeOf(base.id))].filter((id) => byId.get(id)?.level === wanted);
    return committeesInForce(this.db, level, candidates, date);
  }

  private viewSync(c: CommitteeRecord, unit: UnitRow | undefined): CommitteeView {
    const { unitId: _unitId, ...rest } = c;
    return { ...rest, unit: { code: unit?.code ?? String(c.unitId), name: unit?.name ?? '' } };
  }

  private async view(c: CommitteeRecord): Promise<CommitteeView> {
    return this.viewSync(c, await this.units.byId(c.unitId));
  }

  /**
   * Who reads a committee: whoever sees its unit; a provincial committee also by whoever sees one of the
   * units of its province (an office reports to it and follows its tasks). Otherwise the unknown 404.
   */
  private async readable(reader: Reader, c: CommitteeRecord): Promise<boolean> {
    if (readerSees(reader, c.unitId)) return true;
    if (c.level !== 'province' || 'kind' in reader) return false;
    for (const id of await this.units.scopeOf(c.unitId)) if (reader.scope.has(id)) return true;
    return false;
  }

  private async readableCommittee(reader: Reader, id: string): Promise<CommitteeRecord> {
    const c = await committeeById(this.db, id);
    if (!c || !(await this.readable(reader, c))) throw notFound('id');
    return c;
  }

  /** Writes to a committee (members, meetings, task statuses): steering.manage and the committee's own unit in scope. */
  private assertManage(actor: Actor, c: CommitteeRecord): void {
    if (!readerSees(actor, c.unitId)) throw notFound('id');
    if (!canManage(actor)) throw new AppError('FORBIDDEN');
  }

  private taskView(t: TaskRecord, today: string): TaskView {
    const { committeeId: _c, ...rest } = t;
    return { ...rest, state: taskState(t, today), daysOverdue: daysOverdue(t, today) };
  }

  /** A committee with its members, meetings (attendance) and tasks with their state today. */
  async detail(reader: Reader & Partial<Pick<Actor, 'permissions'>>, id: string): Promise<CommitteeDetail> {
    const c = await this.readableCommittee(reader, id);
    const today = this.today();
    const [members, meetings, tasks] = await Promise.all([membersOf(this.db, c.id), meetingsOf(this.db, c.id), tasksOf(this.db, [c.id])]);
    return {
      committee: await this.view(c), members, meetings, tasks: tasks.map((t) => this.taskView(t, today)),
      canManage: readerSees(reader, c.unitId) && (reader.permissions?.includes('steering.manage') ?? false),
    };
  }

  /** Records a committee established by a decision of the People's Committee, with its first members; audited. */
  async create(actor: Actor, input: NewCommitteeInput): Promise<CommitteeDetail> {
    if (!canManage(actor)) throw new AppError('FORBIDDEN');
    const unit = await this.units.visibleTo(actor, input.unit);
    const validTo = input.validTo ?? null;
    const draft = { level: input.level, validFrom: input.validFrom, validTo };
    const members = (input.members ?? []).map((m) => ({ ...m, validFrom: m.validFrom ?? input.validFrom, validTo: m.validTo === undefined ? validTo : m.validTo }));
    const problems: SteeringRuleError[] = [
      ...validateCommittee({ ...draft, decisionDate: input.decision.date }, unit),
      ...members.flatMap((m, i) => validateMember(m, draft, `members.${i}.validFrom`)),
    ];
    if (problems.length) throw invalid(problems);
    const id = await this.db.transaction().execute(async (tx) => {
      const committeeId = await insertCommittee(tx, { level: input.level, unitId: unit.id, name: input.name, decision: input.decision, validFrom: input.validFrom, validTo });
      await insertMembers(tx, committeeId, members);
      await appendAudit(tx, actor.ctx, {
        action: 'steering.committee_created', entityType: 'steering_committee', entityId: committeeId, unitId: unit.id,
        after: { level: input.level, unit: unit.code, name: input.name, decision: input.decision, validFrom: input.validFrom, validTo, members: members.map((m) => ({ name: m.name, agency: m.agency, role: m.role })) },
      });
      return committeeId;
    });
    return this.detail(actor, id);
  }

  /** Adds members to a committee (appointments after its establishment); audited. */
  async addMembers(actor: Actor, committeeId: string, input: NewMemberInput[]): Promise<CommitteeDetail> {
    await this.db.transaction().execute(async (tx) => {
      const c = await committeeById(tx, committeeId, true);
      if (!c || !(await this.readable(actor, c))) throw notFound('id');
      this.assertManage(actor, c);
      const members = input.map((m) => ({ ...m, validFrom: m.validFrom ?? c.validFrom, validTo: m.validTo === undefined ? c.validTo : m.validTo }));
      const problems = members.flatMap((m, i) => validateMember(m, c, `members.${i}.validFrom`));
      if (problems.length) throw invalid(problems);
      const ids = await insertMembers(tx, c.id, members);
      await appendAudit(tx, actor.ctx, {
        action: 'steering.members_added', entityType: 'steering_committee', entityId: c.id, unitId: c.unitId,
        after: { members: members.map((m, i) => ({ id: ids[i]!, name: m.name, position: m.position, agency: m.agency, role: m.role, validFrom: m.validFrom, validTo: m.validTo })) },
      });
    });
    return this.detail(actor, committeeId);
  }

  /** A meeting with its attendance and its conclusions turned into tasks, in one transaction with its audit row. */
  async recordMeeting(actor: Actor, committeeId: string, input: NewMeetingInput): Promise<{ meetingId: string; taskIds: string[] }> {
    return this.db.transaction().execute(async (tx) => {
      const c = await committeeById(tx, committeeId, true);
      if (!c || !(await this.readable(actor, c))) throw notFound('id');
      this.assertManage(actor, c);
      const members = await membersOf(tx, c.id);
      const problems = validateMeeting({ heldOn: input.heldOn, kind: input.kind, attendance: input.attendance, tasks: input.tasks }, c, members, this.today());
      if (problems.length) throw invalid(problems);
      const minutes = input.minutes?.trim() ? input.minutes.trim() : null;
      const ids = await insertMeeting(tx, {
        committeeId: c.id, heldOn: input.heldOn, kind: input.kind, agenda: input.agenda, minutes, recordedBy: actor.userId,
        attendance: input.attendance, tasks: input.tasks,
      });
      await appendAudit(tx, actor.ctx, {
        action: 'steering.meeting_recorded', entityType: 'steering_meeting', entityId: ids.meetingId, unitId: c.unitId,
        after: { committee: c.id, heldOn: input.heldOn, kind: input.kind, agenda: input.agenda, attendance: input.attendance, tasks: input.tasks.map((t, i) => ({ id: ids.taskIds[i]!, ...t })) },
      });
      return ids;
    });
  }

  /**
   * A follow-up note on a task (đôn đốc, TTLT 05/2016 Art. 7(2)(e)): by whoever reads the committee with
   * steering.manage — an office head follows the provincial committee's tasks that concern the office.
   */
  async addFollowup(actor: Actor, taskId: string, input: { on: string; note: string }): Promise<TaskView> {
    if (!canManage(actor)) throw new AppError('FORBIDDEN');
    await this.db.transaction().execute(async (tx) => {
      const task = await taskById(tx, taskId, true);
      const c = task && (await committeeById(tx, task.committeeId));
      if (!task || !c || !(await this.readable(actor, c))) throw notFound('id');
      const problems = validateFollowup(input.on, task.meetingHeldOn, this.today());
      if (problems.length) throw invalid(problems);
      const id = await insertFollowup(tx, task.id, input.on, input.note, actor.userId);
      await appendAudit(tx, actor.ctx, {
        action: 'steering.task_followup', entityType: 'steering_task', entityId: task.id, unitId: c.unitId,
        after: { followup: id, on: input.on, note: input.note },
      });
    });
    return this.taskView((await taskById(this.db, taskId))!, this.today());
  }

  /** Changes a task's status (done with its date, cancelled, reopened); audited with before and after. */
  async setTaskStatus(actor: Actor, taskId: string, input: { status: TaskStatus; doneOn?: string | null | undefined }): Promise<TaskView> {
    await this.db.transaction().execute(async (tx) => {
      const task = await taskById(tx, taskId, true);
      const c = task && (await committeeById(tx, task.committeeId));
      if (!task || !c || !(await this.readable(actor, c))) throw notFound('id');
      this.assertManage(actor, c);
      const doneOn = input.doneOn ?? null;
      const problems = validateTaskStatus(input.status, doneOn, task.meetingHeldOn, this.today());
      if (problems.length) throw invalid(problems);
      await updateTaskStatus(tx, task.id, input.status, doneOn);
      await appendAudit(tx, actor.ctx, {
        action: 'steering.task_status', entityType: 'steering_task', entityId: task.id, unitId: c.unitId,
        before: { status: task.status, doneOn: task.doneOn }, after: { status: input.status, doneOn },
      });
    });
    return this.taskView((await taskById(this.db, taskId))!, this.today());
  }

  /** The committees in force for a unit on a date with their tasks set up to that date, for the report. */
  async forReport(reader: Reader, unitCode: string, date: string): Promise<{ unit: UnitRow; parent: UnitRow | undefined; committees: CommitteeView[]; tasks: TaskView[] }> {
    const unit = await this.units.visibleTo(reader, unitCode);
    const committees = await this.inForceFor(unit, date);
    const tasks = await tasksOf(this.db, committees.map((c) => c.id), date);
    return {
      unit, parent: unit.parentId === null ? undefined : await this.units.byId(unit.parentId),
      committees: await Promise.all(committees.map((c) => this.view(c))), tasks: tasks.map((t) => this.taskView(t, date)),
    };
  }
}
