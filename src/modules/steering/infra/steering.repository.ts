import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/database.js';
import type { CommitteeLevel, MeetingKind, MemberRole, TaskStatus } from '../domain/index.js';

export interface CommitteeRecord {
  id: string;
  level: CommitteeLevel;
  unitId: number;
  name: string;
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo: string | null;
}

export interface SteeringMemberRecord {
  id: string;
  name: string;
  position: string;
  agency: string;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export interface MeetingRecord {
  id: string;
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  minutes: string | null;
  attendance: { memberId: string; present: boolean }[];
}

export interface TaskRecord {
  id: string;
  committeeId: string;
  meetingId: string;
  meetingHeldOn: string;
  text: string;
  ownerAgency: string;
  deadline: string;
  status: TaskStatus;
  doneOn: string | null;
  followups: { id: string; on: string; note: string; by: string | null }[];
}

const committeeColumns = sql`c.id::text AS id, c.level, c.unit_id, c.name, c.decision_number, c.decision_date::text AS decision_date,
  c.decision_signer, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to`;
interface CommitteeRow {
  id: string; level: string; unit_id: number; name: string; decision_number: string; decision_date: string; decision_signer: string;
  valid_from: string; valid_to: string | null;
}
const toCommittee = (r: CommitteeRow): CommitteeRecord => ({
  id: r.id, level: r.level as CommitteeLevel, unitId: r.unit_id, name: r.name,
  decision: { number: r.decision_number, date: r.decision_date, signer: r.decision_signer }, validFrom: r.valid_from, validTo: r.valid_to,
});

/** The committees of a level attached to one of the units, in force on `date`. */
export async function committeesInForce(db: DbOrTx, level: CommitteeLevel, unitIds: readonly number[], date: string): Promise<CommitteeRecord[]> {
  if (unitIds.length === 0) return [];
  const rows = await sql<CommitteeRow>`
    SELECT ${committeeColumns} FROM steering_committees c
     WHERE c.level = ${level} AND c.unit_id IN (${sql.join([...unitIds])})
       AND c.valid_from <= ${date}::date AND (c.valid_to IS NULL OR c.valid_to >= ${date}::date)
     ORDER BY c.valid_from, c.id`.execute(db);
  return rows.rows.map(toCommittee);
}

/** One committee (a row lock in a transaction, so meetings and members are checked against a stable committee). */
export async function committeeById(db: DbOrTx, id: string, lock = false): Promise<CommitteeRecord | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const rows = await sql<CommitteeRow>`SELECT ${committeeColumns} FROM steering_committees c WHERE c.id = ${id}::bigint ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows.rows[0] ? toCommittee(rows.rows[0]) : undefined;
}

export async function membersOf(db: DbOrTx, committeeId: string): Promise<SteeringMemberRecord[]> {
  const rows = await sql<{ id: string; name: string; position: string; agency: string; role: string; valid_from: string; valid_to: string | null }>`
    SELECT m.id::text AS id, m.name, m.position, m.agency, m.role, m.valid_from::text AS valid_from, m.valid_to::text AS valid_to
      FROM steering_members m WHERE m.committee_id = ${committeeId}::bigint
     ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'standing' THEN 1 WHEN 'deputy_chair' THEN 2 ELSE 3 END, m.seq, m.id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name, position: r.position, agency: r.agency, role: r.role as MemberRole, validFrom: r.valid_from, validTo: r.valid_to }));
}

export async function meetingsOf(db: DbOrTx, committeeId: string): Promise<MeetingRecord[]> {
  const rows = await sql<{ id: string; held_on: string; kind: string; agenda: string; minutes: string | null; attendance: { member_id: string; present: boolean }[] | null }>`
    SELECT g.id::text AS id, g.held_on::text AS held_on, g.kind, g.agenda, g.minutes,
           (SELECT json_agg(json_build_object('member_id', a.member_id::text, 'present', a.present) ORDER BY a.member_id)
              FROM steering_meeting_attendance a WHERE a.meeting_id = g.id) AS attendance
      FROM steering_meetings g WHERE g.committee_id = ${committeeId}::bigint
     ORDER BY g.held_on DESC, g.id DESC`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id, heldOn: r.held_on, kind: r.kind as MeetingKind, agenda: r.agenda, minutes: r.minutes,
    attendance: (r.attendance ?? []).map((a) => ({ memberId: a.member_id, present: a.present })),
  }));
}

interface TaskRow {
  id: string; committee_id: string; meeting_id: string; held_on: string; text: string; owner_agency: string; deadline: string; status: string; done_on: string | null;
  followups: { id: string; on: string; note: string; by: string | null }[] | null;
}
const taskSelect = sql`
  SELECT t.id::text AS id, t.committee_id::text AS committee_id, t.meeting_id::text AS meeting_id, g.held_on::text AS held_on, t.text, t.owner_agency,
         t.deadline::text AS deadline, t.status, t.done_on::text AS done_on,
         (SELECT json_agg(json_build_object('id', f.id::text, 'on', f."on"::text, 'note', f.note, 'by', u.full_name) ORDER BY f."on", f.id)
            FROM steering_task_followups f LEFT JOIN users u ON u.id = f.by_user WHERE f.task_id = t.id) AS followups
    FROM steering_tasks t JOIN steering_meetings g ON g.id = t.meeting_id`;
