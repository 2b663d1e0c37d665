import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../platform/db/database.js';
import { groupDigits } from '../../../kernel/format/index.js';
import { fiscalYearOf } from '../../statistics/domain/index.js';
import { caseToRecord, formatIssue, type ImportCounts, type ImportProgress, type ImportService, toJsonLine } from '../../interchange/index.js';
import { generateChauThanhData, type DemoData, type DemoYear } from './chau-thanh-generator.js';
import { CURRENT_OFFICE, DEMO_SEED, DEMO_TODAY, FORMER_OFFICE } from './chau-thanh-plan.js';
import { loadDemoCampaigns } from './demo-campaigns.js';
import { loadDemoVisits } from './demo-visits.js';

/**
 * The demo office's cases in the database (issue "The demo office"): generated (chau-thanh-generator.ts),
 * written as a `thads` JSON Lines file and loaded through the real import (all or nothing), then the
 * statistics are rebuilt. Needs the demo organisation (demo-organisation.ts). Idempotent: a marker in
 * reference_data records that the data are there; a second run changes nothing.
 */
export const DEMO_DATA_MARKER = 'demo-data';

export interface DemoDataServices {
  db: Db;
  imports: ImportService;
  /** The statistics engine: brought up to date after the import when given (nothing to do after a first import). */
  statistics?: { prepare(opts?: { onProgress?: (m: string) => void }): Promise<unknown> };
}

export interface LoadDemoDataOptions {
  seed?: number;
  /** No event after this date; default DEMO_TODAY (fixed, so that the data are the same everywhere). */
  today?: string;
  log?: (message: string) => void;
}

export interface LoadDemoDataResult {
  loaded: boolean;
  /** Why nothing was loaded. */
  reason?: 'already_loaded';
  cases: number;
  events: number;
  counts?: ImportCounts;
  years: DemoYear[];
  seconds: { generate: number; write: number; import: number; statistics: number; total: number };
}

const secs = (ms: number) => Math.round(ms / 100) / 10;

/** True when the demo data have been loaded into this database. */
export async function demoDataLoaded(db: Db): Promise<boolean> {
  return (await db.selectFrom('reference_data').where('name', '=', DEMO_DATA_MARKER).select('name').executeTakeFirst()) !== undefined;
}

/**
 * True when the demo organisation is there but its cases are not and the register is empty: a first start
 * interrupted while the data were loading (the import is all or nothing), to be completed at the next start.
 */
