import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.js';
import { AppError } from '../../../kernel/errors.js';
import { visibleUnitIds } from '../../organisation/domain/index.js';
import { allUnits, toNodes, type UnitRow } from '../../organisation/index.js';
import { loadStoredCases } from './case-store.js';
import { caseToRecord } from './interchange-mapping.js';
import { toJsonLine } from './json-line.js';
import { loadStoredAssignments, loadStoredCampaigns, loadStoredTeams } from './mobilisation-store.js';

export interface ExportCounts {
  offices: number;
  communes: number;
  enforcers: number;
  targets: number;
  cases: number;
  events: number;
  teams: number;
  assignments: number;
  visits: number;
  campaigns: number;
}

/** Where exported text goes; awaiting it lets a slow reader hold the export back (backpressure). */
export type ExportSink = (chunk: string) => Promise<void> | void;

const LEVEL_RANK = { national: 0, province: 1, office: 2 } as const;

/**
 * `thads export`: the database in the interchange format, in the order offices, communes, enforcers,
 * targets, cases (each with its effective events), then the mobilisation records: teams (with their
 * members), assignments of the exported cases (with their visits), campaigns. Cases are read in pages by id (keyset), so memory stays
 * flat for a million cases; everything is read in one repeatable-read snapshot. With an office, only its
 * scope (subtree and predecessors) and the units, communes and enforcers its cases refer to.
 */
export class ExportService {
  constructor(private readonly db: Db) {}

  /** Writes every line to `sink`; throws NOT_FOUND for an unknown office. */
  async run(sink: ExportSink, opts: { office?: string | undefined; pageSize?: number } = {}): Promise<ExportCounts> {
    return this.db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
      const units = await allUnits(tx);
      const byId = new Map(units.map((u) => [u.id, u]));
      const codeOf = (id: number) => byId.get(id)?.code ?? String(id);
      let scope: Set<number> | null = null;
      if (opts.office !== undefined) {
        const root = units.find((u) => u.code === opts.office);
        if (!root) throw new AppError('NOT_FOUND', [{ field: 'office', rule: 'unknown_unit', message: `Không có đơn vị mã "${opts.office}".` }]);
        scope = visibleUnitIds(toNodes(units), root.id);
      }
      const inScope = (cols: { office_id: number; holding_office_id: number }) => scope === null || scope.has(cols.office_id) || scope.has(cols.holding_office_id);
      const ids = scope === null ? null : [...scope];
      const caseFilter = (): Expression<SqlBool> =>
        ids === null ? sql<SqlBool>`true` : sql<SqlBool>`(c.office_id = ANY(${ids}::int[]) OR c.holding_office_id = ANY(${ids}::int[]))`;
      const refs = scope === null ? null : await referencedBy(tx, caseFilter());
      const needed = refs === null ? null : neededUnits(units, scope!, refs.unitIds);
      const counts: ExportCounts = { offices: 0, communes: 0, enforcers: 0, targets: 0, cases: 0, events: 0, teams: 0, assignments: 0, visits: 0, campaigns: 0 };
      const exportedCases: string[] = [];

      const offices = units.filter((u) => needed === null || needed.has(u.id)).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || cmp(a.code, b.code));
      await sink(offices.map((u) => toJsonLine(officeLine(u))).join('\n') + (offices.length ? '\n' : ''));
      counts.offices = offices.length;

      const communes = await tx.selectFrom('communes').select(['code', 'name', 'office_id']).where('office_id', 'is not', null).orderBy('code').orderBy('id').execute();
      const communeLines = communes
        .filter((c) => scope === null || scope.has(c.office_id!) || refs!.communes.has(c.code))
        .map((c) => toJsonLine({ type: 'commune', code: c.code, name: c.name, office: codeOf(c.office_id!) }));
      const enforcers = await tx.selectFrom('enforcers').select(['code', 'name', 'unit_id']).orderBy('code').execute();
      const enforcerLines = enforcers
        .filter((e) => scope === null || scope.has(e.unit_id) || refs!.enforcers.has(e.code))
        .map((e) => toJsonLine({ type: 'enforcer', code: e.code, name: e.name, office: codeOf(e.unit_id) }));
      const targets = await tx.selectFrom('targets').selectAll().orderBy('office_id').orderBy('fiscal_year').execute();
      const targetLines = targets
        .filter((t) => scope === null || scope.has(t.office_id))
        .map((t) => toJsonLine({ type: 'target', office: codeOf(t.office_id), fiscal_year: t.fiscal_year, cases: Number(t.cases_rate), money: Number(t.money_rate) }));
      for (const lines of [communeLines, enforcerLines, targetLines]) if (lines.length) await sink(lines.join('\n') + '\n');
      Object.assign(counts, { communes: communeLines.length, enforcers: enforcerLines.length, targets: targetLines.length });

