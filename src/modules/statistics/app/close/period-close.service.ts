import type { Db } from '../../../../platform/db/database.js';
import { caseFactsFromRows, effectiveEvents, type StoredEvent } from '../../../cases/domain/index.js';
import { AppError } from '../../../../kernel/errors.js';
import {
  caseContribution, fiscalYearOf, formatDateVi, periodCloseSnapshotOf, reportOfSnapshot, type PeriodCloseSnapshot, type StatisticsPolicies,
} from '../../domain/index.js';
import { appendAudit } from '../../../../platform/audit/audit-log.js';
import type { Actor, Reader, UnitDirectory, UnitRow } from '../../../organisation/index.js';
import { isMonthEnd, monthEndOf } from '../months.js';
import { presentReport, type ReportView } from '../report-presenter.js';
import { systemClock, todayInVietnam, type Clock } from '../../../../platform/clock.js';
import type { StatisticsService } from '../statistics.service.js';
import { attachCases, contributionChange, hasDifferences, isUnchanged, reportDifferences, type CaseCellChanges } from './close-diff.js';
import {
  correctedCases, databaseNow, findPeriodClose, insertPeriodClose, listPeriodCloses, type PeriodCloseRow, type RecordedEvent,
} from './period-close.store.js';

/** At most this many corrected cases are examined for one difference report, and listed per cell. */
const MAX_CORRECTED_CASES = 2000;
const MAX_CASES_PER_CELL = 200;

const validation = (details: { field: string; rule: string; message: string }[]) => new AppError('VALIDATION_FAILED', details);

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

const alreadyClosed = (unit: UnitRow, monthEnd: string) =>
  new AppError('CONFLICT', [{
    field: 'monthEnd', rule: 'already_closed',
    message: `Số liệu đến ngày ${formatDateVi(monthEnd)} của ${unit.name} đã được chốt; các điều chỉnh sau đó xem ở báo cáo chênh lệch.`,
  }]);

const unitRef = (u: UnitRow) => ({ code: u.code, name: u.name, level: u.level });

/**
 * Closing a period (chốt số liệu, statistics.md §1): the figures of a unit's periodic report up to a month
 * end are frozen as they stand, audited in the same transaction; afterwards the report keeps being computed
 * from the register, and the difference report shows cell by cell what later corrections changed against
 * the frozen figures, with the cases and the later-recorded events behind each change.
 */
