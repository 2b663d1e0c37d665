import { describe, expect, it } from 'vitest';
import { sortIssues, toNamePath } from './field-issues';

describe('toNamePath', () => {
  it('splits API field paths, list indexes as numbers, without the prefix', () => {
    expect(toNamePath('obligations.1.amount')).toEqual(['obligations', 1, 'amount']);
    expect(toNamePath('decision.date')).toEqual(['decision', 'date']);
    expect(toNamePath('event.amount', 'event.')).toEqual(['amount']);
    expect(toNamePath('parties')).toEqual(['parties']);
  });
});

describe('sortIssues', () => {
  it('places the problems of shown fields, merges those of one field and keeps the rest', () => {
    const fields = new Set(['["amount"]', '["on"]']);
    const r = sortIssues(
      [
        { field: 'event.amount', rule: 'exceeds_outstanding', message: 'Số tiền vượt số còn phải thi hành.' },
        { field: 'event.amount', rule: 'positive', message: 'Phải dương.' },
        { field: 'event.type', rule: 'outstanding_remaining', message: 'Còn phải thi hành.' },
      ],
      (path) => fields.has(JSON.stringify(path)),
      'event.',
    );
    expect(r.placed).toEqual([{ name: ['amount'], errors: ['Số tiền vượt số còn phải thi hành.', 'Phải dương.'] }]);
    expect(r.unplaced.map((i) => i.field)).toEqual(['event.type']);
  });
});
