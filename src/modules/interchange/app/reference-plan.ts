import type { Tx } from '../../../platform/db/database.js';
import { parentLevelFor } from '../../organisation/domain/index.js';
import { allUnits, type UnitRow } from '../../organisation/index.js';
import type { ImportIssue } from './issues.js';
import type { Located, ParsedFiles } from './read-records.js';
import type { CommuneRecord, EnforcerRecord, OfficeRecord, TargetRecord } from './interchange-schema.js';

/**
 * Offices, communes, enforcers and targets of an import, checked against each other and the database:
 * what to create, what to complete, what is already there (skipped), and every conflict.
 *
 * Update rule for an existing office: the file may only close it, i.e. set `valid_to` and `successor` where
 * the database has none (a later export after a reorganisation). Any other difference is an error, as is
 * any difference for an existing enforcer or target. An existing commune keeps its official name; the file
 * assigns it to an office when it has none.
 */
type Level = UnitRow['level'];
export interface KnownUnit { code: string; level: Level; validTo: string | null }
export interface CommuneRow { id: number | null; code: string; name: string; office: string | null; former: boolean }

export interface ReferencePlan {
  newUnits: (OfficeRecord & { parent: string | null })[];
  closeUnits: { code: string; validTo: string | null; successor: string | null }[];
  assignCommunes: { id: number; office: string }[];
  createCommunes: { code: string; name: string; office: string }[];
  newEnforcers: EnforcerRecord[];
  newTargets: TargetRecord[];
  units: Map<string, KnownUnit>;
  enforcers: Set<string>;
  communes: Set<string>;
  skipped: number;
}

export interface DbReferences {
  units: UnitRow[];
  enforcers: Map<string, { name: string; office: string }>;
  communes: Map<string, CommuneRow[]>;
  targets: Map<string, { cases: number; money: number }>;
}

/** Reads the reference tables the plan is checked against (a few thousand rows at most). */
export async function loadDbReferences(tx: Tx): Promise<DbReferences> {
  const units = await allUnits(tx);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const [enf, com, tgt] = await Promise.all([
    tx.selectFrom('enforcers').select(['code', 'name', 'unit_id']).execute(),
    tx.selectFrom('communes').select(['id', 'code', 'name', 'office_id', 'valid_to']).orderBy('id').execute(),
    tx.selectFrom('targets').select(['office_id', 'fiscal_year', 'cases_rate', 'money_rate']).execute(),
  ]);
  const communes = new Map<string, CommuneRow[]>();
  for (const c of com) {
    const row: CommuneRow = { id: c.id, code: c.code, name: c.name, office: c.office_id === null ? null : (codeOf.get(c.office_id) ?? null), former: c.valid_to !== null };
    communes.set(c.code, [...(communes.get(c.code) ?? []), row]);
  }
  return {
    units,
    enforcers: new Map(enf.map((e) => [e.code, { name: e.name, office: codeOf.get(e.unit_id) ?? '' }])),
    communes,
    targets: new Map(tgt.map((t) => [`${codeOf.get(t.office_id)}|${t.fiscal_year}`, { cases: Number(t.cases_rate), money: Number(t.money_rate) }])),
  };
}

const LEVEL_VI: Record<Level, string> = { national: 'trung ương', province: 'tỉnh', office: 'khu vực/huyện' };
const REFORM_EVE = '2025-06-30';

/** Keeps the first record per key; a later one with other content is an error naming the first. */
function unique<T>(items: Located<T>[], key: (r: T) => string, field: string, what: (r: T) => string, issues: ImportIssue[]): Located<T>[] {
  const seen = new Map<string, Located<T>>();
  for (const it of items) {
    const first = seen.get(key(it.rec));
    if (!first) seen.set(key(it.rec), it);
    else if (JSON.stringify(first.rec) !== JSON.stringify(it.rec)) {
      issues.push({ ...it.src, field, message: `${what(it.rec)} đã khai ở ${first.src.file}:${first.src.line} với nội dung khác.` });
    }
  }
  return [...seen.values()];
}

