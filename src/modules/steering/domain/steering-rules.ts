import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { Committee, CommitteeLevel, CommitteeMember, MeetingKind, Task, TaskState, TaskStatus } from './steering-types.js';

/**
 * The last day a district committee (Ban Chỉ đạo THADS cấp huyện) can exist. Such committees were set up by
 * the district People's Committee (Decree 62/2015 Art. 3(2) as amended by Decree 33/2020; TTLT
 * 05/2016/TTLT-BTP-BCA-BTC-TANDTC-VKSNDTC Art. 3(2)); district-level government and the Chi cục THADS ended
 * with the 2025 reorganisation (two-tier local government and Phòng THADS khu vực from 01/07/2025,
 * domain.md §1). No article in the texts at hand names this end date for the committees themselves: it is
 * the policy DISTRICT_COMMITTEES_END, following the end of the district People's Committees.
 */
export const DISTRICT_COMMITTEES_END: IsoDate = '2025-06-30';

/**
 * The levels at which a committee can exist on `date`: provincial committees throughout (TTLT 05/2016
 * Art. 3(1); from 01/07/2026 Decree 152/2026 Art. 102(10) and Art. 103(1)), district committees only until
 * DISTRICT_COMMITTEES_END.
 */
export function levelsExistingOn(date: IsoDate): readonly CommitteeLevel[] {
  return date <= DISTRICT_COMMITTEES_END ? ['district', 'province'] : ['province'];
}

/**
 * The committee that an office (a Chi cục/Phòng THADS) advises and reports to on `date`: the district one,
 * of its own district, before the reorganisation (TTLT 05/2016 Art. 3(2): set up on the proposal of the Chi cục
 * trưởng, who is its deputy chair, Art. 4(2)(b)); from 01/07/2025 there is no district committee and the
 * office reports to the provincial one (Decree 152/2026 Art. 103). A province unit's committee is always the
 * provincial one (TTLT 05/2016 Art. 4(1)(b); Decree 152/2026 Art. 103(2)(b)).
 */
export function committeeLevelFor(unitLevel: 'national' | 'province' | 'office', date: IsoDate): CommitteeLevel | null {
  if (unitLevel === 'national') return null;
  if (unitLevel === 'province') return 'province';
  return date <= DISTRICT_COMMITTEES_END ? 'district' : 'province';
}

export interface SteeringRuleError {
  rule:
    | 'committee_dates' | 'committee_level_not_existing' | 'committee_unit_level' | 'committee_outside_unit_validity'
    | 'decision_after_start' | 'meeting_outside_committee' | 'meeting_in_future' | 'attendance_not_member'
    | 'attendance_duplicate' | 'task_deadline_before_meeting' | 'followup_before_meeting' | 'followup_in_future'
    | 'member_outside_committee' | 'member_dates' | 'task_done_on' | 'task_done_before_meeting';
  field: string;
  message: string;
}

const err = (rule: SteeringRuleError['rule'], field: string, message: string): SteeringRuleError => ({ rule, field, message });
const within = (d: IsoDate, from: IsoDate, to: IsoDate | null) => from <= d && (to === null || d <= to);

/**
 * A committee: a district committee is attached to a district office and ends by DISTRICT_COMMITTEES_END; a
 * provincial committee is attached to a province unit (TTLT 05/2016 Art. 3; Decree 152/2026 Art. 103(1));
 * its dates lie within the unit's and the establishing decision comes first.
 */
export function validateCommittee(
  c: Committee & { decisionDate: IsoDate },
  unit: { level: 'national' | 'province' | 'office'; validFrom: IsoDate; validTo: IsoDate | null },
): SteeringRuleError[] {
  const out: SteeringRuleError[] = [];
  if (c.validTo !== null && c.validTo < c.validFrom) out.push(err('committee_dates', 'validTo', 'Ngày kết thúc trước ngày bắt đầu hoạt động của Ban Chỉ đạo.'));
  const expected: 'office' | 'province' = c.level === 'district' ? 'office' : 'province';
  if (unit.level !== expected) {
    out.push(err('committee_unit_level', 'unit', c.level === 'district'
      ? 'Ban Chỉ đạo cấp huyện gắn với một Chi cục Thi hành án dân sự cấp huyện.'
      : 'Ban Chỉ đạo cấp tỉnh gắn với cơ quan thi hành án dân sự cấp tỉnh.'));
  }
  if (c.level === 'district' && (c.validFrom > DISTRICT_COMMITTEES_END || c.validTo === null || c.validTo > DISTRICT_COMMITTEES_END)) {
    out.push(err('committee_level_not_existing', 'validTo', 'Ban Chỉ đạo cấp huyện chỉ tồn tại đến hết ngày 30/06/2025 (không còn cấp huyện từ 01/07/2025).'));
  }
  if (!within(c.validFrom, unit.validFrom, unit.validTo) || (unit.validTo !== null && (c.validTo === null || c.validTo > unit.validTo))) {
    out.push(err('committee_outside_unit_validity', 'validFrom', 'Thời gian hoạt động của Ban Chỉ đạo phải nằm trong thời gian hoạt động của đơn vị.'));
  }
  if (c.decisionDate > c.validFrom) out.push(err('decision_after_start', 'decision.date', 'Ngày quyết định thành lập sau ngày Ban Chỉ đạo bắt đầu hoạt động.'));
  return out;
}

