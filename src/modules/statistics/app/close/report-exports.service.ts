import { AppError } from '../../../../kernel/errors.js';
import { combineReports, fiscalYearOf, narrativeTextVi, predecessorsOf, withTarget, type StatisticsReport } from '../../domain/index.js';
import { buildExcelReport, buildNarrativeDocx, buildPdfReport, type OfficialFormsInput, type ReportRow } from '../../infra/exports/index.js';
import type { Reader, UnitDirectory, UnitRow } from '../../../organisation/index.js';
import { systemClock, todayInVietnam, type Clock } from '../../../../platform/clock.js';
import type { IndicatorsService } from '../indicators.service.js';
import type { StatisticsService } from '../statistics.service.js';

export const FORM_FORMATS = ['xlsx', 'pdf'] as const;
export type FormFormat = (typeof FORM_FORMATS)[number];
export const NARRATIVE_FORMATS = ['text', 'docx'] as const;
export type NarrativeFormat = (typeof NARRATIVE_FORMATS)[number];

/** A file to send: its bytes (or text), its content type and the name it is saved under. */
export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  filename: string;
  /** Sent as an attachment (a download) rather than shown. */
  attachment: boolean;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
} as const;

/** The longest run of fiscal years one narrative covers. */
export const MAX_NARRATIVE_YEARS = 30;

const validation = (details: { field: string; rule: string; message: string }[]) => new AppError('VALIDATION_FAILED', details);

/** A unit code as it may appear in a file name (codes are ASCII; anything else becomes "_"). */
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The official report documents of a unit (statistics.md; Thông tư 06/2019/TT-BTP): both forms as .xlsx or
 * .pdf, one row per office (per province for the nation) and the total; and the narrative summary over
 * several fiscal years as text or .docx. Built from the statistics service's reports by infra/exports.
 */
export class ReportExportsService {
  constructor(
    private readonly units: UnitDirectory,
    private readonly statistics: StatisticsService,
    private readonly indicators: IndicatorsService,
    private readonly clock: Clock = systemClock,
  ) {}

  private async parentName(unit: UnitRow): Promise<string | undefined> {
    return unit.parentId === null ? undefined : (await this.units.byId(unit.parentId))?.name;
  }

  /**
   * The report against the target in force: its own, or, in the years the unit had none, its predecessor's
   * (statistics.md §2, §5) — the figure the dashboard shows, so screen and paper agree (issue #13 item 4).
   */
  private async inForce(reader: Reader, unit: UnitRow, report: StatisticsReport): Promise<StatisticsReport> {
    if (report.target !== null) return report;
    const t = await this.indicators.targetInForce(reader, unit.code, report.period.to);
    return t.target === null ? report : withTarget(report, t.target);
  }

  /**
   * How a document names the unit of a period that ended before the unit existed: as the predecessor that
   * held the cases then, with its successor noted ("Chi cục THADS huyện Châu Thành (nay là Phòng THADS khu
   * vực 3 – Tây Ninh)"), addressed to that predecessor's parent — a 2020 report names the units of 2020.
   */
  private async namesAt(unit: UnitRow, day: string): Promise<{ unitName: string; recipient?: string }> {
    if (unit.validFrom <= day) {
      const parent = await this.parentName(unit);
      return { unitName: unit.name, ...(parent ? { recipient: parent } : {}) };
    }
    const then = predecessorsOf(unit.code, await this.units.all()).find((p) => p.validFrom <= day && (p.validTo === null || p.validTo >= day));
    if (!then) return { unitName: unit.name };
    const parent = await this.parentName(then);
    return { unitName: `${then.name} (nay là ${unit.name})`, ...(parent ? { recipient: parent } : {}) };
  }

