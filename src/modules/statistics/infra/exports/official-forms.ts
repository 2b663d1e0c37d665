import {
  combineReports, FORM_LABELS_VI, POLICY_LABELS_VI, formatAmountVi, formatDateVi, formatExcessVi, formatPercentVi, toThousandDong,
  type CaseKey, type MoneyKey, type MoneyResolvedPart, type Period, type StatisticsPolicies, type StatisticsReport,
} from '../../domain/index.js';
import type { IsoDate } from '../../../../kernel/calendar/index.js';

/**
 * The two official forms of an enforcement office's results (statistics.md §3–§4) laid out as the Ministry
 * of Justice statistical forms (Thông tư 06/2019/TT-BTP: biểu số 01 "tính bằng việc", biểu số 02 "tính
 * bằng tiền"): title block, three levels of merged headers, a numbering row, one row per unit, notes and the
 * signature block. Shared by the Excel and the PDF export; no I/O.
 */

export type FormKind = 'cases' | 'money';

/** One unit of the report: its name as printed and its report. */
export interface ReportRow {
  readonly name: string;
  readonly report: StatisticsReport;
}

export interface OfficialFormsInput {
  /** The reporting unit as printed in the title: "Chi cục Thi hành án dân sự huyện Châu Thành". */
  readonly unitName: string;
  /** One row per office (a single row for an office's own report). */
  readonly rows: readonly ReportRow[];
  /**
   * The unit's total row. When absent and there are several rows, it is computed from them
   * (combineReports: summed rows, rates recomputed, never averaged).
   */
  readonly total?: StatisticsReport;
  /** The unit the report is sent to ("Cục Thi hành án dân sự tỉnh Long An"); a dotted blank when absent. */
  readonly recipient?: string;
  /** Place of the date line ("Châu Thành"); dots when absent. */
  readonly place?: string;
  /** Date of the date line; dots when absent (filled in by hand on signing). */
  readonly signedOn?: IsoDate;
  /** Name under "NGƯỜI LẬP BIỂU". */
  readonly preparedBy?: string;
  /** Name under "THỦ TRƯỞNG ĐƠN VỊ". */
  readonly headOfUnit?: string;
}

/** A header cell: its text and its place in the header grid (rows and columns counted from 0). */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export type ColumnKey = CaseKey | MoneyKey | 'rate';

interface HeaderNode {
  readonly label: string;
  readonly key?: ColumnKey;
  readonly children?: readonly HeaderNode[];
}

/** Depth of the header: group, sub-group, column. */
export const HEADER_ROWS = 3;
export const NAME_HEADER = 'Đơn vị';

const L = FORM_LABELS_VI;

function headerTree(kind: FormKind): HeaderNode[] {
  const withMeans: HeaderNode[] = [
    { label: 'Tổng số', key: 'with_means' },
    { label: L.completed, key: 'completed' },
    { label: L.terminated, key: 'terminated' },
    ...(kind === 'money' ? [{ label: L.reduced, key: 'reduced' as const }] : []),
    { label: L.in_progress, key: 'in_progress' },
    { label: L.postponed, key: 'postponed' },
    { label: L.suspended, key: 'suspended' },
    { label: L.other, key: 'other' },
  ];
  return [
    { label: L.total, children: [{ label: 'Tổng số', key: 'total' }, { label: L.carried_over, key: 'carried_over' }, { label: L.new, key: 'new' }] },
    { label: L.transferred_out, key: 'transferred_out' },
    { label: L.withdrawn, key: 'withdrawn' },
    {
      label: L.to_enforce,
      children: [
        { label: 'Tổng số', key: 'to_enforce' },
        { label: L.with_means, children: withMeans },
        { label: L.without_means, key: 'without_means' },
      ],
    },
    { label: `${L.rate} (%)`, key: 'rate' },
    { label: L.carried_forward, children: [{ label: 'Tổng số', key: 'carried_forward' }, { label: L.carried_forward_with_means, key: 'carried_forward_with_means' }] },
  ];
}

