/**
 * Test data for the case lifecycle (domain.md §2–§3, interchange.md): facts, single events, one canonical
 * history per status, and fast-check arbitraries for valid histories and for noisy (partly invalid) event
 * sequences. The arbitraries build valid histories from an independent model of the rules written from
 * domain.md, never by asking the code under test, so they can serve as an oracle.
 */
import fc from 'fast-check';
import { addCalendarDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../../src/kernel/calendar/index.js';
import {
  CATEGORIES,
  EVENT_TYPES,
  INITIATIONS,
  NO_MEANS_REASONS,
  type Beneficiary,
  type CaseEvent,
  type CaseEventType,
  type CaseFacts,
  type CaseStatus,
  type Initiation,
  type NoMeansReason,
  type Obligation,
  type Party,
} from '../../src/modules/cases/domain/case-types.js';

export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
export type EventOverrides<T extends CaseEventType> = Partial<Omit<EventOf<T>, 'type'>>;

/** Dates the arbitraries stay within (interchange data of the demo office and the new law). */
export const MIN_DATE: IsoDate = '2015-01-01';
export const MAX_DATE: IsoDate = '2030-12-31';
export const NEW_LAW_FROM: IsoDate = '2026-07-01';

export const OFFICES = ['LA-CT', 'TN-KV3', 'TN-KV1', 'HN-KV1'] as const;
export const HOME_OFFICE = 'LA-CT';
export const OTHER_OFFICE = 'TN-KV3';

let sequence = 0;
const nextSeq = () => ++sequence;

// ---------------------------------------------------------------------------------------------------------
// Builders

export const moneyObligation = (id: string, amount: bigint, beneficiary: Beneficiary = 'party', label = 'Khoản tiền'): Obligation => ({
  id, kind: 'money', beneficiary, label, amount,
});
export const nonMoneyObligation = (id: string, value: bigint | null = null, beneficiary: Beneficiary = 'party', label = 'Giao trả tài sản'): Obligation => ({
  id, kind: 'non_money', beneficiary, label, value,
});

/** Default obligations: o1 court fee to the state budget, o2 damages to a party, o3 a valued non-money duty. */
export const defaultObligations = (): Obligation[] => [
  moneyObligation('o1', 2_000_000n, 'state_budget', 'Án phí dân sự sơ thẩm'),
  moneyObligation('o2', 15_000_000n, 'party', 'Bồi thường thiệt hại'),
  nonMoneyObligation('o3', 50_000_000n, 'party', 'Giao trả quyền sử dụng đất'),
];

export const DEFAULT_ACCEPTED_ON: IsoDate = '2016-03-01';

/** A valid new case (validateNewCase returns no error) with a unique id; any field can be overridden. */
export function buildFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const n = nextSeq();
  const acceptedOn = overrides.acceptedOn ?? DEFAULT_ACCEPTED_ON;
  return {
    id: `LA-CT-TEST-${String(n).padStart(5, '0')}`,
    office: HOME_OFFICE,
    decision: { number: `${n}/QĐ-CCTHADS`, date: acceptedOn },
    acceptedOn,
    initiation: 'ex_officio',
    category: 'dan_su',
    judgment: { number: `${n}/2015/DS-ST`, date: '2015-08-20', court: 'TAND huyện Châu Thành' },
    commune: '27901',
    enforcer: 'LA-CT-01',
    parties: [
      { role: 'obligor', kind: 'person', name: 'Trần Văn Bình', idNumber: '080090001234', address: 'ấp 3, Tầm Vu' },
      { role: 'obligee', kind: 'person', name: 'Lê Thị Cúc', idNumber: null, address: 'ấp 1, Tầm Vu' },
    ],
    obligations: defaultObligations(),
    ...overrides,
  };
}

