import {
  AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType,
  type IParagraphOptions, type IRunOptions,
} from 'docx';
import type { IsoDate } from '../../kernel/calendar/index.js';

/**
 * The office's Word documents (reports to the steering committee, a campaign's closing report) in the style
 * of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP on document formats): Times New Roman
 * 13 pt, the unit and the national motto side by side at the top, a justified body with a first-line indent,
 * bordered tables whose header row repeats on each page. The pieces every such document is built from.
 */
export const FONT = 'Times New Roman';
export const SIZE = 26; // half-points: 13 pt

export const run = (text: string, o: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, font: FONT, size: SIZE, ...o });
export const para = (text: string, o: Omit<IRunOptions, 'text'> = {}, p: Omit<IParagraphOptions, 'children'> = {}) => new Paragraph({ children: [run(text, o)], ...p });
export const centred = (text: string, o: Omit<IRunOptions, 'text'> = {}, spacingAfter = 0) => para(text, o, { alignment: AlignmentType.CENTER, spacing: { after: spacingAfter } });
/** A paragraph of the body: justified, first line indented 1 cm, 1.3 line spacing. */
export const body = (text: string) => para(text, {}, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 120, line: 312 } });
/** A section heading ("I. KẾT QUẢ …"). */
export const section = (text: string) => para(text, { bold: true }, { spacing: { before: 240, after: 120 } });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export function cell(paragraphs: Paragraph[], width?: number): TableCell {
  return new TableCell({
    children: paragraphs, verticalAlign: VerticalAlignTable.CENTER, margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** The heading block: the unit (under its parent) on the left, the national motto on the right, no borders. */
export function headingBlock(left: Paragraph[], right: Paragraph[], leftWidth = 40): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, columnWidths: [3500, 5571],
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, 100 - leftWidth)] })],
  });
}

/** The national motto as the right side of the heading block. */
export const motto = (): Paragraph[] => [centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }), centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }, 120)];

/** A table with a repeated header row; `alignOf(i)` aligns column i of the body rows. */
export function grid(headers: string[], rows: string[][], widths: number[], alignOf: (column: number) => (typeof AlignmentType)[keyof typeof AlignmentType]): Table {
  const head = (t: string) => [centred(t, { bold: true, size: 24 })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(head(h), widths[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell([para(v, { size: 24 }, { alignment: alignOf(i) })], widths[i])) })),
    ],
  });
}

/** "Tây Ninh, ngày 20 tháng 11 năm 2026" (days and months 1 and 2 with a leading zero, as administrative documents write them). */
export function dateLine(place: string | undefined, date: IsoDate | undefined): string {
  const where = place?.trim() || '…………';
  if (!date) return `${where}, ngày …… tháng …… năm ……`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${where}, ngày ${d < 10 ? `0${d}` : d} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
}
