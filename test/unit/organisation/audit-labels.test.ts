import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_GROUPS, type AuditLabel } from '../../../src/modules/organisation/domain/index.js';

// Every action and entity type the application writes to the audit trail has a label in Vietnamese and in
// English in the one catalogue (organisation/domain/audit-labels.ts): the source is scanned, so an action
// added without a label fails here rather than showing `case.event_recorded` to an administrator.

const SRC = path.resolve(import.meta.dirname, '../../../src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}migrations${path.sep}`))
  .map((f) => readFileSync(path.join(SRC, f), 'utf8'));

function written(patterns: readonly RegExp[]): string[] {
  const found = new Set<string>();
  for (const text of sources) for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]!);
  return [...found].sort();
}

// `action: 'case.created'` in an audit input, `audit(tx, 'auth.login', …)` in the sign-in's helper; audit
// actions are `area.verb` (other `action:` values of the code, e.g. a rebuild's 'rebuilt', have no dot).
const ACTIONS = written([/\baction: '([a-z_]+\.[a-z_.]+)'/g, /\baudit\(tx, '([a-z_]+\.[a-z_.]+)'/g]);
const ENTITY_TYPES = written([/\bentityType: '([a-z_]+)'/g]);

const labelled = (table: Readonly<Record<string, AuditLabel>>, code: string) => {
  const label = table[code];
  expect(label, `no label for ${code}`).toBeDefined();
  for (const text of [label!.vi, label!.en]) {
    expect(text.trim()).not.toBe('');
    expect(text).not.toBe(code);
    expect(text).toBe(text.normalize('NFC'));
  }
};

describe('the audit catalogue', () => {
  it('finds the actions and entity types written in src/ (the scan itself works)', () => {
    expect(ACTIONS).toContain('case.event_recorded');
    expect(ACTIONS).toContain('auth.login_failed');
    expect(ACTIONS.length).toBeGreaterThan(30);
    expect(ENTITY_TYPES).toContain('case');
  });

  it.each(ACTIONS)('labels the action %s in Vietnamese and English', (action) => {
    labelled(AUDIT_ACTIONS, action);
    expect(Object.keys(AUDIT_GROUPS)).toContain(AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS].group);
  });

  it.each(ENTITY_TYPES)('labels the entity type %s in Vietnamese and English', (type) => {
    labelled(AUDIT_ENTITY_TYPES, type);
  });

  it('labels no action that the application does not write (the filter offers only real ones)', () => {
    expect(Object.keys(AUDIT_ACTIONS).sort()).toEqual(ACTIONS);
  });

  it('tells the actions apart in each language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const labels = Object.values(AUDIT_ACTIONS).map((a) => a[lang]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