export interface FormLayout {
  readonly kind: FormKind;
  /** "Biểu số 01" / "Biểu số 02". */
  readonly formNumber: string;
  /** "KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC" / "… TÍNH BẰNG TIỀN". */
  readonly title: string;
  /** "Đơn vị tính: Việc" / "Đơn vị tính: Nghìn đồng". */
  readonly measure: string;
  /** Data columns left to right (the name column excluded). */
  readonly columns: readonly ColumnKey[];
  /** Header cells, the name column at col 0 spanning every header row; data columns from col 1. */
  readonly header: readonly HeaderCell[];
  /** The numbering row: "A", "1", "2", … */
  readonly numbering: readonly string[];
}

/** The layout of one form. */
export function formLayout(kind: FormKind): FormLayout {
  const header: HeaderCell[] = [{ text: NAME_HEADER, row: 0, col: 0, rowSpan: HEADER_ROWS, colSpan: 1 }];
  const columns: ColumnKey[] = [];
  const place = (nodes: readonly HeaderNode[], row: number): void => {
    for (const n of nodes) {
      const col = columns.length + 1;
      if (n.children) {
        place(n.children, row + 1);
        header.push({ text: n.label, row, col, rowSpan: 1, colSpan: columns.length + 1 - col });
      } else {
        if (!n.key) throw new Error(`header ${n.label} has neither key nor children`);
        columns.push(n.key);
        header.push({ text: n.label, row, col, rowSpan: HEADER_ROWS - row, colSpan: 1 });
      }
    }
  };
  place(headerTree(kind), 0);
  header.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    kind,
    formNumber: kind === 'cases' ? 'Biểu số 01' : 'Biểu số 02',
    title: `KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG ${kind === 'cases' ? 'VIỆC' : 'TIỀN'}`,
    measure: `Đơn vị tính: ${kind === 'cases' ? 'Việc' : 'Nghìn đồng'}`,
    columns,
    header,
    numbering: ['A', ...columns.map((_, i) => String(i + 1))],
  };
}

/** One data row of a form: the unit's name and the cells, as numbers to display (money already in nghìn đồng). */
export interface FormRow {
  readonly name: string;
  readonly isTotal: boolean;
  /** Counts, amounts in nghìn đồng (rounded half-up at display only, statistics.md §4), rates in percent; null = no rate. */
  readonly values: readonly (number | null)[];
  /** The same cells as printed in Vietnamese notation: "1.234", "90,31", "—". */
  readonly texts: readonly string[];
}

/** Amount in nghìn đồng as a JS number (refuses one beyond exact double range: never silently rounded). */
export function thousandDongNumber(amount: bigint): number {
  const k = toThousandDong(amount);
  const n = Number(k);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${amount} đồng is too large to export`);
  return n;
}

function formRow(kind: FormKind, columns: readonly ColumnKey[], name: string, r: StatisticsReport, isTotal: boolean): FormRow {
  const values: (number | null)[] = [];
  const texts: string[] = [];
  for (const key of columns) {
    if (key === 'rate') {
      const rate = kind === 'cases' ? r.cases.rate : r.money.rate;
      values.push(rate);
      texts.push(formatPercentVi(rate));
    } else if (kind === 'cases') {
      const v = r.cases[key as CaseKey];
      values.push(v);
      texts.push(formatAmountVi(BigInt(v)));
    } else {
      const k = thousandDongNumber(r.money[key as MoneyKey]);
      values.push(k);
      texts.push(formatAmountVi(BigInt(k)));
    }
  }
  return { name, isTotal, values, texts };
}

/** The date line: "Châu Thành, ngày 05 tháng 10 năm 2016" (day < 10 and months 1–2 with a leading zero, Nghị định 30/2020/NĐ-CP). */
export function dateLineVi(place: string | undefined, date: IsoDate | undefined): string {
  const where = place?.trim() || '…………';
  if (!date) return `${where}, ngày …… tháng …… năm ……`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${where}, ngày ${dd} tháng ${mm} năm ${y}`;
}

