import { sql } from 'kysely';
import { analyzeSearchIndex, type Db } from '../../db/database.js';
import { appendAudit, type RequestContext } from '../../repositories/audit.repository.js';
import { systemClock, type Clock } from '../auth.service.js';
import { todayInVietnam } from '../cases.service.js';
import type { UnitDirectory } from '../unit-directory.js';
import { lockAppended, planCases } from './case-plan.js';
import { appendToCases, insertCases, raiseCaseCounters } from './case-write.js';
import type { ImportIssue } from './issues.js';
import { readRecords } from './read-records.js';
import { loadDbReferences, planReferences } from './reference-plan.js';
import { writeReferences } from './reference-write.js';

/** What an import did (or would have done). */
export interface ImportCounts {
  lines: number;
  offices: number;
  communes: number;
  enforcers: number;
  targets: number;
  casesCreated: number;
  casesUpdated: number;
  eventsWritten: number;
  /** Records already in the database with the same content. */
  skipped: number;
}
export type ImportResult = { ok: true; counts: ImportCounts; seconds: number } | { ok: false; issues: ImportIssue[] };

/** Progress of the three phases: lines read, cases checked, cases written (`total` once known). */
export interface ImportProgress {
  phase: 'parse' | 'validate' | 'write';
  done: number;
  total: number | null;
}

class ImportRejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rejected');
  }
}

/** Who the audit trail names for a command-line import. */
export const IMPORT_CONTEXT: RequestContext = { userId: null, username: 'thads import', ip: null, userAgent: 'thads import' };

/**
 * `thads import`: JSON Lines files into the database, all or nothing. Everything is read and checked first
 * (schemas, references across files and the database, the domain's rules for every case); only when no
 * problem remains is anything written, in one transaction with one audit row.
 */
export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Imports the files; on any problem nothing is written and every problem is returned. */
  async run(files: readonly string[], opts: { ctx?: RequestContext; onProgress?: (p: ImportProgress) => void; batchSize?: number } = {}): Promise<ImportResult> {
    const started = Date.now();
    const progress = opts.onProgress ?? (() => undefined);
    progress({ phase: 'parse', done: 0, total: null });
    const parsed = await readRecords(files, (n) => progress({ phase: 'parse', done: n, total: null }));
    const issues = [...parsed.issues];
    try {
      const counts = await this.db.transaction().execute(async (tx) => {
        // One import at a time; the server may keep working on other cases meanwhile.
        await sql`SELECT pg_advisory_xact_lock(hashtext('thads.import'))`.execute(tx);
        const dbRefs = await loadDbReferences(tx);
        const refs = planReferences(parsed, dbRefs, issues);
        const codeById = new Map(dbRefs.units.map((u) => [u.id, u.code]));
        const total = parsed.cases.length;
        progress({ phase: 'validate', done: 0, total });
        const plan = await planCases(tx, parsed, refs, issues, (id) => codeById.get(id) ?? String(id), (n) => progress({ phase: 'validate', done: n, total }));
        if (issues.length === 0) await lockAppended(tx, plan.appended, issues);
        if (issues.length) throw new ImportRejected(issues);

        const ids = await writeReferences(tx, refs);
        const unitId = (code: string) => ids.get(code)!;
        const ctx = { unitId, today: todayInVietnam(this.clock), batchSize: opts.batchSize };
        const toWrite = plan.created.length + plan.appended.length;
        progress({ phase: 'write', done: 0, total: toWrite });
        await insertCases(tx, plan.created, { ...ctx, onWritten: (n) => progress({ phase: 'write', done: n, total: toWrite }) });
        await appendToCases(tx, plan.appended, ctx);
        if (plan.appended.length) progress({ phase: 'write', done: toWrite, total: toWrite });
        await raiseCaseCounters(tx, plan.created.map((c) => c.facts.id), (code) => ids.get(code));
        const counts: ImportCounts = {
          lines: parsed.lines,
          offices: refs.newUnits.length + refs.closeUnits.length,
          communes: refs.assignCommunes.length + refs.createCommunes.length,
          enforcers: refs.newEnforcers.length,
          targets: refs.newTargets.length,
          casesCreated: plan.created.length,
          casesUpdated: plan.appended.length,
          eventsWritten: plan.created.reduce((n, c) => n + c.events.length, 0) + plan.appended.reduce((n, c) => n + c.newEvents.length, 0),
          skipped: refs.skipped + plan.skipped,
        };
        const changed = counts.offices + counts.communes + counts.enforcers + counts.targets + counts.casesCreated + counts.casesUpdated;
        // Importing the same file again changes nothing, not even the audit trail.
        if (changed > 0) {
          await appendAudit(tx, opts.ctx ?? IMPORT_CONTEXT, { action: 'import.completed', entityType: 'import', entityId: null, unitId: null, after: { files: [...files], ...counts } });
        }
        return counts;
      });
      if (counts.offices > 0) this.units.invalidate();
      // A bulk of new name-index entries: the planner should know the new words at once.
      if (counts.casesCreated >= 1000) await analyzeSearchIndex(this.db);
      return { ok: true, counts, seconds: (Date.now() - started) / 1000 };
    } catch (e) {
      if (e instanceof ImportRejected) return { ok: false, issues: sortIssues(e.issues, files) };
      throw e;
    }
  }
}

function sortIssues(issues: ImportIssue[], files: readonly string[]): ImportIssue[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => (order.get(a.i.file) ?? 0) - (order.get(b.i.file) ?? 0) || (a.i.line ?? 0) - (b.i.line ?? 0) || a.n - b.n)
    .map((x) => x.i);
}
