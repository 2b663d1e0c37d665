import type { Db } from '../../../platform/db/database.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { systemClock, todayInVietnam, type Clock } from '../../../platform/clock.js';
import type { Reader, UnitDirectory, UnitRow } from '../../organisation/index.js';
import {
  ageBands, fiscalYearBounds, fiscalYearMonthEnds, fiscalYearOf, fiscalYearReportEnd, forecastAt, indicatorsOf, predecessorsOf, targetInForce,
  yearsWithData, type AgeBand, type FormPair, type Period, type StatisticsReport, type Target, type YearIndicators,
} from '../domain/index.js';
import { targetsOfYears } from '../infra/statistics.repository.js';
import { readSnapshot } from './read-snapshot.js';
import { sqlGrounds, currentPolicies } from './policies.js';
import { previousMonthEnd, isMonthEnd } from './months.js';
import type { StatisticsService } from './statistics.service.js';
import { pendingStartsSql } from '../infra/queries/pending-ages.query.js';

/** The earliest fiscal year the year-by-year results look back to. */
const FIRST_FISCAL_YEAR = 2000;
/** Years read at a time while looking back for the first year with data. */
const PROBE = 4;

/** Today as the statistics screens need it: the fiscal year in progress and the last month end (statistics.md §1). */
export interface StatisticsCalendar {
  today: IsoDate;
  currentFiscalYear: number;
  currentYear: Period;
  /** The default end of a periodic report: the last month end (today when today is one). */
  lastMonthEnd: IsoDate;
  /** The last month end before today: the month a period close proposes. */
  previousMonthEnd: IsoDate;
  /** The fiscal year asked for (of a date, or by number) with its bounds. */
  year: (Period & { fiscalYear: number }) | null;
}

export interface YearResult {
  fiscalYear: number;
  /** The report's end: 30/09, or today for the current year. */
  to: IsoDate;
  current: boolean;
  report: StatisticsReport;
  /** The target in force: the unit's own, or a predecessor's (statistics.md §2, §5). */
  target: Target | null;
  /** The predecessor whose target it is, when the unit had none of its own that year. */
  targetOf: UnitRow | null;
  indicators: YearIndicators;
}

export interface YearForecast {
  /** The rates at 30 September at the pace so far. */
  yearEnd: FormPair<number | null>;
  /** The same forecast at each month end after the current month (empty when there is no forecast). */
  months: (FormPair<number | null> & { to: IsoDate })[];
}

export interface UnitYears {
  unit: UnitRow;
  calendar: StatisticsCalendar;
  /** The month ends of the current fiscal year, October … September. */
  monthEnds: IsoDate[];
  years: YearResult[];
  /** Of the current year, when it has data. */
  forecast: YearForecast | null;
}

export interface PendingAges {
  unit: string;
  at: IsoDate;
  withMeans: Record<AgeBand, number>;
  withoutMeans: Record<AgeBand, number>;
  /** The cells "trong đó có điều kiện" and "chưa có điều kiện" the bands add up to. */
  totals: { withMeans: number; withoutMeans: number };
  /** Every pending case is counted (kept for the clients: the count is done in SQL, never cut short). */
  complete: true;
}

const hasData = (r: StatisticsReport) => r.cases.total > 0 || r.money.total !== 0n;

/**
 * The statistics beyond one report (statistics.md §8), for the dashboard, the portal and emulation: a unit's
 * results per fiscal year with the targets in force and the CEPEJ indicators, the forecast of the current
 * year, the ages of the pending cases, today's fiscal year. Reads only.
 */
