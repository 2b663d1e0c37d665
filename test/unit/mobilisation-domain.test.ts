import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/modules/cases/domain/index.js';
import {
  type Assignment, type Team, type Visit,
  DEFAULT_ATTRIBUTION_POLICY, attributedEvents, coercionAvoided, instalmentStatuses, persuadingVisitFor, validateAssignment, validateTeam, validateVisit,
} from '../../src/modules/mobilisation/domain/index.js';

const visit = (id: string, on: string, outcome: Visit['outcome'], extra: Partial<Visit> = {}): Visit => ({
  id, teamId: 'T1', caseId: 'C', on, place: 'home', outcome, memberIds: ['m1'], instalments: [], paidOnSpot: null, ...extra,
});
const pay = (on: string, amount: bigint): CaseEvent => ({ type: 'payment', on, obligation: 'o1', amount });
const policy = DEFAULT_ATTRIBUTION_POLICY;

describe('attribution window (ATTRIBUTION_WINDOW_POLICY, default 30 days)', () => {
  it.each([
    ['same day as the visit', '2020-03-01', true],
    ['the 30th day after', '2020-03-31', true],
    ['the 31st day after', '2020-04-01', false],
    ['the day before the visit', '2020-02-29', false],
  ])('a payment %s', (_, on, attributed) => {
    const r = attributedEvents([pay(on, 5n)], [visit('v1', '2020-03-01', 'agreed')], policy);
    expect(r.length).toBe(attributed ? 1 : 0);
  });

  it.each(['refused', 'not_home', 'moved_away', 'hardship'] as const)('a visit with outcome %s persuades nobody', (outcome) => {
    expect(attributedEvents([pay('2020-03-02', 5n)], [visit('v1', '2020-03-01', outcome)], policy)).toEqual([]);
  });

  it('counts payments, performance and completion, not other events', () => {
    const events: CaseEvent[] = [
      pay('2020-03-02', 5n), { type: 'performed', on: '2020-03-03', obligation: 'o2' }, { type: 'completed', on: '2020-03-04' },
      { type: 'postponed', on: '2020-03-05', ground: 'x' }, { type: 'reduced', on: '2020-03-05', obligation: 'o1', amount: 1n },
    ];
    expect(attributedEvents(events, [visit('v1', '2020-03-01', 'paid_on_spot', { paidOnSpot: 5n })], policy).map((a) => a.event.type)).toEqual(['payment', 'performed', 'completed']);
  });

  it('gives an event to the latest persuading visit only, so team sums equal the total', () => {
    const visits = [visit('a', '2020-03-01', 'agreed'), { ...visit('b', '2020-03-10', 'agreed'), teamId: 'T2' }, visit('c', '2020-03-12', 'refused')];
    expect(persuadingVisitFor('2020-03-15', visits, policy)?.id).toBe('b');
    expect(persuadingVisitFor('2020-03-05', visits, policy)?.id).toBe('a');
  });

  it('follows a changed policy', () => {
    expect(attributedEvents([pay('2020-04-15', 1n)], [visit('v', '2020-03-01', 'agreed')], { windowDays: 60 })).toHaveLength(1);
    expect(attributedEvents([pay('2020-03-09', 1n)], [visit('v', '2020-03-01', 'agreed')], { windowDays: 7 })).toHaveLength(0);
  });
});

describe('coercion avoided', () => {
  const v = visit('v', '2020-05-01', 'agreed');
  it.each<[string, CaseEvent[], string | null, boolean]>([
    ['decided, then visit, then completed voluntarily', [{ type: 'coercion_decided', on: '2020-04-20' }, { type: 'completed', on: '2020-05-20' }], null, true],
    ['planned on the assignment before the visit', [{ type: 'completed', on: '2020-05-20' }], '2020-04-01', true],
    ['planned only after the visit', [{ type: 'completed', on: '2020-05-20' }], '2020-05-02', false],
    ['never decided nor planned', [{ type: 'completed', on: '2020-05-20' }], null, false],
    ['distrained after the decision', [{ type: 'coercion_decided', on: '2020-04-20' }, { type: 'distrained', on: '2020-05-10' }, { type: 'completed', on: '2020-05-20' }], null, false],
    ['auctioned', [{ type: 'coercion_decided', on: '2020-04-20' }, { type: 'auctioned', on: '2020-05-15', proceeds: 1n }, { type: 'completed', on: '2020-05-20' }], null, false],
    ['completed outside the window', [{ type: 'coercion_decided', on: '2020-04-20' }, { type: 'completed', on: '2020-06-20' }], null, false],
    ['decided after the visit', [{ type: 'coercion_decided', on: '2020-05-05' }, { type: 'completed', on: '2020-05-20' }], null, false],
    ['not completed', [{ type: 'coercion_decided', on: '2020-04-20' }], null, false],
  ])('%s', (_, events, planned, expected) => {
    expect(coercionAvoided(events, [v], policy, planned) !== null).toBe(expected);
  });
});

