import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, initialState, isFullyPerformed, replay, totalOutstanding } from '../../../src/modules/cases/domain/case-ledger.js';
import { CASE_STATUSES, EVENT_TYPES, isTerminal, type CaseEvent, type CaseFacts, type CaseState } from '../../../src/modules/cases/domain/case-types.js';
import { validateNewCase } from '../../../src/modules/cases/domain/case-validation.js';
import { arbCaseHistory, arbFacts, arbNoisyHistory, deepFreeze, VIETNAMESE } from '../../support/case-factory.js';

/** Deterministic: the same cases on every run and machine. */
const RUNS = { numRuns: 300, seed: 20_260_701, endOnFailure: true } as const;

const moneyTotal = (facts: CaseFacts) => facts.obligations.reduce((n, o) => n + (o.kind === 'money' ? o.amount : 0n), 0n);

/** Fully performed, computed here from the facts and the progress, not by the code under test. */
const settled = (facts: CaseFacts, s: CaseState) =>
  facts.obligations.every((o) => {
    const p = s.progress[o.id]!;
    return o.kind === 'money' ? p.paid + p.reduced === o.amount : p.performed;
  });

/** Applies events one by one, skipping refused ones, without checks. */
function applyAll(facts: CaseFacts, events: readonly CaseEvent[]): Run {
  let state = initialState(facts);
  const out: Run = { accepted: [], refusedCount: 0, states: [state] };
  for (const event of events) {
    const r = applyEvent(facts, state, event);
    if (!r.ok) {
      out.refusedCount++;
      continue;
    }
    out.accepted.push(event);
    out.states.push((state = r.value));
  }
  return out;
}

interface Run {
  accepted: CaseEvent[];
  refusedCount: number;
  states: CaseState[];
}

/** Applies events one by one, skipping refused ones, checking the per-step invariants on the way. */
function run(facts: CaseFacts, events: readonly CaseEvent[]): Run {
  let state = initialState(facts);
  const out: Run = { accepted: [], refusedCount: 0, states: [state] };
  for (const event of events) {
    const before = structuredClone(state);
    const r = applyEvent(facts, deepFreeze(state), event);
    expect(state).toEqual(before); // never mutates its input, accepted or not
    if (!r.ok) {
      out.refusedCount++;
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.field).not.toBe('');
        expect(e.rule).toMatch(/^[a-z_0-9]+$/);
        expect(e.message).toMatch(VIETNAMESE);
      }
      continue;
    }
    const next = r.value;
    // Status is always one the domain knows.
    expect(CASE_STATUSES).toContain(next.status);
    // After a terminal status, only `resumed` from the separate ledger or a returned request is accepted,
    // and paying out money already collected, which leaves the status alone.
    if (isTerminal(state.status)) {
      if (event.type === 'disbursed') expect(next.status).toBe(state.status);
      else {
        expect(event.type).toBe('resumed');
        expect(['separate_ledger', 'request_returned']).toContain(state.status);
      }
    }
    // `completed` only when nothing is left to do.
    if (event.type === 'completed') {
      expect(settled(facts, state)).toBe(true);
      expect(isFullyPerformed(facts, state)).toBe(true);
    }
    // Dates never go back; nothing before acceptance.
    expect(event.on >= state.lastEventOn && event.on >= facts.acceptedOn).toBe(true);
    expect(next.lastEventOn).toBe(event.on);
    for (const o of facts.obligations) {
      const p = next.progress[o.id]!;
      expect(p.paid >= 0n && p.reduced >= 0n && p.disbursed >= 0n).toBe(true);
      expect(p.disbursed <= p.paid).toBe(true);
      if (o.kind === 'money') {
        // Never more paid and reduced than owed: outstanding is never negative.
        expect(p.paid + p.reduced <= o.amount).toBe(true);
        expect(o.amount - p.paid - p.reduced >= 0n).toBe(true);
        if (o.beneficiary === 'party') expect(p.reduced).toBe(0n);
      } else {
        expect(p.paid + p.reduced + p.disbursed).toBe(0n);
      }
    }
    // What waits to be paid out is what was collected for parties and not yet paid out, first in first out.
    for (const o of facts.obligations) {
      const p = next.progress[o.id]!;
      const waiting = next.pendingPayouts.filter((x) => x.obligation === o.id).reduce((n, x) => n + x.amount, 0n);
      expect(waiting).toBe(o.kind === 'money' && o.beneficiary === 'party' ? p.paid - p.disbursed : 0n);
    }
    expect(next.pendingPayouts.every((x) => x.amount > 0n)).toBe(true);
    expect(next.oldestUndisbursedPaymentOn).toBe(next.pendingPayouts.map((x) => x.on).sort()[0] ?? null);
    const collected = facts.obligations.reduce((n, o) => n + next.progress[o.id]!.paid, 0n);
    expect(collected <= moneyTotal(facts)).toBe(true);
    expect(totalOutstanding(facts, next) >= 0n).toBe(true);
    out.accepted.push(event);
    out.states.push(next);
    state = next;
  }
  return out;
}

