import ExcelJS from 'exceljs';
import {
  HEADER_ROWS, policyRowsVi, prepareReport, type OfficialFormsInput, type PreparedForm, type PreparedReport,
} from './official-forms.js';
import { formatExcessVi } from '../../domain/index.js';

/**
 * The official forms as an Excel workbook (.xlsx): "Biểu 01 - Việc" (case form), "Biểu 02 - Tiền" (money
 * form, nghìn đồng) and "Chính sách tính" (the policies the figures were computed with, and the results
 * against the targets). Each form sheet carries the title block, the merged headers, the numbering row, one
 * row per unit (total first), notes and the signature block, prints on A4 landscape fitted to the width,
 * and freezes the header and the unit column.
 *
 * Number formats are stored in the file's invariant notation with the Vietnamese locale tag ([$-42A]), so
 * a Vietnamese Excel or LibreOffice shows 1.234.567 and 90,31; the cells stay numbers (sums work).
 */

export const SHEET_NAMES = ['Biểu 01 - Việc', 'Biểu 02 - Tiền', 'Chính sách tính'] as const;
/** Thousands grouping, no decimals (counts and nghìn đồng). */
export const INTEGER_FORMAT = '[$-42A]#,##0';
/** Rates: two decimals. */
export const RATE_FORMAT = '[$-42A]0.00';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
/** First header row of a form sheet (after the three title rows and a spacer). */
export const FIRST_HEADER_ROW = 5;

type Align = Partial<ExcelJS.Alignment>;
const CENTER: Align = { horizontal: 'center', vertical: 'middle', wrapText: true };

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, font: Partial<ExcelJS.Font> = {}, alignment: Align = CENTER): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  cell.value = value;
  cell.font = { name: FONT, size: 11, ...font };
  cell.alignment = alignment;
  return cell;
}

/** Writes a text in a merged range (styles first, then merge, so every cell of the range keeps its own style). */
function block(ws: ExcelJS.Worksheet, row: number, c1: number, c2: number, value: string, font: Partial<ExcelJS.Font> = {}, alignment: Align = CENTER, rows = 1): void {
  put(ws, row, c1, value, font, alignment);
  if (c2 > c1 || rows > 1) ws.mergeCellsWithoutStyle(row, c1, row + rows - 1, c2);
}

function formSheet(wb: ExcelJS.Workbook, name: string, form: PreparedForm): void {
  const { layout } = form;
  const nCols = layout.columns.length + 1;
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 18 },
    views: [{ state: 'frozen', xSplit: 1, ySplit: FIRST_HEADER_ROW + HEADER_ROWS, topLeftCell: `B${FIRST_HEADER_ROW + HEADER_ROWS + 1}`, activeCell: 'A1' }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${FIRST_HEADER_ROW}:${FIRST_HEADER_ROW + HEADER_ROWS}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&9Trang &P/&N' },
  });
  ws.getColumn(1).width = 28;
  layout.columns.forEach((key, i) => {
    ws.getColumn(i + 2).width = key === 'rate' ? 9 : layout.kind === 'money' ? 12.5 : 9;
  });

  // Title block: left (form number, circular), centre (title, period, unit), right (sender, recipient, measure).
  const leftEnd = 3;
  const rightStart = nCols - 3;
  for (let i = 0; i < 3; i += 1) {
    const row = i + 1;
    ws.getRow(row).height = i === 0 ? 36 : 32;
    block(ws, row, 1, leftEnd, form.left[i] ?? '', i === 0 ? { bold: true } : { italic: true, size: 10 }, { ...CENTER });
    block(ws, row, leftEnd + 1, rightStart - 1, form.centre[i] ?? '', i === 0 ? { bold: true, size: 14 } : i === 1 ? { italic: true, size: 12 } : { bold: true, size: 12 });
    block(ws, row, rightStart, nCols, form.right[i] ?? '', i === 2 ? { italic: true, size: 10 } : { size: 10 }, { ...CENTER, horizontal: 'left' });
  }
  ws.getRow(4).height = 8;

  // Header: three levels, then the numbering row.
  const h0 = FIRST_HEADER_ROW;
  [30, 34, 62].forEach((height, i) => { ws.getRow(h0 + i).height = height; });
  for (let r = 0; r <= HEADER_ROWS; r += 1) {
    for (let c = 1; c <= nCols; c += 1) {
      const cell = ws.getCell(h0 + r, c);
      cell.border = THIN;
      cell.font = { name: FONT, size: 10, bold: r < HEADER_ROWS, italic: r === HEADER_ROWS };
      cell.alignment = CENTER;
    }
  }
  for (const h of layout.header) {
    ws.getCell(h0 + h.row, h.col + 1).value = h.text;
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCellsWithoutStyle(h0 + h.row, h.col + 1, h0 + h.row + h.rowSpan - 1, h.col + h.colSpan);
  }
  const numberingRow = h0 + HEADER_ROWS;
  layout.numbering.forEach((n, i) => { ws.getCell(numberingRow, i + 1).value = n; });

  // Data: one row per unit, the total first.
  let row = numberingRow + 1;
  const rateCol = layout.columns.indexOf('rate');
  for (const r of form.rows) {
    ws.getRow(row).height = r.name.length > 30 ? 32 : 20;
    const font = { size: 11, bold: r.isTotal };
    put(ws, row, 1, r.name, font, { vertical: 'middle', horizontal: 'left', wrapText: true, indent: r.isTotal ? 0 : 1 }).border = THIN;
    r.values.forEach((v, i) => {
      const cell = put(ws, row, i + 2, v ?? '—', { ...font, size: layout.kind === 'money' ? 10 : 11 }, { vertical: 'middle', horizontal: v === null ? 'center' : 'right', indent: v === null ? 0 : 1 });
      cell.border = THIN;
      if (v !== null) cell.numFmt = i === rateCol ? RATE_FORMAT : INTEGER_FORMAT;
    });
    row += 1;
  }

  // Notes.
  row += 1;
  for (const [i, note] of form.notes.entries()) {
    ws.getRow(row).height = 18;
    block(ws, row, 1, nCols, `${i === 0 ? 'Ghi chú: ' : ''}${note}`, { italic: true, size: 10 }, { vertical: 'middle', horizontal: 'left', wrapText: true, indent: i === 0 ? 0 : 5 });
    row += 1;
  }

  // Signature block: "NGƯỜI LẬP BIỂU" on the left, date line and "THỦ TRƯỞNG ĐƠN VỊ" on the right.
  row += 1;
  const s = form.signature;
  const rightSig = nCols - 6;
  block(ws, row, rightSig, nCols, s.dateLine, { italic: true, size: 12 });
  row += 1;
  block(ws, row, 1, leftEnd, s.left[0] ?? '', { bold: true, size: 12 });
  block(ws, row, rightSig, nCols, s.right[0] ?? '', { bold: true, size: 12 });
  row += 1;
  block(ws, row, 1, leftEnd, s.left[1] ?? '', { italic: true, size: 11 });
  block(ws, row, rightSig, nCols, s.right[1] ?? '', { italic: true, size: 11 });
  row += 4;
  block(ws, row, 1, leftEnd, s.leftName, { bold: true, size: 12 });
  block(ws, row, rightSig, nCols, s.rightName, { bold: true, size: 12 });
  ws.pageSetup.printArea = `A1:${ws.getColumn(nCols).letter}${row}`;
}

