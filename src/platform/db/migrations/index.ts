import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_cases.js';
import * as m0003 from './0003_statistics.js';
import * as m0004 from './0004_period_closes.js';
import * as m0005 from './0005_case_name_search.js';
import * as m0006 from './0006_import_writes_search_terms.js';
import * as m0007 from './0007_statistics_writer_state.js';
import * as m0008 from './0008_audit_references_without_locks.js';
import * as m0009 from './0009_login_throttle.js';
import * as m0010 from './0010_case_decision_index.js';
import * as m0011 from './0011_one_import_path.js';
import * as m0012 from './0012_mobilisation_teams.js';
import * as m0013 from './0013_mobilisation_visits.js';
import * as m0014 from './0014_campaigns.js';
import * as m0015 from './0015_steering.js';
import * as m0016 from './0016_interchange_keys.js';

/** Migrations in strict order. Add new ones at the end; never edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_statistics': m0003,
  '0004_period_closes': m0004,
  '0005_case_name_search': m0005,
  '0006_import_writes_search_terms': m0006,
  '0007_statistics_writer_state': m0007,
  '0008_audit_references_without_locks': m0008,
  '0009_login_throttle': m0009,
  '0010_case_decision_index': m0010,
  '0011_one_import_path': m0011,
  '0012_mobilisation_teams': m0012,
  '0013_mobilisation_visits': m0013,
  '0014_campaigns': m0014,
  '0015_steering': m0015,
  '0016_interchange_keys': m0016,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