describe('generated cases and histories', () => {
  it('generated facts are valid new cases', () => {
    fc.assert(fc.property(arbFacts(), (facts) => {
      expect(validateNewCase(facts)).toEqual([]);
    }), RUNS);
  });

  it('every generated valid history is accepted in full, with dates in 2015–2030', () => {
    fc.assert(fc.property(arbCaseHistory(), ({ facts, events }) => {
      const r = replay(facts, events);
      if (!r.ok) expect.fail(`event ${r.failedAt} ${JSON.stringify(events[r.failedAt!], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))} refused: ${JSON.stringify(r.errors)}`);
      for (const e of events) expect(e.on >= '2015-01-01' && e.on <= '2030-12-31').toBe(true);
    }), { ...RUNS, numRuns: 500 });
  });

  it('the generators reach every status and every event type', () => {
    const statuses = new Set<string>();
    const types = new Set<string>();
    const initiations = new Set<string>();
    const kinds = new Set<string>();
    fc.assert(fc.property(arbCaseHistory(), ({ facts, events }) => {
      const r = replay(facts, events);
      if (r.ok) statuses.add(r.value.status);
      for (const e of events) types.add(e.type);
      initiations.add(facts.initiation);
      for (const o of facts.obligations) kinds.add(`${o.kind}/${o.beneficiary}`);
    }), { ...RUNS, numRuns: 2_000 });
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
    expect([...initiations].sort()).toEqual(['ex_officio', 'on_request']);
    expect([...kinds].sort()).toEqual(['money/party', 'money/state_budget', 'non_money/party', 'non_money/state_budget']);
  });

  it.each([
    ['without disbursed', EVENT_TYPES.filter((t) => t !== 'disbursed')],
    ['without verified', EVENT_TYPES.filter((t) => t !== 'verified')],
    ['money only', ['payment', 'reduced', 'completed'] as const],
  ])('a history can be restricted to some event types: %s', (_name, eventTypes) => {
    fc.assert(fc.property(arbCaseHistory({ eventTypes }), ({ facts, events }) => {
      for (const e of events) expect(eventTypes).toContain(e.type);
      expect(replay(facts, events).ok).toBe(true);
    }), { ...RUNS, numRuns: 200 });
  });
});

describe('ledger invariants on valid and invalid events mixed', () => {
  const arb = arbNoisyHistory();

  it('money, status and terminal rules hold after every accepted event; refused events change nothing', () => {
    fc.assert(fc.property(arb, ({ facts, events }) => {
      run(facts, events);
    }), RUNS);
  });

  it('replaying the accepted events gives the state reached step by step', () => {
    fc.assert(fc.property(arb, ({ facts, events }) => {
      const { accepted, states } = applyAll(facts, events);
      const r = replay(facts, accepted);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toEqual(states.at(-1));
    }), RUNS);
  });

  it('completed is accepted exactly when the case is open and fully performed', () => {
    fc.assert(fc.property(arb, fc.nat(), ({ facts, events }, k) => {
      const { states } = applyAll(facts, events);
      const s = states[k % states.length]!;
      const on = s.lastEventOn;
      const r = applyEvent(facts, s, { type: 'completed', on });
      const open = ['pending_verification', 'in_progress', 'no_means', 'postponed', 'suspended', 'other'].includes(s.status);
      expect(r.ok).toBe(open && settled(facts, s));
    }), RUNS);
  });

  it('a payment is accepted exactly up to the outstanding amount of an open case', () => {
    fc.assert(fc.property(arb, fc.nat(), fc.nat(), ({ facts, events }, k, j) => {
      const { states } = applyAll(facts, events);
      const s = states[k % states.length]!;
      const o = facts.obligations[j % facts.obligations.length]!;
      if (o.kind !== 'money' || isTerminal(s.status)) return;
      const outstanding = o.amount - s.progress[o.id]!.paid - s.progress[o.id]!.reduced;
      const pay = (amount: bigint) => applyEvent(facts, s, { type: 'payment', on: s.lastEventOn, obligation: o.id, amount });
      expect(pay(outstanding + 1n).ok).toBe(false);
      if (outstanding > 0n) expect(pay(outstanding).ok).toBe(true);
    }), RUNS);
  });

  it('events are dated from acceptance on and in order', () => {
    fc.assert(fc.property(arb, ({ facts, events }) => {
      const { accepted } = applyAll(facts, events);
      let last = facts.acceptedOn;
      for (const e of accepted) {
        expect(e.on >= last).toBe(true);
        last = e.on;
      }
    }), RUNS);
  });
});
