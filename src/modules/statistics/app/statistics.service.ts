import { sql, type Transaction } from 'kysely';
import { resolvedSql, type ResolvedGroupBy } from '../infra/queries/resolved.query.js';
import type { Db, DbOrTx } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { canChangeStatisticsPolicies, canSetTargetOf, type Reader } from '../../organisation/domain/index.js';
import { AppError } from '../../../kernel/errors.js';
import {
  checkIdentities, DEFAULT_POLICIES, defaultFrom, fiscalYearOf, resolvePeriod, validatePolicies,
  type CaseKey, type IdentityViolation, type MoneyKey, type Period, type StatisticsPolicies, type StatisticsReport, type Target,
} from '../domain/index.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { readSnapshotState, targetsOf, upsertTarget, writeSetting, writeSnapshotState } from '../infra/statistics.repository.js';
import type { Actor, UnitDirectory, UnitRow } from '../../organisation/index.js';
import { systemClock, todayInVietnam, type Clock } from '../../../platform/clock.js';
import { readSnapshot } from './read-snapshot.js';
import { isSnapshotDate, monthEndOf, monthEndsBetween, snapshotDatesAround } from './months.js';
import { currentPolicies, POLICIES_KEY, snapshotPolicyKey, sqlGrounds } from './policies.js';
import { drilldownPageSql, type DrilldownParams } from '../infra/queries/drilldown.query.js';
import { type PerCaseParams } from '../infra/queries/per-case.sql.js';
import {
  addSums, correctedReportSql, groupRows, reportSql, shapeReport, snapshotSql, sumsOfRow, zeroSums, type BaseRow, type BaseSums, type GroupBy,
} from '../infra/queries/report.query.js';
import { extendSnapshots, rebuildStatistics, snapshotsUsable, type RebuildOptions, type RebuildSummary } from './statistics-maintenance.js';
import { CATEGORY_VI, INITIATION_VI } from './report-presenter.js';

/** Which computation answered: stored totals of the day, those of a nearby snapshot date corrected, or the full query. */
export type ReportSource = 'snapshot' | 'corrections' | 'sql';

/** What keepTotalsCurrent did. */
export type TotalsUpkeep =
  | { action: 'none' | 'standby'; rebuilt?: undefined }
  | { action: 'extended'; throughMonthEnd: IsoDate; rebuilt?: undefined }
  | { action: 'rebuilt'; rebuilt: RebuildSummary };

export interface ReportOptions {
  /** Force a computation (tests compare them); default: the fastest that applies. */
  path?: 'auto' | ReportSource;
  /** For path 'corrections': the snapshot date whose totals are corrected (same fiscal year). */
  anchor?: IsoDate;
}

export interface UnitReport {
  unit: UnitRow;
  report: StatisticsReport;
  identities: IdentityViolation[];
  source: ReportSource;
  /** Base sums per holding office (by=office, by=province). */
  byOffice: Map<number, BaseSums>;
}

