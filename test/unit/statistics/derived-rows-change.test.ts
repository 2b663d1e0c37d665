import { describe, expect, it } from 'vitest';
import { derivedRowsChange } from '../../../src/modules/statistics/domain/case-statistics-change.js';

const flow = (on: string, amount: string) => ({ case_id: 'C', episode_no: 1, on, kind: 'paid', amount });
const rows = (flows: Record<string, unknown>[], states: Record<string, unknown>[] = [{ case_id: 'C', status: 'in_progress' }]) => ({ episodes: [], flows, states, offices: [] });

describe('the change of a case derived rows', () => {
  it('inserts everything for a new case', () => {
    const next = rows([flow('2026-01-02', '5')]);
    expect(derivedRowsChange(null, next)).toEqual({ rewrite: [], insert: next });
  });

  it('adds only the new rows, counting equal rows as many (two equal payments on one day)', () => {
    const before = rows([flow('2026-01-02', '5')]);
    const after = rows([flow('2026-01-02', '5'), flow('2026-01-02', '5')]);
    expect(derivedRowsChange(before, after)).toEqual({ rewrite: [], insert: { episodes: [], flows: [flow('2026-01-02', '5')], states: [], offices: [] } });
  });

  it('rewrites a table a row of which is gone (a reversal, a changed interval)', () => {
    const before = rows([flow('2026-01-02', '5'), flow('2026-01-02', '5')], [{ case_id: 'C', status: 'in_progress' }]);
    const after = rows([flow('2026-01-02', '5')], [{ case_id: 'C', status: 'completed' }]);
    expect(derivedRowsChange(before, after)).toEqual({ rewrite: ['flows', 'states'], insert: after });
  });
});
