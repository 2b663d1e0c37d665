export type JsonRecord = Record<string, unknown>;

/**
 * What changed between two versions of a record, for the audit trail: only the keys whose values
 * differ, with secrets (password hashes, tokens) never written.
 */
export function auditDiff(before: JsonRecord | null, after: JsonRecord | null): { before: JsonRecord | null; after: JsonRecord | null } {
  const clean = (r: JsonRecord | null) => (r === null ? null : stripSecrets(r));
  const b = clean(before);
  const a = clean(after);
  if (b === null || a === null) return { before: b, after: a };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const db: JsonRecord = {};
  const da: JsonRecord = {};
  for (const k of keys) {
    if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) {
      db[k] = b[k] ?? null;
      da[k] = a[k] ?? null;
    }
  }
  return { before: db, after: da };
}

const SECRET_KEYS = /password|token|secret|hash/i;

export function stripSecrets(r: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const [k, v] of Object.entries(r)) {
    if (SECRET_KEYS.test(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
}
