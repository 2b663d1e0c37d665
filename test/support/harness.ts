import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../../src/platform/config/config.js';
import type { Clock } from '../../src/platform/clock.js';
import { createServices, type Runtime } from '../../src/platform/runtime.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/app/demo-organisation.js';
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
