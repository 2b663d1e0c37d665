import { sql } from 'kysely';
import { analyzeSearchIndex, type Db, type Tx } from '../../../platform/db/database.js';
import { appendAudit, type RequestContext } from '../../../platform/audit/audit-log.js';
import { BulkStatistics } from '../../statistics/index.js';
import { type Clock, systemClock, todayInVietnam } from '../../../platform/clock.js';
import type { UnitDirectory } from '../../organisation/index.js';
import { lockAppended, planCases } from './case-plan.js';
import { appendToCases, insertCases, raiseCaseCounters } from './case-write.js';
import type { ImportIssue } from './issues.js';
import { readRecords, type ParsedFiles } from './read-records.js';
import { loadDbReferences, planReferences } from './reference-plan.js';
import { writeReferences } from './reference-write.js';
import { planCampaigns } from './campaign-plan.js';
import { buildMobilisationContext } from './mobilisation-context.js';
import { planAssignments, planTeams } from './mobilisation-plan.js';
import { loadStoredAssignments, loadStoredCampaigns, loadStoredTeams } from './mobilisation-store.js';
import { writeMobilisation } from './mobilisation-write.js';

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
  /** Mobilisation teams created or changed (closed, members added or closed). */
  teams: number;
  /** Assignments of cases to teams created or changed (ended, visits added). */
  assignments: number;
  visitsWritten: number;
  /** Peak campaigns created or closed. */
  campaigns: number;
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

export interface ImportOptions {
  ctx?: RequestContext;
  onProgress?: (p: ImportProgress) => void;
  batchSize?: number;
  /** First fiscal year of the snapshot totals when the import is the register's first (default: STORED_TOTALS_POLICY). */
  statisticsFromFiscalYear?: number;
  /** The longest wait for one lock after the import lock (default IMPORT_LOCK_TIMEOUT_MS): then nothing is written. */
  lockTimeoutMs?: number;
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
 * problem remains is anything written, in one transaction with one audit row: the cases with their
 * statistics rows and name-search entries, and the snapshot totals moved by the imported cases (or marked stale, for the caller to
 * recompute with StatisticsService.prepare: see BulkStatistics).
 */
export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Imports the files; on any problem nothing is written and every problem is returned. */
  async run(files: readonly string[], opts: ImportOptions = {}): Promise<ImportResult> {
    const started = Date.now();
    const progress = opts.onProgress ?? (() => undefined);
    progress({ phase: 'parse', done: 0, total: null });
    const parsed = await readRecords(files, (n) => progress({ phase: 'parse', done: n, total: null }));
    const issues = [...parsed.issues];
    try {
      const counts = await this.write({ files, parsed, issues, opts, progress });
      if (counts.offices > 0) this.units.invalidate();
      // A bulk of new name-index entries: the planner should know the new words at once.
      if (counts.casesCreated >= 1000) await analyzeSearchIndex(this.db);
      return { ok: true, counts, seconds: (Date.now() - started) / 1000 };
    } catch (e) {
      if (e instanceof ImportRejected) return { ok: false, issues: sortIssues(e.issues, files) };
      throw e;
    }
  }

