import { describe, expect, it } from 'vitest';
import {
  type Committee, type CommitteeMember, type MeetingDraft, type Task, TASK_STATUSES,
  DISTRICT_COMMITTEES_END, committeeLevelFor, daysOverdue, levelsExistingOn, taskState, validateCommittee, validateFollowup, validateMeeting,
  validateMember, validateTaskStatus,
} from '../../src/modules/steering/domain/index.js';

const rules = (errors: { rule: string }[]) => errors.map((e) => e.rule);

describe('which level existed on a date (district committees end with the 2025 reorganisation)', () => {
  it.each([
    ['2015-01-01', ['district', 'province']],
    ['2025-06-30', ['district', 'province']],
    ['2025-07-01', ['province']],
    ['2026-07-01', ['province']],
  ])('on %s', (date, levels) => {
    expect(levelsExistingOn(date)).toEqual(levels);
  });

  it('the policy date is the day before the reorganisation', () => {
    expect(DISTRICT_COMMITTEES_END).toBe('2025-06-30');
  });

  it.each([
    ['office', '2020-09-30', 'district'],
    ['office', '2025-06-30', 'district'],
    ['office', '2025-07-01', 'province'],
    ['office', '2026-11-20', 'province'],
    ['province', '2015-01-01', 'province'],
    ['province', '2026-11-20', 'province'],
    ['national', '2020-01-01', null],
    ['national', '2026-01-01', null],
  ] as const)('a unit of level %s on %s reports to a committee of level %s', (level, date, expected) => {
    expect(committeeLevelFor(level, date)).toBe(expected);
  });
});

describe('a committee', () => {
  const office = { level: 'office' as const, validFrom: '2009-07-01', validTo: '2025-06-30' };
  const province = { level: 'province' as const, validFrom: '2025-07-01', validTo: null };
  const district = { level: 'district' as const, validFrom: '2015-01-01', validTo: '2025-06-30', decisionDate: '2014-12-20' };

  it('a district committee of a district office, ending by 30/06/2025, is valid', () => {
    expect(validateCommittee(district, office)).toEqual([]);
  });

  it('a provincial committee of a province unit is valid, open-ended', () => {
    expect(validateCommittee({ level: 'province', validFrom: '2025-07-01', validTo: null, decisionDate: '2025-07-01' }, province)).toEqual([]);
  });

  it.each([
    ['district committee on a province unit', { ...district }, { ...office, level: 'province' as const }, 'committee_unit_level'],
    ['provincial committee on an office', { ...district, level: 'province' as const }, office, 'committee_unit_level'],
    ['district committee on the national unit', district, { ...office, level: 'national' as const }, 'committee_unit_level'],
    ['district committee open-ended', { ...district, validTo: null }, { ...office, validTo: null }, 'committee_level_not_existing'],
    ['district committee past 30/06/2025', { ...district, validTo: '2025-12-31' }, { ...office, validTo: null }, 'committee_level_not_existing'],
    ['district committee starting after the reorganisation', { ...district, validFrom: '2025-07-01', validTo: '2025-12-31', decisionDate: '2025-07-01' }, { ...office, validTo: null }, 'committee_level_not_existing'],
    ['starting before its unit', { ...district, validFrom: '2009-01-01', decisionDate: '2009-01-01' }, office, 'committee_outside_unit_validity'],
    ['outliving its unit', { ...district, validTo: '2025-06-30' }, { ...office, validTo: '2024-12-31' }, 'committee_outside_unit_validity'],
    ['ending before it starts', { ...district, validTo: '2014-12-31' }, office, 'committee_dates'],
    ['decided after it starts', { ...district, decisionDate: '2015-01-02' }, office, 'decision_after_start'],
  ])('%s is refused', (_, c, unit, rule) => {
    expect(rules(validateCommittee(c, unit))).toContain(rule);
  });
});

describe('a member', () => {
  const c: Committee = { level: 'district', validFrom: '2015-01-01', validTo: '2025-06-30' };
  it.each([
    [{ validFrom: '2015-01-01', validTo: null }, ['member_outside_committee']],
    [{ validFrom: '2015-01-01', validTo: '2025-06-30' }, []],
    [{ validFrom: '2018-05-01', validTo: '2020-12-31' }, []],
    [{ validFrom: '2014-12-31', validTo: '2020-12-31' }, ['member_outside_committee']],
    [{ validFrom: '2020-01-01', validTo: '2019-12-31' }, ['member_dates']],
  ])('%o', (m, expected) => {
    expect(rules(validateMember(m, c))).toEqual(expected);
  });
  it('of an open-ended committee may be open-ended', () => {
    expect(validateMember({ validFrom: '2025-07-01', validTo: null }, { level: 'province', validFrom: '2025-07-01', validTo: null })).toEqual([]);
  });
});

