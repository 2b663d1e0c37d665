import { sql, type Transaction } from 'kysely';
import { AppError } from '../../../kernel/errors.js';
import type { Db } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import { readSnapshotState } from '../infra/statistics.repository.js';

/**
 * Runs the reads of one statistics answer in one snapshot of the database (repeatable read, read only):
 * policies, stored totals and per-case rows agree even while cases are being written. Writes nothing and
 * takes no lock (a standby can serve it). Whole-table joins of a national query get more memory than the
 * default 4 MB. Per-case rows not yet computed (a database upgraded with cases, before keepTotalsCurrent
 * ran) make every count inexact: the answer is "try again shortly", never a wrong figure.
 */
export function readSnapshot<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    if (!(await readSnapshotState(trx)).derivedReady) {
      throw new AppError('DATABASE_UNAVAILABLE', [{ field: 'statistics', rule: 'not_ready', message: 'Số liệu thống kê đang được tính lại; vui lòng thử lại sau ít phút.' }]);
    }
    return fn(trx);
  });
}