  /** Checks, then writes everything in one transaction: nothing is visible before all of it is. */
  private async write(input: WriteInput): Promise<ImportCounts> {
    const { files, parsed, issues, opts, progress } = input;
    const lockTimeoutMs = opts.lockTimeoutMs ?? IMPORT_LOCK_TIMEOUT_MS;
    try {
      return await this.db.transaction().execute(async (tx) => {
        // One import at a time; the server may keep working on other cases meanwhile.
        await sql`SELECT pg_advisory_xact_lock(${importLockSql})`.execute(tx);
        // An import holds the statistics lock (exclusively into an empty register) and many row locks for a
        // minute: a wait behind another holder is bounded, so that nothing hangs unseen (then nothing is written).
        await setLockTimeout(tx, lockTimeoutMs);
        const dbRefs = await loadDbReferences(tx);
        const refs = planReferences(parsed, dbRefs, issues);
        const codeById = new Map(dbRefs.units.map((u) => [u.id, u.code]));
        const total = parsed.cases.length;
        progress({ phase: 'validate', done: 0, total });
        const codeOf = (id: number) => codeById.get(id) ?? String(id);
        const plan = await planCases(tx, parsed, refs, issues, codeOf, (n) => progress({ phase: 'validate', done: n, total }));
        // Teams, assignments with their visits, campaigns: checked against the file and the database as they will be.
        const today = todayInVietnam(this.clock);
        const mobilisation = await buildMobilisationContext(tx, parsed, dbRefs, refs, plan, today);
        const storedTeams = await loadStoredTeams(tx, codeOf);
        const teamPlan = planTeams(parsed.teams, storedTeams, mobilisation, issues);
        const storedAssignments = await loadStoredAssignments(tx, [...new Set(parsed.assignments.map((a) => a.rec.case))], storedTeams);
        const assignmentPlan = planAssignments(parsed.assignments, storedAssignments, teamPlan, mobilisation, issues);
        const teamKey = new Map(storedTeams.map((t) => [t.id, t.record.id]));
        const storedCampaigns = parsed.campaigns.length === 0 ? [] : await loadStoredCampaigns(tx, null, codeOf, (id) => teamKey.get(id) ?? String(id));
        const campaignPlan = planCampaigns(parsed.campaigns, storedCampaigns, teamPlan, mobilisation, issues);
        if (issues.length === 0) await lockAppended(tx, plan.appended, issues);
        if (issues.length) throw new ImportRejected(issues);
        // A writer of cases like any other, in the other writers' lock order: the statistics lock after the rows
        // of the cases it appends to (as a case write) and before the rows a creation touches (case counter,
        // vocabulary). Every case's statistics rows are written with it; the snapshot totals follow (BulkStatistics).
        const firstAcceptedOn = plan.created.reduce<string | null>((m, c) => (m === null || c.facts.acceptedOn < m ? c.facts.acceptedOn : m), null);
        const statistics = await BulkStatistics.begin(tx, { today, firstAcceptedOn, fromFiscalYear: opts.statisticsFromFiscalYear });

        const ids = await writeReferences(tx, refs);
        const unitId = (code: string) => ids.get(code)!;
        const ctx = { unitId, today, statistics, batchSize: opts.batchSize };
        const toWrite = plan.created.length + plan.appended.length;
        progress({ phase: 'write', done: 0, total: toWrite });
        await insertCases(tx, plan.created, { ...ctx, onWritten: (n) => progress({ phase: 'write', done: n, total: toWrite }) });
        await appendToCases(tx, plan.appended, ctx);
        if (plan.appended.length) progress({ phase: 'write', done: toWrite, total: toWrite });
        await raiseCaseCounters(tx, plan.created.map((c) => c.facts.id), (code) => ids.get(code));
        await writeMobilisation(tx, teamPlan, assignmentPlan, campaignPlan, unitId);
        const c: ImportCounts = {
          lines: parsed.lines,
          offices: refs.newUnits.length + refs.closeUnits.length,
          communes: refs.assignCommunes.length + refs.createCommunes.length,
          enforcers: refs.newEnforcers.length,
          targets: refs.newTargets.length,
          casesCreated: plan.created.length,
          casesUpdated: plan.appended.length,
          eventsWritten: plan.created.reduce((n, x) => n + x.events.length, 0) + plan.appended.reduce((n, x) => n + x.newEvents.length, 0),
          teams: teamPlan.created.length + teamPlan.changed,
          assignments: assignmentPlan.created.length + assignmentPlan.changed,
          visitsWritten: assignmentPlan.visitsWritten,
          campaigns: campaignPlan.created.length + campaignPlan.closed.length,
          skipped: refs.skipped + plan.skipped + teamPlan.skipped + assignmentPlan.skipped + campaignPlan.skipped,
        };
        const wroteCases = c.casesCreated + c.casesUpdated > 0;
        await statistics.finish(tx, unitId, wroteCases);
        // Importing the same file again changes nothing, not even the audit trail.
        const changed = c.offices + c.communes + c.enforcers + c.targets + c.casesCreated + c.casesUpdated + c.teams + c.assignments + c.campaigns;
        if (changed > 0) {
          await appendAudit(tx, opts.ctx ?? IMPORT_CONTEXT, {
            action: 'import.completed', entityType: 'import', entityId: null, unitId: null, after: { files: [...files], ...c },
          });
        }
        return c;
      });
    } catch (e) {
      if ((e as { code?: string }).code === '55P03') {
        throw new Error(`Không nhập được: đã chờ một khóa của cơ sở dữ liệu quá ${Math.round(lockTimeoutMs / 1000)} giây (một thao tác khác đang giữ, ví dụ tính lại thống kê). Không có gì được ghi; hãy chạy lại sau.`, { cause: e });
      }
      throw e;
    }
  }
}

/** How long an import waits for any one lock once it has started writing (ImportOptions.lockTimeoutMs). */
export const IMPORT_LOCK_TIMEOUT_MS = 300_000;

/** The key of the lock held by an import's transaction: one import at a time. */
const importLockSql = sql`hashtext('thads.import')`;

const setLockTimeout = (db: Tx, ms: number) => sql.raw(`SET LOCAL lock_timeout = ${Math.max(1, Math.trunc(ms))}`).execute(db);

interface WriteInput {
  files: readonly string[];
  parsed: ParsedFiles;
  issues: ImportIssue[];
  opts: ImportOptions;
  progress: (p: ImportProgress) => void;
}

function sortIssues(issues: ImportIssue[], files: readonly string[]): ImportIssue[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => (order.get(a.i.file) ?? 0) - (order.get(b.i.file) ?? 0) || (a.i.line ?? 0) - (b.i.line ?? 0) || a.n - b.n)
    .map((x) => x.i);
}
