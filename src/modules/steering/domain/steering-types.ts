import type { IsoDate } from '../../../kernel/calendar/index.js';

/**
 * The steering committee (Ban Chỉ đạo thi hành án dân sự, domain.md §5): its level, the roles of its members,
 * the kinds of meeting and the states of the tasks its conclusions set. Closed lists (the migration repeats
 * them in CHECK constraints).
 */
export const COMMITTEE_LEVELS = ['district', 'province'] as const;
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

/**
 * Trưởng ban (chair), Phó Trưởng ban (deputy chair), Phó Trưởng ban thường trực (standing: the head of the
 * enforcement office, who runs the committee's day-to-day work, TTLT 05/2016 Art. 4(1)(b), 4(2)(b) and
 * Art. 7(2); Decree 152/2026 Art. 103(2)(b)), Thành viên (member).
 */
export const MEMBER_ROLES = ['chair', 'deputy_chair', 'standing', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Họp định kỳ (quarterly, TTLT 05/2016 Art. 9(2)), họp đột xuất, họp sơ kết/tổng kết (6-month and year reviews). */
export const MEETING_KINDS = ['periodic', 'extraordinary', 'review'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The state a task is shown in: its stored status, with `overdue` for an open task past its deadline. */
export type TaskState = 'open' | 'overdue' | 'done' | 'cancelled';

export interface Committee {
  level: CommitteeLevel;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface CommitteeMember {
  id: string;
  role: MemberRole;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface Task {
  status: TaskStatus;
  deadline: IsoDate;
  doneOn: IsoDate | null;
}
