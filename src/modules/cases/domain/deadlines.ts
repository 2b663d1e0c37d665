/**
 * The deadline engine (domain.md §3): for one case, the next legal steps, their due dates, and what is
 * overdue. Pure: "today" is a parameter; no clock, no I/O.
 *
 * Legal bases (old law = Luật THADS 26/2008/QH12 as amended by Luật 64/2014/QH13, until 30/06/2026;
 * new law = Luật THADS 106/2025/QH15, from 01/07/2026; Nghị định 62/2015/NĐ-CP as amended):
 * periods in days/months/years start the day after the triggering event (BLDS 2015 Điều 147(2)) and a period
 * that ends on a weekend or public holiday ends on the next working day (BLDS 2015 Điều 148(5)).
 *
 * DEADLINE_REGIME_POLICY — the law governing a step is the law in force on the date of the event that
 * triggers it (`lawRegimeOn(triggerDate)`, switch on 01/07/2026): a verification due in July 2026 for a case
 * accepted in June 2026 is still an old-law deadline. One exception, by design: the "eligible from"
 * steps for the separate ledger / returned request take the regime of the eligibility date itself, because
 * the event they announce is judged by the law in force on the day it is recorded (case-ledger.ts guards).
 *
 * POSTPONEMENT_REVIEW_POLICY — house policy, NOT a statutory deadline: a postponement (hoãn, Điều 48) or a
 * suspension (tạm đình chỉ, Điều 49) lasts until its ground ends and the law sets no review date; the office
 * reviews such a case 3 months after the status was entered, and a case in "other" (trường hợp khác) every
 * 6 months. An administrator may change these values; the steps are marked overdue when past.
 */
import { FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, addCalendarDays, addMonths, addYears, isWeekend, isWorkingDay, weekdayOf, type IsoDate } from '../../../kernel/calendar/index.js';
import { separateLedgerEligibleFrom } from './case-ledger.js';
import { isTerminal, type CaseEvent, type CaseFacts, type CaseState } from './case-types.js';
import { LAW_106_IN_FORCE, lawRegimeOn, type LawRegime } from './law-regime.js';

/** DEADLINE_REGIME_POLICY (see the file header): a step's regime is that of its trigger date. */
export const DEADLINE_REGIME_POLICY = 'regime_of_trigger_date' as const;

/** POSTPONEMENT_REVIEW_POLICY (see the file header): review intervals in months, not statutory. */
export const POSTPONEMENT_REVIEW_POLICY = { postponedMonths: 3, suspendedMonths: 3, otherMonths: 6, statutory: false } as const;

