import { useMemo } from 'react';
import type { Commune, Enforcer, Unit } from '../../api/types';
import { getUnit } from '../organisation/units.api';
import { useMe } from '../../auth/session.context';
import { useAsync } from '../../util/use-async';
import { useUnits } from '../../util/units.context';

export interface OfficeEnforcer extends Enforcer {
  office: string;
}

export interface OfficeCommune extends Commune {
  office: string;
}

export interface OfficeDirectory {
  /** Regional/district offices in the working unit's subtree (the working unit itself when it is one). */
  offices: Unit[];
  enforcers: OfficeEnforcer[];
  communes: OfficeCommune[];
  communeName: (code: string | null | undefined) => string;
  loading: boolean;
}

/** Offices under `root` (inclusive) in the flat unit list. */
export function officesUnder(units: Unit[], root: string): Unit[] {
  const children = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.parentCode) children.set(unit.parentCode, [...(children.get(unit.parentCode) ?? []), unit]);
  }
  const out: Unit[] = [];
  const visit = (code: string) => {
    const unit = units.find((u) => u.code === code);
    if (unit?.level === 'office') out.push(unit);
    for (const child of children.get(code) ?? []) visit(child.code);
  };
  visit(root);
  return out;
}

/**
 * Communes and enforcers of the current offices of the working unit (GET /api/units/:code for each), for
 * the filters, the new-case form and the assignment pickers.
 */
export function useOfficeDirectory(): OfficeDirectory {
  const me = useMe();
  const { units } = useUnits();
  const offices = useMemo(
    () => officesUnder(units, me.activeUnit.code).filter((u) => u.active),
    [units, me.activeUnit.code],
  );
  const key = offices.map((o) => o.code).join(',');
  const details = useAsync(() => Promise.all(offices.map((o) => getUnit(o.code))), [key]);
  return useMemo(() => {
    const list = details.data ?? [];
    const enforcers = list.flatMap((d) => d.enforcers.map((e) => ({ ...e, office: d.unit.code })));
    const communes = list.flatMap((d) => d.communes.map((c) => ({ ...c, office: d.unit.code })));
    const names = new Map(communes.map((c) => [c.code, c.name]));
    return {
      offices,
      enforcers,
      communes,
      communeName: (code) => (code ? (names.get(code) ?? code) : ''),
      loading: details.loading,
    };
  }, [details.data, details.loading, offices]);
}
