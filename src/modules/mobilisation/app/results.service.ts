import { AppError } from '../../../kernel/errors.js';
import type { Db, DbOrTx } from '../../../platform/db/database.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { todayInVietnam, type Clock } from '../../../platform/clock.js';
import { canChangeStatisticsPolicies, type Actor, type Reader, type UnitDirectory, type UnitRow } from '../../organisation/index.js';
import { resolvePeriod, type Period, type StatisticsService } from '../../statistics/index.js';
import {
  actsAsTeamMember, addFigures, MAX_ATTRIBUTION_WINDOW_DAYS, MONEY_FIGURES, RESULT_FIGURES, shareOf, zeroFigures,
  type AttributionPolicy, type OfficialResults, type ResultFigure, type ResultFigures, type ResultGrouping,
} from '../domain/index.js';
import { resultItemsSql, resultsSql, type ResultsParams } from '../infra/results.query.js';
import { attributionPolicySchema, MOBILISATION_POLICY_KEY, readAttributionPolicy, writeAttributionPolicy } from '../infra/policy.repository.js';
import { teamsOfUser } from '../infra/visits.repository.js';

type Problem = { field: string; rule: string; message: string };
const invalid = (details: Problem[]) => new AppError('VALIDATION_FAILED', details);

/** Who asks: a person (a team member sees only their own teams' rows) or the system. */
export type ResultsReader = Reader & Partial<Pick<Actor, 'role' | 'userId'>>;

export interface ResultsQuery {
  unit: string;
  from: string;
  to: string;
  by: ResultGrouping;
}

const figuresJson = (f: ResultFigures) =>
  Object.fromEntries(RESULT_FIGURES.map((k) => [k, MONEY_FIGURES.has(k) ? f[k].toString() : Number(f[k])])) as Record<ResultFigure, number | string>;

/**
 * The mobilisation figures (item 4): what the teams of a unit achieved in a period, by team, commune or
 * enforcer, with the share of the unit's official results and the list behind every figure. Derived on
 * each read from the visits and the statistics' rows (nothing stored), so changing the attribution window
 * recomputes every figure.
 */
