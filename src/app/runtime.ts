import type { AppConfig } from '../config/config.js';
import { createDb, migrateToLatest, type Db } from '../db/database.js';
import { openEmbeddedPostgres, type OwnerRole } from '../db/embedded-postgres.js';
import { AuthService, systemClock, type Clock } from './auth.service.js';
import { AuditService } from './audit.service.js';
import { CasesService } from './cases.service.js';
import { isEmpty, loadDemoOrganisation } from './demo-organisation.js';
import { ExportService } from './interchange/export.service.js';
import { ImportService } from './interchange/import.service.js';
import { ensureGeography } from './reference-data.js';
import { UnitDirectory } from './unit-directory.js';
import { UnitsService } from './units.service.js';
import { UsersService } from './users.service.js';

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
  /** True when this process started the embedded PostgreSQL. */
  readonly ownsDatabase: boolean;
  readonly databaseDescription: string;
  close(): Promise<void>;
}

export function createServices(config: AppConfig, db: Db, clock: Clock = systemClock) {
  const units = new UnitDirectory(db);
  return {
    units,
    auth: new AuthService(db, config, units, clock),
    users: new UsersService(db, units, clock),
    unitsService: new UnitsService(db, units),
    audit: new AuditService(db),
    cases: new CasesService(db, units, clock),
    imports: new ImportService(db, units, clock),
    exports: new ExportService(db),
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
    : await openEmbeddedPostgres({ dataDir: config.dataDir, role: opts.role, port: config.embeddedPgPort, log: opts.log });
  const url = config.databaseUrl ?? embedded!.url;
  const db = createDb(url);
  try {
    await migrateToLatest(db);
    await ensureGeography(db);
    if (opts.seedDemo && config.demo && (await isEmpty(db))) {
      if (await loadDemoOrganisation(db)) opts.log('Đã nạp tổ chức và người dùng mẫu (demo).');
    }
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
    databaseDescription: embedded ? `PostgreSQL nhúng, cổng ${embedded.port}, dữ liệu ${config.dataDir}` : 'PostgreSQL ngoài (DATABASE_URL)',
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
