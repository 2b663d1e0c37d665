/**
 * Properties of the statistics over random valid histories: random events are applied with the ledger's
 * applyEvent and only the accepted ones are kept, so every history is one the application could hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../../../src/kernel/calendar/index.js';
import { applyEvent, initialState, outstandingOf, replay, separateLedgerEligibleFrom, totalOutstanding } from '../../../src/modules/cases/domain/case-ledger.js';
import { EVENT_TYPES, isTerminal, type CaseEvent, type CaseEventType, type CaseFacts, type Obligation } from '../../../src/modules/cases/domain/case-types.js';
import {
  assembleReport, CASE_BASE_KEYS, CASE_KEYS, caseContribution, checkIdentities, combineReports, episodesOf, holdingOfficeAt, MONEY_KEYS,
  type CaseContribution, type StatisticsPolicies,
} from '../../../src/modules/statistics/domain/index.js';

const OFFICES = ['LA-CT', 'TN-KV3', 'TN-KV1'] as const;
const GROUNDS = ['Điều 48 khoản 1 điểm a', 'Điều 48 khoản 1 điểm c'] as const;
const FIRST: IsoDate = '2014-01-01';
const LAST: IsoDate = '2031-12-31';

const arbDate = (min: IsoDate, max: IsoDate) => fc.integer({ min: toDayNumber(min), max: toDayNumber(max) }).map(fromDayNumber);
const arbAmount = fc.oneof(fc.bigInt({ min: 1n, max: 50_000_000n }), fc.bigInt({ min: 1n, max: 10n ** 13n }));
const arbObligation = (id: string): fc.Arbitrary<Obligation> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ b: fc.constantFrom('state_budget' as const, 'party' as const), amount: arbAmount }).map(({ b, amount }): Obligation => ({ id, kind: 'money', beneficiary: b, label: id, amount })) },
    { weight: 1, arbitrary: fc.record({ b: fc.constantFrom('state_budget' as const, 'party' as const), value: fc.option(arbAmount, { nil: null }) }).map(({ b, value }): Obligation => ({ id, kind: 'non_money', beneficiary: b, label: id, value })) },
  );

const arbFacts: fc.Arbitrary<CaseFacts> = fc
  .record({ acceptedOn: arbDate(FIRST, '2028-12-31'), office: fc.constantFrom(...OFFICES), initiation: fc.constantFrom('ex_officio' as const, 'on_request' as const), count: fc.integer({ min: 1, max: 3 }), seq: fc.nat() })
  .chain((r) => fc.tuple(...Array.from({ length: r.count }, (_, i) => arbObligation(`o${i + 1}`))).map((obligations): CaseFacts => ({
    id: `P-${r.seq}`, office: r.office, decision: { number: `${r.seq}/QĐ`, date: r.acceptedOn }, acceptedOn: r.acceptedOn, initiation: r.initiation,
    category: 'dan_su', judgment: { number: `${r.seq}/BA`, date: r.acceptedOn, court: 'TAND' }, commune: null, enforcer: null,
    parties: [{ role: 'obligor', kind: 'person', name: 'A', idNumber: null, address: null }], obligations,
  })));

/** One random step: an event type (or 'settle': pay and perform everything), a gap in days and parameters. */
// Weighted towards the no-means path (finding, decision, separate ledger, resumption) so that new episodes
// are frequent; every event type keeps a chance.
type Kind = CaseEventType | 'settle';
const rep = (n: number, x: Kind): Kind[] => Array.from({ length: n }, () => x);
const KINDS: readonly Kind[] = [
  ...EVENT_TYPES, ...rep(2, 'settle'), ...rep(6, 'verified'), ...rep(4, 'no_means_decided'), ...rep(5, 'separate_ledger'),
  ...rep(3, 'request_returned'), ...rep(4, 'resumed'), ...rep(4, 'payment'), 'reduced', 'performed',
];
const arbStep = fc.record({
  kind: fc.constantFrom(...KINDS),
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 100, max: 800 })),
  pick: fc.nat(),
  share: fc.integer({ min: 1, max: 100 }),
  flag: fc.boolean(),
});
type Step = typeof arbStep extends fc.Arbitrary<infer T> ? T : never;