const EVENT_DEFAULTS: { [T in CaseEventType]: Omit<EventOf<T>, 'type' | 'on'> } = {
  enforcer_assigned: { enforcer: 'LA-CT-02' },
  verified: { result: 'has_means' },
  no_means_decided: { reason: 'no_assets' },
  resumed: {},
  postponed: { ground: 'Điều 48 khoản 1 điểm a' },
  suspended: { ground: 'Điều 49 khoản 1' },
  other_status: { reason: 'Chờ ý kiến của Tòa án' },
  payment: { obligation: 'o2', amount: 1_000_000n },
  performed: { obligation: 'o3' },
  reduced: { obligation: 'o1', amount: 500_000n },
  disbursed: { obligation: 'o2', amount: 1_000_000n },
  coercion_decided: {},
  distrained: {},
  auctioned: { proceeds: 120_000_000n },
  completed: {},
  terminated: { ground: 'Điều 50 khoản 1 điểm a' },
  transferred_out: { to: OTHER_OFFICE, partiallyPerformed: false },
  withdrawn: {},
  separate_ledger: {},
  request_returned: {},
  office_changed: { to: OTHER_OFFICE },
};

/** A well-formed event of `type` (dated the default acceptance day unless overridden). */
export function buildEvent<T extends CaseEventType>(type: T, overrides: EventOverrides<T> = {}): EventOf<T> {
  return { type, on: DEFAULT_ACCEPTED_ON, ...EVENT_DEFAULTS[type], ...overrides } as unknown as EventOf<T>;
}

// ---------------------------------------------------------------------------------------------------------
// One canonical history per status (for the transition table and the guards)

export interface StatusHistoryOptions {
  initiation?: Initiation;
  /** Pay and perform every obligation first (needed for `completed`). */
  settled?: boolean;
}
export interface StatusHistory {
  facts: CaseFacts;
  events: CaseEvent[];
  /** Date of the last event: the earliest date a further event may carry. */
  day: IsoDate;
}

/** Timeline of the canonical histories: accepted 10/01/2025, no-means decision 01/03/2025 (old law). */
export const TIMELINE = {
  accepted: '2025-01-10',
  prefix: '2025-01-15',
  verified: '2025-02-10',
  status: '2025-02-20',
  noMeansDecided: '2025-03-01',
  reverified1: '2025-09-01',
  reverified2: '2026-03-01',
  /** 1 year after the decision, still under the old law: separate ledger possible. */
  separateLedger: '2026-03-01',
  /** 2 years after the decision, under Law 106/2025: request returned possible (on-request cases). */
  requestReturned: '2027-03-01',
} as const satisfies Record<string, IsoDate>;

const ev = buildEvent;

function prefix(settled: boolean): CaseEvent[] {
  const on = TIMELINE.prefix;
  if (!settled) return [ev('payment', { on, obligation: 'o2', amount: 3_000_000n })];
  return [
    ev('payment', { on, obligation: 'o1', amount: 2_000_000n }),
    ev('payment', { on, obligation: 'o2', amount: 15_000_000n }),
    ev('performed', { on, obligation: 'o3' }),
  ];
}

type Builder = (settled: boolean) => CaseEvent[];
const pending: Builder = (s) => [...prefix(s), ev('verified', { on: TIMELINE.verified, result: 'no_means' })];
const inProgress: Builder = (s) => [
  ...prefix(s),
  ev('verified', { on: TIMELINE.verified, result: 'has_means' }),
  // A later finding of no means: keeps the status, allows a no-means decision.
  ev('verified', { on: TIMELINE.verified, result: 'no_means' }),
];
const noMeans: Builder = (s) => [
  ...prefix(s),
  ev('verified', { on: TIMELINE.verified, result: 'no_means' }),
  ev('no_means_decided', { on: TIMELINE.noMeansDecided, reason: 'no_assets' }),
  ev('verified', { on: TIMELINE.reverified1, result: 'no_means' }),
  ev('verified', { on: TIMELINE.reverified2, result: 'no_means' }),
];

