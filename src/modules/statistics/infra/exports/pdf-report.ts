import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import { FONT_FAMILY, fontPaths, fontsDir } from './fonts.js';
import { HEADER_ROWS, policyRowsVi, prepareReport, targetRowsVi, type OfficialFormsInput, type PreparedForm, type PreparedReport } from './official-forms.js';

/**
 * The official forms as a PDF (pdfmake, the committed Tinos font, A4 landscape): one page per form with
 * the title block, the merged headers repeated on every page, the numbering row, the rows, the notes and
 * the signature block; then a page with the policies used and the results against the targets.
 */

type DocDefinition = Parameters<typeof pdfmake.createPdf>[0];

const PAGE_WIDTH = 841.89; // A4 landscape, points
const MARGIN = 28;
const NAME_WIDTH = 104;
const CELL_PADDING = 4; // left + right padding of pdfmake's default table layout

/** The size of the figures: the widest text of a numeric column must fit its width (Tinos digits are 0,5 em). */
function figureFontSize(form: PreparedForm): number {
  const columnWidth = (PAGE_WIDTH - 2 * MARGIN - NAME_WIDTH) / form.layout.columns.length - CELL_PADDING;
  const widest = Math.max(1, ...form.rows.flatMap((r) => r.texts.map((t) => t.length)));
  return Math.max(5, Math.min(9, Math.floor((columnWidth / (widest * 0.5)) * 10) / 10));
}

function titleBlock(form: PreparedForm): Content {
  return {
    columns: [
      { width: 170, stack: [{ text: form.left[0] ?? '', bold: true }, { text: form.left[1] ?? '', italics: true, fontSize: 8 }], alignment: 'center' },
      {
        width: '*',
        stack: [
          { text: form.centre[0] ?? '', bold: true, fontSize: 13 },
          { text: form.centre[1] ?? '', italics: true, fontSize: 11, margin: [0, 2, 0, 0] },
          { text: form.centre[2] ?? '', bold: true, fontSize: 11, margin: [0, 2, 0, 0] },
        ],
        alignment: 'center',
      },
      { width: 200, stack: form.right.map((t, i) => ({ text: t, fontSize: 8.5, italics: i === 2, margin: [0, 0, 0, 2] })) },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 10],
  };
}

function formTable(form: PreparedForm): Content {
  const { layout } = form;
  const nCols = layout.columns.length + 1;
  const grid: TableCell[][] = Array.from({ length: HEADER_ROWS }, () => Array.from({ length: nCols }, (): TableCell => ''));
  for (const h of layout.header) {
    grid[h.row]![h.col] = { text: h.text, rowSpan: h.rowSpan, colSpan: h.colSpan, bold: true, fontSize: 7, alignment: 'center' };
  }
  const numbering: TableCell[] = layout.numbering.map((n) => ({ text: n, italics: true, fontSize: 7, alignment: 'center' }));
  const size = figureFontSize(form);
  const body: TableCell[][] = form.rows.map((r) => [
    { text: r.name, bold: r.isTotal, fontSize: 8, verticalAlignment: 'middle' },
    ...r.texts.map((t, i): TableCell => ({ text: t, bold: r.isTotal, fontSize: size, alignment: r.values[i] === null ? 'center' : 'right', noWrap: true, verticalAlignment: 'middle' })),
  ]);
  return {
    table: {
      headerRows: HEADER_ROWS + 1,
      dontBreakRows: true,
      widths: [NAME_WIDTH, ...layout.columns.map(() => '*' as const)],
      body: [...grid, numbering, ...body],
    },
    layout: {
      paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 2, paddingBottom: () => 2,
      hLineWidth: () => 0.5, vLineWidth: () => 0.5,
    },
  };
}

