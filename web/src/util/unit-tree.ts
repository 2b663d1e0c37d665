import type { Unit } from '../api/types';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Nests the flat unit list by parentCode; units whose parent is outside the list become roots. */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.code, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode ? nodes.get(node.unit.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    // current units first, then by code
    list.sort((a, b) => Number(b.unit.active) - Number(a.unit.active) || a.unit.code.localeCompare(b.unit.code));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

export interface UnitTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitTreeOption[];
}

/** Options for a TreeSelect of units; units no longer valid are disabled unless `allowInactive`. */
export function unitTreeOptions(nodes: UnitNode[], allowInactive: boolean): UnitTreeOption[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.code,
    title: `${unit.name} (${unit.code})`,
    disabled: !allowInactive && !unit.active,
    children: unitTreeOptions(children, allowInactive),
  }));
}
