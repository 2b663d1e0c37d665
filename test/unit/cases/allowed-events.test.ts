import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/kernel/calendar/index.js';
import { allowedEvents, type EventAvailability } from '../../../src/modules/cases/domain/allowed-events.js';
import { applyEvent, initialState, replay, STATUS_VI } from '../../../src/modules/cases/domain/case-ledger.js';
import { eventsInStatus } from '../../../src/modules/cases/domain/case-state-machine.js';
import {
  CASE_STATUSES, EVENT_TYPES, INITIATIONS, isTerminal,
  type CaseEvent, type CaseEventType, type CaseFacts, type CaseState, type CaseStatus,
} from '../../../src/modules/cases/domain/case-types.js';
import { buildEvent as ev, buildFacts, deepFreeze, historyTo, moneyObligation, nonMoneyObligation, VIETNAMESE } from '../../support/case-factory.js';

function stateAfter(facts: CaseFacts, events: readonly CaseEvent[]): CaseState {
  const r = replay(facts, events);
  if (!r.ok) throw new Error(`history refused at ${r.failedAt}: ${JSON.stringify(r.errors)}`);
  return r.value;
}
const allowedTypes = (a: EventAvailability[]) => a.filter((x) => x.allowed).map((x) => x.type).sort();
const reasonOf = (a: EventAvailability[], type: CaseEventType) => a.find((x) => x.type === type)!.reason;

const ALL_OPEN: CaseEventType[] = ['enforcer_assigned', 'verified', 'payment', 'performed', 'reduced', 'disbursed', 'terminated', 'transferred_out', 'withdrawn', 'office_changed'];
/** What the canonical history of each status (test/support/case-factory.ts) allows on the day of its last event. */
const EXPECTED: Record<CaseStatus, CaseEventType[]> = {
  // The history ends with a finding of no means: the no-means decision is open, completion is not (money left).
  pending_verification: [...ALL_OPEN, 'no_means_decided', 'postponed', 'suspended', 'other_status'],
  in_progress: [...ALL_OPEN, 'no_means_decided', 'postponed', 'suspended', 'other_status', 'coercion_decided', 'distrained', 'auctioned'],
  // A year after the decision with two findings, old law: the separate ledger; the returned request is Law 106's.
  no_means: [...ALL_OPEN, 'resumed', 'suspended', 'separate_ledger'],
  postponed: [...ALL_OPEN, 'resumed', 'suspended'],
  suspended: [...ALL_OPEN, 'resumed'],
  other: [...ALL_OPEN, 'resumed', 'suspended'],
  completed: ['disbursed'],
  terminated: ['disbursed'],
  transferred_out: ['disbursed'],
  withdrawn: ['disbursed'],
  separate_ledger: ['resumed', 'disbursed'],
  request_returned: ['resumed', 'disbursed'],
};

