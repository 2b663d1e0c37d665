import { describe, expect, it } from 'vitest';
import { isUnitValidOn, parentLevelFor, visibleUnitIds, type UnitNode } from '../../../src/modules/organisation/domain/unit-scope.js';

// VN(1) → LA(2, until 2025-06-30, successor TN) → LA-CT(3, successor TN-KV3)
//       → TN(4) → TN-KV3(5), TN-KV1(6)
//       → HN(7) → HN-KV1(8)
const units: UnitNode[] = [
  { id: 1, code: 'VN', level: 'national', parentId: null, successorId: null },
  { id: 2, code: 'LA', level: 'province', parentId: 1, successorId: 4 },
  { id: 3, code: 'LA-CT', level: 'office', parentId: 2, successorId: 5 },
  { id: 4, code: 'TN', level: 'province', parentId: 1, successorId: null },
  { id: 5, code: 'TN-KV3', level: 'office', parentId: 4, successorId: null },
  { id: 6, code: 'TN-KV1', level: 'office', parentId: 4, successorId: null },
  { id: 7, code: 'HN', level: 'province', parentId: 1, successorId: null },
  { id: 8, code: 'HN-KV1', level: 'office', parentId: 7, successorId: null },
];
const codes = (root: number) => [...visibleUnitIds(units, root)].map((id) => units.find((u) => u.id === id)!.code).sort();

describe('visible units', () => {
  it.each([
    [1, ['HN', 'HN-KV1', 'LA', 'LA-CT', 'TN', 'TN-KV1', 'TN-KV3', 'VN']],
    [4, ['LA', 'LA-CT', 'TN', 'TN-KV1', 'TN-KV3']],
    [5, ['LA-CT', 'TN-KV3']],
    [6, ['TN-KV1']],
    [3, ['LA-CT']],
    [2, ['LA', 'LA-CT']],
    [8, ['HN-KV1']],
  ])('from unit %i', (root, expected) => {
    expect(codes(root)).toEqual(expected);
  });

  it('terminates on a successor cycle', () => {
    const cyclic: UnitNode[] = [
      { id: 1, code: 'A', level: 'office', parentId: null, successorId: 2 },
      { id: 2, code: 'B', level: 'office', parentId: null, successorId: 1 },
    ];
    expect([...visibleUnitIds(cyclic, 1)].sort()).toEqual([1, 2]);
  });
});

describe('validity and levels', () => {
  it('a unit is valid from its first to its last day inclusive', () => {
    const u = { validFrom: '2009-07-01', validTo: '2025-06-30' };
    expect([isUnitValidOn(u, '2009-06-30'), isUnitValidOn(u, '2009-07-01'), isUnitValidOn(u, '2025-06-30'), isUnitValidOn(u, '2025-07-01')]).toEqual([false, true, true, false]);
    expect(isUnitValidOn({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true);
  });
  it('levels nest national → province → office', () => {
    expect([parentLevelFor('national'), parentLevelFor('province'), parentLevelFor('office')]).toEqual([null, 'national', 'province']);
  });
});