/** One helper per status: a valid history that ends in that status. */
export const STATUS_HISTORIES: Record<CaseStatus, Builder> = {
  pending_verification: pending,
  in_progress: inProgress,
  no_means: noMeans,
  postponed: (s) => [...inProgress(s), ev('postponed', { on: TIMELINE.status })],
  suspended: (s) => [...inProgress(s), ev('suspended', { on: TIMELINE.status })],
  other: (s) => [...inProgress(s), ev('other_status', { on: TIMELINE.status })],
  completed: () => [...inProgress(true), ev('completed', { on: TIMELINE.status })],
  terminated: (s) => [...inProgress(s), ev('terminated', { on: TIMELINE.status })],
  transferred_out: (s) => [...inProgress(s), ev('transferred_out', { on: TIMELINE.status, to: OTHER_OFFICE })],
  withdrawn: (s) => [...prefix(s), ev('withdrawn', { on: TIMELINE.status })],
  separate_ledger: (s) => [...noMeans(s), ev('separate_ledger', { on: TIMELINE.separateLedger })],
  request_returned: (s) => [...noMeans(s), ev('request_returned', { on: TIMELINE.requestReturned })],
};

/** Facts and a valid history ending in `status` (request_returned is always an on-request case). */
export function historyTo(status: CaseStatus, options: StatusHistoryOptions = {}): StatusHistory {
  const initiation = status === 'request_returned' ? 'on_request' : (options.initiation ?? 'ex_officio');
  const facts = buildFacts({
    acceptedOn: TIMELINE.accepted,
    decision: { number: '15/QĐ-CCTHADS', date: TIMELINE.accepted },
    judgment: { number: '102/2024/DS-ST', date: '2024-11-20', court: 'TAND huyện Châu Thành' },
    initiation,
  });
  const events = STATUS_HISTORIES[status](options.settled ?? false);
  return { facts, events, day: events.at(-1)?.on ?? facts.acceptedOn };
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

const dayNumber = (d: IsoDate) => toDayNumber(d);
const maxDate = (...ds: IsoDate[]): IsoDate => ds.reduce((a, b) => (a >= b ? a : b));

/** A calendar date in [min, max]. */
export const arbIsoDate = (min: IsoDate = MIN_DATE, max: IsoDate = MAX_DATE): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: dayNumber(min), max: dayNumber(max) }).map(fromDayNumber);

/** An amount in đồng: mostly everyday sums, sometimes very large ones. */
export const arbAmount: fc.Arbitrary<bigint> = fc.oneof(
  { arbitrary: fc.bigInt({ min: 1n, max: 50_000_000n }), weight: 3 },
  { arbitrary: fc.bigInt({ min: 1n, max: 900_000_000_000n }), weight: 1 },
);

const NAMES = ['Trần Văn Bình', 'Nguyễn Thị Hoa', 'Lê Văn Tám', 'Công ty TNHH Phú Mỹ', 'Phạm Thị Lan', 'Võ Minh Đức'];
const ADDRESSES = ['ấp 3, Tầm Vu', 'ấp Bình Thạnh, Thanh Phú Long', 'số 12 đường 30/4, Tân An', 'không rõ địa chỉ'];

const arbParty = (role: Party['role']): fc.Arbitrary<Party> =>
  fc.record({
    role: fc.constant(role),
    kind: fc.constantFrom('person' as const, 'organisation' as const),
    name: fc.constantFrom(...NAMES),
    idNumber: fc.option(fc.stringMatching(/^\d{12}$/), { nil: null }),
    address: fc.option(fc.constantFrom(...ADDRESSES), { nil: null }),
  });

const LABELS_MONEY = ['Án phí hình sự sơ thẩm', 'Án phí dân sự sơ thẩm', 'Phạt tiền', 'Tịch thu sung quỹ', 'Bồi thường thiệt hại', 'Trả nợ vay', 'Cấp dưỡng nuôi con'];
const LABELS_THING = ['Giao trả quyền sử dụng đất', 'Tháo dỡ công trình', 'Giao con', 'Trả lại xe máy', 'Buộc thực hiện công việc'];

