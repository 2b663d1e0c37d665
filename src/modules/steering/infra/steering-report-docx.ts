import { AlignmentType, Document, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { body, cell, centred, dateLine, FONT, grid as officeGrid, headingBlock, motto, NO_BORDERS, para, section, SIZE } from '../../../platform/documents/office-docx.js';
import { formatDateVi, type IsoDate } from '../../../kernel/calendar/index.js';
import { formatMoneyVnd, groupDigits } from '../../../kernel/format/index.js';
import { formatExcessVi, formatPercentVi } from '../../statistics/domain/index.js';
import type { TaskState } from '../domain/index.js';

/**
 * The office's periodic report to the steering committee (báo cáo gửi Ban Chỉ đạo THADS; 6-monthly and
 * yearly, TTLT 05/2016 Art. 11(2); the office prepares the committee's documents, Art. 8(2)(đ)–(e)) as a Word
 * document in the office's style (that of statistics/infra/exports/docx-narrative.ts): the unit and the
 * national motto at the top, number and date line, the title, five sections, the signature.
 * Times New Roman 13 pt, A4, margins of Decree 30/2020.
 */

/** The mobilisation figures of section III (the mobilisation results service supplies them; absent: "—"). */
export interface MobilisationFigures {
  teams: number;
  visits: number;
  casesResolved: number;
  moneyResolved: bigint;
  coercionsAvoided: number;
}

export interface ReportFigures {
  /** Tổng số thụ lý, có điều kiện, giải quyết xong, thi hành xong, tỷ lệ, chỉ tiêu, so với chỉ tiêu. */
  cases: { total: number; withMeans: number; resolved: number; completed: number; rate: number | null; target: number | null; excess: number | null };
  money: { total: bigint; withMeans: bigint; resolved: bigint; completed: bigint; rate: number | null; target: number | null; excess: number | null };
}

export interface DifficultCase {
  caseId: string;
  outstanding: bigint;
  status: string;
  since: IsoDate;
}

export interface ReportTask {
  text: string;
  ownerAgency: string;
  deadline: IsoDate;
  state: TaskState;
  lastFollowup: string | null;
}

export interface SteeringReportInput {
  unitName: string;
  parentUnitName?: string | undefined;
  /** "Ban Chỉ đạo thi hành án dân sự tỉnh Tây Ninh"; null when no committee was in force. */
  committeeName: string | null;
  period: { from: IsoDate; to: IsoDate };
  signedOn: IsoDate;
  place?: string | undefined;
  figures: ReportFigures;
  largestCases: DifficultCase[];
  longPendingCases: DifficultCase[];
  mobilisation?: MobilisationFigures | null | undefined;
  tasks: ReportTask[];
  proposals: string[];
  headOfUnit?: string | undefined;
}

export const DEFAULT_PROPOSAL =
  'Đề nghị Ban Chỉ đạo tiếp tục chỉ đạo các cơ quan, đơn vị thành viên phối hợp chặt chẽ với cơ quan thi hành án dân sự trong xác minh điều kiện thi hành án, vận động thi hành án tự nguyện và tổ chức cưỡng chế các việc lớn, phức tạp trên địa bàn.';

export const TASK_STATE_VI: Record<TaskState, string> = { open: 'Đang thực hiện', overdue: 'Quá hạn', done: 'Đã hoàn thành', cancelled: 'Đã hủy' };

const DASH = '—';

export { dateLine };

function heading(input: SteeringReportInput): Table {
  const left = [
    ...(input.parentUnitName ? [centred(input.parentUnitName.toUpperCase(), { size: 24 })] : []),
    centred(input.unitName.toUpperCase(), { bold: true, size: 24 }, 120),
    centred('Số:        /BC-THADS', { size: 24 }),
  ];
  return headingBlock(left, [...motto(), centred(dateLine(input.place, input.signedOn), { italics: true })], 40);
}

/** The report's tables: the first column (a number) centred, the texts to the left. */
const grid = (headers: string[], rows: string[][], widths: number[]) => officeGrid(headers, rows, widths, (i) => (i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT));

function resultsSection(f: ReportFigures): (Paragraph | Table)[] {
  const c = f.cases;
  const m = f.money;
  const target = (t: number | null) => (t === null ? DASH : `${formatPercentVi(t)}%`);
  return [
    section('I. KẾT QUẢ THI HÀNH ÁN DÂN SỰ'),
    body(`1. Về việc: tổng số thụ lý ${groupDigits(c.total)} việc; có điều kiện thi hành ${groupDigits(c.withMeans)} việc; đã giải quyết xong ${groupDigits(c.resolved)} việc (trong đó thi hành xong ${groupDigits(c.completed)} việc), đạt tỷ lệ ${formatPercentVi(c.rate)}%; chỉ tiêu được giao ${target(c.target)}${c.excess === null ? '' : ` (${formatExcessVi(c.excess)})`}.`),
    body(`2. Về tiền: tổng số thụ lý ${formatMoneyVnd(m.total)}; có điều kiện thi hành ${formatMoneyVnd(m.withMeans)}; đã giải quyết xong ${formatMoneyVnd(m.resolved)} (trong đó thi hành xong ${formatMoneyVnd(m.completed)}), đạt tỷ lệ ${formatPercentVi(m.rate)}%; chỉ tiêu được giao ${target(m.target)}${m.excess === null ? '' : ` (${formatExcessVi(m.excess)})`}.`),
    grid(
      ['Chỉ tiêu thống kê', 'Về việc', 'Về tiền (đồng)'],
      [
        ['Tổng số thụ lý', groupDigits(c.total), groupDigits(m.total)],
        ['Có điều kiện thi hành', groupDigits(c.withMeans), groupDigits(m.withMeans)],
        ['Giải quyết xong', groupDigits(c.resolved), groupDigits(m.resolved)],
        ['Tỷ lệ (%)', formatPercentVi(c.rate), formatPercentVi(m.rate)],
        ['Chỉ tiêu (%)', c.target === null ? DASH : formatPercentVi(c.target), m.target === null ? DASH : formatPercentVi(m.target)],
        ['So với chỉ tiêu', formatExcessVi(c.excess), formatExcessVi(m.excess)],
      ],
      [40, 30, 30],
    ),
  ];
}

function casesTable(list: DifficultCase[]): Paragraph | Table {
  if (list.length === 0) return body('Không có việc.');
  return grid(
    ['STT', 'Mã việc', 'Số tiền còn phải thi hành', 'Trạng thái', 'Thụ lý/đang theo dõi từ'],
    list.map((c, i) => [String(i + 1), c.caseId, formatMoneyVnd(c.outstanding), c.status, formatDateVi(c.since)]),
    [8, 24, 26, 20, 22],
  );
}

function mobilisationSection(m: MobilisationFigures | null | undefined): Paragraph[] {
  const v = (x: number | undefined) => (x === undefined ? DASH : groupDigits(x));
  return [
    section('III. CÔNG TÁC VẬN ĐỘNG THI HÀNH ÁN'),
    body(`Số Tổ vận động thi hành án dân sự: ${v(m?.teams)}; số lượt vận động: ${v(m?.visits)}.`),
    body(`Kết quả sau vận động: ${v(m?.casesResolved)} việc, ${m ? formatMoneyVnd(m.moneyResolved) : DASH} được giải quyết; số việc không phải tổ chức cưỡng chế nhờ vận động: ${v(m?.coercionsAvoided)}.`),
  ];
}

function tasksSection(tasks: ReportTask[], committeeName: string | null): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [section('IV. VIỆC THỰC HIỆN KẾT LUẬN CỦA BAN CHỈ ĐẠO')];
  if (committeeName === null) return [...out, body('Không có Ban Chỉ đạo thi hành án dân sự hoạt động trong kỳ báo cáo.')];
  if (tasks.length === 0) return [...out, body(`Không có nhiệm vụ nào của ${committeeName} đang thực hiện.`)];
  return [
    ...out,
    body(`Các nhiệm vụ theo kết luận của ${committeeName} chưa hoàn thành: ${tasks.length}, trong đó quá hạn: ${tasks.filter((t) => t.state === 'overdue').length}.`),
    grid(
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Tình trạng'],
      tasks.map((t, i) => [String(i + 1), t.lastFollowup ? `${t.text} (${t.lastFollowup})` : t.text, t.ownerAgency, formatDateVi(t.deadline), TASK_STATE_VI[t.state]]),
      [8, 42, 20, 14, 16],
    ),
  ];
}

