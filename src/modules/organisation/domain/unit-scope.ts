import type { UnitLevel } from './roles.js';

export interface UnitNode {
  readonly id: number;
  readonly code: string;
  readonly level: UnitLevel;
  readonly parentId: number | null;
  readonly successorId: number | null;
}

/**
 * The units a user attached to `rootId` may see: the unit itself, everything below it, and every unit it
 * succeeds (statistics.md §2: a unit reports for the units whose successor chain leads to it, so a
 * Phòng THADS khu vực sees the former Chi cục's cases), applied transitively.
 */
export function visibleUnitIds(units: readonly UnitNode[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  const add = (key: number, value: number) => {
    const list = children.get(key);
    if (list) list.push(value);
    else children.set(key, [value]);
  };
  for (const u of units) {
    if (u.parentId !== null) add(u.parentId, u.id);
    if (u.successorId !== null && u.successorId !== u.id) add(u.successorId, u.id);
  }
  const seen = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return seen;
}

/** A unit is valid on a date when valid_from ≤ date and (valid_to is null or date ≤ valid_to). */
export function isUnitValidOn(unit: { validFrom: string; validTo: string | null }, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

/** Levels nest national → province → office; a unit's parent must be exactly one level up. */
export function parentLevelFor(level: UnitLevel): UnitLevel | null {
  switch (level) {
    case 'national':
      return null;
    case 'province':
      return 'national';
    case 'office':
      return 'province';
    default: {
      const never: never = level;
      throw new Error(`unknown level ${String(never)}`);
    }
  }
}
