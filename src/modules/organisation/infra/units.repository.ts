import type { DbOrTx } from '../../../platform/db/database.js';
import type { UnitNode } from '../domain/unit-scope.js';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: 'national' | 'province' | 'office';
  parentId: number | null;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: number | null;
  successorCode: string | null;
}

export async function allUnits(db: DbOrTx): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('units as s', 's.id', 'u.successor_id')
    .select([
      'u.id', 'u.code', 'u.name', 'u.level', 'u.parent_id', 'p.code as parent_code', 'u.valid_from', 'u.valid_to',
      'u.successor_id', 's.code as successor_code',
    ])
    .orderBy('u.level')
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorId: r.successor_id,
    successorCode: r.successor_code,
  }));
}

export function toNodes(units: readonly UnitRow[]): UnitNode[] {
  return units.map((u) => ({ id: u.id, code: u.code, level: u.level, parentId: u.parentId, successorId: u.successorId }));
}

export async function unitByCode(db: DbOrTx, code: string): Promise<UnitRow | undefined> {
  return (await allUnits(db)).find((u) => u.code === code);
}

export async function communesOfUnit(db: DbOrTx, unitId: number) {
  return db
    .selectFrom('communes')
    .where('office_id', '=', unitId)
    .select(['code', 'name', 'district_name', 'province_name', 'valid_from', 'valid_to'])
    .orderBy('name')
    .execute();
}

export async function enforcersOfUnit(db: DbOrTx, unitId: number) {
  return db.selectFrom('enforcers').where('unit_id', '=', unitId).select(['id', 'code', 'name', 'active']).orderBy('code').execute();
}
