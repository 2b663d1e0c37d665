import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_TEAM_POLICY, campaignSnapshotToJson, closeErrors, countedPeriod, cumulativeProgress, editErrors, leaderboardTotals, namedCaseErrors, progressPercent,
  rankLeaderboard, readCampaignSnapshot, targetProgress, teamOfCase, validateCampaign, type CampaignFacts, type CampaignSnapshot,
} from '../../src/modules/mobilisation/domain/index.js';

const base: CampaignFacts = {
  name: 'Đợt cao điểm thi hành án năm 2016', decision: { number: '12/QĐ-BCĐ', date: '2016-05-20', signer: 'Nguyễn Văn A' }, decidedBy: 'committee',
  from: '2016-06-01', to: '2016-07-31', targets: { cases: 100, money: 5_000_000_000n, casesRate: 80, moneyRate: 40 },
};
const rules = (c: Partial<CampaignFacts>) => validateCampaign({ ...base, ...c }).map((e) => `${e.field}:${e.rule}`);
const targets = (t: Partial<CampaignFacts['targets']>) => rules({ targets: { ...base.targets, ...t } });

describe('campaign rules', () => {
  it('accepts a well-formed campaign, a one-day campaign and one without targets', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ to: '2016-06-01' })).toEqual([]);
    expect(rules({ targets: { cases: null, money: null, casesRate: null, moneyRate: null } })).toEqual([]);
  });
  it('refuses a campaign ending before it starts, decided after it starts, or without a name', () => {
    expect(rules({ to: '2016-05-31' })).toEqual(['to:ends_before_start']);
    expect(rules({ decision: { ...base.decision, date: '2016-06-02' } })).toEqual(['decision.date:decision_after_start']);
    expect(rules({ name: '  ' })).toEqual(['name:required']);
  });
  it.each([
    [100, []], [0.01, []], [99.99, []], [100.01, ['targets.casesRate:rate_over_100']], [150, ['targets.casesRate:rate_over_100']],
    [0, ['targets.casesRate:rate_not_positive']], [-5, ['targets.casesRate:rate_not_positive']], [80.123, ['targets.casesRate:rate_decimals']],
    [Number.NaN, ['targets.casesRate:rate_over_100']],
  ])('a cases rate target of %s', (rate, expected) => {
    expect(targets({ casesRate: rate })).toEqual(expected);
    expect(targets({ moneyRate: rate })).toEqual(expected.map((e) => e.replace('casesRate', 'moneyRate')));
  });
  it.each([
    [{ cases: 0 }, ['targets.cases:target_not_positive']], [{ cases: -1 }, ['targets.cases:target_not_positive']], [{ cases: 1.5 }, ['targets.cases:target_not_positive']],
    [{ money: 0n }, ['targets.money:target_not_positive']], [{ money: -1n }, ['targets.money:target_not_positive']], [{ cases: 1, money: 1n }, []],
  ])('absolute targets %o', (t, expected) => {
    expect(targets(t)).toEqual(expected);
  });
  it('reports every problem together', () => {
    expect(rules({ to: '2016-01-01', targets: { cases: 0, money: 0n, casesRate: 101, moneyRate: 0 } })).toEqual([
      'to:ends_before_start', 'targets.cases:target_not_positive', 'targets.money:target_not_positive', 'targets.casesRate:rate_over_100', 'targets.moneyRate:rate_not_positive',
    ]);
  });
  it('a closed campaign is not edited, nor closed again; a campaign is not closed before it starts', () => {
    expect(editErrors('open')).toEqual([]);
    expect(editErrors('closed').map((e) => e.rule)).toEqual(['campaign_closed']);
    expect(closeErrors('closed', '2016-06-01', '2016-08-01').map((e) => e.rule)).toEqual(['campaign_closed']);
    expect(closeErrors('open', '2016-06-01', '2016-05-31').map((e) => e.rule)).toEqual(['not_started']);
    expect(closeErrors('open', '2016-06-01', '2016-06-01')).toEqual([]);
  });
  it('a named case outside the scope is refused with its position', () => {
    expect(namedCaseErrors([{ caseId: 'a', inScope: true }, { caseId: 'b', inScope: false }])).toEqual([
      { field: 'cases[1].caseId', rule: 'case_outside_scope', message: 'Việc b không thuộc phạm vi đợt cao điểm.' },
    ]);
  });
  it('messages are Vietnamese', () => {
    expect(validateCampaign({ ...base, to: '2016-05-01' })[0]!.message).toBe('Đợt cao điểm kết thúc (01/05/2016) trước khi bắt đầu (01/06/2016).');
  });
});