function eventsFor(facts: CaseFacts, state: ReturnType<typeof initialState>, s: Step, on: IsoDate): CaseEvent[] {
  const o = facts.obligations[s.pick % facts.obligations.length]!;
  const outstanding = outstandingOf(o, state.progress[o.id]!);
  const amount = outstanding <= 0n ? 1n : (outstanding * BigInt(s.share) + 99n) / 100n;
  const kind = s.kind;
  switch (kind) {
    case 'settle':
      return facts.obligations.flatMap((x): CaseEvent[] => {
        const left = outstandingOf(x, state.progress[x.id]!);
        if (x.kind === 'non_money') return state.progress[x.id]!.performed ? [] : [{ type: 'performed', on, obligation: x.id }];
        return left > 0n ? [{ type: 'payment', on, obligation: x.id, amount: left }] : [];
      }).concat(s.flag ? [{ type: 'completed', on }] : []);
    case 'enforcer_assigned': return [{ type: kind, on, enforcer: 'CHV-1' }];
    case 'verified': return [{ type: kind, on, result: s.flag && s.share > 70 ? 'has_means' : 'no_means' }];
    case 'no_means_decided': return [{ type: kind, on, reason: s.share > 80 ? 'address_unknown' : 'no_assets' }];
    case 'postponed': return [{ type: kind, on, ground: GROUNDS[s.pick % GROUNDS.length]! }];
    case 'suspended': case 'terminated': return [{ type: kind, on, ground: 'căn cứ' }];
    case 'other_status': return [{ type: kind, on, reason: 'lý do' }];
    case 'payment': case 'reduced': case 'disbursed': return [{ type: kind, on, obligation: o.id, amount }];
    case 'performed': return [{ type: kind, on, obligation: o.id }];
    case 'auctioned': return [{ type: kind, on, proceeds: null }];
    case 'transferred_out': return [{ type: kind, on, to: OFFICES[s.pick % OFFICES.length]!, partiallyPerformed: s.flag && s.share > 80 }];
    case 'office_changed': return [{ type: kind, on, to: OFFICES[s.pick % OFFICES.length]! }];
    case 'request_returned': {
      // Law 106/2025 only, 2 years after the no-means decision: take the earliest day allowed, if any.
      const decided = state.noMeansDecision?.on;
      const earliest = [on, '2026-07-01', decided ? addYears(decided, 2) : on].reduce((a, b) => (a > b ? a : b));
      return [{ type: kind, on: earliest > LAST ? on : earliest }];
    }
    case 'separate_ledger': {
      const earliest = separateLedgerEligibleFrom(facts, state, on);
      return [{ type: kind, on: earliest !== null && earliest > on && earliest <= LAST ? earliest : on }];
    }
    case 'resumed': case 'coercion_decided': case 'distrained': case 'completed': case 'withdrawn':
      return [{ type: kind, on }];
    default: { const never: never = kind; throw new Error(String(never)); }
  }
}

/** Applies the steps' events with applyEvent, keeping only those the ledger accepts. */
function historyOf(facts: CaseFacts, steps: readonly Step[]): CaseEvent[] {
  let state = initialState(facts);
  const kept: CaseEvent[] = [];
  for (const s of steps) {
    const next = addCalendarDays(state.lastEventOn, s.gap);
    const on = next > LAST ? state.lastEventOn : next;
    for (const e of eventsFor(facts, state, s, on)) {
      const r = applyEvent(facts, state, e);
      if (r.ok) { state = r.value; kept.push(e); }
    }
  }
  return kept;
}

