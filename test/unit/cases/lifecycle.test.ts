import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/kernel/calendar/index.js';
import {
  applyEvent,
  initialState,
  isFullyPerformed,
  outstandingOf,
  replay,
  separateLedgerEligibleFrom,
  totalOutstanding,
  type CaseRuleError,
} from '../../../src/modules/cases/domain/case-ledger.js';
import { eventsInStatus, isAllowed, TRANSITIONS } from '../../../src/modules/cases/domain/case-state-machine.js';
import {
  CASE_STATUSES,
  EVENT_TYPES,
  INITIATIONS,
  isTerminal,
  type CaseEvent,
  type CaseEventType,
  type CaseFacts,
  type CaseState,
  type CaseStatus,
  type Initiation,
} from '../../../src/modules/cases/domain/case-types.js';
import { LAW_106_IN_FORCE, lawRegimeOn } from '../../../src/modules/cases/domain/law-regime.js';
import {
  buildEvent,
  buildFacts,
  deepFreeze,
  historyTo,
  moneyObligation,
  nonMoneyObligation,
  OTHER_OFFICE,
  TIMELINE,
  VIETNAMESE,
  type StatusHistory,
} from '../../support/case-factory.js';

const ev = buildEvent;

/** The state after a history that must be valid. */
function stateAfter(facts: CaseFacts, events: readonly CaseEvent[]): CaseState {
  const r = replay(facts, events);
  if (!r.ok) throw new Error(`history refused at ${r.failedAt}: ${JSON.stringify(r.errors)}`);
  return r.value;
}

/** Applies an event that must be refused; checks the error shape and that the input state is untouched. */
function refused(facts: CaseFacts, state: CaseState, event: CaseEvent): CaseRuleError {
  const before = structuredClone(state);
  const r = applyEvent(facts, deepFreeze(state), event);
  expect(r.ok, `${event.type} on ${event.on} should be refused`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) expect(e.message).toMatch(VIETNAMESE);
  expect(state).toEqual(before);
  return r.errors[0]!;
}

function accepted(facts: CaseFacts, state: CaseState, event: CaseEvent): CaseState {
  const r = applyEvent(facts, deepFreeze(state), event);
  if (!r.ok) throw new Error(`${event.type} on ${event.on} refused: ${JSON.stringify(r.errors)}`);
  return r.value;
}

const expectRule = (e: CaseRuleError, field: string, rule: string) => expect({ field: e.field, rule: e.rule }).toEqual({ field, rule });

// ---------------------------------------------------------------------------------------------------------

describe('the canonical history of each status', () => {
  it.each(CASE_STATUSES)('%s is reached by a valid history', (status) => {
    for (const initiation of INITIATIONS) {
      for (const settled of [false, true]) {
        const h = historyTo(status, { initiation, settled });
        const s = stateAfter(h.facts, h.events);
        expect(s.status).toBe(status);
        expect(s.lastEventOn).toBe(h.day);
      }
    }
  });
});

/** Where each event leads, as domain.md §3 states it ('same' = the status does not change). */
const DOMAIN_TARGET: Record<CaseEventType, CaseStatus | 'same' | 'by_result'> = {
  enforcer_assigned: 'same', verified: 'by_result', no_means_decided: 'no_means', resumed: 'in_progress', postponed: 'postponed',
  suspended: 'suspended', other_status: 'other', payment: 'same', performed: 'same', reduced: 'same', disbursed: 'same',
  coercion_decided: 'same', distrained: 'same', auctioned: 'same', completed: 'completed', terminated: 'terminated',
  transferred_out: 'transferred_out', withdrawn: 'withdrawn', separate_ledger: 'separate_ledger', request_returned: 'request_returned',
  office_changed: 'same',
};

const RESUMABLE: readonly CaseStatus[] = ['separate_ledger', 'request_returned'];
const TERMINAL: readonly CaseStatus[] = CASE_STATUSES.filter(isTerminal);

/**
 * The only events recorded after the end of an episode: `resumed` from the separate ledger or a returned
 * request (domain.md §3), and paying out money already collected (Art. 47: the 10-day payout runs on after
 * the end; the lead's decision of commit ef9bb3e, beyond the letter of domain.md §3).
 */
const AFTER_END: Partial<Record<CaseEventType, readonly CaseStatus[]>> = { resumed: RESUMABLE, disbursed: TERMINAL };
const allowedAfterEnd = (type: CaseEventType, status: CaseStatus) => AFTER_END[type]?.includes(status) ?? false;