describe('the counted period', () => {
  it.each([
    ['2016-05-31', null],
    ['2016-06-01', { from: '2016-06-01', to: '2016-06-01' }],
    ['2016-06-15', { from: '2016-06-01', to: '2016-06-15' }],
    ['2016-07-31', { from: '2016-06-01', to: '2016-07-31' }],
    ['2020-01-01', { from: '2016-06-01', to: '2016-07-31' }],
  ])('today %s', (today, expected) => {
    expect(countedPeriod('2016-06-01', '2016-07-31', today)).toEqual(expected);
  });
});

describe('CAMPAIGN_TEAM_POLICY', () => {
  const p = { from: '2016-06-01', to: '2016-07-31' };
  const a = (id: string, teamId: string, from: string, to: string | null) => ({ id, teamId, from, to });
  it('is named', () => expect(CAMPAIGN_TEAM_POLICY).toBe('latest_assignment_overlapping_period'));
  it('no assignment, or none overlapping the period: no team', () => {
    expect(teamOfCase([], p)).toBeNull();
    expect(teamOfCase([a('1', 'T1', '2016-01-01', '2016-05-31'), a('2', 'T2', '2016-08-01', null)], p)).toBeNull();
  });
  it('an assignment touching the period at either end counts', () => {
    expect(teamOfCase([a('1', 'T1', '2016-01-01', '2016-06-01')], p)).toBe('T1');
    expect(teamOfCase([a('1', 'T1', '2016-07-31', null)], p)).toBe('T1');
  });
  it('the most recent overlapping assignment wins, ended or open; ties go to the later recorded one', () => {
    expect(teamOfCase([a('1', 'T1', '2016-01-01', '2016-06-10'), a('2', 'T2', '2016-06-11', null)], p)).toBe('T2');
    expect(teamOfCase([a('2', 'T2', '2016-06-11', '2016-06-20'), a('1', 'T1', '2016-01-01', '2016-06-10')], p)).toBe('T2');
    expect(teamOfCase([a('9', 'T9', '2016-06-05', '2016-06-05'), a('10', 'T10', '2016-06-05', null)], p)).toBe('T10');
    expect(teamOfCase([a('3', 'T3', '2016-06-01', null), a('4', 'T4', '2016-08-02', null)], p)).toBe('T3');
  });
});