export class PeriodCloseService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock = systemClock,
  ) {}

  private today(): string {
    return todayInVietnam(this.clock);
  }

  /** Freezes the report of an office or a province for [1 October, monthEnd]; 409 when already closed. */
  async close(actor: Actor, input: { unit: string; monthEnd: string }) {
    const unit = await this.statistics.visibleUnit(actor, input.unit);
    const { monthEnd } = input;
    const problems: { field: string; rule: string; message: string }[] = [];
    if (unit.level === 'national') {
      problems.push({ field: 'unit', rule: 'office_or_province', message: 'Chỉ chốt số liệu của một đơn vị thi hành án khu vực hoặc tỉnh.' });
    }
    if (!isMonthEnd(monthEnd)) {
      problems.push({ field: 'monthEnd', rule: 'month_end', message: `Ngày ${formatDateVi(monthEnd)} không phải ngày cuối tháng (cuối tháng là ${formatDateVi(monthEndOf(monthEnd))}).` });
    } else if (monthEnd > this.today()) {
      problems.push({ field: 'monthEnd', rule: 'not_in_future', message: `Chưa thể chốt số liệu của một ngày chưa đến (${formatDateVi(monthEnd)}).` });
    }
    if (problems.length) throw validation(problems);
    if (await findPeriodClose(this.db, unit.id, monthEnd)) throw alreadyClosed(unit, monthEnd);

    // The moment read before the figures: events recorded after it are the corrections of the closed period.
    const closedAt = await databaseNow(this.db);
    const r = await this.statistics.report(actor, unit.code, monthEnd);
    if (r.identities.length > 0) {
      throw new Error(`period close ${unit.code} ${monthEnd}: the report breaks its identities: ${JSON.stringify(r.identities)}`);
    }
    const snapshot = periodCloseSnapshotOf(r.report);
    const fiscalYear = fiscalYearOf(monthEnd);
    let id: number;
    try {
      id = await this.db.transaction().execute(async (tx) => {
        const newId = await insertPeriodClose(tx, { unitId: unit.id, fiscalYear, monthEnd, closedAt, closedBy: actor.userId, snapshot });
        await appendAudit(tx, actor.ctx, {
          action: 'statistics.period_closed', entityType: 'period_close', entityId: `${unit.code}/${monthEnd}`, unitId: unit.id,
          after: {
            unit: unit.code, fiscalYear, monthEnd, period: { from: snapshot.period.from, to: snapshot.period.to },
            cases: { to_enforce: snapshot.cases.to_enforce, with_means: snapshot.cases.with_means, resolved: snapshot.cases.resolved, rate: snapshot.rates.cases },
            money: {
              to_enforce: snapshot.money.to_enforce.toString(), with_means: snapshot.money.with_means.toString(), resolved: snapshot.money.resolved.toString(),
              rate: snapshot.rates.money,
            },
          },
        });
        return newId;
      });
    } catch (e) {
      throw isUniqueViolation(e) ? alreadyClosed(unit, monthEnd) : e;
    }
    const row = await findPeriodClose(this.db, unit.id, monthEnd);
    if (!row || row.id !== id) throw new Error(`period close ${id} vanished`);
    return { close: closeView(unit, row, true) };
  }

  /** The unit's closed periods, the latest first (without the figures; rates given). */
  async list(reader: Reader, unitCode: string, fiscalYear?: number) {
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const rows = await listPeriodCloses(this.db, unit.id, fiscalYear);
    return { unit: unitRef(unit), items: rows.map((r) => closeView(unit, r, false)) };
  }

  /**
   * The frozen figures of a closed period, the figures computed now for the same period, and every cell that
   * differs (current − frozen), with the cases whose later-recorded events move each cell.
   */
  async diff(reader: Reader, unitCode: string, monthEnd: string) {
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const closed = await findPeriodClose(this.db, unit.id, monthEnd);
    if (!closed) {
      throw new AppError('NOT_FOUND', [{ field: 'monthEnd', rule: 'not_closed', message: `Số liệu đến ngày ${formatDateVi(monthEnd)} của ${unit.name} chưa được chốt.` }]);
    }
    const frozen = figuresOf(closed.snapshot);
    const now = await this.statistics.report(reader, unit.code, monthEnd, closed.snapshot.period.from);
    const current = presentReport(now.report);
    let differences = reportDifferences(frozen, current);
    const changed = hasDifferences(differences);
    let corrections: { complete: boolean; cases: CorrectionView[] } = { complete: true, cases: [] };
    if (differences.cases.length > 0 || differences.money.length > 0) {
      const found = await this.corrections(unit, closed, now.report.policies);
      corrections = { complete: found.complete, cases: found.cases.map(({ change: _c, ...rest }) => rest) };
      differences = attachCases(differences, found.cases, MAX_CASES_PER_CELL, found.complete);
    }
    return {
      ...closeView(unit, closed, false),
      changed,
      frozen,
      current,
      currentSource: now.source,
      differences,
      corrections,
    };
  }

  /**
   * The cases changed since the close: each one's contribution with its history as of the close (frozen
   * policies) against its history now (current policies), kept when they differ.
   */
  private async corrections(unit: UnitRow, closed: PeriodCloseRow, currentPolicies: StatisticsPolicies) {
    const all = await this.units.all();
    const codes = new Map(all.map((u) => [u.id, u.code]));
    const scope = await this.units.scopeOf(unit.id);
    const counted = new Set(all.filter((u) => scope.has(u.id)).map((u) => u.code));
    const offices = (await this.units.coversAll(scope)) ? null : [...scope];
    const rows = await correctedCases(this.db, closed.closedAt, closed.monthEnd, offices, MAX_CORRECTED_CASES + 1);
    let complete = rows.length <= MAX_CORRECTED_CASES;
    const from = closed.snapshot.period.from;
    const to = closed.monthEnd;
    const frozenPolicies = closed.snapshot.policies;
    const out: (CorrectionView & { change: CaseCellChanges })[] = [];
    for (const row of rows.slice(0, MAX_CORRECTED_CASES)) {
      const office = codes.get(row.office_id);
      if (!office) continue;
      const facts = caseFactsFromRows(row, [], row.obligations ?? [], office);
      const events = row.events ?? [];
      let change: CaseCellChanges;
      let heldBy: string;
      try {
        const before = row.late ? null : caseContribution(facts, effectiveEvents(events.filter((e) => !e.late).map(stored)), from, to, frozenPolicies);
        const after = caseContribution(facts, effectiveEvents(events.map(stored)), from, to, currentPolicies);
        change = contributionChange(before, after, (o) => counted.has(o));
        heldBy = after?.office ?? before?.office ?? office;
      } catch {
        complete = false; // a history the domain refuses: left out, and the explanation says it is incomplete
        continue;
      }
      if (isUnchanged(change)) continue;
      out.push({
        caseId: row.id,
        office: heldBy,
        createdAfterClose: row.late,
        events: events.filter((e) => e.late && (e.on <= to || e.type === 'reversal')).map(eventView),
        change,
      });
    }
    return { complete, cases: out };
  }
}

interface CorrectionView {
  caseId: string;
  office: string;
  createdAfterClose: boolean;
  /** The events recorded after the close that bear on the closed period. */
  events: ReturnType<typeof eventView>[];
}

function closeView(unit: UnitRow, r: PeriodCloseRow, withFigures: boolean) {
  return {
    id: r.id,
    unit: unitRef(unit),
    fiscalYear: r.fiscalYear,
    monthEnd: r.monthEnd,
    period: { from: r.snapshot.period.from, to: r.snapshot.period.to },
    closedAt: r.closedAt.toISOString(),
    closedBy: { username: r.closedBy.username, fullName: r.closedBy.fullName },
    ...(withFigures ? { figures: figuresOf(r.snapshot) } : { rates: { cases: r.snapshot.rates.cases, money: r.snapshot.rates.money } }),
  };
}

/** The frozen figures as the API shows every report (the report view). */
const figuresOf = (s: PeriodCloseSnapshot): ReportView => presentReport(reportOfSnapshot(s));

const stored = (e: RecordedEvent): StoredEvent => ({
  seq: e.seq, type: e.type, on: e.on, data: e.data, reversesSeq: e.reverses_seq, recordedBy: null, recordedByName: null, recordedAt: new Date(0),
});

const eventView = (e: RecordedEvent) => ({
  seq: e.seq, type: e.type, on: e.on, ...(e.reverses_seq === null ? {} : { reversesSeq: e.reverses_seq }),
  recordedAt: new Date(e.recorded_at).toISOString(), recordedBy: e.recorded_by,
});
