// What the audit screen calls each action, kind of entity and setting, in Vietnamese and English: the one
// catalogue (the web's messages derive from it; test/unit/audit-labels.test.ts fails when an action written
// anywhere in src/ has no label here).

export interface AuditLabel {
  readonly vi: string;
  readonly en: string;
}

/** The groups of the audit screen's action filter, in the order it lists them. */
export const AUDIT_GROUPS = {
  cases: { vi: 'Hồ sơ việc', en: 'Cases' },
  statistics: { vi: 'Thống kê', en: 'Statistics' },
  mobilisation: { vi: 'Vận động', en: 'Mobilisation' },
  steering: { vi: 'Ban Chỉ đạo', en: 'Steering committee' },
  users: { vi: 'Người dùng', en: 'Users' },
  units: { vi: 'Đơn vị', en: 'Units' },
  signIn: { vi: 'Đăng nhập và phiên làm việc', en: 'Sign-in and sessions' },
  interchange: { vi: 'Nhập/xuất dữ liệu', en: 'Import and export' },
} as const satisfies Record<string, AuditLabel>;

export type AuditGroup = keyof typeof AUDIT_GROUPS;

/** Every action the application writes to the audit trail, with its group and labels. */
export const AUDIT_ACTIONS = {
  'case.created': { group: 'cases', vi: 'Thụ lý việc thi hành án', en: 'Case accepted' },
  'case.event_recorded': { group: 'cases', vi: 'Ghi sự kiện của việc', en: 'Case event recorded' },
  'case.event_reversed': { group: 'cases', vi: 'Hủy sự kiện của việc (bút toán đảo)', en: 'Case event reversed' },
  'case.personal_data_read': { group: 'cases', vi: 'Xem thông tin cá nhân trong hồ sơ', en: 'Personal data of a case viewed' },
  'statistics.target_set': { group: 'statistics', vi: 'Giao chỉ tiêu', en: 'Target set' },
  'statistics.policies_set': { group: 'statistics', vi: 'Thay đổi cách tính số liệu thống kê', en: 'Statistics counting rules changed' },
  'statistics.period_closed': { group: 'statistics', vi: 'Chốt số liệu kỳ báo cáo', en: 'Reporting period closed' },
  'mobilisation.team_created': { group: 'mobilisation', vi: 'Thành lập tổ vận động', en: 'Mobilisation team formed' },
  'mobilisation.case_assigned': { group: 'mobilisation', vi: 'Giao việc cho tổ vận động', en: 'Case handed to a mobilisation team' },
  'mobilisation.assignment_ended': { group: 'mobilisation', vi: 'Kết thúc giao việc cho tổ vận động', en: 'Case taken back from the mobilisation team' },
  'mobilisation.visit_recorded': { group: 'mobilisation', vi: 'Ghi lượt vận động', en: 'Mobilisation visit recorded' },
  'mobilisation.policy_set': { group: 'mobilisation', vi: 'Thay đổi cách tính kết quả vận động', en: 'Mobilisation results rule changed' },
  'campaign.opened': { group: 'mobilisation', vi: 'Mở đợt cao điểm', en: 'Peak campaign opened' },
  'campaign.updated': { group: 'mobilisation', vi: 'Cập nhật đợt cao điểm', en: 'Peak campaign updated' },
  'campaign.cases_named': { group: 'mobilisation', vi: 'Chọn việc trọng điểm của đợt cao điểm', en: 'Key cases of a peak campaign named' },
  'campaign.closed': { group: 'mobilisation', vi: 'Kết thúc đợt cao điểm', en: 'Peak campaign closed' },
  'steering.committee_created': { group: 'steering', vi: 'Thành lập Ban Chỉ đạo', en: 'Steering committee formed' },
  'steering.members_added': { group: 'steering', vi: 'Bổ sung thành viên Ban Chỉ đạo', en: 'Steering committee members added' },
  'steering.meeting_recorded': { group: 'steering', vi: 'Ghi cuộc họp Ban Chỉ đạo', en: 'Steering committee meeting recorded' },
  'steering.task_followup': { group: 'steering', vi: 'Ghi kết quả theo dõi nhiệm vụ', en: 'Task follow-up recorded' },
  'steering.task_status': { group: 'steering', vi: 'Cập nhật tình trạng nhiệm vụ', en: 'Task status changed' },
  'user.created': { group: 'users', vi: 'Thêm người dùng', en: 'User created' },
  'user.updated': { group: 'users', vi: 'Cập nhật người dùng', en: 'User updated' },
  'user.password_reset': { group: 'users', vi: 'Đặt lại mật khẩu người dùng', en: 'User password reset' },
  'user.unlocked': { group: 'users', vi: 'Mở khóa tài khoản', en: 'Account unlocked' },
  'unit.created': { group: 'units', vi: 'Thêm đơn vị', en: 'Unit created' },
  'unit.updated': { group: 'units', vi: 'Cập nhật đơn vị', en: 'Unit updated' },
  'auth.login': { group: 'signIn', vi: 'Đăng nhập', en: 'Sign-in' },
  'auth.login_failed': { group: 'signIn', vi: 'Đăng nhập thất bại', en: 'Failed sign-in' },
  'auth.locked': { group: 'signIn', vi: 'Khóa tài khoản do đăng nhập sai nhiều lần', en: 'Account locked after repeated failures' },
  'auth.logout': { group: 'signIn', vi: 'Đăng xuất', en: 'Sign-out' },
  'auth.password_changed': { group: 'signIn', vi: 'Đổi mật khẩu', en: 'Password changed' },
  'session.unit_switched': { group: 'signIn', vi: 'Chuyển đơn vị làm việc', en: 'Working unit switched' },
  'import.completed': { group: 'interchange', vi: 'Nhập dữ liệu', en: 'Data imported' },
} as const satisfies Record<string, AuditLabel & { readonly group: AuditGroup }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The kinds of entity an audit row is about. */
export const AUDIT_ENTITY_TYPES = {
  case: { vi: 'Hồ sơ việc', en: 'Case' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  period_close: { vi: 'Chốt số liệu', en: 'Period close' },
  setting: { vi: 'Thiết lập', en: 'Setting' },
  mobilisation_team: { vi: 'Tổ vận động', en: 'Mobilisation team' },
  campaign: { vi: 'Đợt cao điểm', en: 'Peak campaign' },
  steering_committee: { vi: 'Ban Chỉ đạo', en: 'Steering committee' },
  steering_meeting: { vi: 'Cuộc họp Ban Chỉ đạo', en: 'Steering committee meeting' },
  steering_task: { vi: 'Nhiệm vụ của Ban Chỉ đạo', en: 'Steering committee task' },
  user: { vi: 'Người dùng', en: 'User' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  session: { vi: 'Phiên làm việc', en: 'Session' },
  import: { vi: 'Lần nhập dữ liệu', en: 'Import' },
} as const satisfies Record<string, AuditLabel>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

/** The settings an audit row of type `setting` names by their key (statistics and mobilisation policies). */
export const AUDIT_SETTINGS = {
  'statistics.policies': { vi: 'Cách tính số liệu thống kê', en: 'How the statistics count' },
  'mobilisation.policies': { vi: 'Cách tính kết quả vận động', en: 'How mobilisation results count' },
} as const satisfies Record<string, AuditLabel>;

/** One language's column of a label table: ({ a: { vi, en } }, 'vi') → { a: vi }. */
export function labelsIn<K extends string>(table: Readonly<Record<K, AuditLabel>>, lang: keyof AuditLabel): Record<K, string> {
  return Object.fromEntries(Object.entries<AuditLabel>(table).map(([code, label]) => [code, label[lang]])) as Record<K, string>;
}