/** The steps, in the order used to break ties between steps due on the same day. */
export const STEP_CODES = [
  'assign_enforcer',
  'voluntary_period_ends',
  'verify',
  'decide_no_means',
  'publish_no_means',
  'reverify',
  'disburse',
  'separate_ledger_eligible',
  'request_returned_eligible',
  'decide_postponement_review',
  'decide_suspension_review',
  'resume_or_close',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

/**
 * The steps whose decision is the head of the office's, not the enforcer's (Luật THADS 2008 sửa đổi 2014):
 * assigning an enforcer (Điều 36 khoản 2), the decision that the obligor has no means (Điều 44a khoản 1),
 * resuming or keeping a postponement (Điều 48). The home page lists them as awaiting the head.
 */
export const HEAD_DECISION_STEPS: readonly StepCode[] = ['assign_enforcer', 'decide_no_means', 'decide_postponement_review'];

export interface LegalStep {
  code: StepCode;
  title_vi: string;
  title_en: string;
  due: IsoDate;
  basis: string;
  regime: LawRegime;
  overdue: boolean;
  dueThisWeek: boolean;
}

/**
 * informational: a date to know, never a breach (`overdue` always false).
 * basis106: the basis under Law 106/2025/QH15 when it differs from "the same rule as before".
 */
const STEPS: Readonly<Record<StepCode, { vi: string; en: string; basis: string; basis106?: string; informational: boolean }>> = {
  assign_enforcer: {
    vi: 'Phân công Chấp hành viên',
    en: 'Assign an enforcer',
    basis: 'Điều 36 khoản 2 Luật THADS 2008 (sửa đổi 2014): 02 ngày làm việc kể từ ngày ra QĐTHA; Điều 8 Nghị định 62/2015/NĐ-CP',
    informational: false,
  },
  voluntary_period_ends: {
    vi: 'Hết thời hạn tự nguyện thi hành án',
    en: 'Voluntary compliance period ends',
    basis: 'Điều 45 khoản 1 Luật THADS 2008 (sửa đổi 2014): 10 ngày',
    informational: true,
  },
  verify: {
    vi: 'Xác minh điều kiện thi hành án',
    en: "Verify the obligor's means",
    basis: 'Điều 44 khoản 1 Luật THADS 2008 (sửa đổi 2014): 10 ngày sau khi hết thời hạn tự nguyện (Điều 45)',
    informational: false,
  },
  decide_no_means: {
    vi: 'Ra quyết định về việc chưa có điều kiện thi hành',
    en: 'Decide that the obligor has no means',
    basis: 'Điều 44a Luật THADS 2008 (sửa đổi 2014); Điều 9 Nghị định 62/2015/NĐ-CP: 05 ngày làm việc kể từ ngày có kết quả xác minh',
    informational: false,
  },
  publish_no_means: {
    vi: 'Công khai thông tin người phải thi hành án chưa có điều kiện',
    en: 'Publish the obligor on the list of debtors without means',
    basis: 'Điều 44a khoản 2 Luật THADS 2008 (sửa đổi 2014); Điều 11 Nghị định 62/2015/NĐ-CP: 05 ngày làm việc',
    informational: true,
  },
  reverify: {
    vi: 'Xác minh lại điều kiện thi hành án',
    en: "Re-verify the obligor's means",
    basis: 'Điều 44 khoản 2 Luật THADS 2008 (sửa đổi 2014): ít nhất 06 tháng một lần; 01 năm nếu không xác định được địa chỉ',
    informational: false,
  },
  disburse: {
    vi: 'Chi trả tiền cho người được thi hành án',
    en: 'Pay the collected money to the judgment creditor',
    basis: 'Điều 47 khoản 1 Luật THADS 2008 (sửa đổi 2014): 10 ngày kể từ ngày thu được tiền',
    informational: false,
  },
  separate_ledger_eligible: {
    vi: 'Đủ điều kiện chuyển sổ theo dõi riêng',
    en: 'Eligible for the separate ledger',
    basis: 'Điều 9 Nghị định 62/2015/NĐ-CP: 01 năm (02 năm nếu không xác định được địa chỉ) kể từ QĐ chưa có điều kiện, đã xác minh ít nhất 02 lần',
    basis106: 'Luật 106/2025/QH15: 02 năm kể từ QĐ chưa có điều kiện, chỉ việc thi hành án chủ động',
    informational: true,
  },
  request_returned_eligible: {
    vi: 'Đủ điều kiện gửi lại yêu cầu thi hành án',
    en: 'Eligible to return the enforcement request',
    basis: 'Luật 106/2025/QH15: việc theo đơn yêu cầu, 02 năm kể từ QĐ chưa có điều kiện',
    basis106: 'Luật 106/2025/QH15: việc theo đơn yêu cầu, 02 năm kể từ QĐ chưa có điều kiện',
    informational: true,
  },
  decide_postponement_review: {
    vi: 'Xem xét lại việc hoãn thi hành án',
    en: 'Review the postponement',
    basis: 'Chính sách của cơ quan (không phải thời hạn luật định): 03 tháng; Điều 48 Luật THADS 2008 (sửa đổi 2014)',
    informational: false,
  },
  decide_suspension_review: {
    vi: 'Xem xét lại việc tạm đình chỉ thi hành án',
    en: 'Review the suspension',
    basis: 'Chính sách của cơ quan (không phải thời hạn luật định): 03 tháng; Điều 49 Luật THADS 2008 (sửa đổi 2014)',
    informational: false,
  },
  resume_or_close: {
    vi: 'Xem xét tiếp tục thi hành hoặc kết thúc việc (trường hợp khác)',
    en: 'Resume or close the case (other status)',
    basis: 'Chính sách của cơ quan (không phải thời hạn luật định): 06 tháng; Thông tư 06/2019/TT-BTP (trường hợp khác)',
    informational: false,
  },
};

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic that degrades outside 2015–2035 (holiday data unknown there): weekends only, no throw.

function isWorkingDayLenient(date: IsoDate): boolean {
  return date >= FIRST_SUPPORTED_DATE && date <= LAST_SUPPORTED_DATE ? isWorkingDay(date) : !isWeekend(date);
}

/** `n` working days after `date` (date not counted), as addWorkingDays; outside 2015–2035 weekends only. */
function workingDaysAfter(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (isWorkingDayLenient(d)) left -= 1;
  }
  return d;
}

