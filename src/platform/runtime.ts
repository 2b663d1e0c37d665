import type { AppConfig } from './config/config.js';
import { createDb, migrateToLatest, type Db } from './db/database.js';
import { openEmbeddedPostgres, type OwnerRole } from './db/embedded-postgres.js';
import { AuditService, AuthService, ensureGeography, ensureNationalUnit, UnitDirectory, UnitsService, UsersService } from '../modules/organisation/index.js';
import { systemClock, type Clock } from './clock.js';
import { CasesService } from '../modules/cases/index.js';
import { demoDataInterrupted, isEmpty, loadDemoData, loadDemoOrganisation } from '../modules/demo/index.js';
import { ExportService, ImportService } from '../modules/interchange/index.js';
import { IndicatorsService, PeriodCloseService, ReportExportsService, StatisticsService } from '../modules/statistics/index.js';
import { CampaignsService, CaseMobilisationService, MobilisationResultsService, TeamsService } from '../modules/mobilisation/index.js';
import { SteeringService } from '../modules/steering/index.js';

/** Everything a server or a CLI command needs, wired once. */
export interface Runtime {
  readonly config: AppConfig;
  readonly db: Db;
  readonly clock: Clock;
  readonly units: UnitDirectory;
  readonly auth: AuthService;
  readonly users: UsersService;
  readonly unitsService: UnitsService;
  readonly audit: AuditService;
  readonly cases: CasesService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly statistics: StatisticsService;
  /** Closed periods (chốt số liệu) and their difference reports. */
  readonly periodCloses: PeriodCloseService;
  /** The official forms (.xlsx, .pdf) and the narrative summary (text, .docx). */
  readonly reportExports: ReportExportsService;
  /** Commune mobilisation teams. */
  readonly teams: TeamsService;
  /** Cases handed to commune teams: assignments, visits, promises. */
  readonly caseMobilisation: CaseMobilisationService;
  /** The steering committee (Ban Chỉ đạo THADS): committees, meetings, tasks, the office's report to it. */
  readonly steering: SteeringService;
  /** What the teams achieved: figures by team, commune or enforcer, the attribution policy. */
  readonly mobilisationResults: MobilisationResultsService;
  /** Peak campaigns (đợt cao điểm): leaderboards, progress, the close and its report. */
  readonly campaigns: CampaignsService;
  /** True when this process started the embedded PostgreSQL. */
  readonly ownsDatabase: boolean;
  readonly databaseDescription: string;
  close(): Promise<void>;
}

export function createServices(config: AppConfig, db: Db, clock: Clock = systemClock) {
  const units = new UnitDirectory(db);
  const statistics = new StatisticsService(db, units, clock);
  const cases = new CasesService(db, units, clock);
  const mobilisationResults = new MobilisationResultsService(db, units, statistics, clock);
  return {
    units,
    auth: new AuthService(db, config, units, clock),
    users: new UsersService(db, units, clock),
    unitsService: new UnitsService(db, units),
    audit: new AuditService(db),
    cases,
    imports: new ImportService(db, units, clock),
    exports: new ExportService(db),
    statistics,
    periodCloses: new PeriodCloseService(db, units, statistics, clock),
    reportExports: new ReportExportsService(units, statistics, new IndicatorsService(db, units, statistics, clock), clock),
    teams: new TeamsService(db, units),
    caseMobilisation: new CaseMobilisationService(db, units, cases, clock),
    // The report to the steering committee quotes the mobilisation figures (section III).
    steering: new SteeringService(db, units, clock, statistics, (reader, unit, from, to) => mobilisationResults.summary(reader, unit, from, to)),
    mobilisationResults,
    campaigns: new CampaignsService(db, units, statistics, clock),
  };
}

export interface OpenRuntimeOptions {
  role: OwnerRole;
  log: (message: string) => void;
  /** Load the demo organisation when the database is empty (server start; `thads demo`). */
  seedDemo?: boolean;
}

/**
 * Connects to PostgreSQL (DATABASE_URL, or the embedded server over THADS_DATA_DIR), applies migrations,
 * loads the geography snapshot and, on an empty database, the demo organisation.
 */
export async function openRuntime(config: AppConfig, opts: OpenRuntimeOptions): Promise<Runtime> {
  const embedded = config.databaseUrl
    ? null
    : await openEmbeddedPostgres({ dataDir: config.dataDir, dataDirExplicit: config.dataDirExplicit, role: opts.role, port: config.embeddedPgPort, log: opts.log });
  const url = config.databaseUrl ?? embedded!.url;
  const db = createDb(url);
  try {
    await migrateToLatest(db);
    await ensureGeography(db);
    if (opts.seedDemo && config.demo) {
      const fresh = (await isEmpty(db)) && (await loadDemoOrganisation(db));
      if (fresh) opts.log('Đã nạp tổ chức và người dùng mẫu (demo).');
      // The demo office's cases 2010–2026 (src/modules/demo): about half a minute, once; again if that first load was interrupted.
      if (fresh || (await demoDataInterrupted(db))) await loadDemoData({ db, ...createServices(config, db) }, { log: opts.log });
    }
    await ensureNationalUnit(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
  return {
    config,
    db,
    clock: systemClock,
    ...createServices(config, db),
    ownsDatabase: embedded?.owned ?? false,
    databaseDescription: embedded
      ? `PostgreSQL nhúng, cổng ${embedded.port}, dữ liệu ${embedded.dataDir}${embedded.dataDir !== config.dataDir ? ` (thay cho / instead of ${config.dataDir})` : ''}`
      : 'PostgreSQL ngoài (DATABASE_URL)',
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
