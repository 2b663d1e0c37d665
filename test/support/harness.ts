import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../../src/platform/config/config.js';
import type { Clock } from '../../src/platform/clock.js';
import { createServices, type Runtime } from '../../src/platform/runtime.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/app/demo-organisation.js';
import { loadDemoData } from '../../src/modules/demo/index.js';
import { buildApp } from '../../src/platform/http/app.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export { DEMO_PASSWORD };

/** A clock the test moves by hand (session expiry, lockout). */
export class ManualClock implements Clock {
  constructor(private t = new Date('2026-11-20T02:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  advanceMinutes(m: number): void {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  rt: Runtime;
  tdb: TestDatabase;
  clock: ManualClock;
  login(username: string, password?: string): Promise<Session>;
  /** A request as a logged-in user (CSRF header included unless `csrf: false`). */
  as(session: Session | null, method: string, url: string, body?: unknown, extra?: { csrf?: boolean; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The application over the full demo (the Châu Thành office's cases, teams' visits, campaigns), "today"
 * 20/11/2026 as the demo data was generated, the statistics totals current. About 20 s: one file per area.
 */
export async function startDemoApp(): Promise<TestApp> {
  const t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  const loaded = await loadDemoData({ db: t.rt.db, imports: t.rt.imports, statistics: t.rt.statistics });
  if (!loaded.loaded) throw new Error(`demo data not loaded: ${loaded.reason ?? '?'}`);
  await t.rt.statistics.keepTotalsCurrent();
  return t;
}

/** The real HTTP application over a fresh real database, driven with inject (no sockets). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const config: AppConfig = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: tdb.url, LOGIN_RATE_PER_MINUTE: '1000', ...env }, process.cwd());
  const clock = new ManualClock();
  const rt: Runtime = {
    config,
    db: tdb.db,
    clock,
    ...createServices(config, tdb.db, clock),
    ownsDatabase: false,
    databaseDescription: 'test',
    close: async () => undefined,
  };
  const app = await buildApp(rt, { logger: false });
  const as: TestApp['as'] = (session, method, url, body, extra = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && extra.csrf !== false ? { 'x-csrf-token': session.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...extra.headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return {
    app,
    rt,
    tdb,
    clock,
    as,
    login: async (username, password = DEMO_PASSWORD) => {
      const res = await as(null, 'POST', '/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = String(res.headers['set-cookie']);
      return { cookie: setCookie.split(';')[0]!, csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
    close: async () => {
      await app.close();
      await tdb.drop();
    },
  };
}

/** The body of POST /api/cases for a new TN-KV3 case as the demo organisation allows it; `over` replaces fields. */
export const newCaseBody = (over: Record<string, unknown> = {}) => ({
  office: 'TN-KV3',
  decision: { number: '15/QĐ-THADS', date: '2026-10-05' },
  acceptedOn: '2026-10-05',
  initiation: 'on_request',
  category: 'dan_su',
  judgment: { number: '45/2026/DS-ST', date: '2026-08-20', court: 'TAND khu vực 3 – Tây Ninh' },
  commune: '28210',
  enforcer: 'TN-KV3-01',
  parties: [
    { role: 'obligor', kind: 'person', name: 'Nguyễn Văn An', idNumber: '080090001234', address: 'ấp 3, xã Tầm Vu' },
    { role: 'obligee', kind: 'person', name: 'Trần Thị Bình', idNumber: null, address: 'ấp 1, xã Vĩnh Công' },
  ],
  obligations: [
    { kind: 'money', beneficiary: 'state_budget', label: 'Án phí dân sự sơ thẩm', amount: 300000 },
    { kind: 'money', beneficiary: 'party', label: 'Trả nợ vay', amount: 15000000 },
  ],
  ...over,
});
