import { applyEvent, type CaseEvent, type CaseFacts, type CaseState, isTerminal, LAW_106_IN_FORCE, type NoMeansReason, type Obligation, outstandingOf } from '../../cases/domain/index.js';
import { niceAmount, type Profile } from './chau-thanh-facts.js';
import { CURRENT_OFFICE, FORMER_OFFICE, REORGANISATION_DAY } from './chau-thanh-plan.js';
import { addWork, dayOf, isoOf, workOnOrAfter, workOnOrBefore } from './demo-calendar.js';
import type { Random } from './random.js';

/**
 * One case of the demo simulation and what happens to it during one fiscal year (chau-thanh-generator.ts
 * decides the fate, this file writes the events).
 */

export interface DemoOffice {
  code: string;
  name: string;
  level: 'office';
  parent: string;
  validFrom: string;
  validTo: string | null;
}

/** Neighbouring offices of the former district that receive transfers (ủy thác). */
export const TRANSFER_OFFICES: readonly DemoOffice[] = [
  { code: 'LA-TT', name: 'Chi cục Thi hành án dân sự huyện Tân Trụ', level: 'office', parent: 'LA', validFrom: '2009-07-01', validTo: '2025-06-30' },
  { code: 'LA-TA', name: 'Chi cục Thi hành án dân sự thành phố Tân An', level: 'office', parent: 'LA', validFrom: '2009-07-01', validTo: '2025-06-30' },
];

/** Where a case stands at the start of the year: accepted during it, in progress, paused (postponed, suspended, other), without means, on the separate ledger. */
export type Base = 'new' | 'active' | 'paused' | 'nomeans' | 'shelved';
/**
 * What the year brings it: completed or terminated (resolved), still open with means, without means at the
 * end, separate ledger (or, from 01/07/2026, returned request), transfer with or without partial
 * performance, withdrawal, or resumption from the separate ledger and completion.
 */
export type Fate = 'complete' | 'terminate' | 'open' | 'no_means' | 'ledger' | 'transfer' | 'transfer_partial' | 'withdraw' | 'resume_ledger';

/** A case as the simulation carries it: facts, events so far, state, and the current year's plan for it. */
export interface SimCase {
  idx: number;
  profile: Profile;
  prisoner: boolean;
  facts: CaseFacts;
  acceptedDay: number;
  events: CaseEvent[];
  state: CaseState;
  // The year being generated: checkpoint at its start, so that the year can be redrawn.
  cpEvents: number;
  cpState: CaseState;
  base: Base;
  fate: Fate;
  /** First day the year's events may take. */
  a: number;
  /** Outstanding (đồng, valued non-money included) at the start of the year or at acceptance. */
  ostart: bigint;
  /** Partial payments during the year (fate open). */
  partial: bigint;
  /** Most the case can pay during the year and stay open. */
  cap: bigint;
  transferPaid: bigint;
  ledgerDay: number;
  /** Resolved by a quota that must hold (terminated from no means, partial transfer, resumed from the ledger). */
  must: boolean;
}

export const LAW106 = dayOf(LAW_106_IN_FORCE);
export const REORG = dayOf(REORGANISATION_DAY);
export const HUNDRED_K = 100_000n;
export const floorTo = (x: bigint, step: bigint) => (x / step) * step;
export const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
export const minB = (a: bigint, b: bigint) => (a < b ? a : b);
export const OPEN_MEANS: ReadonlySet<Fate> = new Set(['complete', 'terminate', 'open', 'resume_ledger', 'transfer_partial']);