describe('promised instalments', () => {
  const agreed = { on: '2020-03-01', instalments: [{ due: '2020-03-31', amount: 100n }, { due: '2020-04-30', amount: 100n }] };
  it.each<[string, CaseEvent[], string, string[]]>([
    ['both paid on time', [pay('2020-03-20', 100n), pay('2020-04-20', 100n)], '2020-05-10', ['kept', 'kept']],
    ['paid ahead in one go', [pay('2020-03-05', 200n)], '2020-03-10', ['kept', 'kept']],
    ['nothing paid, first past due', [], '2020-04-01', ['broken', 'due']],
    ['nothing paid, on the due day', [], '2020-03-31', ['due', 'due']],
    ['first paid late', [pay('2020-04-05', 100n)], '2020-04-10', ['broken', 'due']],
    ['payment before the visit does not count', [pay('2020-02-20', 200n)], '2020-05-10', ['broken', 'broken']],
    ['short second instalment', [pay('2020-03-20', 100n), pay('2020-04-20', 50n)], '2020-05-01', ['kept', 'broken']],
  ])('%s', (_, events, today, states) => {
    expect(instalmentStatuses(agreed, events, today).map((s) => s.state)).toEqual(states);
  });
});

describe('bad input', () => {
  const team: Team = {
    id: 'T1', office: 'LA-CT', commune: '27', validFrom: '2016-01-01', validTo: null,
    members: [{ id: 'm1', name: 'A', organisation: 'mttq', role: 'leader', validFrom: '2016-01-01', validTo: null }, { id: 'm2', name: 'B', organisation: 'hoi_phu_nu', role: 'member', validFrom: '2016-01-01', validTo: '2018-12-31' }],
  };
  const assignment: Assignment = { id: 'a', caseId: 'C', teamId: 'T1', from: '2020-01-10', to: null };
  const codes = (v: Omit<Visit, 'id'>, today = '2020-06-01') => validateVisit(v, team, assignment, today).map((e) => e.rule);

  it('accepts a correct visit with a schedule', () => {
    expect(codes(visit('x', '2020-02-01', 'agreed', { instalments: [{ due: '2020-03-01', amount: 1_000_000n }] }))).toEqual([]);
  });
  it.each<[string, Omit<Visit, 'id'>, string]>([
    ['dated in the future', visit('x', '2020-07-01', 'refused'), 'visit_in_future'],
    ['before the assignment', visit('x', '2020-01-09', 'refused'), 'visit_before_assignment'],
    ['a member not in the team', visit('x', '2020-02-01', 'refused', { memberIds: ['zz'] }), 'member_not_in_team'],
    ['a member who had left', visit('x', '2020-02-01', 'refused', { memberIds: ['m2'] }), 'member_not_in_team'],
    ['no member', visit('x', '2020-02-01', 'refused', { memberIds: [] }), 'visit_without_members'],
    ['a zero instalment', visit('x', '2020-02-01', 'agreed', { instalments: [{ due: '2020-03-01', amount: 0n }] }), 'instalment_not_positive'],
    ['a negative instalment', visit('x', '2020-02-01', 'agreed', { instalments: [{ due: '2020-03-01', amount: -5n }] }), 'instalment_not_positive'],
    ['an instalment before the visit', visit('x', '2020-02-01', 'agreed', { instalments: [{ due: '2020-01-31', amount: 5n }] }), 'instalment_before_visit'],
    ['an agreement without schedule', visit('x', '2020-02-01', 'agreed'), 'agreed_without_instalments'],
    ['a schedule on a refusal', visit('x', '2020-02-01', 'refused', { instalments: [{ due: '2020-03-01', amount: 5n }] }), 'instalments_only_when_agreed'],
    ['paid on the spot without amount', visit('x', '2020-02-01', 'paid_on_spot'), 'paid_on_spot_amount'],
  ])('refuses a visit %s', (_, v, code) => {
    expect(codes(v)).toContain(code);
  });

  it('refuses a second open assignment and a team not valid that day', () => {
    expect(validateAssignment('2020-01-10', team, [assignment]).map((e) => e.rule)).toEqual(['assignment_already_open']);
    expect(validateAssignment('2015-12-31', team, [{ ...assignment, to: '2015-12-01' }]).map((e) => e.rule)).toEqual(['assignment_team_not_valid']);
  });

  it('refuses a team for a commune outside the office or not valid at its dates', () => {
    expect(validateTeam(team, null).map((e) => e.rule)).toEqual(['team_commune_outside_office']);
    expect(validateTeam(team, { officeInArea: false, validFrom: null, validTo: null }).map((e) => e.rule)).toEqual(['team_commune_outside_office']);
    expect(validateTeam(team, { officeInArea: true, validFrom: null, validTo: '2025-06-30' }).map((e) => e.rule)).toEqual(['team_commune_not_valid']);
    expect(validateTeam({ ...team, validTo: '2025-06-30' }, { officeInArea: true, validFrom: null, validTo: '2025-06-30' })).toEqual([]);
    expect(validateTeam({ ...team, validTo: '2015-01-01' }, { officeInArea: true, validFrom: null, validTo: null }).map((e) => e.rule)).toEqual(['team_dates']);
  });
});