/** Checks the reference records of an import; returns the plan and pushes every problem to `issues`. */
export function planReferences(p: ParsedFiles, db: DbReferences, issues: ImportIssue[]): ReferencePlan {
  const plan: ReferencePlan = {
    newUnits: [], closeUnits: [], assignCommunes: [], createCommunes: [], newEnforcers: [], newTargets: [],
    units: new Map(db.units.map((u) => [u.code, { code: u.code, level: u.level, validTo: u.validTo }])),
    enforcers: new Set([...db.enforcers.keys(), ...p.broken.enforcer]), communes: new Set([...db.communes.keys(), ...p.broken.commune]), skipped: 0,
  };
  const offices = unique(p.offices, (r) => r.code, 'code', (r) => `Đơn vị "${r.code}"`, issues);
  for (const o of offices) if (!plan.units.has(o.rec.code)) plan.units.set(o.rec.code, { code: o.rec.code, level: o.rec.level, validTo: o.rec.valid_to });
  const known = (code: string) => plan.units.has(code) || p.broken.office.has(code);
  const unknownUnit = (code: string) => `Không có đơn vị mã "${code}" trong tệp hay trong cơ sở dữ liệu.`;
  const nationals = [...plan.units.values()].filter((u) => u.level === 'national');
  const dbUnits = new Map(db.units.map((u) => [u.code, u]));

  for (const { src, rec } of offices) {
    const at = (field: string, message: string) => issues.push({ ...src, field, message });
    const want = parentLevelFor(rec.level);
    let parent = rec.parent;
    if (want === null && parent !== null) at('parent', 'Đơn vị cấp trung ương không có đơn vị cấp trên.');
    if (want === 'national' && parent === null) {
      if (nationals.length === 1) parent = nationals[0]!.code;
      else at('parent', 'Đơn vị cấp tỉnh cần đơn vị cấp trên (cấp trung ương); không xác định được vì ' + (nationals.length ? 'có nhiều đơn vị cấp trung ương.' : 'chưa có đơn vị cấp trung ương.'));
    } else if (want !== null && parent === null) at('parent', `Đơn vị cấp ${LEVEL_VI[rec.level]} cần đơn vị cấp trên (cấp ${LEVEL_VI[want]}).`);
    if (want !== null && parent !== null) {
      const pu = plan.units.get(parent);
      if (!known(parent)) at('parent', unknownUnit(parent));
      else if (pu && pu.level !== want) at('parent', `Đơn vị cấp trên "${parent}" phải là đơn vị cấp ${LEVEL_VI[want]}.`);
    }
    if (rec.valid_to !== null && rec.valid_to < rec.valid_from) at('valid_to', 'Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.');
    if (rec.successor !== null && (rec.successor === rec.code || !known(rec.successor))) at('successor', rec.successor === rec.code ? 'Đơn vị không thể kế thừa chính nó.' : unknownUnit(rec.successor));
    const existing = dbUnits.get(rec.code);
    if (!existing) {
      plan.newUnits.push({ ...rec, parent });
      continue;
    }
    const diffs: string[] = [];
    const cmp = (field: string, a: unknown, b: unknown) => { if (a !== b) diffs.push(`${field}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`); };
    cmp('name', existing.name, rec.name);
    cmp('level', existing.level, rec.level);
    cmp('parent', existing.parentCode, parent);
    cmp('valid_from', existing.validFrom, rec.valid_from);
    if (existing.validTo !== null || rec.valid_to === null) cmp('valid_to', existing.validTo, rec.valid_to);
    if (existing.successorCode !== null || rec.successor === null) cmp('successor', existing.successorCode, rec.successor);
    if (diffs.length) at('code', `Đơn vị "${rec.code}" đã có trong cơ sở dữ liệu với nội dung khác (${diffs.join('; ')}); chỉ được bổ sung valid_to và successor còn trống.`);
    else if (existing.validTo !== rec.valid_to || existing.successorCode !== rec.successor) plan.closeUnits.push({ code: rec.code, validTo: rec.valid_to, successor: rec.successor });
    else plan.skipped++;
  }
  plan.newUnits.sort((a, b) => levelRank(a.level) - levelRank(b.level));

  const officeRef = (src: Located<unknown>['src'], code: string, field = 'office') => {
    if (!known(code)) issues.push({ ...src, field, message: unknownUnit(code) });
    else if (plan.units.get(code) && plan.units.get(code)!.level !== 'office') issues.push({ ...src, field, message: `"${code}" không phải cơ quan THADS cấp khu vực/huyện.` });
    else return true;
    return false;
  };
  planCommunes(p.communes, db, plan, issues, officeRef);
  for (const { src, rec } of unique(p.enforcers, (r) => r.code, 'code', (r) => `Chấp hành viên "${r.code}"`, issues)) {
    if (!officeRef(src, rec.office)) continue;
    const existing = db.enforcers.get(rec.code);
    if (!existing) plan.newEnforcers.push(rec);
    else if (existing.name !== rec.name || existing.office !== rec.office) {
      issues.push({ ...src, field: 'code', message: `Chấp hành viên "${rec.code}" đã có trong cơ sở dữ liệu với nội dung khác (${existing.name}, ${existing.office}).` });
    } else plan.skipped++;
    plan.enforcers.add(rec.code);
  }
  for (const { src, rec } of unique(p.targets, (r) => `${r.office}|${r.fiscal_year}`, 'fiscal_year', (r) => `Chỉ tiêu năm ${r.fiscal_year} của "${r.office}"`, issues)) {
    if (!officeRef(src, rec.office)) continue;
    const existing = db.targets.get(`${rec.office}|${rec.fiscal_year}`);
    if (!existing) plan.newTargets.push(rec);
    else if (existing.cases !== rec.cases || existing.money !== rec.money) {
      issues.push({ ...src, field: 'fiscal_year', message: `Chỉ tiêu năm ${rec.fiscal_year} của "${rec.office}" đã có với giá trị khác (việc ${existing.cases}%, tiền ${existing.money}%).` });
    } else plan.skipped++;
  }
  return plan;
}