export class IndicatorsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Today in Viet Nam, its fiscal year and the last month ends (statistics.md §1); with `ask`, the fiscal
   * year containing a date, or a fiscal year by number, with its bounds.
   */
  calendar(ask: { at?: IsoDate | undefined; fiscalYear?: number | undefined } = {}): StatisticsCalendar {
    const today = todayInVietnam(this.clock);
    const currentFiscalYear = fiscalYearOf(today);
    const fy = ask.at !== undefined ? fiscalYearOf(ask.at) : ask.fiscalYear;
    return {
      today, currentFiscalYear, currentYear: fiscalYearBounds(currentFiscalYear),
      lastMonthEnd: isMonthEnd(today) ? today : previousMonthEnd(today), previousMonthEnd: previousMonthEnd(today),
      year: fy === undefined ? null : { fiscalYear: fy, ...fiscalYearBounds(fy) },
    };
  }

  /**
   * A unit's results per fiscal year, from the first year with data to the current one (statistics.md §2: a
   * year counts its predecessors' cases too): reports are read back from the current year, a few years at
   * a time, until a year without any case. Each year with its target in force and indicators (§5, §8).
   */
  async years(reader: Reader, unitCode: string): Promise<UnitYears> {
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const calendar = this.calendar();
    const current = calendar.currentFiscalYear;
    // A unit that has ended (the Chi cục until 30/06/2025) is read to its last day: its last year ends there,
    // and the years after it, when its cases were its successor's, are not its years (issue #13 item 4).
    const until = unit.validTo !== null && unit.validTo < calendar.today ? unit.validTo : calendar.today;
    const last = fiscalYearOf(until);
    const reports = new Map<number, StatisticsReport>();
    const answers: boolean[] = [];
    let found: number[] = [];
    for (let fy = last; fy >= FIRST_FISCAL_YEAR; fy -= PROBE) {
      const batch = Array.from({ length: PROBE }, (_, i) => fy - i).filter((y) => y >= FIRST_FISCAL_YEAR);
      const read = await Promise.all(batch.map((y) => this.statistics.report(reader, unit.code, fiscalYearReportEnd(y, until))));
      for (const [i, r] of read.entries()) {
        reports.set(batch[i]!, r.report);
        answers.push(hasData(r.report));
      }
      const { years, ended } = yearsWithData(last, answers);
      found = years;
      if (ended) break;
    }

    const all = await this.units.all();
    const predecessors = predecessorsOf(unit.code, all);
    const targets = targetLookup(await targetsOfYears(this.db, predecessors.map((p) => p.id), found));
    const years = found.map((fiscalYear): YearResult => {
      const report = reports.get(fiscalYear)!;
      const inForce = targetInForce(report.target, predecessors, fiscalYear, (p, fy) => targets(`${p.id}/${fy}`));
      return {
        fiscalYear, to: report.period.to, current: fiscalYear === current, report,
        target: inForce.target, targetOf: inForce.inheritedFrom, indicators: indicatorsOf(report),
      };
    });

    const monthEnds = fiscalYearMonthEnds(current);
    const now = years.find((y) => y.current);
    let forecast: YearForecast | null = null;
    if (now) {
      const previous = years.find((y) => y.fiscalYear === current - 1)?.report ?? null;
      const yearEnd = forecastAt(now.report, previous, calendar.currentYear.to);
      const last = monthEnds.findIndex((m) => m.slice(0, 7) === now.to.slice(0, 7));
      const months = yearEnd.cases === null || last < 0 ? [] : monthEnds.slice(last + 1).map((to) => ({ to, ...forecastAt(now.report, previous, to) }));
      forecast = { yearEnd, months };
    }
    return { unit, calendar, monthEnds, years, forecast };
  }

  /** The target a unit's report ending `to` is measured against, its own or a predecessor's (statistics.md §2, §5). */
  async targetInForce(reader: Reader, unitCode: string, to: string) {
    const period = this.statistics.periodOf(to);
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const fiscalYear = fiscalYearOf(period.to);
    const predecessors = predecessorsOf(unit.code, await this.units.all());
    const targets = targetLookup(await targetsOfYears(this.db, [unit.id, ...predecessors.map((p) => p.id)], [fiscalYear]));
    const inForce = targetInForce(targets(`${unit.id}/${fiscalYear}`), predecessors, fiscalYear, (p, fy) => targets(`${p.id}/${fy}`));
    return { unit, fiscalYear, period, target: inForce.target, targetOf: inForce.inheritedFrom };
  }

  /**
   * The ages of the cases pending at `to` in bands (statistics.md §8): the cases behind the cells "trong đó
   * có điều kiện" and "chưa có điều kiện" of the report [1 October, to]; age counts from the episode's start
   * (acceptance, or resumption) to `to`. Counted in SQL over every case, whatever their number.
   */
  async pendingAges(reader: Reader, unitCode: string, to: string): Promise<PendingAges> {
    const period = this.statistics.periodOf(to);
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const rows = await readSnapshot(this.db, async (trx) => {
      const policies = await currentPolicies(trx);
      const scope = await this.units.scopeOf(unit.id);
      const offices = (await this.units.coversAll(scope)) ? null : [...scope].sort((a, b) => a - b);
      return (await pendingStartsSql({ from: period.from, to: period.to, offices, grounds: sqlGrounds(policies) }).execute(trx)).rows;
    });
    const withMeans = rows.filter((r) => r.with_means > 0).map((r) => ({ start: r.start_on, count: r.with_means }));
    const withoutMeans = rows.filter((r) => r.without_means > 0).map((r) => ({ start: r.start_on, count: r.without_means }));
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    return {
      unit: unit.code, at: period.to,
      withMeans: ageBands(withMeans, period.to), withoutMeans: ageBands(withoutMeans, period.to),
      totals: { withMeans: sum(withMeans), withoutMeans: sum(withoutMeans) },
      complete: true,
    };
  }
}

/** A target by `unitId/fiscalYear`, as the domain's Target (the rates only). */
function targetLookup(rows: ReadonlyMap<string, { cases: number; money: number }>): (key: string) => Target | null {
  return (key) => {
    const r = rows.get(key);
    return r ? { cases: r.cases, money: r.money } : null;
  };
}
