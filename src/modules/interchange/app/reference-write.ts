import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.js';
import { allUnits } from '../../organisation/index.js';
import type { ReferencePlan } from './reference-plan.js';

/**
 * Writes the reference part of an import plan: new units (parents first, successors once all exist),
 * closed units, communes assigned or created, enforcers and targets. Returns every unit's id by code.
 */
export async function writeReferences(tx: Tx, plan: ReferencePlan): Promise<Map<string, number>> {
  const ids = new Map((await allUnits(tx)).map((u) => [u.code, u.id]));
  const idOf = (code: string) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`unit ${code} missing after planning`);
    return id;
  };
  for (const u of plan.newUnits) {
    const row = await tx
      .insertInto('units')
      .values({ code: u.code, name: u.name, level: u.level, parent_id: u.parent === null ? null : idOf(u.parent), valid_from: u.valid_from, valid_to: u.valid_to })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(u.code, row.id);
  }
  for (const u of plan.newUnits) {
    if (u.successor !== null) await tx.updateTable('units').set({ successor_id: idOf(u.successor) }).where('id', '=', idOf(u.code)).execute();
  }
  for (const u of plan.closeUnits) {
    await tx
      .updateTable('units')
      .set({ valid_to: u.validTo, successor_id: u.successor === null ? null : idOf(u.successor) })
      .where('id', '=', idOf(u.code))
      .execute();
  }
  if (plan.assignCommunes.length) {
    const rows = plan.assignCommunes.map((c) => ({ id: c.id, office_id: idOf(c.office) }));
    await sql`UPDATE communes c SET office_id = v.office_id FROM json_populate_recordset(NULL::communes, ${JSON.stringify(rows)}::json) v
              WHERE c.id = v.id AND c.office_id IS NULL`.execute(tx);
  }
  if (plan.createCommunes.length) {
    for (let i = 0; i < plan.createCommunes.length; i += 5000) {
      // Communes the geography snapshot does not know: no province name, no validity dates.
      const chunk = plan.createCommunes.slice(i, i + 5000);
      await tx
        .insertInto('communes')
        .values(chunk.map((c) => ({ code: c.code, name: c.name, district_name: null, province_name: '', valid_from: null, valid_to: null, office_id: idOf(c.office) })))
        .execute();
    }
  }
  const validTo = new Map((await allUnits(tx)).map((u) => [u.code, u.validTo]));
  if (plan.newEnforcers.length) {
    // An enforcer of a unit that no longer exists is kept for history but not active.
    await tx
      .insertInto('enforcers')
      .values(plan.newEnforcers.map((e) => ({ code: e.code, name: e.name, unit_id: idOf(e.office), active: validTo.get(e.office) === null })))
      .execute();
  }
  if (plan.newTargets.length) {
    await tx
      .insertInto('targets')
      .values(plan.newTargets.map((t) => ({ office_id: idOf(t.office), fiscal_year: t.fiscal_year, cases_rate: t.cases, money_rate: t.money })))
      .execute();
  }
  return ids;
}
