import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/platform/db/database.js';
import { admin, withDatabase } from './global-setup.js';

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file: migrated, with the geography and the demo organisation. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject('pgServerUrl');
  const template = inject('templateDb');
  const name = `thads_t_${randomBytes(6).toString('hex')}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = withDatabase(server, name);
  const db = createDb(url, 5);
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.destroy();
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
