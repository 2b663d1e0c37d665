import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config.js';
import { createServices, type Runtime } from '../../src/platform/runtime.js';
import { createDb } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/platform/http/app.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('health', () => {
  it('answers ok when the database is reachable', async () => {
    const r = await t.as(null, 'GET', '/api/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database is not reachable', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const url = 'postgres://nobody:nothing@127.0.0.1:1/none';
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }, process.cwd());
    const db = createDb(url, 1);
    const rt: Runtime = { config, db, clock: { now: () => new Date() }, ...createServices(config, db), ownsDatabase: false, databaseDescription: 'down', close: async () => undefined };
    const app = await buildApp(rt, { logger: false });
    try {
      const r = await app.inject({ method: 'GET', url: '/api/health' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ status: 'unavailable' });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'b' }) });
      expect(login.statusCode).toBe(503);
      expect(login.json().error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it('answers unknown API paths with the error format', async () => {
    const r = await t.as(null, 'GET', '/api/khong-co');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('NOT_FOUND');
  });
});