      let after: string | null = null;
      for (;;) {
        let q = tx.selectFrom('cases as c').select(['c.id', 'c.office_id', 'c.holding_office_id']).where(caseFilter()).orderBy('c.id').limit(opts.pageSize ?? 1000);
        if (after !== null) q = q.where('c.id', '>', after);
        const page = await q.execute();
        if (page.length === 0) break;
        after = page.at(-1)!.id;
        const stored = await loadStoredCases(tx, page.filter(inScope).map((r) => r.id), codeOf);
        const lines: string[] = [];
        for (const { id } of page) {
          const c = stored.get(id);
          if (!c) continue;
          lines.push(toJsonLine(caseToRecord(c.facts, c.events)));
          if (scope !== null) exportedCases.push(id);
          counts.cases++;
          counts.events += c.events.length;
        }
        await sink(lines.join('\n') + '\n');
      }
      await exportMobilisation(tx, sink, counts, scope, exportedCases, codeOf);
      return counts;
    });
  }
}

/**
 * The mobilisation records after the cases: the teams of the scope's offices, the assignments (with their
 * visits) of the exported cases to exported teams, the campaigns over the scope's units.
 */
async function exportMobilisation(tx: Tx, sink: ExportSink, counts: ExportCounts, scope: Set<number> | null, caseIds: readonly string[], codeOf: (id: number) => string) {
  // Keys are derived over every team (a derived key's #n depends on the others), then the scope's are written.
  const allTeams = await loadStoredTeams(tx, codeOf);
  const teams = allTeams.filter((t) => scope === null || scope.has(t.officeId));
  const teamKey = new Map(allTeams.map((t) => [t.id, t.record.id]));
  const exported = new Set(teams.map((t) => t.id));
  const assignments = (await loadStoredAssignments(tx, scope === null ? null : caseIds, allTeams)).filter((a) => exported.has(a.teamId));
  const campaigns = await loadStoredCampaigns(tx, scope === null ? null : [...scope], codeOf, (id) => teamKey.get(id) ?? String(id));
  const lines = [...teams, ...assignments, ...campaigns].map((r) => toJsonLine(r.record));
  if (lines.length) await sink(lines.join('\n') + '\n');
  Object.assign(counts, { teams: teams.length, assignments: assignments.length, visits: assignments.reduce((n, a) => n + a.record.visits.length, 0), campaigns: campaigns.length });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function officeLine(u: UnitRow): Record<string, unknown> {
  return {
    type: 'office', code: u.code, name: u.name, level: u.level, parent: u.parentCode, valid_from: u.validFrom, valid_to: u.validTo,
    ...(u.successorCode !== null ? { successor: u.successorCode } : {}),
  };
}

/** Units, enforcers and communes the selected cases refer to (offices, receiving offices, assignments). */
async function referencedBy(tx: Tx, filter: Expression<SqlBool>) {
  const [own, to, enforcers, communes] = await Promise.all([
    tx.selectFrom('cases as c').select(['c.office_id', 'c.holding_office_id']).distinct().where(filter).execute(),
    tx.selectFrom('case_events as e').innerJoin('cases as c', 'c.id', 'e.case_id').select(sql<string>`e.data->>'to'`.as('code')).distinct()
      .where(filter).where('e.type', 'in', ['transferred_out', 'office_changed']).execute(),
    tx.selectFrom('case_events as e').innerJoin('cases as c', 'c.id', 'e.case_id').select(sql<string | null>`e.data->>'enforcer'`.as('code')).distinct()
      .where(filter).where('e.type', '=', 'enforcer_assigned')
      .union(tx.selectFrom('cases as c').select('c.initial_enforcer as code').distinct().where(filter).where('c.initial_enforcer', 'is not', null))
      .execute(),
    tx.selectFrom('cases as c').select('c.commune_code as code').distinct().where(filter).where('c.commune_code', 'is not', null).execute(),
  ]);
  const enforcerCodes = new Set(enforcers.map((r) => r.code!));
  const communeCodes = new Set(communes.map((r) => r.code!));
  const [enfUnits, comUnits, toUnits] = await Promise.all([
    enforcerCodes.size ? tx.selectFrom('enforcers').select('unit_id as id').where('code', 'in', [...enforcerCodes]).execute() : [],
    communeCodes.size ? tx.selectFrom('communes').select('office_id as id').where('code', 'in', [...communeCodes]).where('office_id', 'is not', null).execute() : [],
    to.length ? tx.selectFrom('units').select('id').where('code', 'in', to.map((r) => r.code)).execute() : [],
  ]);
  const unitIds = new Set<number>([...own.flatMap((r) => [r.office_id, r.holding_office_id]), ...enfUnits.map((r) => r.id), ...comUnits.map((r) => r.id!), ...toUnits.map((r) => r.id)]);
  return { unitIds, enforcers: enforcerCodes, communes: communeCodes };
}

/** The scope plus referenced units, closed under parent and successor (an import needs them to exist). */
function neededUnits(units: readonly UnitRow[], scope: Set<number>, referenced: Set<number>): Set<number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Set<number>();
  const stack = [...scope, ...referenced];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    const u = byId.get(id);
    if (u?.parentId != null) stack.push(u.parentId);
    if (u?.successorId != null) stack.push(u.successorId);
  }
  return out;
}