export interface SignatureBlock {
  readonly left: readonly string[];
  readonly dateLine: string;
  readonly right: readonly string[];
  readonly leftName: string;
  readonly rightName: string;
}

/** What a form of the report shows, ready to lay out in a sheet or a page. */
export interface PreparedForm {
  readonly layout: FormLayout;
  /** Title block: left column (form number, circular), centre (title, period, unit), right (sender, recipient, measure). */
  readonly left: readonly string[];
  readonly centre: readonly string[];
  readonly right: readonly string[];
  readonly rows: readonly FormRow[];
  readonly notes: readonly string[];
  readonly signature: SignatureBlock;
}

export interface PreparedReport {
  readonly unitName: string;
  readonly period: Period;
  readonly periodLine: string;
  readonly policies: StatisticsPolicies;
  readonly forms: readonly [PreparedForm, PreparedForm];
  /** Each unit and the total, with rates, targets and excess (for the policies sheet). */
  readonly units: readonly { name: string; report: StatisticsReport; isTotal: boolean }[];
}

const RESOLVED_LABEL: Record<MoneyResolvedPart, string> = { completed: L.completed, terminated: L.terminated, reduced: L.reduced };

/** "Thi hành xong + Đình chỉ + Giảm thi hành án": the money rows counted as resolved. */
export function moneyResolvedVi(policies: StatisticsPolicies): string {
  return policies.moneyResolved.length === 0 ? '(không dòng nào)' : policies.moneyResolved.map((p) => RESOLVED_LABEL[p]).join(' + ');
}

/** "Không có" or the grounds joined by "; ": the postponements counted as without means. */
export function postponementGroundsVi(policies: StatisticsPolicies): string {
  return policies.postponementGroundsWithoutMeans.length === 0 ? 'Không có' : policies.postponementGroundsWithoutMeans.join('; ');
}

/** "Từ ngày 01/10/2015 đến ngày 30/09/2016". */
export const periodLineVi = (p: Period): string => `Từ ngày ${formatDateVi(p.from)} đến ngày ${formatDateVi(p.to)}`;

const samePeriodAndPolicies = (a: StatisticsReport, b: StatisticsReport) =>
  a.period.from === b.period.from && a.period.to === b.period.to &&
  JSON.stringify([a.policies.moneyResolved, a.policies.postponementGroundsWithoutMeans]) ===
    JSON.stringify([b.policies.moneyResolved, b.policies.postponementGroundsWithoutMeans]);

/**
 * Checks the input and lays out both forms. Every row (and the total) must share the period and the
 * policies: a form has one period and one way of counting.
 */