const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id, committeeId: r.committee_id, meetingId: r.meeting_id, meetingHeldOn: r.held_on, text: r.text, ownerAgency: r.owner_agency,
  deadline: r.deadline, status: r.status as TaskStatus, doneOn: r.done_on, followups: r.followups ?? [],
});

/** The tasks of the committees (those set at meetings held on or before `until`, when given), by deadline. */
export async function tasksOf(db: DbOrTx, committeeIds: readonly string[], until: string | null = null): Promise<TaskRecord[]> {
  if (committeeIds.length === 0) return [];
  const rows = await sql<TaskRow>`${taskSelect}
     WHERE t.committee_id IN (${sql.join(committeeIds.map((id) => sql`${id}::bigint`))}) ${until === null ? sql`` : sql`AND g.held_on <= ${until}::date`}
     ORDER BY t.deadline, t.id`.execute(db);
  return rows.rows.map(toTask);
}

export async function taskById(db: DbOrTx, id: string, lock = false): Promise<TaskRecord | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const rows = await sql<TaskRow>`${taskSelect} WHERE t.id = ${id}::bigint ${lock ? sql`FOR UPDATE OF t` : sql``}`.execute(db);
  return rows.rows[0] ? toTask(rows.rows[0]) : undefined;
}

export interface NewCommitteeRow {
  level: CommitteeLevel;
  unitId: number;
  name: string;
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo: string | null;
}

export interface NewMemberRow {
  name: string;
  position: string;
  agency: string;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export async function insertCommittee(tx: DbOrTx, c: NewCommitteeRow): Promise<string> {
  const row = await tx.insertInto('steering_committees').values({
    level: c.level, unit_id: c.unitId, name: c.name, decision_number: c.decision.number, decision_date: c.decision.date,
    decision_signer: c.decision.signer, valid_from: c.validFrom, valid_to: c.validTo,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id.toString();
}

export async function insertMembers(tx: DbOrTx, committeeId: string, members: readonly NewMemberRow[]): Promise<string[]> {
  if (members.length === 0) return [];
  const next = await tx.selectFrom('steering_members').where('committee_id', '=', BigInt(committeeId)).select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('seq')).executeTakeFirstOrThrow();
  const rows = await tx.insertInto('steering_members').values(members.map((m, i) => ({
    committee_id: BigInt(committeeId), seq: Number(next.seq) + i + 1, name: m.name, position: m.position, agency: m.agency, role: m.role,
    valid_from: m.validFrom, valid_to: m.validTo,
  }))).returning('id').execute();
  return rows.map((r) => r.id.toString());
}

export interface NewMeetingRow {
  committeeId: string;
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  minutes: string | null;
  recordedBy: number | null;
  attendance: { memberId: string; present: boolean }[];
  tasks: { text: string; ownerAgency: string; deadline: string; status?: TaskStatus; doneOn?: string | null }[];
}

/** A meeting with its attendance and the tasks of its conclusions (the caller's transaction). */
export async function insertMeeting(tx: DbOrTx, m: NewMeetingRow): Promise<{ meetingId: string; taskIds: string[] }> {
  const committeeId = BigInt(m.committeeId);
  const row = await tx.insertInto('steering_meetings').values({
    committee_id: committeeId, held_on: m.heldOn, kind: m.kind, agenda: m.agenda, minutes: m.minutes, recorded_by: m.recordedBy,
  }).returning('id').executeTakeFirstOrThrow();
  if (m.attendance.length > 0) {
    await tx.insertInto('steering_meeting_attendance').values(m.attendance.map((a) => ({ meeting_id: row.id, member_id: BigInt(a.memberId), present: a.present }))).execute();
  }
  const tasks = m.tasks.length === 0 ? [] : await tx.insertInto('steering_tasks').values(m.tasks.map((t) => ({
    meeting_id: row.id, committee_id: committeeId, text: t.text, owner_agency: t.ownerAgency, deadline: t.deadline,
    status: t.status ?? 'open', done_on: t.doneOn ?? null,
  }))).returning('id').execute();
  return { meetingId: row.id.toString(), taskIds: tasks.map((t) => t.id.toString()) };
}

export async function insertFollowup(tx: DbOrTx, taskId: string, on: string, note: string, byUser: number | null): Promise<string> {
  const row = await tx.insertInto('steering_task_followups').values({ task_id: BigInt(taskId), on, note, by_user: byUser }).returning('id').executeTakeFirstOrThrow();
  return row.id.toString();
}

export async function updateTaskStatus(tx: DbOrTx, taskId: string, status: TaskStatus, doneOn: string | null): Promise<void> {
  await tx.updateTable('steering_tasks').set({ status, done_on: doneOn }).where('id', '=', BigInt(taskId)).execute();
}