/** `date`, or the next working day when it is a day off (BLDS 2015 Điều 148(5)); as nextWorkingDayOnOrAfter. */
function onOrNextWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDayLenient(d)) d = addCalendarDays(d, 1);
  return d;
}

/** Sunday of the ISO (Monday-based) week containing `date`. */
function endOfIsoWeek(date: IsoDate): IsoDate {
  return addCalendarDays(date, (7 - weekdayOf(date)) % 7);
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------------------

/** Separate ledger / returned request: which step, from when, under which law (see separateLedgerStep). */
function ledgerEligibility(facts: CaseFacts, state: CaseState, today: IsoDate): { code: 'separate_ledger_eligible' | 'request_returned_eligible'; from: IsoDate } | null {
  const decision = state.noMeansDecision;
  if (!decision) return null;
  // Old law (Decree 62 Art. 9): open while an event can still be dated before 01/07/2026, and only once the
  // two verifications are on file (the count is not a date: without it the old-law route is not available).
  const oldFrom = separateLedgerEligibleFrom(facts, state, addCalendarDays(LAW_106_IN_FORCE, -1));
  if (oldFrom !== null && oldFrom < LAW_106_IN_FORCE && today < LAW_106_IN_FORCE && state.noMeansVerifications >= 2) {
    return { code: 'separate_ledger_eligible', from: oldFrom };
  }
  // Law 106/2025: two years after the decision, and never before the law is in force.
  const newFrom = separateLedgerEligibleFrom(facts, state, LAW_106_IN_FORCE);
  if (newFrom !== null) return { code: 'separate_ledger_eligible', from: later(newFrom, LAW_106_IN_FORCE) };
  return { code: 'request_returned_eligible', from: later(addYears(decision.on, 2), LAW_106_IN_FORCE) };
}

/** True when a `resumed` event comes after the last `verified` event: the old finding no longer calls for a decision. */
function resumedSinceLastVerification(events: readonly CaseEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const t = events[i]!.type;
    if (t === 'resumed') return true;
    if (t === 'verified') return false;
  }
  return false;
}

/**
 * Next legal steps of an open case, sorted by due date (Luật THADS 2008 sửa đổi 2014 Điều 36, 44, 44a, 45, 47;
 * Nghị định 62/2015/NĐ-CP Điều 9, 11; Luật 106/2025/QH15 from 01/07/2026); none for a terminal case.
 */