export function prepareReport(input: OfficialFormsInput): PreparedReport {
  if (!input.unitName.trim()) throw new Error('official forms: the unit name is empty');
  const reports = input.rows.map((r) => r.report);
  const first = reports[0] ?? input.total;
  if (!first) throw new Error('official forms: no row and no total');
  for (const r of [...reports, ...(input.total ? [input.total] : [])]) {
    if (!samePeriodAndPolicies(r, first)) throw new Error(`official forms: ${r.office} has another period or other policies than ${first.office}`);
  }
  const total = input.total ?? (input.rows.length > 1 ? combineReports(first.office, reports, null) : undefined);
  const units = [
    ...(total ? [{ name: 'Tổng cộng', report: total, isTotal: true }] : []),
    ...input.rows.map((r) => ({ name: r.name, report: r.report, isTotal: false })),
  ];
  const periodLine = periodLineVi(first.period);
  const signature: SignatureBlock = {
    left: ['NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'],
    dateLine: dateLineVi(input.place, input.signedOn),
    right: ['THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)'],
    leftName: input.preparedBy?.trim() ?? '',
    rightName: input.headOfUnit?.trim() ?? '',
  };
  const prepare = (kind: FormKind): PreparedForm => {
    const layout = formLayout(kind);
    const col = (k: ColumnKey) => layout.columns.indexOf(k) + 1;
    const rateRule = kind === 'cases'
      ? `Tỷ lệ (%) = (${L.completed} + ${L.terminated}) / ${L.with_means} × 100 = (cột ${col('completed')} + cột ${col('terminated')}) / cột ${col('with_means')} × 100`
      : `Tỷ lệ (%) = (${moneyResolvedVi(first.policies)}) / ${L.with_means} × 100`;
    const notes = [
      `${rateRule}, làm tròn đến 2 chữ số thập phân.`,
      ...(kind === 'money'
        ? ['Số tiền làm tròn đến nghìn đồng khi hiển thị; các tổng và tỷ lệ được tính trên số đồng chính xác nên tổng các số đã làm tròn có thể lệch 1 nghìn đồng.']
        : []),
      'Các chính sách tính số liệu được ghi tại trang "Chính sách tính".',
    ];
    return {
      layout,
      left: [layout.formNumber, 'Ban hành theo Thông tư số 06/2019/TT-BTP của Bộ Tư pháp'],
      centre: [layout.title, periodLine, `Đơn vị: ${input.unitName.trim()}`],
      right: [`Đơn vị báo cáo: ${input.unitName.trim()}`, `Đơn vị nhận báo cáo: ${input.recipient?.trim() || '……………………'}`, layout.measure],
      rows: units.map((u) => formRow(kind, layout.columns, u.name, u.report, u.isTotal)),
      notes,
      signature,
    };
  };
  return { unitName: input.unitName.trim(), period: first.period, periodLine, policies: first.policies, forms: [prepare('cases'), prepare('money')], units };
}

/** The policy rows of the third sheet: policy, value applied, meaning. */
export function policyRowsVi(p: PreparedReport): [string, string, string][] {
  return [
    ['Kỳ báo cáo', p.periodLine, 'Kỳ báo cáo luôn tính lũy kế từ ngày 01/10 của năm (năm tài chính từ 01/10 năm trước đến 30/09).'],
    [
      POLICY_LABELS_VI.moneyResolved, moneyResolvedVi(p.policies),
      'Các dòng của biểu về tiền được tính là giải quyết xong, dùng để tính tỷ lệ về tiền.',
    ],
    [
      POLICY_LABELS_VI.postponementGroundsWithoutMeans, postponementGroundsVi(p.policies),
      'Việc đang hoãn theo các căn cứ này được tính vào "Chưa có điều kiện" thay vì "Hoãn".',
    ],
    ['Làm tròn tỷ lệ', '2 chữ số thập phân, làm tròn nửa lên', 'Tính bằng số nguyên chính xác (không sai số dấu phẩy động).'],
    ['Đơn vị tiền', 'Nghìn đồng', 'Số liệu lưu theo đồng; chỉ làm tròn đến nghìn đồng khi hiển thị.'],
    ['Tỷ lệ của tổng', 'Tính từ số cộng', 'Tỷ lệ của dòng tổng cộng tính từ các số đã cộng, không lấy bình quân các tỷ lệ.'],
  ];
}

/** The targets rows of the third sheet: unit, case rate, target, result, money rate, target, result. */
export function targetRowsVi(p: PreparedReport): string[][] {
  return p.units.map((u) => {
    const r = u.report;
    const target = (t: number | undefined) => (t === undefined ? '—' : formatPercentVi(t));
    return [
      u.name,
      formatPercentVi(r.cases.rate), target(r.target?.cases), formatExcessVi(r.excess?.cases ?? null),
      formatPercentVi(r.money.rate), target(r.target?.money), formatExcessVi(r.excess?.money ?? null),
    ];
  });
}
