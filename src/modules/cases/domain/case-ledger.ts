import { addYears, formatDateVi, type IsoDate } from '../../../kernel/calendar/index.js';
import { formatMoneyVnd } from '../../../kernel/format/index.js';
import { TRANSITIONS } from './case-state-machine.js';
import { isTerminal, type CaseEvent, type CaseFacts, type CaseState, type Obligation, type ObligationProgress } from './case-types.js';
import { lawRegimeOn } from './law-regime.js';

/** A broken rule, naming the field and the rule, with a message a clerk can act on. */
export interface CaseRuleError {
  field: string;
  rule: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; errors: CaseRuleError[] };

const fail = (field: string, rule: string, message: string): { ok: false; errors: CaseRuleError[] } => ({ ok: false, errors: [{ field, rule, message }] });
const vnd = (n: bigint) => formatMoneyVnd(n);
/** The state of a case just accepted: pending verification, nothing paid. */
export function initialState(facts: CaseFacts): CaseState {
  const progress: Record<string, ObligationProgress> = {};
  for (const o of facts.obligations) progress[o.id] = { paid: 0n, reduced: 0n, performed: false, disbursed: 0n };
  return {
    status: 'pending_verification',
    statusSince: facts.acceptedOn,
    episodeStart: facts.acceptedOn,
    lastEventOn: facts.acceptedOn,
    office: facts.office,
    enforcer: facts.enforcer,
    progress,
    lastVerification: null,
    noMeansDecision: null,
    noMeansVerifications: 0,
    pendingPayouts: [],
    oldestUndisbursedPaymentOn: null,
    coercion: false,
  };
}

/** Outstanding on one obligation: money minus paid and reduced; a valued non-money obligation until performed. */
export function outstandingOf(o: Obligation, p: ObligationProgress): bigint {
  if (o.kind === 'money') return o.amount - p.paid - p.reduced;
  return p.performed ? 0n : (o.value ?? 0n);
}

/** Σ outstanding over the case's obligations (đồng). */
export function totalOutstanding(facts: CaseFacts, state: CaseState): bigint {
  return facts.obligations.reduce((sum, o) => sum + outstandingOf(o, state.progress[o.id]!), 0n);
}

/** Nothing left to do: every money obligation paid or reduced to zero, every non-money one performed. */
export function isFullyPerformed(facts: CaseFacts, state: CaseState): boolean {
  return facts.obligations.every((o) => {
    const p = state.progress[o.id]!;
    return o.kind === 'money' ? o.amount - p.paid - p.reduced === 0n : p.performed;
  });
}

/**
 * Applies one event to a case (domain.md §3): checks the transition table, the date rules, the money
 * rules and the legal guards, and returns the new state or every rule broken. Never mutates its input.
 */