const levelRank = (l: Level) => (l === 'national' ? 0 : l === 'province' ? 1 : 2);

function planCommunes(items: Located<CommuneRecord>[], db: DbReferences, plan: ReferencePlan, issues: ImportIssue[], officeRef: (src: Located<unknown>['src'], code: string) => boolean) {
  const rows = new Map<string, CommuneRow[]>();
  const rowsOf = (code: string) => rows.get(code) ?? rows.set(code, (db.communes.get(code) ?? []).map((r) => ({ ...r }))).get(code)!;
  for (const { src, rec } of items) {
    if (!officeRef(src, rec.office)) continue;
    plan.communes.add(rec.code);
    const list = rowsOf(rec.code);
    if (list.some((r) => r.office === rec.office)) {
      plan.skipped++;
      continue;
    }
    if (list.length === 0) {
      plan.createCommunes.push({ code: rec.code, name: rec.name, office: rec.office });
      list.push({ id: null, code: rec.code, name: rec.name, office: rec.office, former: false });
      continue;
    }
    const unit = plan.units.get(rec.office);
    const formerOffice = unit?.validTo != null && unit.validTo <= REFORM_EVE;
    const free = list.filter((r) => r.office === null).sort((a, b) => Number(b.former === formerOffice) - Number(a.former === formerOffice));
    const row = free[0];
    if (!row || row.id === null) {
      issues.push({ ...src, field: 'office', message: `Xã/phường "${rec.code}" đã thuộc đơn vị ${list.map((r) => `"${r.office}"`).join(', ')}.` });
      continue;
    }
    row.office = rec.office;
    plan.assignCommunes.push({ id: row.id, office: rec.office });
  }
}