/** One obligation with the given id: money or non-money (valued or not), to the state budget or a party. */
export const arbObligation = (id: string): fc.Arbitrary<Obligation> =>
  fc.oneof(
    { arbitrary: fc.record({ beneficiary: fc.constantFrom<Beneficiary>('state_budget', 'party'), label: fc.constantFrom(...LABELS_MONEY), amount: arbAmount })
      .map(({ beneficiary, label, amount }) => moneyObligation(id, amount, beneficiary, label)), weight: 3 },
    { arbitrary: fc.record({ beneficiary: fc.constantFrom<Beneficiary>('state_budget', 'party'), label: fc.constantFrom(...LABELS_THING), value: fc.option(arbAmount, { nil: null }) })
      .map(({ beneficiary, label, value }) => nonMoneyObligation(id, value, beneficiary, label)), weight: 1 },
  );

export interface FactsOptions {
  initiation?: Initiation;
  acceptedFrom?: IsoDate;
  acceptedTo?: IsoDate;
  maxObligations?: number;
}

/** A valid new case: 1–2 obligors, 0–2 obligees, 1–4 obligations with ids o1…on, judgment ≤ decision ≤ acceptance. */
export function arbFacts(options: FactsOptions = {}): fc.Arbitrary<CaseFacts> {
  const acceptedFrom = options.acceptedFrom ?? MIN_DATE;
  const acceptedTo = options.acceptedTo ?? '2029-12-31';
  return fc
    .record({
      seq: fc.integer({ min: 1, max: 99_999 }),
      office: fc.constantFrom(...OFFICES),
      initiation: options.initiation ? fc.constant(options.initiation) : fc.constantFrom(...INITIATIONS),
      category: fc.constantFrom(...CATEGORIES),
      acceptedOn: arbIsoDate(acceptedFrom, acceptedTo),
      judgmentDaysBefore: fc.integer({ min: 0, max: 400 }),
      decisionShare: fc.integer({ min: 0, max: 100 }),
      obligors: fc.array(arbParty('obligor'), { minLength: 1, maxLength: 2 }),
      obligees: fc.array(arbParty('obligee'), { maxLength: 2 }),
      count: fc.integer({ min: 1, max: options.maxObligations ?? 4 }),
      enforcer: fc.option(fc.constantFrom('LA-CT-01', 'LA-CT-02'), { nil: null }),
      commune: fc.option(fc.constantFrom('27901', '27904'), { nil: null }),
    })
    .chain((r) =>
      fc.tuple(...Array.from({ length: r.count }, (_, i) => arbObligation(`o${i + 1}`))).map((obligations): CaseFacts => {
        const judgmentDay = Math.max(dayNumber(MIN_DATE), dayNumber(r.acceptedOn) - r.judgmentDaysBefore);
        // Usually the day of acceptance, sometimes earlier, never before the judgment.
        const decisionDay = r.decisionShare < 70 ? dayNumber(r.acceptedOn) : judgmentDay + Math.floor(((dayNumber(r.acceptedOn) - judgmentDay) * r.decisionShare) / 100);
        const year = r.acceptedOn.slice(0, 4);
        return {
          id: `${r.office}-${year}-${String(r.seq).padStart(5, '0')}`,
          office: r.office,
          decision: { number: `${r.seq}/QĐ-THADS`, date: fromDayNumber(decisionDay) },
          acceptedOn: r.acceptedOn,
          initiation: r.initiation,
          category: r.category,
          judgment: { number: `${r.seq}/${year}/BA`, date: fromDayNumber(judgmentDay), court: 'TAND khu vực 3 - Tây Ninh' },
          commune: r.commune,
          enforcer: r.enforcer,
          parties: [...r.obligors, ...r.obligees],
          obligations,
        };
      }),
    );
}

/** Randomness for one step of a generated history. */
export interface HistoryStep {
  pick: number;
  gap: number;
  seed: bigint;
  full: boolean;
  variant: number;
}
export const arbHistoryStep: fc.Arbitrary<HistoryStep> = fc.record({
  pick: fc.nat(),
  gap: fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 30 }), weight: 3 },
    { arbitrary: fc.integer({ min: 31, max: 400 }), weight: 1 },
  ),
  seed: fc.bigInt({ min: 0n, max: (1n << 62n) - 1n }),
  full: fc.boolean(),
  variant: fc.nat(),
});

