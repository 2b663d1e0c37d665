import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/types';
import { buildUnitTree, unitTreeOptions } from './unit-tree';

const unit = (code: string, parentCode: string | null, active = true): Unit => ({
  id: code,
  code,
  name: `Đơn vị ${code}`,
  level: parentCode ? 'office' : 'province',
  parentCode,
  validFrom: '2009-07-01',
  validTo: active ? null : '2025-06-30',
  successorCode: null,
  active,
});

describe('buildUnitTree', () => {
  it('nests by parentCode, current units first, and roots units whose parent is out of scope', () => {
    const tree = buildUnitTree([unit('LA-CT', 'LA', false), unit('TN-KV3', 'TN'), unit('TN', 'VN'), unit('LA', 'VN', false)]);
    expect(tree.map((n) => n.unit.code)).toEqual(['TN', 'LA']);
    expect(tree[0]!.children.map((n) => n.unit.code)).toEqual(['TN-KV3']);
    expect(tree[1]!.children.map((n) => n.unit.code)).toEqual(['LA-CT']);
  });

  it('disables units no longer valid in pickers unless asked to keep them', () => {
    const tree = buildUnitTree([unit('TN', null), unit('LA', null, false)]);
    expect(unitTreeOptions(tree, false).map((o) => [o.value, o.disabled])).toEqual([
      ['TN', false],
      ['LA', true],
    ]);
    expect(unitTreeOptions(tree, true).every((o) => !o.disabled)).toBe(true);
  });
});