  /** The rows and the total of the forms: the office alone, or each office of a province (each province of the nation). */
  async formsInput(reader: Reader, unitCode: string, to: string, from?: string | null): Promise<OfficialFormsInput> {
    const period = this.statistics.periodOf(to, from);
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const names = await this.namesAt(unit, period.to);
    const base = {
      ...names,
      ...('fullName' in reader ? { preparedBy: String(reader.fullName) } : {}),
    };
    if (unit.level === 'office') {
      const r = await this.inForce(reader, unit, (await this.statistics.report(reader, unit.code, period.to, period.from)).report);
      return { ...base, rows: [{ name: names.unitName, report: r }] };
    }
    const by = unit.level === 'province' ? 'office' : 'province';
    const b = await this.statistics.breakdown(reader, unit.code, period.to, period.from, by);
    const rows = new Map<string, ReportRow>();
    const byCode = new Map((await this.units.all()).map((u) => [u.code, u]));
    for (const r of b.rows) {
      if (r.key === null) continue;
      const u = byCode.get(r.key);
      rows.set(r.key, { name: r.label ?? r.key, report: u ? await this.inForce(reader, u, r.report) : r.report });
    }
    // The units directly below that existed during the period appear even without a case (a row of zeros).
    const all = await this.units.all();
    const level = by === 'office' ? 'office' : 'province';
    for (const u of all) {
      const below = u.parentId === unit.id && u.level === level && u.validFrom <= b.period.to && (u.validTo === null || u.validTo >= b.period.from);
      if (below && !rows.has(u.code)) rows.set(u.code, { name: u.name, report: zeroReport(u.code, b.total) });
    }
    const order = new Map(all.map((u, i) => [u.code, i]));
    const sorted = [...rows.entries()].sort(([a], [c]) => (order.get(a) ?? 0) - (order.get(c) ?? 0)).map(([, r]) => r);
    return { ...base, rows: sorted, total: await this.inForce(reader, unit, b.total) };
  }

  /** Both official forms as an Excel workbook or a PDF. */
  async officialForms(reader: Reader, unitCode: string, to: string, from: string | null | undefined, format: FormFormat): Promise<ExportFile> {
    const input = await this.formsInput(reader, unitCode, to, from);
    const period = this.statistics.periodOf(to, from);
    const body = format === 'xlsx' ? await buildExcelReport(input, { created: this.clock.now() }) : await buildPdfReport(input);
    return { body, contentType: CONTENT_TYPES[format], filename: `bao-cao-thads-${fileSafe(unitCode)}-${period.to}.${format}`, attachment: true };
  }

  /**
   * The reports of fiscal years fromYear … toYear, each from 1 October to 30 September, the current year up
   * to today (Viet Nam); a year after the current one is refused.
   */
  async yearReports(reader: Reader, unitCode: string, fromYear: number, toYear: number): Promise<{ unit: UnitRow; reports: StatisticsReport[] }> {
    const today = todayInVietnam(this.clock);
    const current = fiscalYearOf(today);
    const problems: { field: string; rule: string; message: string }[] = [];
    if (toYear > current) problems.push({ field: 'toYear', rule: 'not_after_current_year', message: `Năm ${toYear} chưa bắt đầu; năm hiện tại là ${current}.` });
    if (fromYear > toYear) problems.push({ field: 'fromYear', rule: 'after_to_year', message: `Năm bắt đầu (${fromYear}) sau năm kết thúc (${toYear}).` });
    else if (toYear - fromYear + 1 > MAX_NARRATIVE_YEARS) problems.push({ field: 'fromYear', rule: 'too_many_years', message: `Tối đa ${MAX_NARRATIVE_YEARS} năm.` });
    if (problems.length) throw validation(problems);
    const unit = await this.statistics.visibleUnit(reader, unitCode);
    const reports: StatisticsReport[] = [];
    for (let fy = fromYear; fy <= toYear; fy += 1) {
      const to = fy === current ? today : `${fy}-09-30`;
      reports.push(await this.inForce(reader, unit, (await this.statistics.report(reader, unit.code, to)).report));
    }
    return { unit, reports };
  }

  /** "Năm 2015: Thi hành xong về việc đạt tỷ lệ 90,31% (vượt 2,31%), …" as text or as a Word document. */
  async narrative(reader: Reader, unitCode: string, fromYear: number, toYear: number, format: NarrativeFormat): Promise<ExportFile> {
    const { unit, reports } = await this.yearReports(reader, unitCode, fromYear, toYear);
    const name = `tong-ket-thads-${fileSafe(unitCode)}-${fromYear}-${toYear}`;
    // years all before the unit existed are its predecessor's: named as they were, the successor noted
    const names = await this.namesAt(unit, reports.at(-1)?.period.to ?? `${toYear}-09-30`);
    if (format === 'text') {
      return { body: `${narrativeTextVi({ unitName: names.unitName, reports })}\n`, contentType: CONTENT_TYPES.text, filename: `${name}.txt`, attachment: false };
    }
    const body = await buildNarrativeDocx({ unitName: names.unitName, reports, ...(names.recipient ? { parentUnit: names.recipient } : {}) });
    return { body, contentType: CONTENT_TYPES.docx, filename: `${name}.docx`, attachment: true };
  }
}

/** A row of zeros with the period and policies of the total (a unit without any case in the period). */
function zeroReport(code: string, like: StatisticsReport): StatisticsReport {
  return combineReports(code, [], null, { period: like.period, policies: like.policies });
}
