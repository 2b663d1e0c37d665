import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_cases.js';

/** Migrations in strict order. Add new ones at the end; never edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