/** The lifecycle as domain.md §3 states it, kept independently of src/domain/cases. */
interface Model {
  status: CaseStatus;
  last: IsoDate;
  office: string;
  paid: Map<string, bigint>;
  reduced: Map<string, bigint>;
  disbursed: Map<string, bigint>;
  performed: Set<string>;
  lastVerification: 'has_means' | 'no_means' | null;
  decision: { on: IsoDate; reason: NoMeansReason } | null;
  /** no-means findings since the decision in force (the conservative reading of Decree 62 Art. 9). */
  findingsSinceDecision: number;
}

const OPEN_STATUSES: readonly CaseStatus[] = ['pending_verification', 'in_progress', 'no_means', 'postponed', 'suspended', 'other'];
const ACTIVE_STATUSES: readonly CaseStatus[] = ['pending_verification', 'in_progress'];
const GROUNDS = ['Điều 48 khoản 1 điểm a', 'Điều 49 khoản 2', 'Người phải thi hành án bị ốm nặng', 'Điều 50 khoản 1 điểm c'];
const OTHER_REASONS = ['Chờ Tòa án giải thích bản án', 'Chờ kết quả giám định'];

const outstanding = (m: Model, o: Obligation): bigint =>
  o.kind === 'money' ? o.amount - (m.paid.get(o.id) ?? 0n) - (m.reduced.get(o.id) ?? 0n) : 0n;
const undisbursed = (m: Model, o: Obligation): bigint => (m.paid.get(o.id) ?? 0n) - (m.disbursed.get(o.id) ?? 0n);
const settled = (facts: CaseFacts, m: Model) =>
  facts.obligations.every((o) => (o.kind === 'money' ? outstanding(m, o) === 0n : m.performed.has(o.id)));
const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
const amountUpTo = (max: bigint, s: HistoryStep) => (s.full ? max : 1n + (s.seed % max));
const add = (map: Map<string, bigint>, id: string, n: bigint) => map.set(id, (map.get(id) ?? 0n) + n);

interface Candidate {
  weight: number;
  make: (on: IsoDate, s: HistoryStep) => CaseEvent[] | null;
}