const arbHistory = fc.tuple(arbFacts, fc.array(arbStep, { maxLength: 40 })).map(([facts, steps]) => ({ facts, events: historyOf(facts, steps) }));
const arbPeriod = fc.tuple(arbDate(FIRST, LAST), arbDate(FIRST, LAST)).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
/** A date near the case: one of its event dates (or acceptance) shifted by −1, 0 or +1 day, or any date. */
const arbDateNear = (facts: CaseFacts, events: readonly CaseEvent[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(facts.acceptedOn, ...events.map((e) => e.on)), fc.integer({ min: -1, max: 1 })).map(([d, k]) => addCalendarDays(d, k)) },
    { weight: 1, arbitrary: arbDate(FIRST, LAST) },
  );
/** A history with a period whose bounds often fall on, just before or just after its events. */
const arbHistoryAndPeriod = arbHistory.chain((h) =>
  fc.tuple(arbDateNear(h.facts, h.events), arbDateNear(h.facts, h.events)).map(([a, b]) => ({ ...h, period: a <= b ? { from: a, to: b } : { from: b, to: a } })));
const arbPolicies: fc.Arbitrary<StatisticsPolicies> = fc.record({
  moneyResolved: fc.subarray(['completed', 'terminated', 'reduced'] as const),
  postponementGroundsWithoutMeans: fc.subarray([...GROUNDS]),
});
const RUNS = { numRuns: 400 };

/** The state of a case after its events dated on or before `date`. */
const stateAt = (facts: CaseFacts, events: readonly CaseEvent[], date: IsoDate) => {
  const r = replay(facts, events.filter((e) => e.on <= date));
  if (!r.ok) throw new Error('invalid generated history');
  return r.value;
};