export async function demoDataInterrupted(db: Db): Promise<boolean> {
  const markers = await db.selectFrom('reference_data').where('name', 'in', ['demo-organisation', DEMO_DATA_MARKER]).select('name').execute();
  if (markers.length !== 1 || markers[0]!.name !== 'demo-organisation') return false;
  return (await db.selectFrom('cases').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** The JSON Lines of the demo data: the offices that receive transfers, the targets, then the cases. */
export function* demoDataLines(data: DemoData): Generator<string> {
  for (const o of data.offices) {
    yield toJsonLine({ type: 'office', code: o.code, name: o.name, level: o.level, parent: o.parent, valid_from: o.validFrom, valid_to: o.validTo });
  }
  for (const t of data.targets) yield toJsonLine({ type: 'target', office: t.office, fiscal_year: t.fiscalYear, cases: t.cases, money: t.money });
  for (const c of data.cases) yield toJsonLine(caseToRecord(c.facts, c.events));
}

/** Writes the demo data as an interchange file; returns the number of lines. */
export async function writeDemoDataFile(file: string, data: DemoData): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let lines = 0;
  let buf = '';
  for (const line of demoDataLines(data)) {
    buf += `${line}\n`;
    lines++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return lines;
}

/** Loads the demo cases when they are not there yet (the demo organisation must be). */
export async function loadDemoData(services: DemoDataServices, opts: LoadDemoDataOptions = {}): Promise<LoadDemoDataResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  if (await demoDataLoaded(services.db)) {
    return { loaded: false, reason: 'already_loaded', cases: 0, events: 0, years: [], seconds: { generate: 0, write: 0, import: 0, statistics: 0, total: 0 } };
  }
  const units = await services.db.selectFrom('units').where('code', 'in', [FORMER_OFFICE, CURRENT_OFFICE]).select('code').execute();
  if (units.length !== 2) throw new Error(`Dữ liệu mẫu cần tổ chức mẫu (${FORMER_OFFICE}, ${CURRENT_OFFICE}); hãy nạp tổ chức mẫu trước.`);

  log('Đang tạo dữ liệu mẫu: Chi cục THADS huyện Châu Thành (2010–2025) và Phòng THADS khu vực 3 – Tây Ninh…');
  const data = generateChauThanhData({ seed: opts.seed ?? DEMO_SEED, today: opts.today ?? DEMO_TODAY });
  const generated = Date.now();
  log(`  đã tạo ${groupDigits(data.cases.length)} việc, ${groupDigits(data.events)} sự kiện trong ${secs(generated - started)} giây.`);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'thads-demo-'));
  try {
    const file = path.join(dir, 'chau-thanh-demo.jsonl');
    await writeDemoDataFile(file, data);
    const written = Date.now();
    log(`  đã ghi tệp JSON Lines trong ${secs(written - generated)} giây; đang nhập…`);
    let lastLog = 0;
    const onProgress = (p: ImportProgress) => {
      const now = Date.now();
      if (now - lastLog < 2000 && p.done !== p.total) return;
      if (p.done === 0) return; // "nhập: đọc 0" says nothing a person can use
      lastLog = now;
      const what = p.phase === 'parse' ? 'đọc' : p.phase === 'validate' ? 'kiểm tra' : 'ghi';
      log(`  nhập: ${what} ${groupDigits(p.done)}${p.total !== null ? `/${groupDigits(p.total)}` : ''}`);
    };
    // The demo keeps totals for all its years (2011 onwards): its dashboard compares them year by year.
    // The import stores them when it is the register's first (it is, unless cases were entered by hand).
    const firstAccepted = data.cases.reduce((m, c) => (c.facts.acceptedOn < m ? c.facts.acceptedOn : m), '9999-12-31');
    const result = await services.imports.run([file], { onProgress, statisticsFromFiscalYear: fiscalYearOf(firstAccepted) });
    if (!result.ok) {
      const shown = result.issues.slice(0, 10).map((i) => `  ${formatIssue(i)}`).join('\n');
      throw new Error(`Không nạp được dữ liệu mẫu (${result.issues.length} lỗi):\n${shown}`);
    }
    const imported = Date.now();
    log(`  đã nhập ${groupDigits(result.counts.casesCreated)} việc, ${groupDigits(result.counts.eventsWritten)} sự kiện trong ${secs(imported - written)} giây.`);
    if (services.statistics) {
      log('  đang kiểm tra số liệu thống kê…');
      // Nothing to do after a first import; recomputes the totals otherwise (see BulkStatistics).
      await services.statistics.prepare({ onProgress: (m) => log(`  ${m.trim()}`) });
    }
    // The teams' visits are read from the imported case events (they change none): after the import.
    const mob = await loadDemoVisits(services.db, [FORMER_OFFICE, CURRENT_OFFICE], opts.today ?? DEMO_TODAY);
    log(`  đã ghi ${groupDigits(mob.assignments)} việc giao tổ vận động, ${groupDigits(mob.visits)} lượt vận động.`);
    const done = Date.now();
    if (services.statistics) log(`  đã tính thống kê trong ${secs(done - imported)} giây.`);
    log(`  đã tạo ${await loadDemoCampaigns(services.db)} đợt cao điểm.`);
    await services.db.insertInto('reference_data').values({ name: DEMO_DATA_MARKER, version: `${data.seed}/${data.today}` }).onConflict((oc) => oc.column('name').doNothing()).execute();
    log(`Đã nạp dữ liệu mẫu trong ${secs(done - started)} giây.`);
    return {
      loaded: true, cases: data.cases.length, events: data.events, counts: result.counts, years: data.years,
      seconds: { generate: secs(generated - started), write: secs(written - generated), import: secs(imported - written), statistics: secs(done - imported), total: secs(done - started) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