function candidates(facts: CaseFacts, m: Model): Partial<Record<CaseEventType, Candidate>> {
  const c: Partial<Record<CaseEventType, Candidate>> = {};
  const open = OPEN_STATUSES.includes(m.status);
  const active = ACTIVE_STATUSES.includes(m.status);
  const others = OFFICES.filter((x) => x !== m.office);
  if (open) {
    c.enforcer_assigned = { weight: 3, make: (on, s) => [{ type: 'enforcer_assigned', on, enforcer: nth(['LA-CT-01', 'LA-CT-02', 'TN-KV3-05'], s.variant) }] };
    c.verified = { weight: 12, make: (on, s) => [{ type: 'verified', on, result: s.variant % 2 === 0 ? 'has_means' : 'no_means' }] };
    const payable = facts.obligations.filter((o) => o.kind === 'money' && outstanding(m, o) > 0n);
    if (payable.length) c.payment = { weight: 24, make: (on, s) => { const o = nth(payable, s.variant); return [{ type: 'payment', on, obligation: o.id, amount: amountUpTo(outstanding(m, o), s) }]; } };
    const reducible = payable.filter((o) => o.beneficiary === 'state_budget');
    if (reducible.length) c.reduced = { weight: 6, make: (on, s) => { const o = nth(reducible, s.variant); return [{ type: 'reduced', on, obligation: o.id, amount: amountUpTo(outstanding(m, o), s) }]; } };
    const todo = facts.obligations.filter((o) => o.kind === 'non_money' && !m.performed.has(o.id));
    if (todo.length) c.performed = { weight: 9, make: (on, s) => [{ type: 'performed', on, obligation: nth(todo, s.variant).id }] };
    if (settled(facts, m)) c.completed = { weight: 36, make: (on) => [{ type: 'completed', on }] };
    c.terminated = { weight: 1, make: (on, s) => [{ type: 'terminated', on, ground: nth(GROUNDS, s.variant) }] };
    c.transferred_out = { weight: 1, make: (on, s) => [{ type: 'transferred_out', on, to: nth(others, s.variant), partiallyPerformed: s.full }] };
    c.withdrawn = { weight: 1, make: (on) => [{ type: 'withdrawn', on }] };
    c.office_changed = { weight: 1, make: (on, s) => [{ type: 'office_changed', on, to: nth(others, s.variant) }] };
  }
  // Money collected for a party is paid out within 10 days (Art. 47), also after the case has ended.
  const held = facts.obligations.filter((o) => o.kind === 'money' && o.beneficiary === 'party' && undisbursed(m, o) > 0n);
  if (held.length) c.disbursed = { weight: 9, make: (on, s) => { const o = nth(held, s.variant); return [{ type: 'disbursed', on, obligation: o.id, amount: amountUpTo(undisbursed(m, o), s) }]; } };
  if (active) {
    if (m.lastVerification === 'no_means') c.no_means_decided = { weight: 18, make: (on, s) => [{ type: 'no_means_decided', on, reason: nth(NO_MEANS_REASONS, s.variant) }] };
    c.postponed = { weight: 3, make: (on, s) => [{ type: 'postponed', on, ground: nth(GROUNDS, s.variant) }] };
    c.other_status = { weight: 3, make: (on, s) => [{ type: 'other_status', on, reason: nth(OTHER_REASONS, s.variant) }] };
  }
  if (open && m.status !== 'suspended') c.suspended = { weight: 3, make: (on, s) => [{ type: 'suspended', on, ground: nth(GROUNDS, s.variant) }] };
  if (['no_means', 'postponed', 'suspended', 'other', 'separate_ledger', 'request_returned'].includes(m.status)) {
    c.resumed = { weight: 9, make: (on) => [{ type: 'resumed', on }] };
  }
  if (m.status === 'in_progress') {
    c.coercion_decided = { weight: 3, make: (on) => [{ type: 'coercion_decided', on }] };
    c.distrained = { weight: 3, make: (on) => [{ type: 'distrained', on }] };
    c.auctioned = { weight: 3, make: (on, s) => [{ type: 'auctioned', on, proceeds: s.full ? null : s.seed % 1_000_000_000n }] };
  }
  const decision = m.decision;
  if (m.status === 'no_means' && decision) {
    // Conservatively, the last finding before leaving for the separate ledger / returning the request is
    // always "no means" (a finding of means would call for `resumed`).
    const findings = (n: number, on: IsoDate): CaseEvent[] => Array.from({ length: n }, () => ({ type: 'verified', on, result: 'no_means' }));
    const lastIsNoMeans = m.lastVerification === 'no_means' ? 0 : 1;
    c.separate_ledger = {
      weight: 24,
      make: (on) => {
        // Old law: 1 year (2 if the address is unknown) and two no-means findings after the decision;
        // Law 106/2025: 2 years, ex officio cases only.
        const oldDate = maxDate(on, addYears(decision.on, decision.reason === 'address_unknown' ? 2 : 1));
        if (oldDate < NEW_LAW_FROM) return [...findings(Math.max(lastIsNoMeans, 2 - m.findingsSinceDecision), on), { type: 'separate_ledger', on: oldDate }];
        if (facts.initiation !== 'ex_officio') return null;
        const newDate = maxDate(on, NEW_LAW_FROM, addYears(decision.on, 2));
        return newDate <= MAX_DATE ? [...findings(lastIsNoMeans, on), { type: 'separate_ledger', on: newDate }] : null;
      },
    };
    if (facts.initiation === 'on_request') {
      c.request_returned = {
        weight: 24,
        make: (on) => {
          const d = maxDate(on, NEW_LAW_FROM, addYears(decision.on, 2));
          return d <= MAX_DATE ? [...findings(lastIsNoMeans, on), { type: 'request_returned', on: d }] : null;
        },
      };
    }
  }
  return c;
}