export const ENFORCERS_FORMER = ['LA-CT-01', 'LA-CT-02', 'LA-CT-03', 'LA-CT-04', 'LA-CT-05'] as const;
export const ENFORCERS_CURRENT = ['TN-KV3-01', 'TN-KV3-02', 'TN-KV3-03', 'TN-KV3-04'] as const;
const SUCCESSOR_ENFORCER: Record<string, readonly string[]> = {
  'LA-CT-01': ['TN-KV3-01'], 'LA-CT-02': ['TN-KV3-02'], 'LA-CT-03': ['TN-KV3-03'], 'LA-CT-04': ['TN-KV3-04'], 'LA-CT-05': ['TN-KV3-03', 'TN-KV3-04'],
};

/** Probability that a new case of a profile ends its first year without means. */
export const NO_MEANS_SHARE: Record<Profile, number> = {
  criminal: 0.12, fee: 0.07, civil_debt: 0.18, family: 0.14, land: 0.08, business: 0.22, labour: 0.25, bank: 0.3,
};

const POSTPONEMENT_GROUNDS = [
  'Điều 48 khoản 1 điểm a Luật THADS: người phải thi hành án ốm nặng, có xác nhận của cơ sở y tế',
  'Điều 48 khoản 1 điểm c Luật THADS: người được thi hành án đồng ý cho hoãn',
  'Điều 48 khoản 1 điểm b Luật THADS: chưa xác định được địa chỉ của người phải thi hành án',
  'Điều 48 khoản 1 điểm đ Luật THADS: tài sản kê biên có tranh chấp đã được Tòa án thụ lý',
] as const;
const SUSPENSION_GROUNDS = [
  'Điều 49 khoản 1 Luật THADS: người có thẩm quyền kháng nghị bản án theo thủ tục giám đốc thẩm',
  'Điều 49 khoản 2 Luật THADS: Tòa án thụ lý đơn yêu cầu mở thủ tục phá sản đối với người phải thi hành án',
] as const;
const OTHER_REASONS = ['Chờ Tòa án giải thích bản án', 'Chờ kết quả giải quyết khiếu nại', 'Đang chờ ý kiến của cơ quan có thẩm quyền về tài sản'] as const;

/** Another enforcer of the office holding the case (LA-CT-05 joined in 2016). */
export function nextEnforcer(current: string | null, office: string, on: string, r: Random): string {
  const list = enforcersOf(office, on);
  const others = list.filter((e) => e !== current);
  return r.pick(others.length ? others : list);
}

/** The enforcers of an office on a day. */
export function enforcersOf(office: string, on: string): readonly string[] {
  return office === FORMER_OFFICE ? (on < '2016-01-01' ? ENFORCERS_FORMER.slice(0, 4) : ENFORCERS_FORMER) : ENFORCERS_CURRENT;
}

interface Queued {
  day: number;
  seq: number;
  run: () => void;
}

/**
 * The events of one case during one fiscal year, for the fate the year's plan gave it: every event is
 * checked by the domain's ledger (applyEvent) as it is written. Payouts to creditors follow collections by a
 * few days; on 01/07/2025 an open case of LA-CT passes to TN-KV3 with a new enforcer.
 */
export class CaseYear {
  private t: number;
  private queue: Queued[] = [];
  private seq = 0;

  constructor(
    private readonly c: SimCase,
    private readonly r: Random,
    private readonly b: number,
    private readonly live: boolean,
  ) {
    this.t = c.a;
    if (c.facts.office === FORMER_OFFICE && c.a <= REORG && REORG <= b) this.schedule(REORG, () => this.reorganise());
  }

  run(): void {
    const c = this.c;
    // Now and then a case changes hands within the office.
    if ((c.base === 'active' || c.base === 'paused' || c.base === 'nomeans') && c.fate !== 'ledger' && this.r.chance(0.03)) {
      this.emit(this.after(0, 40, this.b), (on) => ({ type: 'enforcer_assigned', on, enforcer: nextEnforcer(c.state.enforcer, c.state.office, on, this.r) }));
    }
    switch (c.fate) {
      case 'complete': this.complete(); break;
      case 'terminate': this.terminate(); break;
      case 'open': this.open(); break;
      case 'no_means': this.noMeans(); break;
      case 'ledger': this.ledger(); break;
      case 'transfer':
      case 'transfer_partial': this.transfer(); break;
      case 'withdraw': this.withdraw(); break;
      case 'resume_ledger': this.resumeLedger(); break;
    }
    this.finish();
  }