describe('a meeting', () => {
  const c: Committee = { level: 'district', validFrom: '2015-01-01', validTo: '2025-06-30' };
  const members: CommitteeMember[] = [
    { id: 'chair', role: 'chair', validFrom: '2015-01-01', validTo: '2020-06-30' },
    { id: 'chair2', role: 'chair', validFrom: '2020-07-01', validTo: '2025-06-30' },
    { id: 'standing', role: 'standing', validFrom: '2015-01-01', validTo: '2025-06-30' },
  ];
  const meeting = (over: Partial<MeetingDraft>): MeetingDraft => ({
    heldOn: '2020-04-15', kind: 'review', attendance: [{ memberId: 'chair', present: true }, { memberId: 'standing', present: false }], tasks: [{ deadline: '2020-06-30' }], ...over,
  });
  const today = '2026-11-20';

  it('within the committee, with its members of the day and tasks due later, is valid', () => {
    expect(validateMeeting(meeting({}), c, members, today)).toEqual([]);
  });
  it('a task due on the meeting day itself is accepted', () => {
    expect(validateMeeting(meeting({ tasks: [{ deadline: '2020-04-15' }] }), c, members, today)).toEqual([]);
  });
  it.each([
    ['before the committee existed', { heldOn: '2014-12-31' }, 'meeting_outside_committee'],
    ['after the committee ended', { heldOn: '2025-07-01', attendance: [] }, 'meeting_outside_committee'],
    ['in the future', { heldOn: '2026-11-21', attendance: [] }, 'meeting_in_future'],
    ['with a member who had left', { heldOn: '2021-04-15' }, 'attendance_not_member'],
    ['with a member not yet appointed', { attendance: [{ memberId: 'chair2', present: true }] }, 'attendance_not_member'],
    ['with someone not in the committee', { attendance: [{ memberId: 'nobody', present: true }] }, 'attendance_not_member'],
    ['with a member twice', { attendance: [{ memberId: 'standing', present: true }, { memberId: 'standing', present: false }] }, 'attendance_duplicate'],
    ['with a task due before it', { tasks: [{ deadline: '2020-04-14' }] }, 'task_deadline_before_meeting'],
  ])('%s is refused', (_, over, rule) => {
    expect(rules(validateMeeting(meeting(over), c, members, today))).toContain(rule);
  });
  it('names the field of the faulty row', () => {
    const e = validateMeeting(meeting({ tasks: [{ deadline: '2020-05-01' }, { deadline: '2020-01-01' }] }), c, members, today);
    expect(e).toEqual([expect.objectContaining({ rule: 'task_deadline_before_meeting', field: 'tasks.1.deadline' })]);
  });
});

describe('a follow-up and a status change', () => {
  it.each([
    ['2020-04-15', '2020-04-15', '2026-11-20', []],
    ['2020-04-14', '2020-04-15', '2026-11-20', ['followup_before_meeting']],
    ['2026-11-21', '2020-04-15', '2026-11-20', ['followup_in_future']],
    ['2026-11-20', '2020-04-15', '2026-11-20', []],
  ])('a follow-up on %s of a meeting on %s (today %s)', (on, held, today, expected) => {
    expect(rules(validateFollowup(on, held, today))).toEqual(expected);
  });

  it.each([
    ['done', '2020-05-01', []],
    ['done', null, ['task_done_on']],
    ['done', '2026-11-21', ['task_done_on']],
    ['done', '2020-04-14', ['task_done_before_meeting']],
    ['open', null, []],
    ['cancelled', null, []],
    ['open', '2020-05-01', ['task_done_on']],
  ] as const)('status %s done on %s', (status, doneOn, expected) => {
    expect(rules(validateTaskStatus(status, doneOn, '2020-04-15', '2026-11-20'))).toEqual(expected);
  });
});

describe('a task’s state (overdue computed from today)', () => {
  const task = (over: Partial<Task>): Task => ({ status: 'open', deadline: '2026-06-30', doneOn: null, ...over });
  it.each([
    [task({}), '2026-06-29', 'open', 0],
    [task({}), '2026-06-30', 'open', 0],
    [task({}), '2026-07-01', 'overdue', 1],
    [task({}), '2026-11-20', 'overdue', 143],
    [task({ status: 'done', doneOn: '2026-08-01' }), '2026-11-20', 'done', 0],
    [task({ status: 'done', doneOn: '2026-06-01' }), '2026-11-20', 'done', 0],
    [task({ status: 'cancelled' }), '2026-11-20', 'cancelled', 0],
  ])('%o on %s is %s', (t, today, state, days) => {
    expect(taskState(t, today)).toBe(state);
    expect(daysOverdue(t, today)).toBe(days);
  });

  it('every stored status has a state', () => {
    for (const status of TASK_STATUSES) expect(['open', 'overdue', 'done', 'cancelled']).toContain(taskState(task({ status }), '2020-01-01'));
  });
});