export const BREAKDOWNS = ['initiation', 'enforcer', 'commune', 'category', 'office', 'province', 'month'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface BreakdownRow {
  key: string | null;
  label: string | null;
  report: StatisticsReport;
}

export interface CellQuery {
  form: 'cases' | 'money';
  key: string;
  by?: Breakdown | undefined;
  value?: string | undefined;
  page: number;
  pageSize: number;
}

const validation = (details: { field: string; rule: string; message: string }[]) => new AppError('VALIDATION_FAILED', details);

/** The official results (statistics.md) of any unit for any period, their breakdowns, the cases behind each cell, targets and policies. */
export class StatisticsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly clock: Clock = systemClock,
  ) {}

  private today(): IsoDate {
    return todayInVietnam(this.clock);
  }

  /** A period from request text (statistics.md §1, §7: `from` defaults to 1 October of the fiscal year of `to`). */
  periodOf(to: string, from?: string | null): Period {
    const r = resolvePeriod(to, from ?? null);
    if (!r.ok) throw validation(r.errors);
    return r.value;
  }

  async unitOf(code: string): Promise<UnitRow> {
    const u = await this.units.byCode(code);
    if (!u) throw new AppError('NOT_FOUND', [{ field: 'unit', rule: 'unknown_unit', message: `Không có đơn vị mã "${code}".` }]);
    return u;
  }

  /**
   * The unit `code` if the reader may read it. Every read of unit figures goes through here, so a CLI or a
   * job cannot skip the scope by accident (a system reader names its purpose); outside the scope the answer
   * is the one for an unknown unit, never a hint that the unit exists.
   */
  visibleUnit(reader: Reader, code: string): Promise<UnitRow> {
    return this.units.visibleTo(reader, code);
  }

  /** The holding offices a unit's report counts (statistics.md §2: itself, its predecessors, every unit below); null = all. */
  private async officeSet(unit: UnitRow): Promise<number[] | null> {
    const scope = await this.units.scopeOf(unit.id);
    return (await this.units.coversAll(scope)) ? null : [...scope].sort((a, b) => a - b);
  }

  /**
   * Brings the statistics up to date (a writer's step: the import, the demo loader, keepTotalsCurrent):
   * rebuilds per-case rows when they are missing (a database upgraded with cases), recomputes stale
   * snapshot totals (after an import, a policy change) and adds the snapshot dates up to now. Returns what a
   * recomputation did, null when none was needed. Reports never call it.
   */
  async prepare(opts: { onProgress?: (message: string) => void } = {}): Promise<RebuildSummary | null> {
    const r = await this.keepTotalsCurrent(opts);
    return r.rebuilt ?? null;
  }

  /**
   * The maintenance of the stored totals, run by the server on a schedule (at start, every few minutes, after
   * midnight in Viet Nam) and by the writers that need it: adds the snapshot dates of a month that began,
   * recomputes stale totals, computes missing per-case rows. Takes the writers' lock exclusively only when
   * something is to be done; on a read-only standby (in recovery) it does nothing.
   */
  async keepTotalsCurrent(opts: { onProgress?: (message: string) => void } = {}): Promise<TotalsUpkeep> {
    const inRecovery = (await sql<{ r: boolean }>`SELECT pg_is_in_recovery() AS r`.execute(this.db)).rows[0]?.r === true;
    if (inRecovery) return { action: 'standby' };
    const state = await readSnapshotState(this.db);
    const policies = await currentPolicies(this.db);
    const current = monthEndOf(this.today());
    if (state.derivedReady && snapshotsUsable(state, policies) && state.lastAsOf! >= current) return { action: 'none' };
    const rebuilt = await extendSnapshots(this.db, current, { today: this.today(), ...opts });
    return rebuilt ? { action: 'rebuilt', rebuilt } : { action: 'extended', throughMonthEnd: current };
  }

  /** The reads of one answer in one read-only snapshot (read-snapshot.ts). */
  private read<T>(fn: (db: Transaction<DB>) => Promise<T>): Promise<T> {
    return readSnapshot(this.db, fn);
  }

  /** Full recomputation (after a bulk import or to cover earlier fiscal years). */
  async rebuild(opts: Omit<RebuildOptions, 'today'> = {}) {
    return rebuildStatistics(this.db, { ...opts, today: this.today() });
  }

  private async officeRows(db: DbOrTx, period: Period, offices: number[] | null, policies: StatisticsPolicies, opts: ReportOptions): Promise<{ rows: BaseRow[]; source: ReportSource }> {
    const params: PerCaseParams = { from: period.from, to: period.to, offices, grounds: sqlGrounds(policies) };
    const path = opts.path ?? 'auto';
    if (path === 'sql') return { rows: (await reportSql(params, 'office').execute(db)).rows, source: 'sql' };
    const state = await readSnapshotState(db);
    const usable = snapshotsUsable(state, policies) && period.from === defaultFrom(period.to);
    const inRange = (m: IsoDate) => usable && isSnapshotDate(m) && m >= state.firstAsOf! && m <= state.lastAsOf!;
    if (path === 'snapshot' || (path === 'auto' && inRange(period.to))) {
      if (!inRange(period.to)) throw new Error(`no stored totals for ${period.from} … ${period.to}`);
      return { rows: (await snapshotSql(period.to, offices).execute(db)).rows, source: 'snapshot' };
    }
    let anchor = opts.anchor;
    if (!anchor) {
      const days = (m: IsoDate) => Math.abs(Date.parse(m) - Date.parse(period.to));
      const { before, after } = snapshotDatesAround(period.to);
      const candidates = [before, after].filter((m) => m >= period.from && fiscalYearOf(m) === fiscalYearOf(period.to) && inRange(m));
      anchor = candidates.sort((a, b) => days(a) - days(b))[0];
    }
    if (anchor) {
      if (!inRange(anchor) || fiscalYearOf(anchor) !== fiscalYearOf(period.to)) throw new Error(`snapshot date ${anchor} cannot anchor ${period.to}`);
      return { rows: (await correctedReportSql(params, anchor).execute(db)).rows, source: 'corrections' };
    }
    if (path === 'corrections') throw new Error(`no snapshot date to correct for ${period.to}`);
    return { rows: (await reportSql(params, 'office').execute(db)).rows, source: 'sql' };
  }

  private async targetMap(db: DbOrTx, unitIds: number[], to: IsoDate): Promise<Map<number, Target>> {
    const rows = await targetsOf(db, unitIds, fiscalYearOf(to));
    return new Map([...rows].map(([id, t]) => [id, { cases: t.cases, money: t.money }]));
  }

  /** Both forms of a unit's report for [from, to] (statistics.md §2–§5, §7) with the identities checked. */
  async report(reader: Reader, unitCode: string, to: string, from?: string | null, opts: ReportOptions = {}): Promise<UnitReport> {
    const period = this.periodOf(to, from);
    const unit = await this.visibleUnit(reader, unitCode);
    return this.read((db) => this.reportFor(db, unit, period, opts));
  }

  private async reportFor(db: DbOrTx, unit: UnitRow, period: Period, opts: ReportOptions = {}): Promise<UnitReport> {
    const policies = await currentPolicies(db);
    const offices = await this.officeSet(unit);
    const { rows, source } = await this.officeRows(db, period, offices, policies, opts);
    const byOffice = new Map<number, BaseSums>();
    for (const [office, sums] of groupRows(rows)) byOffice.set(Number(office), sums);
    const total = [...byOffice.values()].reduce(addSums, zeroSums());
    const target = (await this.targetMap(db, [unit.id], period.to)).get(unit.id) ?? null;
    const report = shapeReport(unit.code, period, policies, total, target);
    return { unit, report, identities: checkIdentities(report), source, byOffice };
  }

  /** A report's rows by initiation, enforcer, commune, category, office, province or month (statistics.md §6). */
  async breakdown(reader: Reader, unitCode: string, to: string, from: string | null | undefined, by: Breakdown) {
    const period = this.periodOf(to, from);
    const unit = await this.visibleUnit(reader, unitCode);
    return this.read(async (db) => {
      const policies = await currentPolicies(db);
      const main = await this.reportFor(db, unit, period);
      let rows: BreakdownRow[];
      if (by === 'office' || by === 'province') {
        const all = await this.units.all();
        const scope = await this.units.scopeOf(unit.id);
        let groups: { unit: UnitRow; offices: Set<number> }[];
        if (by === 'office') {
          groups = all.filter((u) => main.byOffice.has(u.id)).map((u) => ({ unit: u, offices: new Set([u.id]) }));
        } else {
          const provinces = all.filter((u) => u.level === 'province' && scope.has(u.id));
          groups = await Promise.all(provinces.map(async (u) => ({ unit: u, offices: await this.units.scopeOf(u.id) })));
        }
        const targets = await this.targetMap(db, groups.map((g) => g.unit.id), period.to);
        rows = groups.map((g) => {
          const sums = zeroSums();
          for (const [office, s] of main.byOffice) if (g.offices.has(office)) addSums(sums, s);
          return { key: g.unit.code, label: g.unit.name, report: shapeReport(g.unit.code, period, policies, sums, targets.get(g.unit.id) ?? null) };
        });
      } else if (by === 'month') {
        const ends = monthEndsBetween(period.from, period.to).filter((m) => m >= period.from);
        if (!ends.includes(period.to)) ends.push(period.to);
        rows = [];
        for (const m of ends) {
          const r = m === period.to ? main : await this.reportFor(db, unit, { from: period.from, to: m });
          rows.push({ key: m, label: `${period.from} – ${m}`, report: r.report });
        }
      } else {
        const groupBy: GroupBy = by;
        const params: PerCaseParams = { from: period.from, to: period.to, offices: await this.officeSet(unit), grounds: sqlGrounds(policies) };
        const result = await reportSql(params, groupBy).execute(db);
        const labels = await this.labels(db, by, result.rows.map((r) => r.grp));
        rows = result.rows.map((r) => {
          const key = r.grp === null ? null : String(r.grp);
          return { key, label: key === null ? null : (labels.get(key) ?? key), report: shapeReport(unit.code, period, policies, sumsOfRow(r), null) };
        });
      }
      return { unit, period, policies, by, total: main.report, rows };
    });
  }

  /**
   * Only what was resolved in [from, to] (the case form's and the money form's `resolved`), by office,
   * enforcer or commune: equal to the breakdown's figures but read from the rows dated in the period, for a
   * short period of a large unit (a nationwide peak campaign's leaderboard: resolved.query.ts).
   */
  async resolvedBy(reader: Reader, unitCode: string, to: string, from: string, by: ResolvedGroupBy) {
    const period = this.periodOf(to, from);
    const unit = await this.visibleUnit(reader, unitCode);
    return this.read(async (db) => {
      const policies = await currentPolicies(db);
      const rows = (await resolvedSql({ from: period.from, to: period.to, offices: await this.officeSet(unit), moneyResolved: policies.moneyResolved }, by).execute(db)).rows;
      const codes = new Map((await this.units.all()).map((u) => [String(u.id), u]));
      const labels = by === 'office' ? new Map<string, string>() : await this.labels(db, by, rows.map((r) => r.grp));
      const out = rows.map((r) => {
        const raw = r.grp === null ? null : String(r.grp);
        const key = by === 'office' && raw !== null ? (codes.get(raw)?.code ?? raw) : raw;
        const label = raw === null ? null : by === 'office' ? (codes.get(raw)?.name ?? raw) : (labels.get(raw) ?? raw);
        return { key, label, casesResolved: Number(r.cases), moneyResolved: BigInt(r.money), moneyWithMeansInPeriod: BigInt(r.paid) + BigInt(r.extinguished) + BigInt(r.reduced) };
      });
      const total = {
        casesResolved: out.reduce((a, r) => a + r.casesResolved, 0),
        moneyResolved: out.reduce((a, r) => a + r.moneyResolved, 0n),
        // completed + terminated + reduced of the period: the money with means that is not outstanding at E
        moneyWithMeansInPeriod: out.reduce((a, r) => a + r.moneyWithMeansInPeriod, 0n),
      };
      return { unit, period, policies, by, total, rows: out };
    });
  }

  private async labels(db: DbOrTx, by: 'initiation' | 'enforcer' | 'commune' | 'category', keys: (string | number | null)[]): Promise<Map<string, string>> {
    const codes = keys.filter((k): k is string => typeof k === 'string');
    if (by === 'initiation') return new Map(Object.entries(INITIATION_VI));
    if (by === 'category') return new Map(Object.entries(CATEGORY_VI));
    if (codes.length === 0) return new Map();
    if (by === 'enforcer') {
      const rows = await db.selectFrom('enforcers').select(['code', 'name']).where('code', 'in', codes).execute();
      return new Map(rows.map((r) => [r.code, r.name]));
    }
    const rows = await db.selectFrom('communes').select(['code', 'name', 'valid_to']).where('code', 'in', codes).orderBy('valid_to', (ob) => ob.desc().nullsFirst()).execute();
    const out = new Map<string, string>();
    for (const r of rows) if (!out.has(r.code)) out.set(r.code, r.name);
    return out;
  }

  /**
   * The cases behind one cell (statistics.md §6): a page of them, by holding office and case, with what each
   * contributes (1, or its amount in đồng); the cell's value (`total`, as the report computes it: the listed
   * values add up to it); how many cases (the cell for the case form; for money when the list fits a page).
   */
  async cases(reader: Reader, unitCode: string, to: string, from: string | null | undefined, q: CellQuery) {
    let period = this.periodOf(to, from);
    const unit = await this.visibleUnit(reader, unitCode);
    return this.read(async (db) => {
      const policies = await currentPolicies(db);
      let offices = await this.officeSet(unit);
      let group: { by: GroupBy; value: string | number | null } | null = null;
      const scope = await this.units.scopeOf(unit.id);
      if (q.by && q.value === undefined) throw validation([{ field: 'value', rule: 'required', message: 'Cần giá trị của dòng (value) khi chọn by.' }]);
      const main = await this.reportFor(db, unit, period);
      let report = main.report;
      if (q.by === 'month') {
        const m = q.value!;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(m) || m < period.from || m > period.to) {
          throw validation([{ field: 'value', rule: 'month_in_period', message: `Tháng "${m}" không thuộc kỳ ${period.from} – ${period.to}.` }]);
        }
        period = this.periodOf(m, period.from);
        report = (await this.reportFor(db, unit, period)).report;
      } else if (q.by === 'office' || q.by === 'province') {
        const u = await this.units.byCode(q.value!);
        if (!u || !scope.has(u.id) || (q.by === 'office' ? u.level !== 'office' : u.level !== 'province')) {
          throw validation([{ field: 'value', rule: 'unknown_unit', message: `Không có đơn vị "${q.value}" trong phạm vi báo cáo.` }]);
        }
        const set = q.by === 'office' ? new Set([u.id]) : await this.units.scopeOf(u.id);
        offices = [...set];
        const sums = zeroSums();
        for (const [office, x] of main.byOffice) if (set.has(office)) addSums(sums, x);
        report = shapeReport(u.code, period, policies, sums, null);
      } else if (q.by) {
        group = { by: q.by, value: q.value === '' ? null : q.value! };
        const params: PerCaseParams = { from: period.from, to: period.to, offices, grounds: sqlGrounds(policies) };
        const row = (await reportSql(params, q.by).execute(db)).rows.find((r) => (r.grp === null ? null : String(r.grp)) === group!.value);
        report = shapeReport(unit.code, period, policies, row ? sumsOfRow(row) : zeroSums(), null);
      }
      const money = q.form === 'money';
      const total = money ? report.money[q.key as MoneyKey] : BigInt(report.cases[q.key as CaseKey]);
      const params: PerCaseParams = { from: period.from, to: period.to, offices, grounds: sqlGrounds(policies) };
      const d = { form: q.form, key: q.key, group, limit: q.pageSize + 1, offset: (q.page - 1) * q.pageSize } as DrilldownParams;
      const rows = (await drilldownPageSql(params, d, policies).execute(db)).rows;
      const hasMore = rows.length > q.pageSize;
      // The case form counts 1 per case: the count is the cell. A money list's length is known once it fits a page.
      const count = !money ? Number(total) : q.page === 1 && !hasMore ? rows.length : null;
      const codes = new Map((await this.units.all()).map((u) => [u.id, u.code]));
      return {
        unit: unit.code, period, form: q.form, key: q.key, by: q.by ?? null, value: q.value ?? null,
        total: money ? total.toString() : Number(total),
        count, page: q.page, pageSize: q.pageSize, hasMore,
        items: rows.slice(0, q.pageSize).map((i) => ({
          caseId: i.case_id, office: codes.get(i.office_id) ?? null, status: i.status, episodeStart: i.start_on, episodeEnd: i.end_on, endType: i.end_type,
          value: money ? i.value.toString() : Number(i.value),
        })),
      };
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Targets (statistics.md §5)

  /** A unit's target for a fiscal year and those of the units directly below it. */
  async targets(reader: Reader, unitCode: string, fiscalYear: number) {
    const unit = await this.visibleUnit(reader, unitCode);
    const children = (await this.units.all()).filter((u) => u.parentId === unit.id);
    const ids = [unit.id, ...children.map((c) => c.id)];
    const rows = await targetsOf(this.db, ids, fiscalYear);
    const t = (id: number) => {
      const r = rows.get(id);
      return r ? { cases: r.cases, money: r.money } : null;
    };
    return {
      unit: { code: unit.code, name: unit.name, level: unit.level },
      fiscalYear,
      target: t(unit.id),
      children: children.map((c) => ({ code: c.code, name: c.name, level: c.level, validTo: c.validTo, target: t(c.id) })),
    };
  }

  /** Sets a unit's yearly target: by the unit above it (its parent in the user's scope) or an administrator; audited. */
  async setTarget(actor: Actor, input: { unit: string; fiscalYear: number; cases: number; money: number }) {
    const unit = await this.unitOf(input.unit);
    const parentInScope = unit.parentId !== null && actor.scope.has(unit.parentId);
    if (!canSetTargetOf(actor.role, actor.unitLevel, parentInScope)) {
      throw new AppError('FORBIDDEN', [{ field: 'unit', rule: 'set_by_unit_above', message: 'Chỉ tiêu của một đơn vị do đơn vị cấp trên giao.' }]);
    }
    return this.db.transaction().execute(async (tx) => {
      const before = (await targetsOf(tx, [unit.id], input.fiscalYear)).get(unit.id);
      await upsertTarget(tx, { officeId: unit.id, fiscalYear: input.fiscalYear, cases: input.cases, money: input.money });
      await appendAudit(tx, actor.ctx, {
        action: 'statistics.target_set', entityType: 'target', entityId: `${unit.code}/${input.fiscalYear}`, unitId: unit.id,
        before: before ? { cases: before.cases, money: before.money } : null,
        after: { unit: unit.code, fiscalYear: input.fiscalYear, cases: input.cases, money: input.money },
      });
      return { unit: unit.code, fiscalYear: input.fiscalYear, target: { cases: input.cases, money: input.money } };
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Policies

  async policies() {
    const policies = await currentPolicies(this.db);
    const state = await readSnapshotState(this.db);
    return {
      policies, defaults: DEFAULT_POLICIES,
      snapshots: { firstAsOf: state.firstAsOf, lastAsOf: state.lastAsOf, current: snapshotsUsable(state, policies) },
    };
  }

  /** Changes the policies (administrators); audited; the snapshot totals are recomputed when the grounds change. */
  async setPolicies(actor: Actor, next: StatisticsPolicies) {
    if (!canChangeStatisticsPolicies(actor.role, actor.unitLevel)) {
      throw new AppError('FORBIDDEN', [{ field: 'policies', rule: 'national_only', message: 'Chính sách thống kê áp dụng toàn quốc; chỉ quản trị viên cấp trung ương được thay đổi.' }]);
    }
    const problems = validatePolicies(next);
    if (problems.length) throw validation(problems.map((message) => ({ field: message.split(':')[0] ?? 'policies', rule: 'invalid', message })));
    const today = this.today();
    await this.db.transaction().execute(async (tx) => {
      const before = await currentPolicies(tx);
      await writeSetting(tx, POLICIES_KEY, next, actor.userId);
      await appendAudit(tx, actor.ctx, {
        action: 'statistics.policies_set', entityType: 'setting', entityId: POLICIES_KEY, unitId: null,
        before: { moneyResolved: [...before.moneyResolved], postponementGroundsWithoutMeans: [...before.postponementGroundsWithoutMeans] },
        after: { moneyResolved: [...next.moneyResolved], postponementGroundsWithoutMeans: [...next.postponementGroundsWithoutMeans] },
      });
      const state = await readSnapshotState(tx);
      if (snapshotPolicyKey(before) !== snapshotPolicyKey(next)) {
        // The grounds decide which postponed cases count without means: the snapshot totals change.
        const range = state.firstAsOf ? { fromFiscalYear: fiscalYearOf(state.firstAsOf), throughMonthEnd: state.lastAsOf! } : {};
        await rebuildStatistics(tx, { derived: !state.derivedReady, today, ...range });
      } else if (state.firstAsOf) {
        await writeSnapshotState(tx, { ...state, policies: next });
      }
    });
    return this.policies();
  }
}