describe('allowedEvents: what may be recorded now, with the reason for the rest', () => {
  describe.each(INITIATIONS)('%s case', (initiation) => {
    it.each(CASE_STATUSES)('in status %s', (status) => {
      const h = historyTo(status, { initiation });
      const state = deepFreeze(stateAfter(h.facts, h.events));
      const before = structuredClone(state);
      const a = allowedEvents(h.facts, state, h.day);
      expect(a.map((x) => x.type)).toEqual([...EVENT_TYPES]);
      expect(allowedTypes(a)).toEqual([...EXPECTED[status]].sort());
      for (const x of a) {
        // Never more than the transition table; every refusal says why, in both languages.
        if (x.allowed) {
          expect(eventsInStatus(status), x.type).toContain(x.type);
          expect(x.reason).toBeUndefined();
        } else {
          expect(x.reason!.vi, x.type).toMatch(VIETNAMESE);
          expect(x.reason!.en, x.type).not.toBe('Not available now.');
          if (!eventsInStatus(status).includes(x.type)) {
            expect(x.reason!.vi).toContain(isTerminal(status) ? 'Việc đã kết thúc' : `đang ở trạng thái "${STATUS_VI[status]}"`);
          }
        }
      }
      expect(state).toEqual(before);
    });
  });

  it('agrees with the ledger: an allowed event dated today is accepted, a refused one is refused for the same reason', () => {
    for (const status of CASE_STATUSES) {
      const h = historyTo(status, { settled: status === 'completed' });
      const state = stateAfter(h.facts, h.events);
      for (const x of allowedEvents(h.facts, state, h.day)) {
        if (['payment', 'reduced', 'disbursed', 'performed'].includes(x.type)) continue; // the obligation is the person's choice
        const r = applyEvent(h.facts, state, ev(x.type, { on: h.day }));
        expect(r.ok, `${status}/${x.type}`).toBe(x.allowed);
        if (!r.ok && x.reason!.vi !== r.errors[0]!.message) expect(r.errors[0]!.field, `${status}/${x.type}`).toMatch(/^(obligation|amount|to|enforcer)$/);
      }
    }
  });

  it('a new case: verification and the steps before it, not completion nor a no-means decision', () => {
    const facts = buildFacts({ acceptedOn: '2026-05-04' });
    const a = allowedEvents(facts, initialState(facts), '2026-05-04');
    expect(allowedTypes(a)).toEqual(
      ['enforcer_assigned', 'verified', 'postponed', 'suspended', 'other_status', 'payment', 'performed', 'reduced', 'terminated', 'transferred_out', 'withdrawn', 'office_changed'].sort(),
    );
    expect(reasonOf(a, 'completed')!.vi).toBe('Còn phải thi hành 67.000.000 đ: chưa thể kết thúc "thi hành xong".');
    expect(reasonOf(a, 'no_means_decided')!.vi).toContain('Cần có kết quả xác minh "chưa có điều kiện"');
    expect(reasonOf(a, 'coercion_decided')!.vi).toBe('Không thể ghi "QĐ cưỡng chế" khi việc đang ở trạng thái "Chưa xác minh".');
    // Nothing collected yet: nothing to pay out.
    expect(reasonOf(a, 'disbursed')).toEqual({
      vi: 'Không có khoản phải thi hành nào còn có thể ghi "Chi trả cho người được thi hành án".',
      en: 'No obligation of the case can take this event now.',
    });
  });

  it('the events naming an obligation follow what is left on the obligations', () => {
    const facts = buildFacts({ acceptedOn: '2026-05-04', obligations: [moneyObligation('o1', 1_000_000n, 'party'), nonMoneyObligation('o2')] });
    const fresh = allowedEvents(facts, initialState(facts), '2026-05-04');
    expect(reasonOf(fresh, 'reduced')?.vi).toContain('Không có khoản phải thi hành nào'); // no state-budget obligation
    const paid = stateAfter(facts, [ev('verified', { on: '2026-05-05' }), ev('payment', { on: '2026-05-06', obligation: 'o1', amount: 1_000_000n })]);
    const a = allowedEvents(facts, paid, '2026-05-06');
    expect(a.find((x) => x.type === 'payment')!.allowed).toBe(false);
    expect(a.find((x) => x.type === 'disbursed')!.allowed).toBe(true);
    expect(a.find((x) => x.type === 'performed')!.allowed).toBe(true);
    expect(reasonOf(a, 'completed')!.vi).toBe('Còn khoản không phải tiền chưa thi hành xong: chưa thể kết thúc "thi hành xong".');
    const done = stateAfter(facts, [ev('verified', { on: '2026-05-05' }), ev('payment', { on: '2026-05-06', obligation: 'o1', amount: 1_000_000n }), ev('performed', { on: '2026-05-06', obligation: 'o2' })]);
    const b = allowedEvents(facts, done, '2026-05-07');
    expect(b.find((x) => x.type === 'completed')!.allowed).toBe(true);
    expect(b.find((x) => x.type === 'performed')!.allowed).toBe(false);
  });

  it('dates decide: the separate ledger waits a year after the no-means decision; Law 106 decides by initiation', () => {
    const early = historyTo('no_means');
    const tooEarly: IsoDate = '2025-09-01';
    const state = stateAfter(early.facts, early.events.slice(0, -1));
    expect(reasonOf(allowedEvents(early.facts, state, tooEarly), 'separate_ledger')).toEqual({
      vi: 'Chưa đủ thời gian chưa có điều kiện; sớm nhất ngày 01/03/2026.',
      en: 'Not yet: the period without means is not over.',
    });
    const lateDay: IsoDate = '2027-03-01';
    for (const initiation of INITIATIONS) {
      const h = historyTo('no_means', { initiation });
      const a = allowedEvents(h.facts, stateAfter(h.facts, h.events), lateDay);
      const expected = initiation === 'ex_officio' ? 'separate_ledger' : 'request_returned';
      const other = initiation === 'ex_officio' ? 'request_returned' : 'separate_ledger';
      expect(a.find((x) => x.type === expected)!.allowed, initiation).toBe(true);
      expect(a.find((x) => x.type === other)!.allowed, initiation).toBe(false);
    }
  });

  it('a case whose last verification found means is resumed, not shelved', () => {
    const h = historyTo('no_means');
    const state = stateAfter(h.facts, [...h.events, ev('verified', { on: '2026-03-02', result: 'has_means' })]);
    const a = allowedEvents(h.facts, state, '2026-03-02');
    expect(reasonOf(a, 'separate_ledger')!.vi).toContain('ra quyết định tiếp tục thi hành');
    expect(a.find((x) => x.type === 'resumed')!.allowed).toBe(true);
  });
});
