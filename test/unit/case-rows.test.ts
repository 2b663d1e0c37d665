import { describe, expect, it } from 'vitest';
import { caseFactsFromRows, type CaseFactsRow, type ObligationRow, type PartyRow } from '../../src/modules/cases/domain/index.js';

/** The one mapping from stored rows (cases, case_parties, case_obligations) to a case's facts. */

const caseRow = (over: Partial<CaseFactsRow> = {}): CaseFactsRow => ({
  id: '0001/2026/TN-KV3', decision_number: '12/QĐ-CCTHADS', decision_date: '2026-10-05', accepted_on: '2026-10-06',
  initiation: 'on_request', category: 'dan_su', judgment_number: '45/2026/DS-ST', judgment_date: '2026-08-20', court: 'TAND khu vực 3 Tây Ninh',
  commune_code: '25741', initial_enforcer: 'CHV01', ...over,
});
const obligor: PartyRow = { role: 'obligor', kind: 'person', name: 'Nguyễn Văn An', id_number: '072090001234', address: 'Ấp 3, xã Thanh Điền' };
const obligee: PartyRow = { role: 'obligee', kind: 'organisation', name: 'Công ty TNHH Bình Minh', id_number: null, address: null };

describe('caseFactsFromRows', () => {
  it('maps every column of the case, its parties and obligations in their stored order', () => {
    const obligations: ObligationRow[] = [
      { id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 15_000_000n, value: null },
      { id: 'o2', kind: 'non_money', beneficiary: 'party', label: 'Giao nhà', amount: null, value: 800_000_000n },
      { id: 'o3', kind: 'non_money', beneficiary: 'state_budget', label: 'Xin lỗi công khai', amount: null, value: null },
    ];
    expect(caseFactsFromRows(caseRow(), [obligor, obligee], obligations, 'TN-KV3')).toEqual({
      id: '0001/2026/TN-KV3', office: 'TN-KV3', decision: { number: '12/QĐ-CCTHADS', date: '2026-10-05' }, acceptedOn: '2026-10-06',
      initiation: 'on_request', category: 'dan_su', judgment: { number: '45/2026/DS-ST', date: '2026-08-20', court: 'TAND khu vực 3 Tây Ninh' },
      commune: '25741', enforcer: 'CHV01',
      parties: [
        { role: 'obligor', kind: 'person', name: 'Nguyễn Văn An', idNumber: '072090001234', address: 'Ấp 3, xã Thanh Điền' },
        { role: 'obligee', kind: 'organisation', name: 'Công ty TNHH Bình Minh', idNumber: null, address: null },
      ],
      obligations: [
        { id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 15_000_000n },
        { id: 'o2', kind: 'non_money', beneficiary: 'party', label: 'Giao nhà', value: 800_000_000n },
        { id: 'o3', kind: 'non_money', beneficiary: 'state_budget', label: 'Xin lỗi công khai', value: null },
      ],
    });
  });

  it('reads amounts given as text (json_agg) exactly, beyond the range of a float', () => {
    const facts = caseFactsFromRows(caseRow({ commune_code: null, initial_enforcer: null }), [], [
      { id: 'o1', kind: 'money', beneficiary: 'state_budget', label: 'Án phí', amount: '9007199254740993', value: null },
      { id: 'o2', kind: 'non_money', beneficiary: 'party', label: 'Giao xe', amount: null, value: '120000000' },
    ], 'TN-KV3');
    expect(facts.obligations).toEqual([
      { id: 'o1', kind: 'money', beneficiary: 'state_budget', label: 'Án phí', amount: 9_007_199_254_740_993n },
      { id: 'o2', kind: 'non_money', beneficiary: 'party', label: 'Giao xe', value: 120_000_000n },
    ]);
    expect(facts).toMatchObject({ commune: null, enforcer: null, parties: [] });
  });

  it('refuses a value its column may not hold, naming the case (a bug, not a clerk\'s error)', () => {
    expect(() => caseFactsFromRows(caseRow({ initiation: 'by_post' }), [], [], 'TN-KV3')).toThrow(/0001\/2026\/TN-KV3: unknown initiation 'by_post'/);
    expect(() => caseFactsFromRows(caseRow({ category: 'thue' }), [], [], 'TN-KV3')).toThrow(/unknown category 'thue'/);
    expect(() => caseFactsFromRows(caseRow(), [{ ...obligor, role: 'witness' }], [], 'TN-KV3')).toThrow(/unknown party role 'witness'/);
    expect(() => caseFactsFromRows(caseRow(), [{ ...obligor, kind: 'robot' }], [], 'TN-KV3')).toThrow(/unknown party kind 'robot'/);
    const o: ObligationRow = { id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 1n, value: null };
    expect(() => caseFactsFromRows(caseRow(), [], [{ ...o, beneficiary: 'court' }], 'TN-KV3')).toThrow(/unknown beneficiary 'court'/);
    expect(() => caseFactsFromRows(caseRow(), [], [{ ...o, kind: 'service' }], 'TN-KV3')).toThrow(/unknown obligation kind 'service'/);
    expect(() => caseFactsFromRows(caseRow(), [], [{ ...o, amount: null }], 'TN-KV3')).toThrow(/money obligation without amount/);
  });
});