function advance(m: Model, e: CaseEvent): void {
  m.last = e.on;
  const to = (s: CaseStatus) => { m.status = s; };
  switch (e.type) {
    case 'verified':
      m.lastVerification = e.result;
      if (e.result === 'no_means' && m.decision) m.findingsSinceDecision += 1;
      if (e.result === 'has_means' && m.status === 'pending_verification') to('in_progress');
      break;
    case 'no_means_decided': m.decision = { on: e.on, reason: e.reason }; m.findingsSinceDecision = 0; to('no_means'); break;
    // A resumption needs a new verification before another no-means decision.
    case 'resumed': m.decision = null; m.findingsSinceDecision = 0; m.lastVerification = null; to('in_progress'); break;
    case 'postponed': to('postponed'); break;
    case 'suspended': to('suspended'); break;
    case 'other_status': to('other'); break;
    case 'payment': add(m.paid, e.obligation, e.amount); break;
    case 'reduced': add(m.reduced, e.obligation, e.amount); break;
    case 'disbursed': add(m.disbursed, e.obligation, e.amount); break;
    case 'performed': m.performed.add(e.obligation); break;
    case 'office_changed': m.office = e.to; break;
    case 'completed': case 'terminated': case 'transferred_out': case 'withdrawn': case 'separate_ledger': case 'request_returned':
      to(e.type === 'completed' ? 'completed' : e.type); break;
    case 'enforcer_assigned': case 'coercion_decided': case 'distrained': case 'auctioned': break;
    default: { const never: never = e; throw new Error(`unknown event ${JSON.stringify(never)}`); }
  }
}

export interface HistoryOptions {
  /** Only these event types are generated (e.g. without `disbursed` for a format that lacks it). */
  eventTypes?: readonly CaseEventType[];
}

/** Turns random steps into a history that domain.md §3 accepts, event by event, in date order. */
export function historyFromSteps(facts: CaseFacts, steps: readonly HistoryStep[], options: HistoryOptions = {}): CaseEvent[] {
  const allowed = new Set<CaseEventType>(options.eventTypes ?? EVENT_TYPES);
  const m: Model = {
    status: 'pending_verification', last: facts.acceptedOn, office: facts.office, paid: new Map(), reduced: new Map(),
    disbursed: new Map(), performed: new Set(), lastVerification: null, decision: null, findingsSinceDecision: 0,
  };
  const events: CaseEvent[] = [];
  for (const s of steps) {
    const choices = Object.entries(candidates(facts, m)).filter(([t]) => allowed.has(t as CaseEventType)).map(([, c]) => c!);
    if (choices.length === 0) break;
    const total = choices.reduce((n, c) => n + c.weight, 0);
    let r = s.pick % total;
    const chosen = choices.find((c) => (r -= c.weight) < 0)!;
    const next = addCalendarDays(m.last, s.gap);
    const on = next > MAX_DATE ? m.last : next;
    const made = chosen.make(on, s);
    // A step may need a further verification first; skip it when verifications are not wanted.
    if (!made || made.some((e) => !allowed.has(e.type))) continue;
    for (const e of made) {
      events.push(e);
      advance(m, e);
    }
  }
  return events;
}

export interface CaseHistory {
  facts: CaseFacts;
  events: CaseEvent[];
}

/** A valid case with a valid history (every event accepted in order), as import/export tests need. */
export function arbCaseHistory(options: HistoryOptions & FactsOptions & { maxSteps?: number } = {}): fc.Arbitrary<CaseHistory> {
  return fc
    .tuple(arbFacts(options), fc.array(arbHistoryStep, { maxLength: options.maxSteps ?? 40, size: 'max' }))
    .map(([facts, steps]) => ({ facts, events: historyFromSteps(facts, steps, options) }));
}

