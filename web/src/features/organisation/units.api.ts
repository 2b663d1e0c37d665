import { api } from '../../api/client';
import type { Unit, UnitDetail } from '../../api/types';

export async function listUnits(): Promise<Unit[]> {
  return (await api.get<{ items: Unit[] }>('/api/units')).items;
}

export function getUnit(code: string): Promise<UnitDetail> {
  return api.get<UnitDetail>(`/api/units/${encodeURIComponent(code)}`);
}
