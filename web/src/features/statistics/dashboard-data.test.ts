import { describe, expect, it } from 'vitest';
import type { Unit } from '../../api/types';
import { predecessorsOf } from './dashboard-data';

const unit = (code: string, successorCode: string | null): Unit => ({
  id: code, code, name: code, level: 'office', parentCode: null, validFrom: '2009-07-01', validTo: null, successorCode, active: true,
});

describe('predecessorsOf', () => {
  it('follows successor links backwards through a chain', () => {
    const units = [unit('A', 'B'), unit('B', 'C'), unit('C', null), unit('D', null)];
    expect(predecessorsOf('C', units).map((u) => u.code)).toEqual(['B', 'A']);
    expect(predecessorsOf('D', units)).toEqual([]);
  });
});