export function applyEvent(facts: CaseFacts, state: CaseState, event: CaseEvent): Result<CaseState> {
  const t = TRANSITIONS[event.type];
  if (event.on < facts.acceptedOn) {
    return fail('on', 'before_acceptance', `Ngày ${formatDateVi(event.on)} trước ngày thụ lý ${formatDateVi(facts.acceptedOn)}.`);
  }
  if (event.on < state.lastEventOn) {
    return fail('on', 'before_previous_event', `Ngày ${formatDateVi(event.on)} trước sự kiện gần nhất (${formatDateVi(state.lastEventOn)}); sự kiện phải ghi theo thứ tự ngày.`);
  }
  // After the end only a resumption (from the separate ledger or a returned request) is allowed, and paying
  // out money already collected, which is bookkeeping of the office rather than a step of enforcement.
  const resumable = event.type === 'resumed' && (state.status === 'separate_ledger' || state.status === 'request_returned');
  if (isTerminal(state.status) && !resumable && event.type !== 'disbursed') {
    return fail('type', 'after_terminal', `Việc đã kết thúc (${STATUS_VI[state.status]}); không thể ghi thêm "${EVENT_VI[event.type]}".`);
  }
  if (!t.from.includes(state.status)) {
    return fail('type', 'transition_not_allowed', `Không thể ghi "${EVENT_VI[event.type]}" khi việc đang ở trạng thái "${STATUS_VI[state.status]}".`);
  }
  const guard = checkGuard(facts, state, event);
  if (guard) return { ok: false, errors: [guard] };

  const next: CaseState = { ...state, progress: { ...state.progress }, lastEventOn: event.on };
  const bump = (id: string, change: Partial<ObligationProgress>) => {
    next.progress[id] = { ...next.progress[id]!, ...change };
  };
  switch (event.type) {
    case 'enforcer_assigned':
      next.enforcer = event.enforcer;
      break;
    case 'verified':
      next.lastVerification = { on: event.on, result: event.result };
      if (event.result === 'no_means') next.noMeansVerifications += 1;
      if (event.result === 'has_means' && state.status === 'pending_verification') next.status = 'in_progress';
      break;
    case 'no_means_decided':
      next.noMeansDecision = { on: event.on, reason: event.reason };
      break;
    case 'resumed':
      // A finding made before the resumption no longer supports a no-means decision: verify again.
      next.lastVerification = null;
      next.noMeansDecision = null;
      next.noMeansVerifications = 0;
      if (state.status === 'separate_ledger' || state.status === 'request_returned') next.episodeStart = event.on;
      break;
    case 'payment': {
      const p = state.progress[event.obligation]!;
      bump(event.obligation, { paid: p.paid + event.amount });
      const o = facts.obligations.find((x) => x.id === event.obligation)!;
      if (o.beneficiary === 'party') next.pendingPayouts = [...state.pendingPayouts, { obligation: o.id, on: event.on, amount: event.amount }];
      break;
    }
    case 'performed':
      bump(event.obligation, { performed: true });
      break;
    case 'reduced':
      bump(event.obligation, { reduced: state.progress[event.obligation]!.reduced + event.amount });
      break;
    case 'disbursed': {
      bump(event.obligation, { disbursed: state.progress[event.obligation]!.disbursed + event.amount });
      next.pendingPayouts = consumePayouts(state.pendingPayouts, event.obligation, event.amount);
      break;
    }
    case 'coercion_decided':
    case 'distrained':
    case 'auctioned':
      next.coercion = true;
      break;
    case 'office_changed':
      next.office = event.to;
      break;
    case 'postponed':
    case 'suspended':
    case 'other_status':
    case 'completed':
    case 'terminated':
    case 'transferred_out':
    case 'withdrawn':
    case 'separate_ledger':
    case 'request_returned':
      break;
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
  next.oldestUndisbursedPaymentOn = next.pendingPayouts.reduce<IsoDate | null>((m, p) => (m === null || p.on < m ? p.on : m), null);
  const to = t.to === 'same' || t.to === 'by_result' ? next.status : t.to;
  if (to !== state.status) {
    next.status = to;
    next.statusSince = event.on;
  }
  return { ok: true, value: next };
}

/** Pays out the oldest collections of an obligation first. */
function consumePayouts(pending: CaseState['pendingPayouts'], obligation: string, amount: bigint): CaseState['pendingPayouts'] {
  let left = amount;
  const out: CaseState['pendingPayouts'] = [];
  for (const p of pending) {
    if (p.obligation !== obligation || left === 0n) {
      out.push(p);
    } else if (p.amount <= left) {
      left -= p.amount;
    } else {
      out.push({ ...p, amount: p.amount - left });
      left = 0n;
    }
  }
  return out;
}

function checkGuard(facts: CaseFacts, state: CaseState, event: CaseEvent): CaseRuleError | null {
  const obligationOf = (id: string) => facts.obligations.find((o) => o.id === id);
  switch (event.type) {
    case 'payment':
    case 'reduced':
    case 'disbursed': {
      const o = obligationOf(event.obligation);
      if (!o) return { field: 'obligation', rule: 'unknown_obligation', message: `Không có khoản phải thi hành "${event.obligation}".` };
      if (o.kind !== 'money') return { field: 'obligation', rule: 'not_money', message: `Khoản "${o.label}" không phải khoản tiền.` };
      if (event.amount <= 0n) return { field: 'amount', rule: 'positive', message: 'Số tiền phải là số nguyên dương (đồng).' };
      const p = state.progress[o.id]!;
      if (event.type === 'disbursed') {
        if (o.beneficiary !== 'party') return { field: 'obligation', rule: 'party_only', message: 'Chỉ chi trả cho người được thi hành án đối với khoản của đương sự.' };
        const available = p.paid - p.disbursed;
        if (event.amount > available) return { field: 'amount', rule: 'exceeds_collected', message: `Số chi trả ${vnd(event.amount)} vượt số đã thu chưa chi ${vnd(available)}.` };
        return null;
      }
      if (event.type === 'reduced' && o.beneficiary !== 'state_budget') {
        return { field: 'obligation', rule: 'state_budget_only', message: 'Chỉ khoản nộp ngân sách nhà nước mới được miễn, giảm.' };
      }
      const outstanding = outstandingOf(o, p);
      if (event.amount > outstanding) {
        return { field: 'amount', rule: 'exceeds_outstanding', message: `Số tiền ${vnd(event.amount)} vượt số còn phải thi hành ${vnd(outstanding)} của khoản "${o.label}".` };
      }
      return null;
    }
    case 'performed': {
      const o = obligationOf(event.obligation);
      if (!o) return { field: 'obligation', rule: 'unknown_obligation', message: `Không có khoản phải thi hành "${event.obligation}".` };
      if (o.kind !== 'non_money') return { field: 'obligation', rule: 'not_non_money', message: `Khoản "${o.label}" là khoản tiền: ghi "thu tiền".` };
      if (state.progress[o.id]!.performed) return { field: 'obligation', rule: 'already_performed', message: `Khoản "${o.label}" đã thi hành xong.` };
      return null;
    }
    case 'completed':
      if (!isFullyPerformed(facts, state)) {
        const left = totalOutstanding(facts, state);
        const what = left > 0n ? `Còn phải thi hành ${vnd(left)}` : 'Còn khoản không phải tiền chưa thi hành xong';
        return { field: 'type', rule: 'outstanding_remaining', message: `${what}: chưa thể kết thúc "thi hành xong".` };
      }
      return null;
    case 'no_means_decided':
      if (state.lastVerification?.result !== 'no_means') {
        return { field: 'type', rule: 'needs_no_means_verification', message: 'Cần có kết quả xác minh "chưa có điều kiện" trước khi ra quyết định.' };
      }
      return null;
    case 'separate_ledger':
      return meansFoundGuard(state) ?? separateLedgerGuard(facts, state, event.on);
    case 'request_returned': {
      const found = meansFoundGuard(state);
      if (found) return found;
      if (lawRegimeOn(event.on) !== 'law_106_2025') return { field: 'on', rule: 'law_106_only', message: 'Gửi lại yêu cầu thi hành án chỉ áp dụng từ 01/07/2026 (Luật 106/2025/QH15).' };
      if (facts.initiation !== 'on_request') return { field: 'type', rule: 'on_request_only', message: 'Chỉ áp dụng cho việc thi hành theo đơn yêu cầu.' };
      const since = state.noMeansDecision!.on;
      if (event.on < addYears(since, 2)) return { field: 'on', rule: 'too_early', message: `Chưa đủ 2 năm chưa có điều kiện (từ ${formatDateVi(since)}); sớm nhất ${formatDateVi(addYears(since, 2))}.` };
      return null;
    }
    case 'transferred_out':
    case 'office_changed':
      if (!event.to.trim()) return { field: 'to', rule: 'required', message: 'Cần ghi cơ quan nhận.' };
      if (event.to === state.office) return { field: 'to', rule: 'same_office', message: 'Cơ quan nhận trùng cơ quan đang giữ việc.' };
      return null;
    case 'auctioned':
      if (event.proceeds !== null && event.proceeds < 0n) return { field: 'proceeds', rule: 'non_negative', message: 'Số tiền bán đấu giá không được âm.' };
      return null;
    case 'enforcer_assigned':
      if (!event.enforcer.trim()) return { field: 'enforcer', rule: 'required', message: 'Cần chọn chấp hành viên.' };
      return null;
    case 'postponed':
    case 'suspended':
    case 'terminated':
      if (!event.ground.trim()) return { field: 'ground', rule: 'required', message: 'Cần ghi căn cứ.' };
      return null;
    case 'other_status':
      if (!event.reason.trim()) return { field: 'reason', rule: 'required', message: 'Cần ghi lý do.' };
      return null;
    case 'verified':
    case 'resumed':
    case 'coercion_decided':
    case 'distrained':
    case 'withdrawn':
      return null;
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Separate ledger (chuyển sổ theo dõi riêng). Old law (Decree 62/2015 Art. 9): one year after the no-means
 * decision (two when the address is unknown) and at least two verifications. Law 106/2025/QH15 (events from
 * 01/07/2026): two years, ex officio cases only. The regime is that of the event's date.
 */
export function separateLedgerEligibleFrom(facts: CaseFacts, state: CaseState, on: IsoDate): IsoDate | null {
  const d = state.noMeansDecision;
  if (!d) return null;
  if (lawRegimeOn(on) === 'law_106_2025') return facts.initiation === 'ex_officio' ? addYears(d.on, 2) : null;
  return addYears(d.on, d.reason === 'address_unknown' ? 2 : 1);
}

/** A case whose latest verification found means is resumed, not shelved. */
function meansFoundGuard(state: CaseState): CaseRuleError | null {
  if (state.lastVerification?.result === 'has_means') {
    return { field: 'type', rule: 'means_found', message: 'Lần xác minh gần nhất xác định có điều kiện thi hành: ra quyết định tiếp tục thi hành.' };
  }
  return null;
}

function separateLedgerGuard(facts: CaseFacts, state: CaseState, on: IsoDate): CaseRuleError | null {
  const regime = lawRegimeOn(on);
  if (regime === 'law_106_2025' && facts.initiation !== 'ex_officio') {
    return { field: 'type', rule: 'ex_officio_only', message: 'Từ 01/07/2026 chỉ việc chủ động mới chuyển sổ theo dõi riêng; việc theo đơn: gửi lại yêu cầu thi hành án.' };
  }
  const from = separateLedgerEligibleFrom(facts, state, on)!;
  if (on < from) return { field: 'on', rule: 'too_early', message: `Chưa đủ thời gian chưa có điều kiện; sớm nhất ngày ${formatDateVi(from)}.` };
  if (regime === 'law_2008' && state.noMeansVerifications < 2) {
    return { field: 'type', rule: 'needs_two_verifications', message: `Cần xác minh ít nhất 2 lần (mới có ${state.noMeansVerifications}).` };
  }
  return null;
}

/** Replays a case's events from acceptance; stops at the first broken rule, naming the event's index. */
export function replay(facts: CaseFacts, events: readonly CaseEvent[]): Result<CaseState> & { failedAt?: number } {
  let state = initialState(facts);
  for (let i = 0; i < events.length; i++) {
    const r = applyEvent(facts, state, events[i]!);
    if (!r.ok) return { ...r, failedAt: i };
    state = r.value;
  }
  return { ok: true, value: state };
}

export const STATUS_VI: Record<CaseState['status'], string> = {
  pending_verification: 'Chưa xác minh',
  in_progress: 'Đang thi hành',
  no_means: 'Chưa có điều kiện',
  postponed: 'Hoãn',
  suspended: 'Tạm đình chỉ',
  other: 'Trường hợp khác',
  completed: 'Thi hành xong',
  terminated: 'Đình chỉ',
  transferred_out: 'Ủy thác',
  withdrawn: 'Thu hồi / hủy QĐTHA',
  separate_ledger: 'Theo dõi riêng',
  request_returned: 'Đã gửi lại yêu cầu',
};

export const EVENT_VI: Record<CaseEvent['type'], string> = {
  enforcer_assigned: 'Phân công chấp hành viên',
  verified: 'Xác minh điều kiện thi hành',
  no_means_decided: 'QĐ về việc chưa có điều kiện thi hành',
  resumed: 'Tiếp tục thi hành',
  postponed: 'Hoãn thi hành',
  suspended: 'Tạm đình chỉ thi hành',
  other_status: 'Trường hợp khác',
  payment: 'Thu tiền',
  performed: 'Thi hành xong khoản không phải tiền',
  reduced: 'Miễn, giảm',
  disbursed: 'Chi trả cho người được thi hành án',
  coercion_decided: 'QĐ cưỡng chế',
  distrained: 'Kê biên',
  auctioned: 'Bán đấu giá',
  completed: 'Thi hành xong',
  terminated: 'Đình chỉ thi hành án',
  transferred_out: 'Ủy thác thi hành án',
  withdrawn: 'Thu hồi / hủy QĐTHA',
  separate_ledger: 'Chuyển sổ theo dõi riêng',
  request_returned: 'Gửi lại yêu cầu thi hành án',
  office_changed: 'Chuyển giao do sắp xếp tổ chức',
};
