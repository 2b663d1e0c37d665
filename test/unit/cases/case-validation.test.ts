import { describe, expect, it } from 'vitest';
import { validateNewCase } from '../../../src/modules/cases/domain/case-validation.js';
import type { CaseFacts } from '../../../src/modules/cases/domain/case-types.js';
import { buildFacts, moneyObligation, nonMoneyObligation, VIETNAMESE } from '../../support/case-factory.js';

const rules = (facts: CaseFacts) => validateNewCase(facts).map((e) => [e.field, e.rule]);
const obligee = { role: 'obligee', kind: 'person', name: 'Lê Thị Cúc', idNumber: null, address: null } as const;

describe('validateNewCase (domain.md §2)', () => {
  it('accepts a well-formed case', () => {
    expect(validateNewCase(buildFacts())).toEqual([]);
  });

  it('needs at least one obligor', () => {
    expect(rules(buildFacts({ parties: [] }))).toEqual([['parties', 'obligor_required']]);
    expect(rules(buildFacts({ parties: [obligee] }))).toEqual([['parties', 'obligor_required']]);
  });

  it('needs at least one obligation', () => {
    expect(rules(buildFacts({ obligations: [] }))).toEqual([['obligations', 'required']]);
  });

  it('refuses a repeated obligation id, naming the repetition', () => {
    const facts = buildFacts({ obligations: [moneyObligation('o1', 1n), moneyObligation('o2', 1n), nonMoneyObligation('o1')] });
    expect(rules(facts)).toEqual([['obligations.2.id', 'unique']]);
    expect(validateNewCase(facts)[0]!.message).toContain('o1');
  });

  it.each([0n, -1n, -2_000_000n])('refuses a money amount of %s đồng', (amount) => {
    const facts = buildFacts({ obligations: [moneyObligation('o1', 5n), moneyObligation('o2', amount)] });
    expect(rules(facts)).toEqual([['obligations.1.amount', 'positive']]);
  });

  it.each([0n, -1n])('refuses a non-money value of %s đồng, accepts none or a positive one', (value) => {
    expect(rules(buildFacts({ obligations: [nonMoneyObligation('o1', value)] }))).toEqual([['obligations.0.value', 'positive']]);
    expect(rules(buildFacts({ obligations: [nonMoneyObligation('o1', null), nonMoneyObligation('o2', 1n)] }))).toEqual([]);
  });

  it('refuses a decision dated before the judgment it enforces; the same day is fine', () => {
    const judgment = { number: '45/2015/HS-ST', date: '2015-08-20', court: 'TAND huyện Châu Thành' };
    expect(rules(buildFacts({ judgment, decision: { number: '1', date: '2015-08-19' }, acceptedOn: '2015-08-20' }))).toEqual([['decision.date', 'after_judgment']]);
    expect(rules(buildFacts({ judgment, decision: { number: '1', date: '2015-08-20' }, acceptedOn: '2015-08-20' }))).toEqual([]);
  });

  it('refuses an acceptance dated before the judgment', () => {
    const judgment = { number: '45/2015/HS-ST', date: '2015-08-20', court: 'TAND huyện Châu Thành' };
    const errors = validateNewCase(buildFacts({ judgment, decision: { number: '1', date: '2015-08-25' }, acceptedOn: '2015-08-19' }));
    expect(errors.map((e) => [e.field, e.rule])).toEqual([['acceptedOn', 'after_judgment']]);
    expect(errors[0]!.message).toContain('19/08/2015');
    expect(errors[0]!.message).toContain('20/08/2015');
  });

  it('reports every problem at once, each with a Vietnamese message', () => {
    const facts = buildFacts({
      parties: [obligee],
      obligations: [moneyObligation('o1', 0n), nonMoneyObligation('o1', -5n), moneyObligation('o3', -1n)],
      judgment: { number: '1', date: '2020-01-10', court: 'TAND' },
      decision: { number: '1', date: '2020-01-09' },
      acceptedOn: '2020-01-09',
    });
    const errors = validateNewCase(facts);
    expect(errors.map((e) => [e.field, e.rule]).sort()).toEqual([
      ['acceptedOn', 'after_judgment'],
      ['decision.date', 'after_judgment'],
      ['obligations.0.amount', 'positive'],
      ['obligations.1.id', 'unique'],
      ['obligations.1.value', 'positive'],
      ['obligations.2.amount', 'positive'],
      ['parties', 'obligor_required'],
    ]);
    for (const e of errors) expect(e.message).toMatch(VIETNAMESE);
  });
});
