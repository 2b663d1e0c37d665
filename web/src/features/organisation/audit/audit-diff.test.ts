import { describe, expect, it } from 'vitest';
import { diffKeys } from './audit-diff';

describe('diffKeys', () => {
  it('marks only the keys whose values differ, including added and removed ones', () => {
    expect(
      diffKeys({ fullName: 'A', role: 'clerk', tags: [1, 2], gone: true }, { fullName: 'A', role: 'enforcer', tags: [1, 2], added: 1 }),
    ).toEqual([
      { key: 'fullName', changed: false },
      { key: 'role', changed: true },
      { key: 'tags', changed: false },
      { key: 'gone', changed: true },
      { key: 'added', changed: true },
    ]);
  });
});