/** Any event for this case, well-formed or not: wrong obligation, non-positive or huge amount, odd date. */
export function arbNoiseEvent(facts: CaseFacts): fc.Arbitrary<{ event: CaseEvent; dating: 'previous' | 'day_before' | 'free' }> {
  const ids = [...facts.obligations.map((o) => o.id), 'khong-ton-tai'];
  return fc
    .record({
      type: fc.constantFrom(...EVENT_TYPES),
      dating: fc.constantFrom('previous' as const, 'previous' as const, 'previous' as const, 'day_before' as const, 'free' as const),
      on: arbIsoDate('2014-06-01', MAX_DATE),
      obligation: fc.constantFrom(...ids),
      amount: fc.oneof(
        { arbitrary: fc.bigInt({ min: -1_000n, max: 0n }), weight: 1 },
        { arbitrary: fc.bigInt({ min: 1n, max: 1_000n }), weight: 3 },
        { arbitrary: arbAmount, weight: 1 },
        { arbitrary: fc.bigInt({ min: 1n, max: 10n ** 15n }), weight: 1 },
      ),
      text: fc.constantFrom('', '  ', 'Điều 48', 'LA-CT-03'),
      office: fc.constantFrom(...OFFICES, ''),
      flag: fc.boolean(),
      reason: fc.constantFrom(...NO_MEANS_REASONS),
    })
    .map(({ type, dating, on, obligation, amount, text, office, flag, reason }) => {
      const event = ((): CaseEvent => {
        switch (type) {
          case 'enforcer_assigned': return { type, on, enforcer: text };
          case 'verified': return { type, on, result: flag ? 'has_means' : 'no_means' };
          case 'no_means_decided': return { type, on, reason };
          case 'postponed': case 'suspended': case 'terminated': return { type, on, ground: text };
          case 'other_status': return { type, on, reason: text };
          case 'payment': case 'reduced': case 'disbursed': return { type, on, obligation, amount };
          case 'performed': return { type, on, obligation };
          case 'auctioned': return { type, on, proceeds: flag ? null : amount };
          case 'transferred_out': return { type, on, to: office, partiallyPerformed: flag };
          case 'office_changed': return { type, on, to: office };
          case 'resumed': case 'coercion_decided': case 'distrained': case 'completed': case 'withdrawn': case 'separate_ledger': case 'request_returned':
            return { type, on };
          default: { const never: never = type; throw new Error(String(never)); }
        }
      })();
      return { event, dating };
    });
}

/**
 * A valid history with noise events mixed in at random places. A noise event dated `previous` takes the date
 * of the event before it, `day_before` the day before that; `free` keeps its random date.
 */
export function arbNoisyHistory(options: FactsOptions & { maxSteps?: number; maxNoise?: number } = {}): fc.Arbitrary<CaseHistory> {
  return arbFacts(options).chain((facts) =>
    fc
      .tuple(
        fc.array(arbHistoryStep, { maxLength: options.maxSteps ?? 40, size: 'max' }),
        fc.array(fc.tuple(fc.nat(), arbNoiseEvent(facts)), { maxLength: options.maxNoise ?? 15, size: 'max' }),
      )
      .map(([steps, noise]) => {
        const valid = historyFromSteps(facts, steps);
        const slots: { at: number; noise: { event: CaseEvent; dating: 'previous' | 'day_before' | 'free' } }[] = noise.map(([n, x]) => ({ at: n % (valid.length + 1), noise: x }));
        const events: CaseEvent[] = [];
        const push = (x: { event: CaseEvent; dating: 'previous' | 'day_before' | 'free' }) => {
          const prev = events.at(-1)?.on ?? facts.acceptedOn;
          const on = x.dating === 'previous' ? prev : x.dating === 'day_before' ? addCalendarDays(prev, -1) : x.event.on;
          events.push({ ...x.event, on });
        };
        for (let i = 0; i <= valid.length; i++) {
          for (const s of slots.filter((x) => x.at === i)) push(s.noise);
          if (i < valid.length) events.push(valid[i]!);
        }
        return { facts, events };
      }),
  );
}

/** Letters only Vietnamese has: a message matching this is written in Vietnamese. */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Freezes an object graph, so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