export class MobilisationResultsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
  ) {}

  /** The attribution policy in force (the stored setting, else the default of 30 days). */
  async policy(db: DbOrTx = this.db): Promise<AttributionPolicy> {
    return readAttributionPolicy(db);
  }

  /** Changes the attribution window for every office (a national policy, like the statistics policies). */
  async setPolicy(actor: Actor, input: unknown): Promise<AttributionPolicy> {
    if (!canChangeStatisticsPolicies(actor.role, actor.unitLevel)) {
      throw new AppError('FORBIDDEN', [{ field: 'windowDays', rule: 'national_only', message: 'Chính sách tính kết quả vận động áp dụng toàn quốc; chỉ quản trị viên cấp trung ương được thay đổi.' }]);
    }
    const parsed = attributionPolicySchema.safeParse(input);
    if (!parsed.success) {
      throw invalid([{ field: 'windowDays', rule: 'range', message: `Số ngày tính kết quả sau lượt vận động phải là số nguyên từ 0 đến ${MAX_ATTRIBUTION_WINDOW_DAYS}.` }]);
    }
    await this.db.transaction().execute(async (tx) => {
      const before = await this.policy(tx);
      await writeAttributionPolicy(tx, parsed.data, actor.userId);
      await appendAudit(tx, actor.ctx, {
        action: 'mobilisation.policy_set', entityType: 'setting', entityId: MOBILISATION_POLICY_KEY, unitId: null,
        before: { windowDays: before.windowDays }, after: { windowDays: parsed.data.windowDays },
      });
    });
    return parsed.data;
  }

  private period(q: { from: string; to: string }): Period {
    const p = resolvePeriod(q.to, q.from);
    if (!p.ok) throw invalid(p.errors.map((e) => ({ field: e.field, rule: e.rule, message: e.message })));
    return p.value;
  }

  /** The offices whose held cases count, as the statistics report of the unit takes them (null: all). */
  private async offices(unit: UnitRow): Promise<number[] | null> {
    const scope = await this.units.scopeOf(unit.id);
    return (await this.units.coversAll(scope)) ? null : [...scope].sort((a, b) => a - b);
  }

  /** A team member's own teams today (null for office staff and the system: every team of the unit). */
  private async ownTeams(reader: ResultsReader): Promise<Set<string> | null> {
    if (!reader.role || !actsAsTeamMember(reader.role) || reader.userId === undefined) return null;
    return new Set(await teamsOfUser(this.db, reader.userId, todayInVietnam(this.clock)));
  }

  private async params(unit: UnitRow, period: Period): Promise<ResultsParams> {
    return { from: period.from, to: period.to, offices: await this.offices(unit), windowDays: (await this.policy()).windowDays, today: todayInVietnam(this.clock) };
  }

  /** The figures of the unit's teams in [from, to], grouped; each figure with the link to its cases. */
  async results(reader: ResultsReader, q: ResultsQuery) {
    const period = this.period(q);
    const unit = await this.units.visibleTo(reader, q.unit);
    const own = await this.ownTeams(reader);
    if (own && q.by !== 'team') throw invalid([{ field: 'by', rule: 'team_only', message: 'Thành viên tổ vận động chỉ xem kết quả theo tổ của mình.' }]);
    const params = await this.params(unit, period);
    const [rows, report] = await Promise.all([resultsSql(params, q.by).execute(this.db), this.statistics.report(reader, unit.code, period.to, period.from)]);
    const official: OfficialResults = { casesResolved: BigInt(report.report.cases.resolved), moneyCollected: BigInt(report.report.money.completed) };
    const groups = new Map<string | null, ResultFigures>();
    for (const r of rows.rows) {
      let f = groups.get(r.grp);
      if (!f) groups.set(r.grp, (f = zeroFigures()));
      f[r.figure] += BigInt(r.value);
    }
    const total = [...groups.values()].reduce(addFigures, zeroFigures());
    const labels = await this.labels(q.by, [...groups.keys()]);
    // A member sees the rows of their own teams; the total and the share stay the unit's (they are counts).
    const visible = [...groups].filter(([k]) => !own || (k !== null && own.has(k)));
    const link = (figure: ResultFigure, value?: string | null) => {
      const s = new URLSearchParams({ unit: unit.code, from: period.from, to: period.to, by: q.by, figure });
      if (value !== undefined) s.set('value', value ?? '');
      return `/api/mobilisation/results/cases?${s.toString()}`;
    };
    const drill = (value?: string | null) => Object.fromEntries(RESULT_FIGURES.map((f) => [f, link(f, value)]));
    return {
      unit: { code: unit.code, name: unit.name }, period, by: q.by, policy: { windowDays: params.windowDays },
      official: { casesResolved: Number(official.casesResolved), moneyCollected: official.moneyCollected.toString() },
      total: { figures: figuresJson(total), share: shareOf(total, official), drillDown: own ? null : drill() },
      rows: visible
        .map(([key, f]) => ({ key, label: key === null ? null : (labels.get(key) ?? key), figures: figuresJson(f), share: shareOf(f, official), drillDown: drill(key) }))
        .sort((a, b) => (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'vi')),
    };
  }

  /**
   * The totals a report to the steering committee quotes (section III): the teams that worked in the period
   * (a row with a visit), visits, cases and money resolved after mobilisation, coercions avoided.
   */
  async summary(reader: ResultsReader, unit: string, from: string, to: string) {
    const r = await this.results(reader, { unit, from, to, by: 'team' });
    const n = (v: number | string) => BigInt(v);
    return {
      teams: r.rows.filter((row) => n(row.figures.visits) > 0n).length,
      visits: Number(r.total.figures.visits),
      casesResolved: Number(r.total.figures.casesResolved),
      moneyResolved: n(r.total.figures.moneyResolved),
      coercionsAvoided: Number(r.total.figures.coercionsAvoided),
    };
  }

  /** The items behind one figure (of a group when `value` is given): a page, with the figure's total. */
  async items(reader: ResultsReader, q: ResultsQuery & { figure: ResultFigure; value?: string | undefined; page: number; pageSize: number }) {
    const period = this.period(q);
    const unit = await this.units.visibleTo(reader, q.unit);
    const own = await this.ownTeams(reader);
    if (own && (q.by !== 'team' || q.value === undefined || !own.has(q.value))) throw new AppError('NOT_FOUND');
    const params = await this.params(unit, period);
    const group = q.value === undefined ? undefined : q.value === '' ? null : q.value;
    const rows = (await resultItemsSql(params, q.by, q.figure, group, q.pageSize + 1, (q.page - 1) * q.pageSize).execute(this.db)).rows;
    const first = rows[0];
    const money = MONEY_FIGURES.has(q.figure);
    return {
      unit: unit.code, period, by: q.by, figure: q.figure, value: q.value ?? null, policy: { windowDays: params.windowDays },
      total: first ? (money ? first.total : Number(first.total)) : money ? '0' : 0,
      count: first ? Number(first.n) : 0,
      page: q.page, pageSize: q.pageSize, hasMore: rows.length > q.pageSize,
      items: rows.slice(0, q.pageSize).map((r) => ({
        caseId: r.case_id, teamId: r.team_id, visitId: r.visit_id, on: r.on, value: money ? r.value : Number(r.value),
      })),
    };
  }

  private async labels(by: ResultGrouping, keys: (string | null)[]): Promise<Map<string, string>> {
    const codes = keys.filter((k): k is string => k !== null);
    if (codes.length === 0) return new Map();
    if (by === 'team') {
      const rows = await this.db.selectFrom('mobilisation_teams').select(['id', 'name']).where('id', 'in', codes.map((c) => BigInt(c))).execute();
      return new Map(rows.map((r) => [r.id.toString(), r.name]));
    }
    if (by === 'enforcer') {
      const rows = await this.db.selectFrom('enforcers').select(['code', 'name']).where('code', 'in', codes).execute();
      return new Map(rows.map((r) => [r.code, r.name]));
    }
    const rows = await this.db.selectFrom('communes').select(['code', 'name', 'valid_to']).where('code', 'in', codes).orderBy('valid_to', (ob) => ob.desc().nullsFirst()).execute();
    const out = new Map<string, string>();
    for (const r of rows) if (!out.has(r.code)) out.set(r.code, r.name);
    return out;
  }
}
