import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/config.js';

describe('configuration', () => {
  it('has documented defaults', () => {
    const c = loadConfig({}, '/srv/thads');
    expect(c).toMatchObject({
      port: 3000, host: '0.0.0.0', databaseUrl: null, dataDir: '/srv/thads/data', dataDirExplicit: false, embeddedPgPort: null, logLevel: 'info', logFormat: 'text',
      session: { idleMinutes: 60, absoluteHours: 12, secureCookies: 'auto' },
      login: { maxFailures: 5, lockoutMinutes: 15, ratePerMinute: 20 },
      bodyLimitBytes: 1024 * 1024, trustProxy: false, demo: true,
    });
    expect(Object.isFrozen(c) && Object.isFrozen(c.session)).toBe(true);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080', HOST: '127.0.0.1', DATABASE_URL: 'postgres://u:p@db/thads', THADS_DATA_DIR: '/var/lib/thads', THADS_PG_PORT: '55432',
      LOG_LEVEL: 'warn', SESSION_IDLE_MINUTES: '15', SESSION_ABSOLUTE_HOURS: '4', SECURE_COOKIES: 'always', LOGIN_MAX_FAILURES: '10',
      LOGIN_LOCKOUT_MINUTES: '30', LOGIN_RATE_PER_MINUTE: '5', BODY_LIMIT_KB: '64', TRUST_PROXY: 'yes', THADS_DEMO: 'false',
    }, '/x');
    expect(c).toMatchObject({
      port: 8080, host: '127.0.0.1', databaseUrl: 'postgres://u:p@db/thads', dataDir: '/var/lib/thads', dataDirExplicit: true, embeddedPgPort: 55432, logLevel: 'warn', logFormat: 'text',
      session: { idleMinutes: 15, absoluteHours: 4, secureCookies: 'always' }, login: { maxFailures: 10, lockoutMinutes: 30, ratePerMinute: 5 },
      bodyLimitBytes: 64 * 1024, trustProxy: true, demo: false,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, '/x')).toMatchObject({ port: 3000, databaseUrl: null });
    expect(loadConfig({ THADS_DATA_DIR: '' }, '/x')).toMatchObject({ dataDir: '/x/data', dataDirExplicit: false });
  });

  it('knows whether the data folder was named, even when it is the default one', () => {
    expect(loadConfig({ THADS_DATA_DIR: 'data' }, '/x')).toMatchObject({ dataDir: '/x/data', dataDirExplicit: true });
    expect(loadConfig({ THADS_DATA_DIR: '../elsewhere' }, '/x/y')).toMatchObject({ dataDir: '/x/elsewhere', dataDirExplicit: true });
  });

  it('reports every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe', SESSION_IDLE_MINUTES: '-5' }, '/x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const fields = (err as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(fields.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SESSION_IDLE_MINUTES', 'TRUST_PROXY']);
    expect((err as ConfigError).message).toContain('Cấu hình không hợp lệ');
  });
});
