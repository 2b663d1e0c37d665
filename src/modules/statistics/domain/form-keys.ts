/**
 * The keys of the two official forms (statistics.md §3 về việc, §4 về tiền), in the order of the report
 * JSON (§7). Base keys are counted case by case; derived keys follow from them by the formulas of §3–§4.
 */
export const CASE_BASE_KEYS = [
  'carried_over', 'new', 'transferred_out', 'withdrawn', 'completed', 'terminated',
  'in_progress', 'postponed', 'suspended', 'other', 'without_means',
] as const;
export const MONEY_BASE_KEYS = [
  'carried_over', 'new', 'transferred_out', 'withdrawn', 'completed', 'terminated', 'reduced',
  'in_progress', 'postponed', 'suspended', 'other', 'without_means',
] as const;

/** Every key of the case form except `rate`, in §7 order. */
export const CASE_KEYS = [
  'carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated',
  'in_progress', 'postponed', 'suspended', 'other', 'without_means', 'with_means', 'resolved',
  'carried_forward', 'carried_forward_with_means',
] as const;
/** Every key of the money form except `rate`, in §7 order (the case keys plus `reduced`). */
export const MONEY_KEYS = [
  'carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated', 'reduced',
  'in_progress', 'postponed', 'suspended', 'other', 'without_means', 'with_means', 'resolved',
  'carried_forward', 'carried_forward_with_means',
] as const;

export type CaseBaseKey = (typeof CASE_BASE_KEYS)[number];
export type MoneyBaseKey = (typeof MONEY_BASE_KEYS)[number];
export type CaseKey = (typeof CASE_KEYS)[number];
export type MoneyKey = (typeof MONEY_KEYS)[number];

/** The buckets a case open at `E` falls in (§3), with `without_means`. */
export type OpenBucket = 'in_progress' | 'postponed' | 'suspended' | 'other' | 'without_means';

/** Vietnamese row labels of the forms (Thông tư 06/2019/TT-BTP), for the UI and printed reports. */
export const FORM_LABELS_VI: Readonly<Record<MoneyKey | 'rate', string>> = {
  carried_over: 'Năm trước chuyển sang',
  new: 'Thụ lý mới',
  total: 'Tổng số thụ lý',
  transferred_out: 'Ủy thác',
  withdrawn: 'Thu hồi, hủy quyết định thi hành án',
  to_enforce: 'Tổng số phải thi hành',
  completed: 'Thi hành xong',
  terminated: 'Đình chỉ',
  reduced: 'Giảm thi hành án',
  in_progress: 'Đang thi hành',
  postponed: 'Hoãn',
  suspended: 'Tạm đình chỉ',
  other: 'Trường hợp khác',
  without_means: 'Chưa có điều kiện',
  with_means: 'Có điều kiện',
  resolved: 'Giải quyết xong',
  rate: 'Tỷ lệ',
  carried_forward: 'Chuyển kỳ sau',
  carried_forward_with_means: 'Trong đó có điều kiện',
};