export function nextSteps(facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], today: IsoDate): LegalStep[] {
  const weekEnd = endOfIsoWeek(today);
  const steps: LegalStep[] = [];
  const add = (code: StepCode, due: IsoDate, regime: LawRegime) => {
    const s = STEPS[code];
    steps.push({
      code,
      title_vi: s.vi,
      title_en: s.en,
      due,
      basis: regime === 'law_106_2025' ? (s.basis106 ?? `Luật 106/2025/QH15 (giữ quy tắc của ${s.basis})`) : s.basis,
      regime,
      overdue: !s.informational && due < today,
      dueThisWeek: today <= due && due <= weekEnd,
    });
  };
  const accepted = facts.acceptedOn;
  // 7. Art. 47(1): money collected for a party is paid out within 10 days, also after the case has ended.
  const collected = state.oldestUndisbursedPaymentOn;
  if (collected !== null) add('disburse', onOrNextWorkingDay(addCalendarDays(collected, 10)), lawRegimeOn(collected));
  if (isTerminal(state.status)) return steps;

  // 1. Art. 36(2): enforcer within 2 working days of the decision (acceptance).
  if (state.enforcer === null) add('assign_enforcer', workingDaysAfter(accepted, 2), lawRegimeOn(accepted));

  // 2. Art. 45 + 44(1): 10-day voluntary period, then verification within 10 days (same rule ex officio).
  if (state.status === 'pending_verification' && state.lastVerification === null) {
    const voluntaryEnds = onOrNextWorkingDay(addCalendarDays(accepted, 10));
    if (today <= voluntaryEnds) add('voluntary_period_ends', voluntaryEnds, lawRegimeOn(accepted));
    add('verify', onOrNextWorkingDay(addCalendarDays(accepted, 20)), lawRegimeOn(accepted));
  }

  // 3. Art. 44a: a no-means finding calls for a decision within 5 working days.
  const v = state.lastVerification;
  if (
    v?.result === 'no_means' &&
    state.noMeansDecision === null &&
    (state.status === 'pending_verification' || state.status === 'in_progress') &&
    !resumedSinceLastVerification(events)
  ) {
    add('decide_no_means', workingDaysAfter(v.on, 5), lawRegimeOn(v.on));
  }

  if (state.status === 'no_means' && state.noMeansDecision) {
    const d = state.noMeansDecision;
    // 4. Art. 44a, Decree 62 Art. 11: published within 5 working days; after that the system has done it.
    const publishBy = workingDaysAfter(d.on, 5);
    if (today <= publishBy) add('publish_no_means', publishBy, lawRegimeOn(d.on));
    // 5. Art. 44(2): re-verify at least every 6 months, yearly when the address is unknown.
    const base = v ? later(d.on, v.on) : d.on;
    const reverifyBy = d.reason === 'address_unknown' ? addYears(base, 1) : addMonths(base, 6);
    add('reverify', onOrNextWorkingDay(reverifyBy), lawRegimeOn(base));
    // 6. Separate ledger (Decree 62 Art. 9) / returned request (Law 106/2025): eligibility, regime of that date.
    const e = ledgerEligibility(facts, state, today);
    if (e) add(e.code, e.from, lawRegimeOn(e.from));
  }

  // 8–10. POSTPONEMENT_REVIEW_POLICY (house policy, not statutory).
  const since = state.statusSince;
  if (state.status === 'postponed') add('decide_postponement_review', onOrNextWorkingDay(addMonths(since, POSTPONEMENT_REVIEW_POLICY.postponedMonths)), lawRegimeOn(since));
  if (state.status === 'suspended') add('decide_suspension_review', onOrNextWorkingDay(addMonths(since, POSTPONEMENT_REVIEW_POLICY.suspendedMonths)), lawRegimeOn(since));
  if (state.status === 'other') add('resume_or_close', onOrNextWorkingDay(addMonths(since, POSTPONEMENT_REVIEW_POLICY.otherMonths)), lawRegimeOn(since));

  const rank = (c: StepCode) => STEP_CODES.indexOf(c);
  return steps.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : rank(a.code) - rank(b.code)));
}

/** The earliest of nextSteps() (same legal bases: Luật THADS 2008 sửa đổi 2014, Nghị định 62/2015, Luật 106/2025/QH15), or null. */
export function nextDeadline(facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], today: IsoDate): LegalStep | null {
  return nextSteps(facts, state, events, today)[0] ?? null;
}

/** The titles of a step, for lists that store only its code (the deadline queues). */
export function stepTitles(code: string): { title_vi: string; title_en: string } | null {
  const s = (STEPS as Record<string, { vi: string; en: string } | undefined>)[code];
  return s ? { title_vi: s.vi, title_en: s.en } : null;
}
