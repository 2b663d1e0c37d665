import { describe, expect, it } from 'vitest';
import { applyEvent, replay } from '../../../src/modules/cases/domain/case-ledger.js';
import type { CaseEvent } from '../../../src/modules/cases/domain/case-types.js';
import { buildFacts, moneyObligation, nonMoneyObligation } from '../../support/case-factory.js';

describe('guards added after review', () => {
  const facts = buildFacts({ acceptedOn: '2016-03-01', initiation: 'ex_officio' });
  const noMeans: CaseEvent[] = [
    { type: 'verified', on: '2016-03-10', result: 'no_means' },
    { type: 'no_means_decided', on: '2016-03-15', reason: 'no_assets' },
    { type: 'verified', on: '2016-09-10', result: 'no_means' },
  ];

  it('refuses the separate ledger when the latest verification found means (resume instead)', () => {
    const r = replay(facts, [...noMeans, { type: 'verified', on: '2017-02-01', result: 'has_means' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const shelved = applyEvent(facts, r.value, { type: 'separate_ledger', on: '2017-04-01' });
    expect(shelved).toMatchObject({ ok: false, errors: [{ field: 'type', rule: 'means_found' }] });
    const resumed = applyEvent(facts, r.value, { type: 'resumed', on: '2017-04-01' });
    expect(resumed.ok && resumed.value.status).toBe('in_progress');
  });

  it('still allows it after a year of no means with two verifications', () => {
    const r = replay(facts, [...noMeans, { type: 'separate_ledger', on: '2017-03-15' }]);
    expect(r.ok && r.value.status).toBe('separate_ledger');
  });

  it('names a remaining non-money obligation when completion is refused with nothing owed in money', () => {
    const f = buildFacts({ obligations: [moneyObligation('o1', 100_000n), nonMoneyObligation('o2', null)] });
    const r = replay(f, [{ type: 'payment', on: '2016-03-05', obligation: 'o1', amount: 100_000n }, { type: 'completed', on: '2016-03-06' }]);
    expect(r).toMatchObject({ ok: false, errors: [{ rule: 'outstanding_remaining', message: 'Còn khoản không phải tiền chưa thi hành xong: chưa thể kết thúc "thi hành xong".' }] });
  });
});
