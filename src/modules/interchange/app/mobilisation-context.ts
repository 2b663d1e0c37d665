import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.js';
import { visibleUnitIds } from '../../organisation/domain/index.js';
import type { CasePlan } from './case-plan.js';
import type { ParsedFiles } from './read-records.js';
import type { DbReferences, ReferencePlan } from './reference-plan.js';

/**
 * What the mobilisation records of an import are checked against: the units, communes, enforcers and cases
 * as they will be once the file's reference and case records are written (the database plus the file),
 * so that a team may name an office or a commune of the same file, an assignment a case of the same file.
 */
export interface MobilisationContext {
  today: string;
  units: Map<string, { level: string; validFrom: string; validTo: string | null }>;
  /** A unit's area (itself, what is below it, its predecessors), as codes (organisation/domain visibleUnitIds). */
  scopeOf: (code: string) => Set<string>;
  /** The rows of a commune code: id (null: created by this import), office, validity. */
  communes: Map<string, { id: number | null; office: string | null; validFrom: string | null; validTo: string | null }[]>;
  enforcers: Map<string, string>;
  cases: Map<string, { office: string; holding: string; acceptedOn: string }>;
  /** Codes and ids named by malformed lines (not reported again where referred to). */
  broken: ParsedFiles['broken'];
}

export async function buildMobilisationContext(tx: Tx, p: ParsedFiles, db: DbReferences, refs: ReferencePlan, cases: CasePlan, today: string): Promise<MobilisationContext> {
  const nodes = new Map<string, { level: string; validFrom: string; validTo: string | null; parent: string | null; successor: string | null }>();
  for (const u of db.units) nodes.set(u.code, { level: u.level, validFrom: u.validFrom, validTo: u.validTo, parent: u.parentCode, successor: u.successorCode });
  for (const u of refs.newUnits) nodes.set(u.code, { level: u.level, validFrom: u.valid_from, validTo: u.valid_to, parent: u.parent, successor: u.successor });
  for (const u of refs.closeUnits) Object.assign(nodes.get(u.code) ?? {}, { validTo: u.validTo, successor: u.successor });
  const codes = [...nodes.keys()];
  const idOf = new Map(codes.map((c, i) => [c, i]));
  const list = codes.map((c, i) => {
    const n = nodes.get(c)!;
    return { id: i, code: c, level: n.level as 'office', parentId: n.parent === null ? null : (idOf.get(n.parent) ?? null), successorId: n.successor === null ? null : (idOf.get(n.successor) ?? null) };
  });
  const scopes = new Map<string, Set<string>>();
  const scopeOf = (code: string) => {
    let s = scopes.get(code);
    if (!s) {
      const root = idOf.get(code);
      s = new Set(root === undefined ? [] : [...visibleUnitIds(list, root)].map((i) => codes[i]!));
      scopes.set(code, s);
    }
    return s;
  };

  const unitCode = new Map(db.units.map((u) => [u.id, u.code]));
  const communeCodes = [...new Set(p.teams.map((t) => t.rec.commune))];
  const rows = communeCodes.length === 0 ? [] : await tx.selectFrom('communes').select(['id', 'code', 'office_id', 'valid_from', 'valid_to'])
    .where('code', '=', sql<string>`ANY(${communeCodes}::text[])`).orderBy('id').execute();
  const assigned = new Map(refs.assignCommunes.map((c) => [c.id, c.office]));
  const communes: MobilisationContext['communes'] = new Map();
  const add = (code: string, row: { id: number | null; office: string | null; validFrom: string | null; validTo: string | null }) => communes.set(code, [...(communes.get(code) ?? []), row]);
  for (const r of rows) add(r.code, { id: r.id, office: assigned.get(r.id) ?? (r.office_id === null ? null : (unitCode.get(r.office_id) ?? null)), validFrom: r.valid_from, validTo: r.valid_to });
  for (const c of refs.createCommunes) add(c.code, { id: null, office: c.office, validFrom: null, validTo: null });

  const enforcers = new Map([...db.enforcers].map(([code, e]) => [code, e.office]));
  for (const e of refs.newEnforcers) enforcers.set(e.code, e.office);

  const caseIds = [...new Set([...p.assignments.map((a) => a.rec.case), ...p.campaigns.flatMap((c) => c.rec.cases.map((x) => x.case))])];
  const stored = caseIds.length === 0 ? [] : await tx.selectFrom('cases').select(['id', 'office_id', 'holding_office_id', 'accepted_on'])
    .where('id', '=', sql<string>`ANY(${caseIds}::text[])`).execute();
  const caseMap: MobilisationContext['cases'] = new Map();
  for (const c of stored) caseMap.set(c.id, { office: unitCode.get(c.office_id) ?? '', holding: unitCode.get(c.holding_office_id) ?? '', acceptedOn: c.accepted_on });
  // A case of the file that failed its checks is known (its problems are reported with it).
  for (const c of p.cases) if (!caseMap.has(c.rec.facts.id)) caseMap.set(c.rec.facts.id, { office: c.rec.facts.office, holding: c.rec.facts.office, acceptedOn: c.rec.facts.acceptedOn });
  for (const c of [...cases.created, ...cases.appended]) caseMap.set(c.facts.id, { office: c.facts.office, holding: c.state.office, acceptedOn: c.facts.acceptedOn });

  const units = new Map([...nodes].map(([code, n]) => [code, { level: n.level, validFrom: n.validFrom, validTo: n.validTo }]));
  return { today, units, scopeOf, communes, enforcers, cases: caseMap, broken: p.broken };
}