  // --- time

  private schedule(day: number, run: () => void) {
    this.queue.push({ day, seq: this.seq++, run });
    this.queue.sort((x, y) => x.day - y.day || x.seq - y.seq);
  }

  private moveTo(day: number) {
    while (this.queue.length && this.queue[0]!.day <= day) {
      const q = this.queue.shift()!;
      this.t = Math.max(this.t, q.day);
      q.run();
    }
    this.t = Math.max(this.t, day);
  }

  /** A working day lo…hi days after the cursor, not after `limit` (nor before the cursor). */
  private after(lo: number, hi: number, limit: number): number {
    const d = workOnOrAfter(this.t + this.r.int(lo, hi));
    return Math.max(this.t, Math.min(d, limit));
  }

  /** `n` working days spread over [from, to], in order. */
  private spread(n: number, from: number, to: number): number[] {
    const hi = Math.max(from, to);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(Math.min(workOnOrAfter(from + Math.floor(this.r.next() * (hi - from + 1))), hi));
    return out.sort((x, y) => x - y);
  }

  /** Records an event on `day` (or on the cursor's day when that is later): the event is made for the day it gets. */
  private emit(day: number, make: (on: string) => CaseEvent): number {
    const d = Math.max(day, this.t);
    if (d > this.b) throw new Error(`demo generator: ${this.c.facts.id} event on ${isoOf(d)} is after ${isoOf(this.b)}`);
    this.moveTo(d);
    this.apply(make(isoOf(d)));
    return d;
  }

  private apply(e: CaseEvent) {
    const r = applyEvent(this.c.facts, this.c.state, e);
    if (!r.ok) throw new Error(`demo generator: ${this.c.facts.id}: ${e.type} ${e.on}: ${r.errors.map((x) => x.message).join('; ')}`);
    this.c.state = r.value;
    this.c.events.push(e);
  }

  private finish() {
    this.moveTo(this.b);
    // Payouts due after the year are made by its last day; on "today" they are still to be made (the dashboard shows them).
    const rest = this.queue;
    this.queue = [];
    if (!this.live) for (const q of rest) q.run();
  }

  private reorganise() {
    const s = this.c.state;
    if (isTerminal(s.status) || s.office !== FORMER_OFFICE) return;
    const on = REORGANISATION_DAY;
    this.apply({ type: 'office_changed', on, to: CURRENT_OFFICE });
    const next = SUCCESSOR_ENFORCER[s.enforcer ?? 'LA-CT-01'] ?? ENFORCERS_CURRENT;
    this.apply({ type: 'enforcer_assigned', on, enforcer: this.r.pick(next) });
  }

  // --- steps

  private verify(day: number, result: 'has_means' | 'no_means') {
    this.emit(day, (on) => ({ type: 'verified', on, result }));
  }

  private pay(day: number, o: Obligation, amount: bigint) {
    if (amount <= 0n) return;
    const d = this.emit(day, (on) => ({ type: 'payment', on, obligation: o.id, amount }));
    if (o.beneficiary === 'party') {
      const payout = workOnOrAfter(d + this.r.int(2, 9));
      this.schedule(payout, () => this.apply({ type: 'disbursed', on: isoOf(Math.min(Math.max(payout, this.t), this.b)), obligation: o.id, amount }));
    }
  }

