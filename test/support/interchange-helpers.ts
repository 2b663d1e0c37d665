import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../src/platform/config/config.js';
import { createServices } from '../../src/platform/runtime.js';
import type { Db } from '../../src/platform/db/database.js';
import type { ImportProgress } from '../../src/modules/interchange/app/import.service.js';
import { ManualClock } from './harness.js';

/** Helpers for the interchange tests: files in a temporary folder, services over a test database, row counts. */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/interchange');
/** The path of a fixture file. */
export const fixture = (name: string) => path.join(FIXTURES, name);
/** The non-blank lines of a file. */
export const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'thads-interchange-'));
let n = 0;
/** Writes lines (objects are JSON-encoded) to a new file in a temporary folder and returns its path. */
export function writeLines(lines: readonly (string | object)[], name = `f${++n}.jsonl`): string {
  const file = path.join(tmp, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

/** The import and export services over a test database, with today fixed at 27/11/2026. */
export function services(db: Db) {
  const clock = new ManualClock(new Date('2026-11-27T03:00:00Z'));
  return createServices(loadConfig({ LOG_LEVEL: 'silent' }, process.cwd()), db, clock);
}

/** Runs an import; the files' problems as `file:line: field: message` strings (basename only). */
export async function importFiles(db: Db, files: string[], onProgress?: (p: ImportProgress) => void) {
  const r = await services(db).imports.run(files, onProgress ? { onProgress } : {});
  const issues = r.ok ? [] : r.issues.map((i) => `${path.basename(i.file)}:${i.line ?? ''}: ${i.field}: ${i.message}`);
  return { ...r, issueLines: issues };
}

/** Exports to a string (optionally one office). */
export async function exportText(db: Db, office?: string): Promise<string> {
  let out = '';
  await services(db).exports.run((c) => void (out += c), { office, pageSize: 2 });
  return out;
}

/** Row counts of every table an import writes: equal before and after means nothing was written. */
export async function snapshot(db: Db) {
  const r = await sql<Record<string, string>>`SELECT
      (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM communes WHERE office_id IS NOT NULL) AS communes_assigned,
      (SELECT count(*) FROM communes) AS communes, (SELECT count(*) FROM enforcers) AS enforcers, (SELECT count(*) FROM targets) AS targets,
      (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_parties) AS parties, (SELECT count(*) FROM case_obligations) AS obligations,
      (SELECT count(*) FROM case_events) AS events, (SELECT count(*) FROM case_counters) AS counters, (SELECT count(*) FROM audit_log) AS audit,
      (SELECT coalesce(max(updated_at)::text, '') FROM cases) AS last_update`.execute(db);
  return r.rows[0]!;
}

/** A JSON value with object keys sorted, as text: lines equal modulo key order compare equal. */
export function canonical(line: string): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  // Integers beyond 2^53 are kept exact by quoting them before parsing.
  return JSON.stringify(sort(JSON.parse(line.replace(/:(-?\d{16,})([,}\]])/g, ':"$1n"$2'))));
}

/** Lines as a sorted list of canonical texts (order and key order do not matter). */
export const canonicalSet = (lines: readonly string[]) => lines.map(canonical).sort();
