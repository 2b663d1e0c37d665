import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Unit } from '../api/types';
import { listUnits } from '../features/organisation/units.api';
import { useCan, useMe } from '../auth/session.context';
import { useAsync } from './use-async';
import { buildUnitTree, type UnitNode } from './unit-tree';

interface UnitsValue {
  units: Unit[];
  byCode: Map<string, Unit>;
  tree: UnitNode[];
  loading: boolean;
  error: unknown;
}

const UnitsContext = createContext<UnitsValue | null>(null);

/** The units in the user's scope, loaded once for the signed-in frame (they change rarely). */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const may = useCan()('units.read');
  const { data, loading, error } = useAsync(() => (may ? listUnits() : Promise.resolve([])), [me.id, may]);
  const value = useMemo<UnitsValue>(() => {
    const units = data ?? [];
    return { units, byCode: new Map(units.map((u) => [u.code, u])), tree: buildUnitTree(units), loading, error };
  }, [data, loading, error]);
  return <UnitsContext.Provider value={value}>{children}</UnitsContext.Provider>;
}

export function useUnits(): UnitsValue {
  const value = useContext(UnitsContext);
  if (!value) throw new Error('useUnits() outside <UnitsProvider>');
  return value;
}
