import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType,
  type IParagraphOptions, type IRunOptions,
} from 'docx';
import type { IsoDate } from '../../../../kernel/calendar/index.js';
import {
  formatExcessVi, formatPercentVi, narrativeParagraphVi, narrativeTitleVi, yearLabelVi, yearResultsOf, type NarrativeInput,
} from '../../domain/index.js';
import { dateLineVi } from './official-forms.js';

/**
 * The narrative summary (báo cáo tổng kết) as a Word document (.docx), laid out as a Vietnamese
 * administrative document: the unit and the national motto at the top, the date line, the title, the unit,
 * the paragraph built by the domain (narrativeParagraphVi), a table of the years (rate and target, in cases
 * and in money) and the signature of the head of the unit. Times New Roman 13 pt, A4 portrait.
 */

export interface NarrativeDocxInput extends NarrativeInput {
  /** The unit above ("Cục Thi hành án dân sự tỉnh Long An"), printed above the unit's name. */
  readonly parentUnit?: string;
  readonly place?: string;
  readonly signedOn?: IsoDate;
  /** Name under "THỦ TRƯỞNG ĐƠN VỊ". */
  readonly headOfUnit?: string;
}

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt

const run = (text: string, o: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, font: FONT, size: SIZE, ...o });
const para = (text: string, o: Omit<IRunOptions, 'text'> = {}, p: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({ children: [run(text, o)], ...p });
const centred = (text: string, o: Omit<IRunOptions, 'text'> = {}, spacingAfter = 0) =>
  para(text, o, { alignment: AlignmentType.CENTER, spacing: { after: spacingAfter } });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function cell(paragraphs: Paragraph[], o: { columnSpan?: number; rowSpan?: number; width?: number } = {}): TableCell {
  return new TableCell({
    children: paragraphs,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    ...(o.rowSpan ? { rowSpan: o.rowSpan } : {}),
    ...(o.width ? { width: { size: o.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** The heading of an administrative document: unit on the left, national motto on the right (no borders). */
function heading(input: NarrativeDocxInput): Table {
  const left = [
    ...(input.parentUnit ? [centred(input.parentUnit.toUpperCase(), { size: 24 })] : []),
    centred(input.unitName.toUpperCase(), { bold: true, size: 24 }),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
    centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    columnWidths: [3500, 5571],
    rows: [new TableRow({ children: [cell(left, { width: 38 }), cell(right, { width: 62 })] })],
  });
}

function yearsTable(input: NarrativeDocxInput): Table {
  const head = (t: string) => [centred(t, { bold: true, size: 24 })];
  const value = (t: string) => [centred(t, { size: 24 })];
  const rows = yearResultsOf(input.reports).map(
    (y) => new TableRow({
      cantSplit: true,
      children: [
        cell([para(yearLabelVi(y), { size: 24 })]),
        cell(value(formatPercentVi(y.cases.rate))), cell(value(y.cases.target === null ? '—' : formatPercentVi(y.cases.target))), cell(value(formatExcessVi(y.cases.excess))),
        cell(value(formatPercentVi(y.money.rate))), cell(value(y.money.target === null ? '—' : formatPercentVi(y.money.target))), cell(value(formatExcessVi(y.money.excess))),
      ],
    }),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [1291, 1180, 1090, 1700, 1180, 1090, 1700],
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell(head('Năm'), { rowSpan: 2, width: 14 }), cell(head('Về việc'), { columnSpan: 3 }), cell(head('Về giá trị'), { columnSpan: 3 })],
      }),
      new TableRow({
        tableHeader: true,
        children: ['Tỷ lệ (%)', 'Chỉ tiêu (%)', 'So với chỉ tiêu', 'Tỷ lệ (%)', 'Chỉ tiêu (%)', 'So với chỉ tiêu'].map((t, i) => cell(head(t), { width: i % 3 === 2 ? 19 : i % 3 === 0 ? 13 : 12 })),
      }),
      ...rows,
    ],
  });
}

/** The summary as a Word document (bytes of the .docx). */
export async function buildNarrativeDocx(input: NarrativeDocxInput): Promise<Buffer> {
  const years = yearResultsOf(input.reports);
  const { title, subtitle } = narrativeTitleVi(years);
  const paragraph = narrativeParagraphVi(input.reports);
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([para('')], { width: 45 }),
          cell([centred('THỦ TRƯỞNG ĐƠN VỊ', { bold: true }), centred('(Ký tên, đóng dấu)', { italics: true, size: 24 }, 1400), centred(input.headOfUnit ?? '', { bold: true })], { width: 55 }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'thads',
    title: `${title} - ${input.unitName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, // 2 cm, 3 cm left (Nghị định 30/2020)
        children: [
          heading(input),
          para(dateLineVi(input.place, input.signedOn), { italics: true }, { alignment: AlignmentType.RIGHT, spacing: { before: 240, after: 240 } }),
          centred(title, { bold: true, size: 28 }),
          centred(subtitle, { bold: true }),
          centred(`Đơn vị: ${input.unitName}`, { bold: true }, 240),
          para(paragraph, {}, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 240, line: 312 } }),
          yearsTable(input),
          para('', {}, { spacing: { after: 240 } }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
