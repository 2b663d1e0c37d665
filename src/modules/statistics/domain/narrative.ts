import { formatDateVi } from '../../../kernel/calendar/index.js';
import { fiscalYearBounds, fiscalYearOf, type Period } from './periods.js';
import { formatPercentVi } from './rates.js';
import type { StatisticsReport } from './report.js';
import { formatExcessVi } from './targets.js';

/**
 * The narrative summary of a unit's results over several fiscal years (báo cáo tổng kết), in the words the
 * office uses in its own reports: "Năm 2015: Thi hành xong về việc đạt tỷ lệ 90,31% (vượt 2,31%), về giá
 * trị đạt tỷ lệ 81,38% (vượt 4,38%); Năm 2016: …". Pure: built from the reports' rates, targets and excess.
 */

/** One year of the summary: the rates, the targets and the excess of one report. */
export interface YearResult {
  readonly fiscalYear: number;
  readonly period: Period;
  /** The report covers the whole fiscal year (01/10/N−1 – 30/09/N). */
  readonly fullYear: boolean;
  readonly cases: RateAgainstTarget;
  readonly money: RateAgainstTarget;
}

export interface RateAgainstTarget {
  /** null when nothing had means (statistics.md §3). */
  readonly rate: number | null;
  /** null when the unit had no target that year. */
  readonly target: number | null;
  /** rate − target in percentage points; null without a rate or a target (§5). */
  readonly excess: number | null;
}

export interface NarrativeInput {
  /** The unit as written in the report: "Chi cục Thi hành án dân sự huyện Châu Thành". */
  readonly unitName: string;
  /** One report per fiscal year, in any order. */
  readonly reports: readonly StatisticsReport[];
}

/** dd/mm/yyyy. */
// dd/mm/yyyy: the kernel's, named here too because the statistics face has always offered it.
export { formatDateVi };

/**
 * The years of the summary, oldest first. Each report stands for the fiscal year containing its end date;
 * two reports of the same fiscal year are refused (the summary would say two different things of one year).
 */
export function yearResultsOf(reports: readonly StatisticsReport[]): YearResult[] {
  const years = [...reports]
    .sort((a, b) => (a.period.to < b.period.to ? -1 : a.period.to > b.period.to ? 1 : 0))
    .map((r): YearResult => {
      const fiscalYear = fiscalYearOf(r.period.to);
      const bounds = fiscalYearBounds(fiscalYear);
      return {
        fiscalYear,
        period: { from: r.period.from, to: r.period.to },
        fullYear: r.period.from === bounds.from && r.period.to === bounds.to,
        cases: { rate: r.cases.rate, target: r.target?.cases ?? null, excess: r.excess?.cases ?? null },
        money: { rate: r.money.rate, target: r.target?.money ?? null, excess: r.excess?.money ?? null },
      };
    });
  for (let i = 1; i < years.length; i += 1) {
    if (years[i]!.fiscalYear === years[i - 1]!.fiscalYear) throw new RangeError(`two reports for fiscal year ${years[i]!.fiscalYear}`);
  }
  return years;
}

/** "Năm 2016", or "Năm 2016 (từ ngày 01/10/2015 đến ngày 31/03/2016)" for a part of the year. */
export function yearLabelVi(y: YearResult): string {
  return y.fullYear ? `Năm ${y.fiscalYear}` : `Năm ${y.fiscalYear} (từ ngày ${formatDateVi(y.period.from)} đến ngày ${formatDateVi(y.period.to)})`;
}

/**
 * "về việc đạt tỷ lệ 90,31% (vượt 2,31%)"; below target "(chưa đạt 1,20%)", exactly on it "(đạt chỉ tiêu)",
 * without a target no parenthesis. Choice: without a rate (nothing had means) "về việc không có việc có
 * điều kiện thi hành" / "về giá trị không có tiền có điều kiện thi hành".
 */
export function resultPhraseVi(form: 'cases' | 'money', r: RateAgainstTarget): string {
  const what = form === 'cases' ? 'về việc' : 'về giá trị';
  if (r.rate === null) return `${what} không có ${form === 'cases' ? 'việc' : 'tiền'} có điều kiện thi hành`;
  const against = r.excess === null ? '' : ` (${formatExcessVi(r.excess)})`;
  return `${what} đạt tỷ lệ ${formatPercentVi(r.rate)}%${against}`;
}

/** "Năm 2015: Thi hành xong về việc đạt tỷ lệ 90,31% (vượt 2,31%), về giá trị đạt tỷ lệ 81,38% (vượt 4,38%)". */
export function yearSentenceVi(y: YearResult): string {
  return `${yearLabelVi(y)}: Thi hành xong ${resultPhraseVi('cases', y.cases)}, ${resultPhraseVi('money', y.money)}`;
}

/** The paragraph: the years oldest first, joined by "; ", closed by a full stop. Empty without reports. */
export function narrativeParagraphVi(reports: readonly StatisticsReport[]): string {
  const years = yearResultsOf(reports);
  return years.length === 0 ? '' : `${years.map(yearSentenceVi).join('; ')}.`;
}

/** "năm 2016" for one year, "giai đoạn 2015 - 2020" for several. */
export function spanLabelVi(years: readonly YearResult[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last) return '';
  return first.fiscalYear === last.fiscalYear ? `năm ${first.fiscalYear}` : `giai đoạn ${first.fiscalYear} - ${last.fiscalYear}`;
}

/** The title lines of the summary: "BÁO CÁO TỔNG KẾT" and "Kết quả thi hành án dân sự giai đoạn 2015 - 2020". */
export function narrativeTitleVi(years: readonly YearResult[]): { title: string; subtitle: string } {
  const span = spanLabelVi(years);
  return { title: 'BÁO CÁO TỔNG KẾT', subtitle: `Kết quả thi hành án dân sự${span ? ` ${span}` : ''}` };
}

/** The summary as plain text: title, subtitle, unit, a blank line, the paragraph (lines joined by "\n"). */
export function narrativeTextVi(input: NarrativeInput): string {
  const years = yearResultsOf(input.reports);
  const { title, subtitle } = narrativeTitleVi(years);
  return [title, subtitle, `Đơn vị: ${input.unitName}`, '', narrativeParagraphVi(input.reports)].join('\n');
}
