import { describe, expect, it } from 'vitest';
import { caseQueryString } from './cases.api';
import { paramsFromQuery, queryFromParams } from './case-filters';

describe('list filters in the address', () => {
  it('round-trips every filter, statuses repeated', () => {
    const query = queryFromParams(
      new URLSearchParams('q=nguyen van&status=in_progress&status=no_means&category=dan_su&overdue=true&page=3&pageSize=50&enforcer=TN-KV3-01'),
    );
    expect(query).toEqual({
      q: 'nguyen van',
      idNumber: undefined,
      status: ['in_progress', 'no_means'],
      initiation: undefined,
      category: 'dan_su',
      enforcer: 'TN-KV3-01',
      commune: undefined,
      overdue: true,
      page: 3,
      pageSize: 50,
    });
    expect(queryFromParams(paramsFromQuery(query))).toEqual(query);
    expect(caseQueryString(query)).toBe(
      'q=nguyen+van&status=in_progress&status=no_means&category=dan_su&enforcer=TN-KV3-01&overdue=true&page=3&pageSize=50',
    );
  });

  it('drops unknown values and defaults, so a hand-edited address cannot break the list', () => {
    const query = queryFromParams(new URLSearchParams('status=paid&category=x&page=-2&pageSize=abc&q=%20%20'));
    expect(query).toMatchObject({ status: undefined, category: undefined, page: 1, pageSize: 20, q: undefined });
    expect(paramsFromQuery(query).toString()).toBe('');
  });
});