  /** Brings an open case to "in progress" (verification, resumption) by `limit`; a fresh case paying voluntarily needs no verification. */
  private ensureMeans(limit: number, voluntary = false): void {
    const st = this.c.state.status;
    if (st === 'pending_verification') {
      if (!voluntary) this.verify(this.after(10, 35, limit), 'has_means');
    } else if (st === 'no_means') {
      this.verify(this.after(15, 100, limit), 'has_means');
      this.emit(this.after(1, 7, limit), (on) => ({ type: 'resumed', on }));
    } else if (st === 'postponed' || st === 'suspended' || st === 'other') {
      this.emit(this.after(15, 90, limit), (on) => ({ type: 'resumed', on }));
    } else if (st === 'separate_ledger') {
      this.emit(this.after(20, 150, limit), (on) => ({ type: 'resumed', on }));
      this.verify(this.after(0, 5, limit), 'has_means');
    }
  }

  /** The day the year's outcome is reached: soon for a new case, any time for a carried one. */
  private endDay(minDays: number): number {
    const c = this.c;
    const room = this.b - c.a;
    let d: number;
    if (c.base === 'new') {
      const tiny = c.facts.initiation === 'ex_officio' && c.ostart <= 5_000_000n;
      d = tiny && this.r.chance(0.5) ? this.r.int(3, 25) : this.r.int(20, 45) + Math.floor(-Math.log(1 - this.r.next()) * (c.ostart > 100_000_000n ? 150 : 70));
    } else {
      d = Math.floor(room * Math.pow(this.r.next(), 1.2));
    }
    d = Math.max(d, Math.min(minDays, room));
    return Math.max(this.t, Math.min(workOnOrAfter(c.a + d), this.b));
  }

  private complete() {
    const c = this.c;
    const tiny = c.facts.initiation === 'ex_officio' && c.ostart <= 5_000_000n;
    const end = this.endDay(c.base === 'new' ? (tiny ? 3 : 20) : 10);
    const voluntary = c.base === 'new' && tiny && end - c.a <= 25;
    this.ensureMeans(end, voluntary);
    this.payAll(end);
    this.emit(end, (on) => ({ type: 'completed', on }));
  }

  /** Pays, reduces and performs everything outstanding by `end`: instalments, coercion for large ones. */
  private payAll(end: number) {
    const c = this.c;
    const s = () => c.state;
    if (s().status === 'in_progress' && (c.profile === 'bank' || c.profile === 'land' || c.ostart > 300_000_000n) && end - this.t > 150 && this.r.chance(0.5)) {
      // Coercion: decision, distraint, auction; the proceeds pay the debt.
      this.emit(this.after(5, 30, end), (on) => ({ type: 'coercion_decided', on }));
      const money = c.facts.obligations.filter((o) => o.kind === 'money').reduce((m, o) => m + outstandingOf(o, s().progress[o.id]!), 0n);
      if (money > 0n) {
        this.emit(this.after(20, 60, end), (on) => ({ type: 'distrained', on }));
        this.emit(this.after(60, 120, end), (on) => ({ type: 'auctioned', on, proceeds: money }));
      }
    }
    const steps: ((day: number) => void)[] = [];
    for (const o of c.facts.obligations) {
      const p = s().progress[o.id]!;
      if (o.kind === 'non_money') {
        if (!p.performed) steps.push((day) => this.emit(day, (on) => ({ type: 'performed', on, obligation: o.id })));
        continue;
      }
      let out = outstandingOf(o, p);
      if (out <= 0n) continue;
      if (o.beneficiary === 'state_budget' && o.label === 'Tiền phạt' && this.r.chance(c.prisoner ? 0.25 : 0.04)) {
        const cut = this.r.chance(0.4) ? out : minB(out, niceAmount(Number(out) * (0.3 + 0.5 * this.r.next())));
        steps.push((day) => this.emit(day, (on) => ({ type: 'reduced', on, obligation: o.id, amount: cut })));
        out -= cut;
      }
      if (out <= 0n) continue;
      const k = out <= 5_000_000n ? 1 : out <= 50_000_000n ? this.r.int(1, 3) : this.r.int(2, 5);
      for (const part of splitAmount(out, k, this.r)) steps.push((day) => this.pay(day, o, part));
    }
    const days = this.spread(steps.length, this.t, end);
    steps.forEach((step, i) => step(days[i]!));
  }