/** A member's dates lie within the committee's. */
export function validateMember(m: { validFrom: IsoDate; validTo: IsoDate | null }, c: Committee, field = 'validFrom'): SteeringRuleError[] {
  if (m.validTo !== null && m.validTo < m.validFrom) return [err('member_dates', field, 'Ngày kết thúc trước ngày bắt đầu của thành viên.')];
  if (!within(m.validFrom, c.validFrom, c.validTo) || (c.validTo !== null && (m.validTo === null || m.validTo > c.validTo))) {
    return [err('member_outside_committee', field, 'Thời gian của thành viên phải nằm trong thời gian hoạt động của Ban Chỉ đạo.')];
  }
  return [];
}

export interface MeetingDraft {
  heldOn: IsoDate;
  kind: MeetingKind;
  attendance: { memberId: string; present: boolean }[];
  tasks: { deadline: IsoDate }[];
}

/**
 * A meeting: held while the committee existed and not in the future; attendance only of members of the
 * committee on that day, each once (the minutes record who attended, TTLT 05/2016 Art. 8(2)(c), Art. 9(2));
 * the tasks its conclusions set fall due on or after the meeting.
 */
export function validateMeeting(m: MeetingDraft, committee: Committee, members: readonly CommitteeMember[], today: IsoDate): SteeringRuleError[] {
  const out: SteeringRuleError[] = [];
  if (!within(m.heldOn, committee.validFrom, committee.validTo)) out.push(err('meeting_outside_committee', 'heldOn', 'Ngày họp ngoài thời gian hoạt động của Ban Chỉ đạo.'));
  if (m.heldOn > today) out.push(err('meeting_in_future', 'heldOn', 'Ngày họp không được sau ngày hôm nay.'));
  const seen = new Set<string>();
  for (const [i, a] of m.attendance.entries()) {
    const member = members.find((x) => x.id === a.memberId);
    if (!member || !within(m.heldOn, member.validFrom, member.validTo)) {
      out.push(err('attendance_not_member', `attendance.${i}.memberId`, 'Người này không phải thành viên Ban Chỉ đạo vào ngày họp.'));
    }
    if (seen.has(a.memberId)) out.push(err('attendance_duplicate', `attendance.${i}.memberId`, 'Thành viên được ghi hai lần trong danh sách dự họp.'));
    seen.add(a.memberId);
  }
  for (const [i, t] of m.tasks.entries()) {
    if (t.deadline < m.heldOn) out.push(err('task_deadline_before_meeting', `tasks.${i}.deadline`, 'Hạn hoàn thành nhiệm vụ trước ngày họp kết luận.'));
  }
  return out;
}

/** A follow-up of a task: dated on or after the meeting that set the task, and not in the future. */
export function validateFollowup(on: IsoDate, meetingHeldOn: IsoDate, today: IsoDate): SteeringRuleError[] {
  const out: SteeringRuleError[] = [];
  if (on < meetingHeldOn) out.push(err('followup_before_meeting', 'on', 'Ngày theo dõi trước ngày họp giao nhiệm vụ.'));
  if (on > today) out.push(err('followup_in_future', 'on', 'Ngày theo dõi không được sau ngày hôm nay.'));
  return out;
}

/** A change of a task's status: `done` needs its date, on or after the meeting and not in the future; other statuses have none. */
export function validateTaskStatus(status: TaskStatus, doneOn: IsoDate | null, meetingHeldOn: IsoDate, today: IsoDate): SteeringRuleError[] {
  if (status !== 'done') return doneOn === null ? [] : [err('task_done_on', 'doneOn', 'Chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành.')];
  if (doneOn === null || doneOn > today) return [err('task_done_on', 'doneOn', 'Nhập ngày hoàn thành (không sau ngày hôm nay).')];
  if (doneOn < meetingHeldOn) return [err('task_done_before_meeting', 'doneOn', 'Ngày hoàn thành trước ngày họp giao nhiệm vụ.')];
  return [];
}

/**
 * A task's state on `today`: done and cancelled as stored; an open task whose deadline has passed is
 * overdue (the deadline day itself is still in time). The standing deputy chair follows up the
 * conclusions (TTLT 05/2016 Art. 7(2)(e); Decree 152/2026 Art. 104(4)): overdue tasks are what he chases.
 */
export function taskState(task: Task, today: IsoDate): TaskState {
  switch (task.status) {
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'open':
      return task.deadline < today ? 'overdue' : 'open';
    default: {
      const never: never = task.status;
      throw new Error(`unknown task status ${String(never)}`);
    }
  }
}

/** Whole days an overdue task is past its deadline (0 when it is not overdue). */
export function daysOverdue(task: Task, today: IsoDate): number {
  if (taskState(task, today) !== 'overdue') return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${task.deadline}T00:00:00Z`)) / 86_400_000);
}