describe('statistics properties over random valid histories', () => {
  it('the generator reaches every terminal status and resumed episodes (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    for (const { facts, events } of fc.sample(arbHistory, { numRuns: 3000, seed: 42 })) {
      for (const e of events) seen.add(e.type);
      if (events.some((e, i) => e.type === 'resumed' && (events[i - 1]?.type === 'separate_ledger' || events[i - 1]?.type === 'request_returned'))) seen.add('new_episode');
      void facts;
    }
    expect([...seen].sort()).toEqual([...EVENT_TYPES, 'new_episode'].sort());
  });

  it('random contributions reach every row of the case form, both ways of ending without means and partial transfers', () => {
    const rows = new Set<string>();
    for (const [{ facts, events, period: p }, policies] of fc.sample(fc.tuple(arbHistoryAndPeriod, arbPolicies), { numRuns: 3000, seed: 7 })) {
      const c = caseContribution(facts, events, p.from, p.to, policies);
      if (!c) continue;
      for (const k of CASE_BASE_KEYS) if (c.cases[k] === 1) rows.add(k);
      const end = events.filter((e) => e.on <= p.to).at(-1);
      if (c.cases.completed === 1 && end?.type === 'transferred_out') rows.add('partial_transfer');
      if (c.cases.without_means === 1 && end?.type === 'postponed') rows.add('postponed_without_means');
      if (c.cases.new === 1 && facts.acceptedOn < p.from) rows.add('resumed_new'); // new only through a resumption from the separate ledger / returned request
    }
    expect([...rows].sort()).toEqual([...CASE_BASE_KEYS, 'partial_transfer', 'postponed_without_means', 'resumed_new'].sort());
  });

  it('each case adds 0 or 1 per row, exactly one outcome when in scope, non-negative money, and the identities hold', () => {
    fc.assert(fc.property(arbHistoryAndPeriod, arbPolicies, ({ facts, events, period: p }, policies) => {
      const c = caseContribution(facts, events, p.from, p.to, policies);
      if (c === null) { expect(facts.acceptedOn > p.to).toBe(true); return; }
      expect(checkIdentities(c)).toEqual([]);
      expect(c.office).toBe(holdingOfficeAt(facts, events, p.to));
      for (const k of CASE_KEYS) expect([0, 1]).toContain(c.cases[k]);
      for (const k of MONEY_KEYS) expect(c.money[k] >= 0n, k).toBe(true);
      const outcomes = CASE_BASE_KEYS.filter((k) => k !== 'carried_over' && k !== 'new').reduce((n, k) => n + c.cases[k], 0);
      expect([c.cases.total, outcomes]).toEqual(c.inScope ? [1, 1] : [0, 0]);
      if (!c.inScope) for (const k of MONEY_KEYS) expect(c.money[k], k).toBe(0n);
    }), RUNS);
  });

  it('what is carried forward at E is what the next period carries over, for cases open at E', () => {
    fc.assert(fc.property(arbHistoryAndPeriod, fc.integer({ min: 1, max: 500 }), ({ facts, events, period: p }, length) => {
      const c1 = caseContribution(facts, events, p.from, p.to);
      const next = { from: addCalendarDays(p.to, 1), to: addCalendarDays(p.to, length) };
      const c2 = caseContribution(facts, events, next.from, next.to);
      if (c1 === null || c2 === null) return;
      const state = stateAt(facts, events, p.to);
      // statistics.md §2: a report uses the episode open at its end. When the case ends and is resumed
      // within the next period, that is the new episode: the case counts there as new, not carried over.
      const resumedInNext = episodesOf(facts, events).some((ep) => ep.startedBy === 'resumed' && ep.start >= next.from && ep.start <= next.to);
      if (!isTerminal(state.status) && resumedInNext) {
        expect([c1.cases.carried_forward, c2.cases.carried_over, c2.cases.new]).toEqual([1, 0, 1]);
      } else if (!isTerminal(state.status)) {
        expect([c1.cases.carried_forward, c2.cases.carried_over]).toEqual([1, 1]);
        expect(c1.money.carried_forward).toBe(c2.money.carried_over);
        expect(c2.money.carried_over).toBe(totalOutstanding(facts, state));
      } else {
        expect(c2.cases.carried_over).toBe(0);
      }
    }), RUNS);
  });

  it('the postponement policy moves cases between postponed and without_means only', () => {
    fc.assert(fc.property(arbHistoryAndPeriod, ({ facts, events, period: p }) => {
      const a = caseContribution(facts, events, p.from, p.to, { moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [] });
      const b = caseContribution(facts, events, p.from, p.to, { moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [...GROUNDS] });
      if (a === null || b === null) { expect(a).toBe(b); return; }
      expect(b.cases.postponed).toBe(0);
      expect(b.cases.without_means).toBe(a.cases.without_means + a.cases.postponed);
      expect(b.money.without_means).toBe(a.money.without_means + a.money.postponed);
      expect([b.cases.to_enforce, b.money.to_enforce, b.money.completed]).toEqual([a.cases.to_enforce, a.money.to_enforce, a.money.completed]);
    }), RUNS);
  });

  it('reports over many cases and offices: identities hold, rates in [0, 100], a province is the sum of its offices', () => {
    fc.assert(fc.property(fc.array(arbHistory, { maxLength: 25 }), arbPeriod, arbPolicies, (cases, p, policies) => {
      const contributions = cases.map(({ facts, events }) => caseContribution(facts, events, p.from, p.to, policies)).filter((c): c is CaseContribution => c !== null);
      const all = assembleReport({ office: 'P', period: p, policies, contributions, target: { cases: 80, money: 38 } });
      expect(checkIdentities(all)).toEqual([]);
      for (const rate of [all.cases.rate, all.money.rate]) if (rate !== null) expect(rate >= 0 && rate <= 100).toBe(true);
      expect(all.cases.rate === null).toBe(all.cases.with_means === 0);
      const byOffice = OFFICES.map((o) => assembleReport({ office: o, period: p, policies, contributions: contributions.filter((c) => c.office === o), target: null }));
      expect(combineReports('P', byOffice, { cases: 80, money: 38 })).toEqual(all);
    }), { numRuns: 150 });
  });
});