  private terminate() {
    const c = this.c;
    const end = this.endDay(10);
    const ground =
      c.base === 'nomeans'
        ? this.r.pick(['Điều 50 khoản 1 điểm a Luật THADS: người phải thi hành án chết không để lại di sản', 'Điều 50 khoản 1 điểm e Luật THADS: tổ chức phải thi hành án đã giải thể, không còn tài sản'])
        : c.facts.initiation === 'on_request'
          ? this.r.pick(['Điều 50 khoản 1 điểm c Luật THADS: người được thi hành án có văn bản không yêu cầu thi hành án', 'Điều 50 khoản 1 điểm b Luật THADS: các đương sự thỏa thuận bằng văn bản'])
          : this.r.pick(['Điều 50 khoản 1 điểm g Luật THADS: có quyết định miễn nghĩa vụ thi hành án', 'Điều 50 khoản 1 điểm d Luật THADS: bản án bị hủy']);
    this.emit(end, (on) => ({ type: 'terminated', on, ground }));
  }

  private open() {
    const c = this.c;
    const st = c.state.status;
    const room = this.b - c.a;
    if (st === 'pending_verification') {
      // Verified a few weeks after acceptance (Art. 44: within 10 days after the 10-day voluntary period); the newest are still waiting.
      const delay = this.r.int(8, 28);
      if (c.partial > 0n) this.verify(this.after(10, Math.min(28, Math.max(10, room - 2)), this.b), 'has_means');
      else if (c.a + delay <= this.b) this.verify(workOnOrAfter(c.a + delay) <= this.b ? workOnOrAfter(c.a + delay) : this.b, 'has_means');
    } else if (st === 'no_means' || st === 'separate_ledger') {
      this.ensureMeans(this.b);
    } else if ((st === 'postponed' || st === 'suspended' || st === 'other') && (c.partial > 0n || this.r.chance(0.4))) {
      this.ensureMeans(this.b);
    }
    if (c.partial > 0n) {
      const parts: { o: Obligation; amount: bigint }[] = [];
      let left = c.partial;
      for (const o of c.facts.obligations) {
        if (o.kind !== 'money' || left === 0n) continue;
        const take = minB(left, outstandingOf(o, c.state.progress[o.id]!));
        if (take <= 0n) continue;
        const k = take <= 2_000_000n ? 1 : take <= 20_000_000n ? this.r.int(1, 2) : this.r.int(1, 4);
        for (const amount of splitAmount(take, k, this.r)) parts.push({ o, amount });
        left -= take;
      }
      if (left !== 0n) throw new Error(`demo generator: ${c.facts.id}: partial payment ${c.partial} exceeds what is outstanding`);
      const days = this.spread(parts.length, this.t, this.b - (this.b - this.t > 30 ? 10 : 0));
      parts.forEach((p, i) => this.pay(days[i]!, p.o, p.amount));
    }
    // Some cases open with means at the year's end are postponed, suspended or waiting for something else.
    const now = c.state.status;
    if ((now === 'in_progress' || now === 'pending_verification') && (c.base === 'new' || c.base === 'active') && this.b - this.t > 10) {
      const x = this.r.next();
      const day = () => this.after(5, Math.max(6, Math.min(120, this.b - this.t)), this.b);
      if (x < 0.05) this.emit(day(), (on) => ({ type: 'postponed', on, ground: this.r.pick(POSTPONEMENT_GROUNDS) }));
      else if (x < 0.062) this.emit(day(), (on) => ({ type: 'suspended', on, ground: this.r.pick(SUSPENSION_GROUNDS) }));
      else if (x < 0.075) this.emit(day(), (on) => ({ type: 'other_status', on, reason: this.r.pick(OTHER_REASONS) }));
    }
  }

