import { AlignmentType, Document, Packer, Table, TableRow, WidthType } from 'docx';
import { body, cell, centred, dateLine, FONT, grid as officeGrid, headingBlock, motto, NO_BORDERS, para, section, SIZE } from '../../../platform/documents/office-docx.js';
import { formatDateVi } from '../../../kernel/calendar/index.js';
import { formatMoneyVnd, groupDigits } from '../../../kernel/format/index.js';
import { formatPercentVi } from '../../statistics/index.js';
import { STATUS_VI } from '../../cases/index.js';
import { CAMPAIGN_CASE_REASON_VI, type CampaignDecider, type CampaignSnapshot, type CampaignSnapshotRow, type TargetProgress } from '../domain/index.js';

/**
 * The closing report of a peak campaign (báo cáo kết quả đợt cao điểm) as a Word document, in the office's
 * style (statistics/infra/exports/docx-narrative.ts): the unit and the national motto at the top, the date
 * line, the title, the period and the decision, targets against results, the tables by office and by
 * enforcer, the named difficult cases' status, the signature. Times New Roman 13 pt, A4 portrait.
 */
export interface CampaignClosingDocxInput {
  readonly unitName: string;
  readonly parentUnit?: string;
  readonly campaign: { name: string; decision: { number: string; date: string; signer: string }; decidedBy: CampaignDecider; from: string; to: string; closed: boolean };
  readonly snapshot: CampaignSnapshot;
  readonly targets: { cases: TargetProgress; money: TargetProgress; casesRate: TargetProgress; moneyRate: TargetProgress };
  readonly place?: string;
  readonly signedOn?: string;
}

function heading(input: CampaignClosingDocxInput): Table {
  const left = [...(input.parentUnit ? [centred(input.parentUnit.toUpperCase(), { size: 24 })] : []), centred(input.unitName.toUpperCase(), { bold: true, size: 24 })];
  return headingBlock(left, motto(), 38);
}

/** The campaign's tables: the second column (a name) to the left, the figures centred. */
const grid = (headers: string[], rows: string[][], widths: number[]) => officeGrid(headers, rows, widths, (i) => (i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER));

const boardTable = (rows: readonly CampaignSnapshotRow[], what: string) =>
  grid(['Hạng', what, 'Việc giải quyết xong', 'Tiền giải quyết xong (đồng)', 'Tỷ lệ (%)'], rows.map((r) => [
    String(r.rank), r.label ?? r.key ?? '—', groupDigits(r.casesResolved), groupDigits(r.moneyResolved), r.rate === null ? '—' : formatPercentVi(r.rate),
  ]), [8, 40, 16, 22, 14]);

function targetSentences(t: CampaignClosingDocxInput['targets'], s: CampaignSnapshot): string[] {
  const out: string[] = [];
  const reached = (x: TargetProgress) => (x.reached ? 'đạt chỉ tiêu' : 'chưa đạt chỉ tiêu');
  if (t.cases.target !== null) out.push(`Về việc: giải quyết xong ${groupDigits(s.totals.casesResolved)}/${groupDigits(Number(t.cases.target))} việc theo chỉ tiêu, đạt ${formatPercentVi(t.cases.progress)} % (${reached(t.cases)}).`);
  else out.push(`Về việc: giải quyết xong ${groupDigits(s.totals.casesResolved)} việc.`);
  if (t.money.target !== null) out.push(`Về tiền: giải quyết xong ${formatMoneyVnd(s.totals.moneyResolved)}/${formatMoneyVnd(String(t.money.target))} theo chỉ tiêu, đạt ${formatPercentVi(t.money.progress)} % (${reached(t.money)}).`);
  else out.push(`Về tiền: giải quyết xong ${formatMoneyVnd(s.totals.moneyResolved)}.`);
  if (t.casesRate.target !== null) out.push(`Tỷ lệ giải quyết xong về việc trong đợt: ${formatPercentVi(s.totals.rate)} % so với chỉ tiêu ${formatPercentVi(Number(t.casesRate.target))} % (${reached(t.casesRate)}).`);
  if (t.moneyRate.target !== null) out.push(`Tỷ lệ giải quyết xong về tiền trong đợt: ${formatPercentVi(s.totals.moneyRate)} % so với chỉ tiêu ${formatPercentVi(Number(t.moneyRate.target))} % (${reached(t.moneyRate)}).`);
  return out;
}

/** The closing report as a Word document (bytes of the .docx). */
export async function buildCampaignClosingDocx(input: CampaignClosingDocxInput): Promise<Buffer> {
  const { campaign: c, snapshot: s } = input;
  const decidedBy = c.decidedBy === 'committee' ? 'Ban Chỉ đạo thi hành án dân sự' : input.unitName;
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell([para('')], 45), cell([centred('THỦ TRƯỞNG ĐƠN VỊ', { bold: true }), centred('(Ký tên, đóng dấu)', { italics: true, size: 24 }, 1400)], 55)] })],
  });
  const named = s.namedCases.length === 0
    ? [body('Đợt cao điểm không có việc khó khăn, phức tạp được chọn riêng.')]
    : [grid(['STT', 'Số quyết định thi hành án', 'Lý do chọn', 'Trạng thái', 'Còn phải thi hành (đồng)'], s.namedCases.map((n, i) => [
      String(i + 1), n.decisionNumber, CAMPAIGN_CASE_REASON_VI[n.reason], STATUS_VI[n.status as keyof typeof STATUS_VI] ?? n.status, groupDigits(n.outstanding),
    ]), [8, 30, 20, 20, 22])];
  const doc = new Document({
    creator: 'thads',
    title: `Báo cáo kết quả ${c.name} - ${input.unitName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      children: [
        heading(input),
        para(dateLine(input.place, input.signedOn), { italics: true }, { alignment: AlignmentType.RIGHT, spacing: { before: 240, after: 240 } }),
        centred(`BÁO CÁO KẾT QUẢ ĐỢT CAO ĐIỂM ${c.name.replace(/^đợt cao điểm\s*/i, '').toUpperCase()}`, { bold: true, size: 28 }),
        centred(`Từ ngày ${formatDateVi(c.from)} đến ngày ${formatDateVi(c.to)}`, { bold: true }, 240),
        body(`Thực hiện Quyết định số ${c.decision.number} ngày ${formatDateVi(c.decision.date)} của ${decidedBy} (${c.decision.signer} ký) về việc mở ${c.name}, ${input.unitName} báo cáo kết quả như sau.`),
        body(c.closed
          ? `Số liệu được tính theo cách tính của thống kê thi hành án dân sự cho khoảng thời gian từ ngày ${formatDateVi(s.counted.from)} đến ngày ${formatDateVi(s.counted.to)} và đã được chốt ngày ${formatDateVi(s.closedOn)}.`
          : `Đợt cao điểm chưa kết thúc; số liệu tính đến ngày ${formatDateVi(s.counted.to)}, chưa chốt.`),
        section('I. CHỈ TIÊU VÀ KẾT QUẢ'),
        ...targetSentences(input.targets, s).map(body),
        section('II. KẾT QUẢ THEO ĐƠN VỊ'),
        boardTable(s.leaderboards.office ?? [], 'Đơn vị'),
        section('III. KẾT QUẢ THEO CHẤP HÀNH VIÊN'),
        boardTable(s.leaderboards.enforcer ?? [], 'Chấp hành viên'),
        section('IV. CÁC VIỆC KHÓ KHĂN, PHỨC TẠP ĐƯỢC CHỌN'),
        ...named,
        para('', {}, { spacing: { after: 240 } }),
        signature,
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