/** The report as a Word document (bytes of the .docx). */
export async function buildSteeringReportDocx(input: SteeringReportInput): Promise<Buffer> {
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({
      cantSplit: true,
      children: [
        cell([para('Nơi nhận:', { bold: true, italics: true, size: 24 }), para(`- ${input.committeeName ?? 'Ban Chỉ đạo THADS'};`, { size: 22 }), para('- Lưu: VT.', { size: 22 })], 45),
        cell([centred('THỦ TRƯỞNG ĐƠN VỊ', { bold: true }), centred('(Ký tên, đóng dấu)', { italics: true, size: 24 }, 1400), centred(input.headOfUnit ?? '', { bold: true })], 55),
      ],
    })],
  });
  const to = input.committeeName ? ` gửi ${input.committeeName}` : '';
  const doc = new Document({
    creator: 'thads',
    title: `Báo cáo gửi Ban Chỉ đạo - ${input.unitName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      children: [
        heading(input),
        centred('BÁO CÁO', { bold: true, size: 28 }),
        centred(`Kết quả công tác thi hành án dân sự từ ngày ${formatDateVi(input.period.from)} đến ngày ${formatDateVi(input.period.to)}${to}`, { bold: true }, 240),
        ...resultsSection(input.figures),
        section('II. CÁC VIỆC KHÓ KHĂN, VƯỚNG MẮC CẦN BAN CHỈ ĐẠO QUAN TÂM'),
        body('1. Các việc có điều kiện thi hành còn phải thi hành số tiền lớn nhất:'),
        casesTable(input.largestCases),
        body('2. Các việc có điều kiện thi hành tồn đọng lâu nhất:'),
        casesTable(input.longPendingCases),
        ...mobilisationSection(input.mobilisation),
        ...tasksSection(input.tasks, input.committeeName),
        section('V. KIẾN NGHỊ, ĐỀ XUẤT'),
        ...(input.proposals.length ? input.proposals : [DEFAULT_PROPOSAL]).map((p, i) => body(`${i + 1}. ${p}`)),
        para('', {}, { spacing: { after: 240 } }),
        signature,
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