  private noMeansReason(): NoMeansReason {
    const c = this.c;
    if (this.r.chance(0.1)) return 'address_unknown';
    if (c.facts.obligations.some((o) => o.kind === 'non_money') && this.r.chance(0.25)) return 'thing_gone';
    return 'no_assets';
  }

  private noMeans() {
    const st = this.c.state.status;
    if (st === 'postponed' || st === 'suspended' || st === 'other') this.emit(this.after(5, 30, this.b - 12), (on) => ({ type: 'resumed', on }));
    const now = this.c.state.status;
    if (now === 'pending_verification' || now === 'in_progress') {
      this.verify(this.after(15, 45, this.b - 10), 'no_means');
      const reason = this.noMeansReason();
      this.emit(Math.min(addWork(this.t, this.r.int(2, 6)), this.b), (on) => ({ type: 'no_means_decided', on, reason }));
    }
    this.reverify(this.b);
  }

  /** Re-verifications of a case without means: every six months or so, yearly when the address is unknown. */
  private reverify(until: number) {
    const s = () => this.c.state;
    let last = dayOf(s().lastVerification?.on ?? s().noMeansDecision?.on ?? isoOf(this.t));
    for (;;) {
      const yearly = s().noMeansDecision?.reason === 'address_unknown';
      let next = workOnOrAfter(last + (yearly ? this.r.int(330, 375) : this.r.int(150, 200)));
      if (next < this.t) next = workOnOrAfter(this.t + this.r.int(5, 40));
      if (next > until) return;
      this.verify(next, 'no_means');
      last = next;
    }
  }

  private ledger() {
    const c = this.c;
    const L = c.ledgerDay;
    this.reverify(L - 1);
    if (L < LAW106 && c.state.noMeansVerifications < 2) this.verify(Math.max(this.t, workOnOrBefore(L - this.r.int(1, 20))), 'no_means');
    const type = L >= LAW106 && c.facts.initiation === 'on_request' ? 'request_returned' : 'separate_ledger';
    this.emit(L, (on) => ({ type, on }));
  }

  private transfer() {
    const c = this.c;
    const to = this.r.pick(TRANSFER_OFFICES).code;
    if (c.state.status === 'pending_verification') this.verify(this.after(10, 30, this.b), 'has_means');
    let partially = false;
    if (c.fate === 'transfer_partial') {
      const o = c.facts.obligations.find((x) => x.kind === 'money' && outstandingOf(x, c.state.progress[x.id]!) > c.transferPaid)!;
      this.pay(this.after(5, 40, this.b), o, c.transferPaid);
      partially = true;
    }
    this.emit(this.after(5, 30, this.b), (on) => ({ type: 'transferred_out', on, to, partiallyPerformed: partially }));
  }

  private withdraw() {
    this.emit(this.after(10, 60, this.b), (on) => ({ type: 'withdrawn', on }));
  }

  private resumeLedger() {
    this.ensureMeans(Math.max(this.t, this.b - 30));
    const end = this.after(20, 120, this.b);
    this.payAll(end);
    this.emit(end, (on) => ({ type: 'completed', on }));
  }
}

/** `total` in `k` instalments of round amounts (the last one takes the rest). */
function splitAmount(total: bigint, k: number, r: Random): bigint[] {
  if (k <= 1 || total < 1_000_000n) return [total];
  const parts: bigint[] = [];
  let left = total;
  for (let i = 0; i < k - 1; i++) {
    const share = (0.5 + r.next()) / (k - i);
    const step = left >= 100_000_000n ? 5_000_000n : left >= 10_000_000n ? 500_000n : HUNDRED_K;
    const part = floorTo(BigInt(Math.floor(Number(left) * share)), step);
    if (part <= 0n || part >= left) break;
    parts.push(part);
    left -= part;
  }
  parts.push(left);
  return parts;
}