function notesAndSignature(form: PreparedForm): Content[] {
  const s = form.signature;
  return [
    {
      stack: form.notes.map((n, i) => ({ text: `${i === 0 ? 'Ghi chú: ' : ''}${n}`, italics: true, fontSize: 8, margin: [i === 0 ? 0 : 34, 1, 0, 0] })),
      margin: [0, 6, 0, 10],
    },
    {
      columns: [
        { width: 240, stack: [{ text: ' ', fontSize: 11, margin: [0, 0, 0, 3] }, { text: s.left[0] ?? '', bold: true }, { text: s.left[1] ?? '', italics: true, fontSize: 9 }, { text: s.leftName || ' ', bold: true, margin: [0, 46, 0, 0] }], alignment: 'center' },
        { width: '*', text: '' },
        {
          width: 300,
          stack: [{ text: s.dateLine, italics: true, fontSize: 11, margin: [0, 0, 0, 3] }, { text: s.right[0] ?? '', bold: true }, { text: s.right[1] ?? '', italics: true, fontSize: 9 }, { text: s.rightName || ' ', bold: true, margin: [0, 46, 0, 0] }],
          alignment: 'center',
        },
      ],
      unbreakable: true,
    },
  ];
}

function policiesPage(p: PreparedReport): Content[] {
  const head = (t: string) => ({ text: t, bold: true, alignment: 'center' as const, fontSize: 9 });
  return [
    { text: 'CHÍNH SÁCH TÍNH SỐ LIỆU', bold: true, fontSize: 13, alignment: 'center', pageBreak: 'before' },
    { text: `Đơn vị: ${p.unitName}`, bold: true, fontSize: 11, alignment: 'center', margin: [0, 2, 0, 0] },
    { text: p.periodLine, italics: true, fontSize: 11, alignment: 'center', margin: [0, 2, 0, 10] },
    {
      table: {
        headerRows: 1,
        widths: [210, 190, '*'],
        body: [[head('Chính sách'), head('Giá trị áp dụng'), head('Ý nghĩa')], ...policyRowsVi(p).map((r) => r.map((t): TableCell => ({ text: t, fontSize: 9 })))],
      },
    },
    { text: 'KẾT QUẢ SO VỚI CHỈ TIÊU', bold: true, fontSize: 11, alignment: 'center', margin: [0, 14, 0, 6] },
    {
      table: {
        headerRows: 2,
        widths: ['*', 60, 60, 80, 60, 60, 80],
        body: [
          [{ ...head('Đơn vị'), rowSpan: 2 }, { ...head('Về việc'), colSpan: 3 }, '', '', { ...head('Về tiền'), colSpan: 3 }, '', ''],
          ['', head('Tỷ lệ (%)'), head('Chỉ tiêu (%)'), head('So với chỉ tiêu'), head('Tỷ lệ (%)'), head('Chỉ tiêu (%)'), head('So với chỉ tiêu')],
          ...targetRowsVi(p).map((r, i) => r.map((t, j): TableCell => ({ text: t, fontSize: 9, bold: p.units[i]?.isTotal ?? false, alignment: j === 0 ? 'left' : 'center' }))),
        ],
      },
    },
  ];
}

/** The document definition (exposed for tests and for callers that add pages). */
export function pdfDefinition(input: OfficialFormsInput): DocDefinition {
  const p = prepareReport(input);
  const content: Content[] = [];
  p.forms.forEach((form, i) => {
    content.push({ stack: [titleBlock(form), formTable(form), ...notesAndSignature(form)], ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
  });
  content.push(...policiesPage(p));
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: `Kết quả thi hành án dân sự - ${p.unitName} - ${p.periodLine}`, author: p.unitName, creator: 'thads', producer: 'thads' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10 },
    footer: (currentPage: number, pageCount: number) => ({ text: `Trang ${currentPage}/${pageCount}`, alignment: 'center', fontSize: 8, margin: [0, 8, 0, 0] }),
    content,
  };
}

/** The official forms as PDF bytes. */
export async function buildPdfReport(input: OfficialFormsInput): Promise<Buffer> {
  const definition = pdfDefinition(input);
  const dir = fontsDir();
  pdfmake.setFonts({ [FONT_FAMILY]: fontPaths(dir) });
  // No download, and no file read but the committed fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(dir));
  return pdfmake.createPdf(definition).getBuffer();
}