describe('ranking', () => {
  const row = (key: string | null, c: number, m: bigint) => ({ key, casesResolved: c, moneyResolved: m });
  it('sorts by cases, then money, then key (the keyless row last), with shared ranks for ties', () => {
    const ranked = rankLeaderboard([row('B', 5, 100n), row(null, 5, 100n), row('A', 5, 100n), row('C', 7, 0n), row('D', 5, 200n), row('E', 0, 0n)]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([['C', 1], ['D', 2], ['A', 3], ['B', 3], [null, 3], ['E', 6]]);
  });
  it('keeps the rows’ other fields and sums', () => {
    const ranked = rankLeaderboard([{ ...row('X', 1, 5n), label: 'x' }, { ...row('Y', 2, 1n), label: 'y' }]);
    expect(ranked[0]).toEqual({ key: 'Y', casesResolved: 2, moneyResolved: 1n, label: 'y', rank: 1 });
    expect(leaderboardTotals(ranked)).toEqual({ casesResolved: 3, moneyResolved: 6n });
    expect(rankLeaderboard([])).toEqual([]);
  });
});

describe('progress against targets', () => {
  it.each([
    [0, 100, 0], [50, 100, 50], [1, 3, 33.33], [2, 3, 66.67], [150, 100, 150], [1, 8, 12.5], [1, 20_000, 0.01], [1, 20_001, 0],
  ])('%s of %s is %s %%', (a, t, p) => {
    expect(progressPercent(a, t)).toBe(p);
    expect(progressPercent(BigInt(a), BigInt(t))).toBe(p);
  });
  it('no target, no progress', () => {
    expect(progressPercent(5, null)).toBeNull();
    expect(progressPercent(5, 0)).toBeNull();
  });
  it('all four targets', () => {
    const r = targetProgress({ cases: 10, money: 1000n, casesRate: 80, moneyRate: null }, { casesResolved: 12, moneyResolved: 500n, casesRate: 75.5, moneyRate: 30 });
    expect(r).toEqual({
      cases: { target: 10, achieved: 12, progress: 120, reached: true },
      money: { target: '1000', achieved: '500', progress: 50, reached: false },
      casesRate: { target: 80, achieved: 75.5, progress: -4.5, reached: false },
      moneyRate: { target: null, achieved: 30, progress: null, reached: null },
    });
  });
});

describe('cumulative progress', () => {
  it('one point a day, cumulative, events outside the period ignored, the last point the total', () => {
    const pts = cumulativeProgress({ from: '2016-06-29', to: '2016-07-02' },
      [{ on: '2016-06-29', count: 1 }, { on: '2016-07-01', count: 2 }, { on: '2016-06-28', count: 5 }, { on: '2016-07-03', count: 5 }],
      [{ on: '2016-06-30', amount: 10n }, { on: '2016-07-02', amount: 5n }, { on: '2016-07-02', amount: 1n }, { on: '2016-05-01', amount: 99n }]);
    expect(pts).toEqual([
      { on: '2016-06-29', cases: 1, money: 0n }, { on: '2016-06-30', cases: 1, money: 10n }, { on: '2016-07-01', cases: 3, money: 10n }, { on: '2016-07-02', cases: 3, money: 16n },
    ]);
  });
  it('crosses months and leap days', () => {
    const pts = cumulativeProgress({ from: '2016-02-28', to: '2016-03-01' }, [], []);
    expect(pts.map((p) => p.on)).toEqual(['2016-02-28', '2016-02-29', '2016-03-01']);
  });
});

describe('the frozen snapshot', () => {
  it('round-trips through its stored form with money as strings', () => {
    const s: CampaignSnapshot = {
      version: 1, unit: 'LA-CT', period: { from: '2016-06-01', to: '2016-07-31' }, counted: { from: '2016-06-01', to: '2016-07-31' }, closedOn: '2016-08-01',
      policies: { moneyResolved: ['completed', 'terminated', 'reduced'], teamPolicy: CAMPAIGN_TEAM_POLICY },
      totals: { casesResolved: 3, moneyResolved: 12_345_678_901_234_567n, withMeans: 4, moneyWithMeans: 20_000_000_000_000_000n, rate: 75, moneyRate: 61.73 },
      leaderboards: { office: [{ rank: 1, key: 'LA-CT', label: 'Chi cục', casesResolved: 3, moneyResolved: 12_345_678_901_234_567n, withMeans: 4, rate: 75 }] },
      namedCases: [{ caseId: 'x', decisionNumber: '1/QĐ', reason: 'large_amount', status: 'in_progress', outstanding: 9_007_199_254_740_993n }],
    };
    const json = JSON.parse(JSON.stringify(campaignSnapshotToJson(s)));
    expect(json.totals.moneyResolved).toBe('12345678901234567');
    expect(readCampaignSnapshot(json)).toEqual(s);
    expect(() => readCampaignSnapshot({ ...json, version: 2 })).toThrow(/version/);
  });
});
