import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { Assignment, Instalment, Team, Visit } from './mobilisation-types.js';

/**
 * The checks on mobilisation records, each with a stable code (the API's `details[].code`) and the field it
 * concerns, so the UI can say in Vietnamese which field is wrong and why. Pure: the caller loads the team,
 * the assignment and the registry's communes.
 */
export interface MobilisationRuleError {
  rule:
    | 'visit_in_future' | 'visit_before_assignment' | 'visit_after_assignment' | 'member_not_in_team'
    | 'visit_without_members' | 'instalments_only_when_agreed' | 'agreed_without_instalments' | 'instalment_not_positive'
    | 'instalment_before_visit' | 'paid_on_spot_amount' | 'team_commune_outside_office' | 'team_commune_not_valid'
    | 'team_dates' | 'assignment_already_open' | 'assignment_team_not_valid' | 'member_dates';
  field: string;
  message: string;
}

const err = (rule: MobilisationRuleError['rule'], field: string, message: string): MobilisationRuleError => ({ rule, field, message });
const within = (d: IsoDate, from: IsoDate, to: IsoDate | null) => from <= d && (to === null || d <= to);

/** A visit: not in the future, within its assignment, by members of the team valid that day, a sane schedule. */
export function validateVisit(visit: Omit<Visit, 'id'>, team: Team, assignment: Assignment, today: IsoDate): MobilisationRuleError[] {
  const out: MobilisationRuleError[] = [];
  if (visit.on > today) out.push(err('visit_in_future', 'on', 'Ngày vận động không được sau ngày hôm nay.'));
  if (visit.on < assignment.from) out.push(err('visit_before_assignment', 'on', 'Ngày vận động trước ngày giao việc cho tổ.'));
  if (assignment.to !== null && visit.on > assignment.to) out.push(err('visit_after_assignment', 'on', 'Ngày vận động sau khi việc đã kết thúc giao cho tổ.'));
  if (visit.memberIds.length === 0) out.push(err('visit_without_members', 'memberIds', 'Chọn ít nhất một thành viên tham gia.'));
  for (const [i, id] of visit.memberIds.entries()) {
    const m = team.members.find((x) => x.id === id);
    if (!m || !within(visit.on, m.validFrom, m.validTo)) out.push(err('member_not_in_team', `memberIds.${i}`, 'Người này không phải thành viên của tổ vào ngày vận động.'));
  }
  if (visit.outcome === 'agreed' && visit.instalments.length === 0) out.push(err('agreed_without_instalments', 'instalments', 'Thỏa thuận tự nguyện cần ít nhất một kỳ hẹn (ngày và số tiền).'));
  if (visit.outcome !== 'agreed' && visit.instalments.length > 0) out.push(err('instalments_only_when_agreed', 'instalments', 'Chỉ ghi kỳ hẹn trả khi kết quả là thỏa thuận tự nguyện.'));
  for (const [i, inst] of visit.instalments.entries()) out.push(...instalmentErrors(inst, visit.on, `instalments.${i}`));
  if (visit.outcome === 'paid_on_spot' ? visit.paidOnSpot === null || visit.paidOnSpot <= 0n : visit.paidOnSpot !== null) {
    out.push(err('paid_on_spot_amount', 'paidOnSpot', visit.outcome === 'paid_on_spot' ? 'Nhập số tiền đã nộp tại chỗ (lớn hơn 0).' : 'Chỉ ghi số tiền nộp tại chỗ khi kết quả là nộp tiền tại chỗ.'));
  }
  return out;
}

export function instalmentErrors(inst: Instalment, visitOn: IsoDate, field: string): MobilisationRuleError[] {
  const out: MobilisationRuleError[] = [];
  if (inst.amount <= 0n) out.push(err('instalment_not_positive', `${field}.amount`, 'Số tiền hẹn trả phải lớn hơn 0.'));
  if (inst.due < visitOn) out.push(err('instalment_before_visit', `${field}.due`, 'Ngày hẹn trả không được trước ngày vận động.'));
  return out;
}

/**
 * A team serves one commune of its office's area, valid for the whole of the team's dates (after the 2025
 * mergers a team is re-formed for the merged commune rather than carried over).
 */
export function validateTeam(
  team: Pick<Team, 'validFrom' | 'validTo' | 'members'>,
  commune: { officeInArea: boolean; validFrom: IsoDate | null; validTo: IsoDate | null } | null,
): MobilisationRuleError[] {
  const out: MobilisationRuleError[] = [];
  if (team.validTo !== null && team.validTo < team.validFrom) out.push(err('team_dates', 'validTo', 'Ngày hết hiệu lực trước ngày thành lập tổ.'));
  if (!commune || !commune.officeInArea) out.push(err('team_commune_outside_office', 'commune', 'Xã không thuộc địa bàn của cơ quan thi hành án.'));
  else {
    const startsOk = commune.validFrom === null || commune.validFrom <= team.validFrom;
    const endsOk = commune.validTo === null || (team.validTo !== null && team.validTo <= commune.validTo);
    if (!startsOk || !endsOk) out.push(err('team_commune_not_valid', 'commune', 'Xã không còn hiệu lực trong thời gian hoạt động của tổ (sau sắp xếp đơn vị hành chính, thành lập tổ mới cho xã mới).'));
  }
  for (const [i, m] of team.members.entries()) {
    if (m.validTo !== null && m.validTo < m.validFrom) out.push(err('member_dates', `members.${i}.validTo`, 'Ngày thôi tham gia trước ngày bắt đầu.'));
  }
  return out;
}

/** One open assignment per case; the team must be valid on the assignment's first day. */
export function validateAssignment(from: IsoDate, team: Pick<Team, 'validFrom' | 'validTo'>, openAssignments: readonly Assignment[]): MobilisationRuleError[] {
  const out: MobilisationRuleError[] = [];
  if (openAssignments.some((a) => a.to === null)) out.push(err('assignment_already_open', 'caseId', 'Việc này đang được giao cho một tổ vận động; kết thúc lần giao trước.'));
  if (!within(from, team.validFrom, team.validTo)) out.push(err('assignment_team_not_valid', 'teamId', 'Tổ vận động không còn hoạt động vào ngày giao.'));
  return out;
}
