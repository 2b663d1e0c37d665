import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../src/modules/cases/domain/case-types.js';
import { episodeForPeriod, episodesOf, holdingOfficeAt, isOpenAt } from '../../../src/modules/statistics/domain/index.js';
import { ev, facts, HOME, noMeansSince2014, OTHER, settleAll } from './statistics-fixtures.js';

const f = facts('2014-06-02');
// Episode 1: 02/06/2014 – separate ledger 01/12/2015; episode 2: resumed 04/01/2016 – completed 01/03/2016.
const events = [...noMeansSince2014, ev.separateLedger('2015-12-01'), ev.resumed('2016-01-04'), ...settleAll('2016-03-01'), ev.completed('2016-03-01')];
const episodes = episodesOf(f, events);

describe('episodes (statistics.md §2)', () => {
  it('start at acceptance or at resumed after the separate ledger, end at the terminal event', () => {
    expect(episodes).toEqual([
      { start: '2014-06-02', startedBy: 'accepted', startIndex: -1, end: { on: '2015-12-01', type: 'separate_ledger', index: 3 } },
      { start: '2016-01-04', startedBy: 'resumed', startIndex: 4, end: { on: '2016-03-01', type: 'completed', index: 8 } },
    ]);
  });

  it('resumed from no_means or postponed does not start an episode', () => {
    const g = facts('2015-06-01');
    expect(episodesOf(g, [ev.noMeansFound('2015-07-01'), ev.noMeansDecided('2015-07-01'), ev.resumed('2015-11-02'), ev.postponed('2015-12-01'), ev.resumed('2016-01-04')]))
      .toEqual([{ start: '2015-06-01', startedBy: 'accepted', startIndex: -1, end: null }]);
  });

  it.each([
    // [from, to, start of the episode used or null]
    ['2014-06-02', '2014-06-02', '2014-06-02'], // accepted on E
    ['2014-01-01', '2014-06-01', null], // before acceptance
    ['2015-10-01', '2015-11-30', '2014-06-02'], // open at E
    ['2015-12-01', '2015-12-01', '2014-06-02'], // ended on S = E
    ['2015-10-01', '2015-12-31', '2014-06-02'], // ended within, next not started
    ['2015-12-02', '2016-01-03', null], // in the separate ledger all the period: out of scope
    ['2015-12-02', '2016-01-04', '2016-01-04'], // resumed on E
    ['2015-10-01', '2016-09-30', '2016-01-04'], // both ended within: the last one
    ['2016-03-01', '2016-09-30', '2016-01-04'], // ended on S
    ['2016-03-02', '2016-09-30', null], // closed the day before S
  ])('[%s, %s] uses the episode started %s', (from, to, start) => {
    expect(episodeForPeriod(episodes, { from, to })?.start ?? null).toBe(start);
  });

  it('an episode ending on a day is no longer open that day', () => {
    expect([isOpenAt(episodes[0]!, '2015-11-30'), isOpenAt(episodes[0]!, '2015-12-01'), isOpenAt(episodes[1]!, '2016-01-03')]).toEqual([true, false, false]);
  });

  it('events after the end (payouts of collected money) belong to no episode; only a resumption after the separate ledger starts one', () => {
    const payout = (on: string): CaseEvent => ({ type: 'disbursed', on, obligation: 'o2', amount: 1n });
    expect(episodesOf(f, [ev.pay('2014-07-01', 'o2', 1n), ev.withdrawn('2015-01-05'), payout('2015-01-06')]))
      .toEqual([{ start: '2014-06-02', startedBy: 'accepted', startIndex: -1, end: { on: '2015-01-05', type: 'withdrawn', index: 1 } }]);
    expect(episodesOf(f, [...noMeansSince2014, ev.pay('2015-06-01', 'o2', 1n), ev.separateLedger('2015-12-01'), payout('2015-12-02'), ev.resumed('2016-01-04')]).map((e) => [e.start, e.end?.index ?? null]))
      .toEqual([['2014-06-02', 4], ['2016-01-04', null]]);
  });
});

describe('holdingOfficeAt (statistics.md §2)', () => {
  const g = facts('2024-10-15');
  const moved = [ev.pay('2025-03-03', 'o2', 1n), ev.officeChanged('2025-07-01', 'TN-KV3'), ev.officeChanged('2025-08-01', 'TN-KV1')];
  it.each([
    ['2024-01-01', HOME], ['2024-10-15', HOME], ['2025-06-30', HOME], ['2025-07-01', OTHER], ['2025-07-31', OTHER], ['2025-08-01', 'TN-KV1'], ['2030-01-01', 'TN-KV1'],
  ])('at %s: %s', (date, office) => {
    expect(holdingOfficeAt(g, moved, date)).toBe(office);
  });
});