interface Variant {
  name: string;
  type: CaseEventType;
  build: (h: StatusHistory) => CaseEvent;
}
const later = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);
const VARIANTS: Variant[] = EVENT_TYPES.flatMap((type): Variant[] => {
  if (type === 'verified') {
    return (['has_means', 'no_means'] as const).map((result) => ({ name: `verified ${result}`, type, build: (h) => ev('verified', { on: h.day, result }) }));
  }
  if (type === 'separate_ledger') return [{ name: type, type, build: (h) => ev(type, { on: later(h.day, TIMELINE.separateLedger) }) }];
  if (type === 'request_returned') return [{ name: type, type, build: (h) => ev(type, { on: later(h.day, TIMELINE.requestReturned) }) }];
  return [{ name: type, type, build: (h) => ev(type, { on: h.day }) }];
});

describe('the transition table, every status × every event', () => {
  it('the table leads where domain.md §3 says', () => {
    for (const type of EVENT_TYPES) expect(TRANSITIONS[type].to, type).toBe(DOMAIN_TARGET[type]);
  });

  it('after the end, only resumption (from separate ledger / returned request) and payouts are in the table', () => {
    for (const type of EVENT_TYPES) {
      const terminalFrom = TRANSITIONS[type].from.filter(isTerminal);
      expect(terminalFrom, type).toEqual(AFTER_END[type] ?? []);
    }
  });

  describe.each(INITIATIONS)('%s case', (initiation: Initiation) => {
    describe.each(CASE_STATUSES)('in status %s', (status) => {
      it.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
        const h = historyTo(status, { initiation, settled: status === 'completed' || variant.type === 'completed' });
        const state = stateAfter(h.facts, h.events);
        expect(state.status).toBe(status);
        const event = variant.build(h);
        const type = variant.type;
        const inTable = TRANSITIONS[type].from.includes(status);
        const allowed = inTable && (!isTerminal(status) || allowedAfterEnd(type, status));
        expect(isAllowed(status, type)).toBe(inTable);

        if (!allowed) {
          const e = refused(h.facts, state, event);
          expectRule(e, 'type', isTerminal(status) ? 'after_terminal' : 'transition_not_allowed');
          return;
        }
        if (type === 'request_returned' && h.facts.initiation === 'ex_officio') {
          // Law 106/2025: the request is returned only in cases enforced on request.
          expectRule(refused(h.facts, state, event), 'type', 'on_request_only');
          return;
        }
        const next = accepted(h.facts, state, event);
        const target = DOMAIN_TARGET[type];
        const expected: CaseStatus =
          target === 'same' ? status
            : target === 'by_result' ? (event.type === 'verified' && event.result === 'has_means' && status === 'pending_verification' ? 'in_progress' : status)
              : target;
        expect(next.status).toBe(expected);
        expect(next.lastEventOn).toBe(event.on);
        expect(next.statusSince).toBe(expected === status ? state.statusSince : event.on);
        expect(next.episodeStart).toBe(type === 'resumed' && RESUMABLE.includes(status) ? event.on : state.episodeStart);
      });
    });
  });

  it.each(CASE_STATUSES)('eventsInStatus(%s) lists exactly the events a case in that status accepts', (status) => {
    const acceptedTypes = (initiation: Initiation) =>
      [...new Set(VARIANTS.filter((v) => {
        const h = historyTo(status, { initiation, settled: status === 'completed' || v.type === 'completed' });
        return applyEvent(h.facts, stateAfter(h.facts, h.events), v.build(h)).ok;
      }).map((v) => v.type))].sort();
    const listed = [...eventsInStatus(status)].sort();
    expect(acceptedTypes('on_request')).toEqual(listed);
    expect(acceptedTypes('ex_officio')).toEqual(listed.filter((t) => t !== 'request_returned'));
    if (isTerminal(status)) expect(listed).toEqual(RESUMABLE.includes(status) ? ['disbursed', 'resumed'] : ['disbursed']);
  });

  it('a postponement of a completed case is refused (domain.md §3 example)', () => {
    const h = historyTo('completed');
    const e = refused(h.facts, stateAfter(h.facts, h.events), ev('postponed', { on: '2025-03-01' }));
    expectRule(e, 'type', 'after_terminal');
    expect(e.message).toContain('Hoãn thi hành');
  });

  it('the refusal names the event and the status in Vietnamese', () => {
    const h = historyTo('postponed');
    const e = refused(h.facts, stateAfter(h.facts, h.events), ev('coercion_decided', { on: h.day }));
    expectRule(e, 'type', 'transition_not_allowed');
    expect(e.message).toContain('QĐ cưỡng chế');
    expect(e.message).toContain('Hoãn');
    expect(e.message).not.toMatch(/_/);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('bad input (domain.md §3): a clear error and nothing changed', () => {
  const facts = () => buildFacts({ acceptedOn: '2016-03-01' });

  describe('dates', () => {
    it('an event dated before the acceptance date is refused', () => {
      const f = facts();
      const e = refused(f, initialState(f), ev('payment', { on: '2016-02-29' }));
      expectRule(e, 'on', 'before_acceptance');
      expect(e.message).toContain('01/03/2016');
      expect(applyEvent(f, initialState(f), ev('payment', { on: '2016-03-01' })).ok).toBe(true);
    });

    it('an event dated before the previous event is refused; the same day is accepted', () => {
      const f = facts();
      const s = stateAfter(f, [ev('verified', { on: '2016-04-10' })]);
      expectRule(refused(f, s, ev('payment', { on: '2016-04-09' })), 'on', 'before_previous_event');
      expect(accepted(f, s, ev('payment', { on: '2016-04-10' })).lastEventOn).toBe('2016-04-10');
    });

    it.each(['completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned'] as const)(
      'after %s only resumption (where allowed) and payouts are recorded, whatever their date',
      (status) => {
        const h = historyTo(status, { settled: status === 'completed' });
        const s = stateAfter(h.facts, h.events);
        for (const on of [h.day, '2029-12-31']) {
          for (const type of EVENT_TYPES.filter((t) => t !== 'resumed' && t !== 'disbursed')) {
            expectRule(refused(h.facts, s, ev(type, { on })), 'type', 'after_terminal');
          }
          const resumed = applyEvent(h.facts, s, ev('resumed', { on }));
          if (RESUMABLE.includes(status)) expect(resumed.ok).toBe(true);
          else expectRule(refused(h.facts, s, ev('resumed', { on })), 'type', 'after_terminal');
          const paidOut = accepted(h.facts, s, ev('disbursed', { on, obligation: 'o2', amount: s.progress.o2!.paid }));
          expect(paidOut).toMatchObject({ status, statusSince: s.statusSince, oldestUndisbursedPaymentOn: null, pendingPayouts: [] });
        }
      },
    );

    it('after a resumption from the separate ledger the case accepts events again, from that date', () => {
      const h = historyTo('separate_ledger');
      const s = accepted(h.facts, stateAfter(h.facts, h.events), ev('resumed', { on: '2027-05-02' }));
      expect(s).toMatchObject({ status: 'in_progress', episodeStart: '2027-05-02', noMeansDecision: null, noMeansVerifications: 0 });
      expectRule(refused(h.facts, s, ev('payment', { on: '2027-05-01' })), 'on', 'before_previous_event');
      expect(accepted(h.facts, s, ev('payment', { on: '2027-05-02' })).progress.o2!.paid).toBe(4_000_000n);
    });
  });

  describe('money', () => {
    it.each([
      ['payment', 0n], ['payment', -1n], ['payment', -15_000_000n],
      ['reduced', 0n], ['reduced', -500n], ['disbursed', 0n], ['disbursed', -1n],
    ] as const)('%s of %s đồng is refused (positive)', (type, amount) => {
      const f = facts();
      const s = stateAfter(f, [ev('payment', { on: '2016-03-02', obligation: 'o2', amount: 1_000n })]);
      const e = refused(f, s, ev(type, { on: '2016-03-05', obligation: type === 'reduced' ? 'o1' : 'o2', amount }));
      expectRule(e, 'amount', 'positive');
    });

    it('a payment over the outstanding amount is refused; exactly the outstanding amount is accepted', () => {
      const f = facts();
      const s = initialState(f);
      expectRule(refused(f, s, ev('payment', { on: '2016-03-02', obligation: 'o2', amount: 15_000_001n })), 'amount', 'exceeds_outstanding');
      expect(accepted(f, s, ev('payment', { on: '2016-03-02', obligation: 'o2', amount: 15_000_000n })).progress.o2!.paid).toBe(15_000_000n);
    });

    it('the outstanding amount takes earlier payments and reductions into account', () => {
      const f = facts(); // o1: 2.000.000 đ to the state budget
      const s = stateAfter(f, [
        ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 300_000n }),
        ev('reduced', { on: '2016-04-02', obligation: 'o1', amount: 200_000n }),
        ev('payment', { on: '2016-05-02', obligation: 'o1', amount: 500_000n }),
      ]);
      expect(outstandingOf(f.obligations[0]!, s.progress.o1!)).toBe(1_000_000n);
      const e = refused(f, s, ev('payment', { on: '2016-06-01', obligation: 'o1', amount: 1_000_001n }));
      expectRule(e, 'amount', 'exceeds_outstanding');
      expect(e.message).toContain('1.000.000 đ');
      expectRule(refused(f, s, ev('reduced', { on: '2016-06-01', obligation: 'o1', amount: 1_000_001n })), 'amount', 'exceeds_outstanding');
      const paid = accepted(f, s, ev('payment', { on: '2016-06-01', obligation: 'o1', amount: 1_000_000n }));
      expect(outstandingOf(f.obligations[0]!, paid.progress.o1!)).toBe(0n);
      expectRule(refused(f, paid, ev('payment', { on: '2016-06-02', obligation: 'o1', amount: 1n })), 'amount', 'exceeds_outstanding');
      expectRule(refused(f, paid, ev('reduced', { on: '2016-06-02', obligation: 'o1', amount: 1n })), 'amount', 'exceeds_outstanding');
    });

    it('only state-budget obligations can be reduced', () => {
      const f = facts();
      expectRule(refused(f, initialState(f), ev('reduced', { on: '2016-03-02', obligation: 'o2', amount: 1n })), 'obligation', 'state_budget_only');
      expect(accepted(f, initialState(f), ev('reduced', { on: '2016-03-02', obligation: 'o1', amount: 2_000_000n })).progress.o1!.reduced).toBe(2_000_000n);
    });

    it('money events on a non-money obligation and `performed` on a money obligation are refused', () => {
      const f = facts();
      const s = initialState(f);
      for (const type of ['payment', 'reduced', 'disbursed'] as const) {
        expectRule(refused(f, s, ev(type, { on: '2016-03-02', obligation: 'o3', amount: 1n })), 'obligation', 'not_money');
      }
      expectRule(refused(f, s, ev('performed', { on: '2016-03-02', obligation: 'o1' })), 'obligation', 'not_non_money');
      expectRule(refused(f, s, ev('performed', { on: '2016-03-02', obligation: 'o2' })), 'obligation', 'not_non_money');
    });

    it('a non-money obligation is performed once', () => {
      const f = facts();
      const s = accepted(f, initialState(f), ev('performed', { on: '2016-03-02', obligation: 'o3' }));
      expectRule(refused(f, s, ev('performed', { on: '2016-03-03', obligation: 'o3' })), 'obligation', 'already_performed');
    });

    it.each(['payment', 'reduced', 'disbursed', 'performed'] as const)('%s on an unknown obligation is refused', (type) => {
      const f = facts();
      const event = type === 'performed' ? ev(type, { on: '2016-03-02', obligation: 'o9' }) : ev(type, { on: '2016-03-02', obligation: 'o9', amount: 1n });
      const e = refused(f, initialState(f), event);
      expectRule(e, 'obligation', 'unknown_obligation');
      expect(e.message).toContain('o9');
    });

    it('disbursing more than was collected and not yet paid out is refused', () => {
      const f = facts();
      expectRule(refused(f, initialState(f), ev('disbursed', { on: '2016-03-02', obligation: 'o2', amount: 1n })), 'amount', 'exceeds_collected');
      let s = stateAfter(f, [ev('payment', { on: '2016-03-02', obligation: 'o2', amount: 5_000_000n })]);
      expect(s.oldestUndisbursedPaymentOn).toBe('2016-03-02');
      expectRule(refused(f, s, ev('disbursed', { on: '2016-03-05', obligation: 'o2', amount: 5_000_001n })), 'amount', 'exceeds_collected');
      s = accepted(f, s, ev('disbursed', { on: '2016-03-05', obligation: 'o2', amount: 3_000_000n }));
      expect(s.oldestUndisbursedPaymentOn).toBe('2016-03-02');
      expectRule(refused(f, s, ev('disbursed', { on: '2016-03-06', obligation: 'o2', amount: 2_000_001n })), 'amount', 'exceeds_collected');
      s = accepted(f, s, ev('disbursed', { on: '2016-03-06', obligation: 'o2', amount: 2_000_000n }));
      expect(s.oldestUndisbursedPaymentOn).toBeNull();
      expect(s.progress.o2).toMatchObject({ paid: 5_000_000n, disbursed: 5_000_000n });
    });

    it('payouts go first in, first out: the 10-day deadline runs from the oldest collection not paid out', () => {
      const f = buildFacts({ obligations: [moneyObligation('a', 10_000_000n, 'party'), moneyObligation('b', 10_000_000n, 'party'), moneyObligation('c', 1_000_000n, 'state_budget')] });
      let s = stateAfter(f, [
        ev('payment', { on: '2016-03-02', obligation: 'a', amount: 1_000_000n }),
        ev('payment', { on: '2016-03-05', obligation: 'c', amount: 1_000_000n }),
        ev('payment', { on: '2016-03-10', obligation: 'b', amount: 2_000_000n }),
        ev('payment', { on: '2016-03-12', obligation: 'a', amount: 3_000_000n }),
      ]);
      expect(s.oldestUndisbursedPaymentOn).toBe('2016-03-02');
      expect(s.pendingPayouts.map((p) => [p.obligation, p.on, p.amount])).toEqual([['a', '2016-03-02', 1_000_000n], ['b', '2016-03-10', 2_000_000n], ['a', '2016-03-12', 3_000_000n]]);
      s = accepted(f, s, ev('disbursed', { on: '2016-03-13', obligation: 'a', amount: 1_500_000n }));
      expect(s.pendingPayouts.map((p) => [p.obligation, p.on, p.amount])).toEqual([['b', '2016-03-10', 2_000_000n], ['a', '2016-03-12', 2_500_000n]]);
      expect(s.oldestUndisbursedPaymentOn).toBe('2016-03-10');
      s = accepted(f, s, ev('disbursed', { on: '2016-03-14', obligation: 'b', amount: 2_000_000n }));
      expect(s.oldestUndisbursedPaymentOn).toBe('2016-03-12');
      s = accepted(f, s, ev('disbursed', { on: '2016-03-15', obligation: 'a', amount: 2_500_000n }));
      expect(s.oldestUndisbursedPaymentOn).toBeNull();
    });

    it('money collected before the end is paid out after it', () => {
      const f = facts();
      const s = stateAfter(f, [
        ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 2_000_000n }),
        ev('payment', { on: '2016-03-02', obligation: 'o2', amount: 15_000_000n }),
        ev('performed', { on: '2016-03-02', obligation: 'o3' }),
        ev('completed', { on: '2016-03-02' }),
      ]);
      expect(s.oldestUndisbursedPaymentOn).toBe('2016-03-02');
      expectRule(refused(f, s, ev('disbursed', { on: '2016-03-09', obligation: 'o2', amount: 15_000_001n })), 'amount', 'exceeds_collected');
      const paidOut = accepted(f, s, ev('disbursed', { on: '2016-03-09', obligation: 'o2', amount: 15_000_000n }));
      expect(paidOut).toMatchObject({ status: 'completed', statusSince: '2016-03-02', lastEventOn: '2016-03-09', oldestUndisbursedPaymentOn: null });
      expectRule(refused(f, paidOut, ev('disbursed', { on: '2016-03-09', obligation: 'o2', amount: 1n })), 'amount', 'exceeds_collected');
    });

    it('money to the state budget is not disbursed to a creditor', () => {
      const f = facts();
      const s = stateAfter(f, [ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 100n })]);
      expectRule(refused(f, s, ev('disbursed', { on: '2016-03-02', obligation: 'o1', amount: 100n })), 'obligation', 'party_only');
    });
  });

  describe('completion', () => {
    it('is refused while money is outstanding', () => {
      const f = facts();
      const s = stateAfter(f, [
        ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 2_000_000n }),
        ev('payment', { on: '2016-03-02', obligation: 'o2', amount: 14_999_999n }),
        ev('performed', { on: '2016-03-02', obligation: 'o3' }),
      ]);
      const e = refused(f, s, ev('completed', { on: '2016-03-03' }));
      expectRule(e, 'type', 'outstanding_remaining');
      expect(e.message).toContain('1 đ');
      const done = accepted(f, accepted(f, s, ev('payment', { on: '2016-03-03', obligation: 'o2', amount: 1n })), ev('completed', { on: '2016-03-03' }));
      expect(done.status).toBe('completed');
    });

    it('is refused while a non-money obligation is not performed, valued or not', () => {
      for (const value of [50_000_000n, null]) {
        const f = buildFacts({ obligations: [moneyObligation('o1', 100n, 'state_budget'), nonMoneyObligation('o2', value)] });
        const s = stateAfter(f, [ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 100n })]);
        expectRule(refused(f, s, ev('completed', { on: '2016-03-03' })), 'type', 'outstanding_remaining');
        const done = accepted(f, accepted(f, s, ev('performed', { on: '2016-03-03', obligation: 'o2' })), ev('completed', { on: '2016-03-03' }));
        expect(done.status).toBe('completed');
      }
    });

    it('is accepted when reductions brought the state-budget obligations to zero', () => {
      const f = buildFacts({ obligations: [moneyObligation('o1', 2_000_000n, 'state_budget'), moneyObligation('o2', 1_000_000n, 'state_budget')] });
      const s = stateAfter(f, [
        ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 500_000n }),
        ev('reduced', { on: '2016-05-02', obligation: 'o1', amount: 1_500_000n }),
        ev('reduced', { on: '2016-05-02', obligation: 'o2', amount: 1_000_000n }),
      ]);
      expect(accepted(f, s, ev('completed', { on: '2016-05-02' })).status).toBe('completed');
    });
  });

  describe('no-means decision', () => {
    it.each([
      ['no verification', []],
      ['a finding of means', [ev('verified', { on: '2016-03-10', result: 'has_means' })]],
      ['a finding of no means overtaken by a finding of means', [ev('verified', { on: '2016-03-10', result: 'no_means' }), ev('verified', { on: '2016-03-20', result: 'has_means' })]],
    ] as const)('is refused after %s', (_label, history) => {
      const f = facts();
      const e = refused(f, stateAfter(f, history), ev('no_means_decided', { on: '2016-04-01' }));
      expectRule(e, 'type', 'needs_no_means_verification');
    });

    it('after a resumption, needs a new finding of no means', () => {
      const f = facts();
      let s = stateAfter(f, [
        ev('verified', { on: '2016-03-10', result: 'no_means' }),
        ev('postponed', { on: '2016-03-15' }),
        ev('resumed', { on: '2016-04-15' }),
      ]);
      expect(s.lastVerification).toBeNull();
      expectRule(refused(f, s, ev('no_means_decided', { on: '2016-04-20' })), 'type', 'needs_no_means_verification');
      s = accepted(f, s, ev('verified', { on: '2016-04-20', result: 'no_means' }));
      expect(accepted(f, s, ev('no_means_decided', { on: '2016-04-20' })).status).toBe('no_means');
    });

    it('is accepted after a finding of no means, from verification pending or in progress', () => {
      const f = facts();
      const pending = stateAfter(f, [ev('verified', { on: '2016-03-10', result: 'no_means' })]);
      expect(pending.status).toBe('pending_verification');
      expect(accepted(f, pending, ev('no_means_decided', { on: '2016-03-15', reason: 'address_unknown' }))).toMatchObject({
        status: 'no_means', noMeansDecision: { on: '2016-03-15', reason: 'address_unknown' }, statusSince: '2016-03-15',
      });
    });
  });

  describe('separate ledger', () => {
    /** No-means decision on `decidedOn` with `findings` further no-means verifications after it. */
    function noMeansCase(initiation: Initiation, decidedOn: IsoDate, reason: 'no_assets' | 'address_unknown' | 'thing_gone', findingsAfter: IsoDate[]) {
      const f = buildFacts({ acceptedOn: '2023-01-05', initiation, judgment: { number: '1/2022/DS-ST', date: '2022-11-01', court: 'TAND' } });
      const s = stateAfter(f, [
        ev('verified', { on: '2023-01-20', result: 'no_means' }),
        ev('no_means_decided', { on: decidedOn, reason }),
        ...findingsAfter.map((on) => ev('verified', { on, result: 'no_means' })),
      ]);
      return { f, s };
    }

    it('old law: one year after the decision, not a day earlier', () => {
      const { f, s } = noMeansCase('ex_officio', '2024-03-01', 'no_assets', ['2024-09-01', '2025-02-01']);
      const e = refused(f, s, ev('separate_ledger', { on: '2025-02-28' }));
      expectRule(e, 'on', 'too_early');
      expect(e.message).toContain('01/03/2025');
      expect(accepted(f, s, ev('separate_ledger', { on: '2025-03-01' })).status).toBe('separate_ledger');
    });

    it('old law: two years when the address is unknown', () => {
      const { f, s } = noMeansCase('ex_officio', '2024-03-01', 'address_unknown', ['2024-09-01', '2025-02-01']);
      expectRule(refused(f, s, ev('separate_ledger', { on: '2025-03-01' })), 'on', 'too_early');
      expectRule(refused(f, s, ev('separate_ledger', { on: '2026-02-28' })), 'on', 'too_early');
      expect(accepted(f, s, ev('separate_ledger', { on: '2026-03-01' })).status).toBe('separate_ledger');
    });

    it('old law: a case enforced on request may also go to the separate ledger', () => {
      const { f, s } = noMeansCase('on_request', '2024-03-01', 'no_assets', ['2024-09-01', '2025-02-01']);
      expect(accepted(f, s, ev('separate_ledger', { on: '2026-06-30' })).status).toBe('separate_ledger');
    });

    it('old law: at least two verifications', () => {
      // Only the verification that led to the decision: one in all.
      const { f, s } = noMeansCase('ex_officio', '2024-03-01', 'no_assets', []);
      expect(s.noMeansVerifications).toBe(1);
      const e = refused(f, s, ev('separate_ledger', { on: '2025-06-01' }));
      expectRule(e, 'type', 'needs_two_verifications');
      // Two verifications after the decision: enough on any reading of Decree 62 Art. 9.
      const twice = noMeansCase('ex_officio', '2024-03-01', 'no_assets', ['2024-09-01', '2025-03-01']);
      expect(accepted(twice.f, twice.s, ev('separate_ledger', { on: '2025-06-01' })).status).toBe('separate_ledger');
    });

    it('Law 106/2025: two years after the decision for ex officio cases, whatever the reason', () => {
      const { f, s } = noMeansCase('ex_officio', '2025-09-01', 'no_assets', ['2026-03-01']);
      // One year has passed, which would have been enough under the old law, but the event is dated under the new one.
      const e = refused(f, s, ev('separate_ledger', { on: '2026-09-01' }));
      expectRule(e, 'on', 'too_early');
      expect(e.message).toContain('01/09/2027');
      expectRule(refused(f, s, ev('separate_ledger', { on: '2027-08-31' })), 'on', 'too_early');
      expect(accepted(f, s, ev('separate_ledger', { on: '2027-09-01' })).status).toBe('separate_ledger');
    });

    it('Law 106/2025: not for cases enforced on request (their request is returned instead)', () => {
      const { f, s } = noMeansCase('on_request', '2024-03-01', 'no_assets', ['2024-09-01', '2025-02-01']);
      for (const on of ['2026-07-01', '2028-01-01']) {
        const e = refused(f, s, ev('separate_ledger', { on }));
        expectRule(e, 'type', 'ex_officio_only');
      }
      expect(accepted(f, s, ev('separate_ledger', { on: '2026-06-30' })).status).toBe('separate_ledger');
    });

    it('the eligibility date follows the regime of the date asked about', () => {
      const { f, s } = noMeansCase('ex_officio', '2024-02-29', 'no_assets', []);
      expect(separateLedgerEligibleFrom(f, s, '2024-06-01')).toBe('2025-02-28');
      expect(separateLedgerEligibleFrom(f, s, LAW_106_IN_FORCE)).toBe('2026-02-28');
      const unknown = noMeansCase('ex_officio', '2024-03-01', 'address_unknown', []);
      expect(separateLedgerEligibleFrom(unknown.f, unknown.s, '2025-01-01')).toBe('2026-03-01');
      const onRequest = noMeansCase('on_request', '2024-03-01', 'no_assets', []);
      expect(separateLedgerEligibleFrom(onRequest.f, onRequest.s, '2025-01-01')).toBe('2025-03-01');
      expect(separateLedgerEligibleFrom(onRequest.f, onRequest.s, '2026-07-01')).toBeNull();
      const fresh = buildFacts();
      expect(separateLedgerEligibleFrom(fresh, initialState(fresh), '2020-01-01')).toBeNull();
    });
  });

  describe('request returned (Law 106/2025 only)', () => {
    function onRequestNoMeans(initiation: Initiation, decidedOn: IsoDate) {
      const f = buildFacts({ acceptedOn: '2023-01-05', initiation, judgment: { number: '1/2022/DS-ST', date: '2022-11-01', court: 'TAND' } });
      return { f, s: stateAfter(f, [ev('verified', { on: '2023-01-20', result: 'no_means' }), ev('no_means_decided', { on: decidedOn })]) };
    }

    it('is refused before 01/07/2026, even after two years without means', () => {
      const { f, s } = onRequestNoMeans('on_request', '2023-03-01');
      const e = refused(f, s, ev('request_returned', { on: '2026-06-30' }));
      expectRule(e, 'on', 'law_106_only');
      expect(e.message).toContain('01/07/2026');
      expect(accepted(f, s, ev('request_returned', { on: '2026-07-01' })).status).toBe('request_returned');
    });

    it('is refused for ex officio cases', () => {
      const { f, s } = onRequestNoMeans('ex_officio', '2023-03-01');
      expectRule(refused(f, s, ev('request_returned', { on: '2026-07-01' })), 'type', 'on_request_only');
    });

    it('needs two years without means', () => {
      const { f, s } = onRequestNoMeans('on_request', '2025-03-01');
      const e = refused(f, s, ev('request_returned', { on: '2027-02-28' }));
      expectRule(e, 'on', 'too_early');
      expect(e.message).toContain('01/03/2027');
      expect(accepted(f, s, ev('request_returned', { on: '2027-03-01' })).status).toBe('request_returned');
    });
  });

  describe('offices', () => {
    it.each(['transferred_out', 'office_changed'] as const)('%s to the office holding the case is refused', (type) => {
      const f = facts();
      const e = refused(f, initialState(f), ev(type, { on: '2016-03-02', to: f.office }));
      expectRule(e, 'to', 'same_office');
      expectRule(refused(f, initialState(f), ev(type, { on: '2016-03-02', to: '  ' })), 'to', 'required');
    });

    it('after an office change the new office holds the case', () => {
      const f = facts();
      const s = accepted(f, initialState(f), ev('office_changed', { on: '2025-07-01', to: OTHER_OFFICE }));
      expect(s.office).toBe(OTHER_OFFICE);
      expect(s.status).toBe('pending_verification');
      expectRule(refused(f, s, ev('transferred_out', { on: '2025-07-02', to: OTHER_OFFICE })), 'to', 'same_office');
      expectRule(refused(f, s, ev('office_changed', { on: '2025-07-02', to: OTHER_OFFICE })), 'to', 'same_office');
      expect(accepted(f, s, ev('transferred_out', { on: '2025-07-02', to: f.office })).status).toBe('transferred_out');
    });
  });

  describe('required texts', () => {
    it.each([
      ['enforcer_assigned', { enforcer: ' ' }, 'enforcer'],
      ['postponed', { ground: '' }, 'ground'],
      ['suspended', { ground: '  ' }, 'ground'],
      ['terminated', { ground: '' }, 'ground'],
      ['other_status', { reason: '' }, 'reason'],
    ] as const)('%s with an empty %j is refused', (type, overrides, field) => {
      const f = facts();
      expectRule(refused(f, initialState(f), ev(type, { on: '2016-03-02', ...overrides } as never)), field, 'required');
    });

    it('auction proceeds cannot be negative', () => {
      const h = historyTo('in_progress');
      const s = stateAfter(h.facts, h.events);
      expectRule(refused(h.facts, s, ev('auctioned', { on: h.day, proceeds: -1n })), 'proceeds', 'non_negative');
      expect(accepted(h.facts, s, ev('auctioned', { on: h.day, proceeds: 0n })).coercion).toBe(true);
      expect(accepted(h.facts, s, ev('auctioned', { on: h.day, proceeds: null })).coercion).toBe(true);
    });
  });

  it('replay stops at the first refused event and names its index', () => {
    const f = facts();
    const r = replay(f, [
      ev('verified', { on: '2016-03-10', result: 'has_means' }),
      ev('payment', { on: '2016-03-11', obligation: 'o1', amount: 2_000_000n }),
      ev('payment', { on: '2016-03-12', obligation: 'o1', amount: 1n }),
      ev('payment', { on: '2016-03-13', obligation: 'o2', amount: 1n }),
    ]);
    expect(r.ok).toBe(false);
    expect(r.failedAt).toBe(2);
    if (!r.ok) expectRule(r.errors[0]!, 'amount', 'exceeds_outstanding');
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('ledger arithmetic', () => {
  it('a new case owes everything and has done nothing', () => {
    const f = buildFacts();
    const s = initialState(f);
    expect(s).toMatchObject({ status: 'pending_verification', statusSince: f.acceptedOn, episodeStart: f.acceptedOn, lastEventOn: f.acceptedOn, office: f.office, enforcer: f.enforcer });
    expect(Object.keys(s.progress).sort()).toEqual(['o1', 'o2', 'o3']);
    expect(totalOutstanding(f, s)).toBe(2_000_000n + 15_000_000n + 50_000_000n);
    expect(isFullyPerformed(f, s)).toBe(false);
  });

  it('outstanding: money minus paid and reduced; a valued non-money obligation until performed; an unvalued one counts 0', () => {
    const money = moneyObligation('m', 1_000n, 'state_budget');
    expect(outstandingOf(money, { paid: 300n, reduced: 200n, performed: false, disbursed: 0n })).toBe(500n);
    expect(outstandingOf(nonMoneyObligation('v', 7_000n), { paid: 0n, reduced: 0n, performed: false, disbursed: 0n })).toBe(7_000n);
    expect(outstandingOf(nonMoneyObligation('v', 7_000n), { paid: 0n, reduced: 0n, performed: true, disbursed: 0n })).toBe(0n);
    expect(outstandingOf(nonMoneyObligation('u', null), { paid: 0n, reduced: 0n, performed: false, disbursed: 0n })).toBe(0n);
  });

  it('fully performed only when every money obligation is at zero and every non-money one performed', () => {
    const f = buildFacts({ obligations: [moneyObligation('o1', 100n, 'party'), nonMoneyObligation('o2', null)] });
    let s = accepted(f, initialState(f), ev('payment', { on: '2016-03-02', obligation: 'o1', amount: 100n }));
    expect(totalOutstanding(f, s)).toBe(0n);
    expect(isFullyPerformed(f, s)).toBe(false);
    s = accepted(f, s, ev('performed', { on: '2016-03-02', obligation: 'o2' }));
    expect(isFullyPerformed(f, s)).toBe(true);
  });

  it('law regime: Law 26/2008 until 30/06/2026, Law 106/2025 from 01/07/2026', () => {
    expect([lawRegimeOn('2015-01-01'), lawRegimeOn('2026-06-30'), lawRegimeOn('2026-07-01'), lawRegimeOn('2030-12-31')]).toEqual([
      'law_2008', 'law_2008', 'law_106_2025', 'law_106_2025',
    ]);
  });

  it('verification results are kept; only findings of no means are counted, and resumption resets them', () => {
    const h = historyTo('no_means');
    const s = stateAfter(h.facts, h.events);
    expect(s.noMeansVerifications).toBe(3);
    expect(s.lastVerification).toEqual({ on: TIMELINE.reverified2, result: 'no_means' });
    const found = accepted(h.facts, s, ev('verified', { on: '2026-04-01', result: 'has_means' }));
    expect(found).toMatchObject({ status: 'no_means', noMeansVerifications: 3, lastVerification: { result: 'has_means' } });
    const resumed = accepted(h.facts, found, ev('resumed', { on: '2026-04-02' }));
    expect(resumed).toMatchObject({ status: 'in_progress', noMeansDecision: null, noMeansVerifications: 0, lastVerification: null, episodeStart: h.facts.acceptedOn });
  });
});
