import { describe, expect, it } from 'vitest';
import { RESULT_FIGURES, addFigures, figuresOfItems, shareOf, zeroFigures, type ResultItem } from '../../src/modules/mobilisation/domain/index.js';

const item = (figure: ResultItem['figure'], caseId: string, teamId: string, value = 1n): ResultItem => ({ figure, caseId, teamId, visitId: null, on: '2020-01-01', value });

describe('the teams\' share of the official results (domain/results.ts)', () => {
  it.each([
    [{ casesResolved: 1n, moneyResolved: 0n }, { casesResolved: 3n, moneyCollected: 0n }, { cases: 33.33, money: null }],
    [{ casesResolved: 2n, moneyResolved: 1n }, { casesResolved: 3n, moneyCollected: 8n }, { cases: 66.67, money: 12.5 }],
    [{ casesResolved: 0n, moneyResolved: 0n }, { casesResolved: 0n, moneyCollected: 0n }, { cases: null, money: null }],
    [{ casesResolved: 7n, moneyResolved: 1_000_000n }, { casesResolved: 7n, moneyCollected: 1_000_000n }, { cases: 100, money: 100 }],
    // half-up at the second decimal, exact integers: 1/8 = 12,5 %; 1/16 = 6,25 %; 1/6 = 16,67 %
    [{ casesResolved: 1n, moneyResolved: 1n }, { casesResolved: 6n, moneyCollected: 16n }, { cases: 16.67, money: 6.25 }],
  ])('case %#', (f, official, share) => {
    expect(shareOf(f, official)).toEqual(share);
  });

  it('refuses a share over 100 %: the figures would count a case the office does not', () => {
    expect(() => shareOf({ casesResolved: 4n, moneyResolved: 0n }, { casesResolved: 3n, moneyCollected: 0n })).toThrow(/exceed/);
    expect(() => shareOf({ casesResolved: 0n, moneyResolved: 11n }, { casesResolved: 3n, moneyCollected: 10n })).toThrow(/exceed/);
  });
});

describe('figures are sums of their items', () => {
  it('groups items by key, figure by figure, and the groups add up to the whole', () => {
    const items = [
      item('visits', 'C1', 'T1'), item('visits', 'C1', 'T1'), item('visits', 'C2', 'T2'),
      item('moneyResolved', 'C1', 'T1', 1_500_000n), item('moneyResolved', 'C2', 'T2', 250_000n), item('moneyResolved', 'C2', 'T2', 1n),
      item('casesResolved', 'C1', 'T1'), item('promisesBroken', 'C2', 'T2'),
    ];
    const byTeam = figuresOfItems(items, (i) => i.teamId);
    expect(byTeam.get('T1')).toMatchObject({ visits: 2n, moneyResolved: 1_500_000n, casesResolved: 1n, promisesBroken: 0n });
    expect(byTeam.get('T2')).toMatchObject({ visits: 1n, moneyResolved: 250_001n, casesResolved: 0n, promisesBroken: 1n });
    const total = [...byTeam.values()].reduce(addFigures, zeroFigures());
    const whole = figuresOfItems(items, () => 'all').get('all')!;
    expect(total).toEqual(whole);
    expect(Object.keys(whole).sort()).toEqual([...RESULT_FIGURES].sort());
  });
});
