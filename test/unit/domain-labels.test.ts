import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, EVENT_VI, STATUS_VI } from '../../src/modules/cases/domain/index.js';
import { EVENT_TYPES } from '../../src/modules/cases/domain/case-types.js';
import { ROLE_VI, ROLES } from '../../src/modules/organisation/domain/index.js';

// The server's domain holds the one copy of the Vietnamese labels of case statuses, events and roles
// (the web's vi catalogue and `thads serve` derive from it): every code has one, and nothing else does.

describe.each([
  ['case statuses', CASE_STATUSES, STATUS_VI],
  ['case events', EVENT_TYPES, EVENT_VI],
  ['user roles', ROLES, ROLE_VI],
] as const)('labels of the %s', (_what, codes, labels) => {
  it('label every code, and only the codes', () => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });

  it.each([...codes])('%s has a Vietnamese label', (code) => {
    const label = (labels as Readonly<Record<string, string>>)[code];
    expect(label?.trim()).toBeTruthy();
    expect(label).toBe(label?.normalize('NFC'));
  });
});

describe('labels a list shows side by side', () => {
  it.each([
    ['case statuses', Object.values(STATUS_VI)],
    ['user roles', Object.values(ROLE_VI)],
  ])('tell the %s apart', (_what, labels) => {
    expect(new Set(labels).size).toBe(labels.length);
  });
});