function policiesSheet(wb: ExcelJS.Workbook, p: PreparedReport): void {
  const ws = wb.addWorksheet(SHEET_NAMES[2], {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  [34, 13, 13, 16, 13, 13, 16].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const n = 7;
  block(ws, 1, 1, n, 'CHÍNH SÁCH TÍNH SỐ LIỆU', { bold: true, size: 14 });
  block(ws, 2, 1, n, `Đơn vị: ${p.unitName}`, { bold: true, size: 12 });
  block(ws, 3, 1, n, p.periodLine, { italic: true, size: 12 });

  let row = 5;
  const head = (cells: [number, number, string][], r: number) => {
    for (const [c1, c2, text] of cells) {
      for (let c = c1; c <= c2; c += 1) {
        const cell = ws.getCell(r, c);
        cell.border = THIN;
        cell.font = { name: FONT, size: 11, bold: true };
        cell.alignment = CENTER;
      }
      ws.getCell(r, c1).value = text;
      if (c2 > c1) ws.mergeCellsWithoutStyle(r, c1, r, c2);
    }
  };
  head([[1, 1, 'Chính sách'], [2, 3, 'Giá trị áp dụng'], [4, 7, 'Ý nghĩa']], row);
  row += 1;
  for (const [policy, value, meaning] of policyRowsVi(p)) {
    ws.getRow(row).height = 36;
    const left: Align = { vertical: 'middle', horizontal: 'left', wrapText: true, indent: 1 };
    for (const [c1, c2, text] of [[1, 1, policy], [2, 3, value], [4, 7, meaning]] as const) {
      for (let c = c1; c <= c2; c += 1) ws.getCell(row, c).border = THIN;
      put(ws, row, c1, text, {}, left).border = THIN;
      if (c2 > c1) ws.mergeCellsWithoutStyle(row, c1, row, c2);
    }
    row += 1;
  }

  row += 1;
  block(ws, row, 1, n, 'KẾT QUẢ SO VỚI CHỈ TIÊU', { bold: true, size: 12 });
  row += 1;
  head([[1, 1, 'Đơn vị'], [2, 4, 'Về việc'], [5, 7, 'Về tiền']], row);
  ws.mergeCellsWithoutStyle(row, 1, row + 1, 1);
  ws.getCell(row + 1, 1).border = THIN;
  head([[2, 2, 'Tỷ lệ (%)'], [3, 3, 'Chỉ tiêu (%)'], [4, 4, 'So với chỉ tiêu'], [5, 5, 'Tỷ lệ (%)'], [6, 6, 'Chỉ tiêu (%)'], [7, 7, 'So với chỉ tiêu']], row + 1);
  row += 2;
  for (const u of p.units) {
    const r = u.report;
    const cells: (number | string | null)[] = [
      u.name, r.cases.rate, r.target?.cases ?? null, formatExcessVi(r.excess?.cases ?? null),
      r.money.rate, r.target?.money ?? null, formatExcessVi(r.excess?.money ?? null),
    ];
    cells.forEach((v, i) => {
      const cell = put(ws, row, i + 1, v ?? '—', { bold: u.isTotal }, { vertical: 'middle', horizontal: i === 0 ? 'left' : typeof v === 'number' ? 'right' : 'center', wrapText: true, indent: i === 0 || typeof v === 'number' ? 1 : 0 });
      cell.border = THIN;
      if (typeof v === 'number') cell.numFmt = RATE_FORMAT;
    });
    row += 1;
  }
}

/** The workbook of the official forms as .xlsx bytes. */
export async function buildExcelReport(input: OfficialFormsInput, options: { created?: Date } = {}): Promise<Buffer> {
  const p = prepareReport(input);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thads';
  wb.title = `Kết quả thi hành án dân sự - ${p.unitName} - ${p.periodLine}`;
  if (options.created) {
    wb.created = options.created;
    wb.modified = options.created;
  }
  formSheet(wb, SHEET_NAMES[0], p.forms[0]);
  formSheet(wb, SHEET_NAMES[1], p.forms[1]);
  policiesSheet(wb, p);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
