import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb, migrateToLatest } from '../../src/platform/db/database.js';
import { openEmbeddedPostgres, tmpdirForEmbedded, type EmbeddedHandle } from '../../src/platform/db/embedded-postgres.js';
import { ensureGeography } from '../../src/modules/organisation/app/reference-data.js';
import { loadDemoOrganisation } from '../../src/modules/demo/app/demo-organisation.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

/**
 * One real PostgreSQL for the whole run: Debian's (or any) server when DATABASE_URL is set, else an
 * embedded one in a temporary folder. A template database is migrated and seeded once; every test file
 * clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedHandle | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  // Run as root, PostgreSQL runs as the postgres user, which must reach every throw-away data folder: when
  // TMPDIR is out of its reach (in a home folder), the test files' mkdtemp(os.tmpdir()) go to /tmp instead.
  const tmp = await tmpdirForEmbedded();
  if (tmp !== os.tmpdir()) process.env.TMPDIR = tmp;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(tmp, 'thads-test-pg-'));
    embedded = await openEmbeddedPostgres({ dataDir, role: 'test' });
    serverUrl = embedded.url;
  }
  const templateDb = `thads_template_${process.pid}`;
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${templateDb}`);
    await c.query(`CREATE DATABASE ${templateDb}`);
  });
  const db = createDb(withDatabase(serverUrl, templateDb), 2);
  await migrateToLatest(db);
  await ensureGeography(db);
  await loadDemoOrganisation(db);
  await db.destroy();
  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    await admin(serverUrl, async (c) => {
      const r = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'thads_t\\_%' OR datname = $1`, [templateDb]);
      for (const row of r.rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    }).catch(() => undefined);
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
