import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNationalUnit } from '../../src/modules/organisation/index.js';
import { isEmpty, loadDemoOrganisation } from '../../src/modules/demo/index.js';
import { createEmptyTestDatabase } from '../support/empty-db.js';
import type { TestDatabase } from '../support/test-db.js';

/** `thads demo` on a new data folder: the runtime has created the national unit, and the demo still loads. */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createEmptyTestDatabase();
});
afterAll(async () => tdb?.drop());

describe('a new installation', () => {
  it('counts as empty with only the national unit, takes the demo organisation, and is no longer empty', async () => {
    await ensureNationalUnit(tdb.db);
    expect(await isEmpty(tdb.db)).toBe(true);
    expect(await loadDemoOrganisation(tdb.db)).toBe(true);
    const national = await tdb.db.selectFrom('units').select('code').where('level', '=', 'national').execute();
    expect(national.map((u) => u.code)).toEqual(['VN']);
    expect(await isEmpty(tdb.db)).toBe(false);
  });
});
