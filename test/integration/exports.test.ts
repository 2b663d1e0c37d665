import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearBounds, narrativeParagraphVi, rateOf, type StatisticsReport } from '../../src/modules/statistics/domain/index.js';
import {
  buildExcelReport, buildNarrativeDocx, buildPdfReport, formLayout, SHEET_NAMES, type OfficialFormsInput,
} from '../../src/modules/statistics/infra/exports/index.js';
import { chauThanhReports, reportOf, yearReport } from '../unit/statistics/report-builders.js';

/**
 * The official exports (no database needed). The generated files are also written to .tmp/exports/ for a
 * person to open.
 */
const OUT = path.resolve(import.meta.dirname, '../../.tmp/exports');
const UNIT = 'Chi cục Thi hành án dân sự huyện Châu Thành';
const FY2016 = fiscalYearBounds(2016);

// Châu Thành FY2016 by hand: 1.040 of 1.303 cases with means resolved (79,82 %);
// money 13.595.678.999 đ of 36.595.678.999 đ (37,15 %); completed 12.345.678.500 đ = 12.345.679 nghìn đồng.
const chauThanh: StatisticsReport = reportOf(
  'LA-CT', FY2016,
  { carried_over: 812, new: 1019, transferred_out: 12, withdrawn: 3, completed: 1010, terminated: 30, in_progress: 200, postponed: 50, suspended: 10, other: 3, without_means: 513 },
  {
    carried_over: 30_000_000_000n, new: 16_972_222_209n, transferred_out: 500_000_000n, withdrawn: 0n, completed: 12_345_678_500n, terminated: 1_000_000_000n,
    reduced: 250_000_499n, in_progress: 20_000_000_000n, postponed: 3_000_000_000n, suspended: 0n, other: 0n, without_means: 9_876_543_210n,
  },
  { cases: 70, money: 30 },
);
const officeInput: OfficialFormsInput = {
  unitName: UNIT, rows: [{ name: UNIT, report: chauThanh }], recipient: 'Cục Thi hành án dân sự tỉnh Long An',
  place: 'Châu Thành', signedOn: '2016-10-05', preparedBy: 'Nguyễn Thị Mỹ Hạnh', headOfUnit: 'Trần Văn Đức',
};
const tanAn = yearReport('LA-TA', 2016, 77.43, 39.44, { cases: 70, money: 30 });
const provinceInput: OfficialFormsInput = {
  unitName: 'Cục Thi hành án dân sự tỉnh Long An',
  rows: [{ name: 'Chi cục THADS huyện Châu Thành', report: chauThanh }, { name: 'Chi cục THADS thành phố Tân An', report: tanAn }],
  place: 'Long An',
};

/** Every text of a sheet, "A1" → value as text. */
function texts(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow((row) => row.eachCell((cell) => { if (cell.value !== null && cell.value !== '') out.set(cell.address, String(cell.value)); }));
  return out;
}

/** The files of a zip archive (enough of the format for .xlsx and .docx: stored or deflated entries). */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/**
 * The text drawn on the pages of a PDF written by pdfkit: content streams inflated, glyph codes of the
 * TJ/Tj operators mapped to Unicode through each font's ToUnicode CMap. Runs are joined without spaces.
 */
function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) { objects.set(Number(m[1]), { dict: body, stream: null }); continue; }
    const dict = body.slice(0, at);
    const raw = Buffer.from(body.slice(at + 6).replace(/^\r?\n/, '').replace(/\r?\nendstream\s*$/, ''), 'latin1');
    objects.set(Number(m[1]), { dict, stream: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  const cmapOf = (id: number): Map<number, string> => {
    const cmap = new Map<number, string>();
    const text = objects.get(id)?.stream?.toString('latin1') ?? '';
    const hexToString = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) cmap.set(parseInt(m[1]!, 16), hexToString(m[2]!));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const lo = parseInt(m[1]!, 16);
        const hi = parseInt(m[2]!, 16);
        if (m[3]!.startsWith('[')) [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => cmap.set(lo + i, hexToString(d[1]!)));
        else for (let c = lo, first = parseInt(m[3]!.slice(1, -1), 16); c <= hi; c += 1) cmap.set(c, String.fromCodePoint(first + c - lo));
      }
    }
    return cmap;
  };
  const fontByName = new Map<string, Map<number, string>>();
  for (const m of s.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(Number(m[2]));
    const toUnicode = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
    if (toUnicode) fontByName.set(m[1]!, cmapOf(Number(toUnicode[1])));
  }
  let out = '';
  for (const { stream } of objects.values()) {
    const content = stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]<])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) { cmap = fontByName.get(m[1]); continue; }
      const hex = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!).join('') : m[3]!;
      for (const code of hex.match(/.{4}/g) ?? []) out += cmap?.get(parseInt(code, 16)) ?? '\uFFFD';
    }
    out += '\n';
  }
  return out;
}
const squash = (t: string) => t.replace(/\s+/g, '');

describe('official forms as .xlsx', () => {
  let wb: ExcelJS.Workbook;
  let province: ExcelJS.Workbook;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const bytes = await buildExcelReport(officeInput);
    writeFileSync(path.join(OUT, 'chau-thanh-2016.xlsx'), bytes);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const pBytes = await buildExcelReport(provinceInput);
    writeFileSync(path.join(OUT, 'long-an-2016.xlsx'), pBytes);
    province = new ExcelJS.Workbook();
    await province.xlsx.load(pBytes as unknown as ArrayBuffer);
  });

  it('has the case form, the money form and the policies, in that order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_NAMES]);
  });

  it('case form: title with the unit and the period, merged headers, numbering, figures, signature', () => {
    const ws = wb.getWorksheet(SHEET_NAMES[0])!;
    const t = texts(ws);
    const all = [...t.values()];
    expect(all).toContain('KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC');
    expect(all).toContain('Từ ngày 01/10/2015 đến ngày 30/09/2016');
    expect(all).toContain(`Đơn vị: ${UNIT}`);
    expect(all).toContain('Đơn vị tính: Việc');
    // Headers: A name, B–D thụ lý, E ủy thác, F thu hồi, G–O phải thi hành (H–N có điều kiện), P tỷ lệ, Q–R chuyển kỳ sau.
    const merges = ws.model.merges;
    for (const [range, label] of [
      ['A5:A7', 'Đơn vị'], ['B5:D5', 'Tổng số thụ lý'], ['C6:C7', 'Năm trước chuyển sang'], ['D6:D7', 'Thụ lý mới'], ['E5:E7', 'Ủy thác'],
      ['G5:O5', 'Tổng số phải thi hành'], ['H6:N6', 'Có điều kiện'], ['I7', 'Thi hành xong'], ['J7', 'Đình chỉ'], ['K7', 'Đang thi hành'],
      ['L7', 'Hoãn'], ['M7', 'Tạm đình chỉ'], ['N7', 'Trường hợp khác'], ['O6:O7', 'Chưa có điều kiện'], ['P5:P7', 'Tỷ lệ (%)'], ['Q5:R5', 'Chuyển kỳ sau'],
    ] as const) {
      if (range.includes(':')) expect(merges).toContain(range);
      expect(t.get(range.split(':')[0]!), range).toBe(label);
    }
    expect(['A', 'B', 'C', 'R'].map((c) => t.get(`${c}8`))).toEqual(['A', '1', '2', '17']);
    // One data row: the figures of the report.
    expect(t.get('A9')).toBe(UNIT);
    expect(['B9', 'C9', 'D9', 'G9', 'H9', 'I9', 'J9', 'O9'].map((a) => ws.getCell(a).value)).toEqual([1831, 812, 1019, 1816, 1303, 1010, 30, 513]);
    expect(ws.getCell('P9').value).toBe(79.82);
    expect(ws.getCell('P9').numFmt).toMatch(/0\.00$/);
    expect(ws.getCell('B9').numFmt).toMatch(/#,##0$/);
    expect(all).toContain('NGƯỜI LẬP BIỂU');
    expect(all).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(all).toContain('Châu Thành, ngày 05 tháng 10 năm 2016');
    expect(all).toContain('Trần Văn Đức');
    expect(all.some((x) => x.includes('(Thi hành xong + Đình chỉ) / Có điều kiện × 100 = (cột 8 + cột 9) / cột 7'))).toBe(true);
  });

  it('money form: nghìn đồng rounded half-up, "Giảm thi hành án" in the có điều kiện group, rate with two decimals', () => {
    const ws = wb.getWorksheet(SHEET_NAMES[1])!;
    const t = texts(ws);
    expect([...t.values()]).toContain('KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN');
    expect([...t.values()]).toContain('Đơn vị tính: Nghìn đồng');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['G5:P5', 'H6:O6', 'Q5:Q7', 'R5:S5']));
    expect([t.get('K7'), t.get('Q5'), t.get('S8')]).toEqual(['Giảm thi hành án', 'Tỷ lệ (%)', '18']);
    // completed 12.345.678.500 đ → 12.345.679; reduced 250.000.499 đ → 250.000; with means 36.595.678.999 đ → 36.595.679
    expect(['I9', 'K9', 'H9', 'P9'].map((a) => ws.getCell(a).value)).toEqual([12_345_679, 250_000, 36_595_679, 9_876_543]);
    expect(ws.getCell('Q9').value).toBe(37.15);
    expect(ws.getCell('I9').numFmt).toMatch(/#,##0$/);
  });

  it('prints on A4 landscape fitted to the width, header repeated and frozen', () => {
    for (const name of SHEET_NAMES.slice(0, 2)) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:8' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 8 });
      expect(ws.getCell('B5').border?.top?.style).toBe('thin');
    }
  });

  it('lists the policies and the results against the targets', () => {
    const all = [...texts(wb.getWorksheet(SHEET_NAMES[2])!).values()];
    expect(all).toContain('Thi hành xong + Đình chỉ + Giảm thi hành án');
    expect(all).toContain('Không có');
    expect(all).toContain('vượt 9,82%');
    expect(all).toContain('vượt 7,15%');
  });

  it('province: a total row first, summed, its rate recomputed from the sums; then one row per office', () => {
    const ws = province.getWorksheet(SHEET_NAMES[0])!;
    expect(['A9', 'A10', 'A11'].map((a) => ws.getCell(a).value)).toEqual(['Tổng cộng', 'Chi cục THADS huyện Châu Thành', 'Chi cục THADS thành phố Tân An']);
    expect(ws.getCell('I9').value).toBe(1010 + tanAn.cases.completed);
    expect(ws.getCell('P9').value).toBe(rateOf(1040 + tanAn.cases.resolved, 1303 + tanAn.cases.with_means));
    expect(ws.getCell('P11').value).toBe(77.43);
    const money = province.getWorksheet(SHEET_NAMES[1])!;
    expect(money.getCell('Q11').value).toBe(39.44);
    expect(String(money.getCell('A1').value)).toBe('Biểu số 02');
  });

  it('refuses rows of different periods', async () => {
    const other = yearReport('LA-TA', 2017, 70, 30, null);
    await expect(buildExcelReport({ unitName: 'X', rows: [{ name: 'a', report: chauThanh }, { name: 'b', report: other }] })).rejects.toThrow(/another period/);
  });
});

describe('official forms as .pdf', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await buildPdfReport(officeInput);
    writeFileSync(path.join(OUT, 'chau-thanh-2016.pdf'), pdf);
    writeFileSync(path.join(OUT, 'long-an-2016.pdf'), await buildPdfReport(provinceInput));
    text = pdfText(pdf);
  }, 60_000);

  it('is a PDF of three A4 landscape pages with the font embedded', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const s = pdf.toString('latin1');
    expect(s.match(/\/Type \/Page\b/g)).toHaveLength(3);
    expect(s).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(s).toMatch(/\/FontName \/[A-Z]{6}\+Tinos/);
  });

  it('draws the unit, the titles, the headers and the signature block in Vietnamese', () => {
    for (const phrase of [
      UNIT, 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC', 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN', 'Từ ngày 01/10/2015 đến ngày 30/09/2016',
      'Tổng số phải thi hành', 'Tạm đình chỉ', 'Trường hợp khác', 'Giảm thi hành án', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ',
      'Châu Thành, ngày 05 tháng 10 năm 2016', '12.345.679', '79,82', '37,15', 'CHÍNH SÁCH TÍNH SỐ LIỆU',
    ]) expect(squash(text), phrase).toContain(squash(phrase));
    expect(text).not.toContain('\uFFFD');
  });

  it('reads the same with poppler when installed', () => {
    const r = spawnSync('pdftotext', ['-layout', path.join(OUT, 'chau-thanh-2016.pdf'), '-'], { encoding: 'utf8' });
    if (r.error) return; // poppler-utils not installed: the extraction above is the check
    expect(r.stdout).toContain(UNIT);
    expect(r.stdout).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('lays out the province with a total row', async () => {
    const t = pdfText(await buildPdfReport(provinceInput));
    expect(squash(t)).toContain(squash('Tổng cộng'));
    expect(squash(t)).toContain(squash('Chi cục THADS thành phố Tân An'));
  });
});

describe('narrative summary as .docx', () => {
  it('holds the title, the unit, the paragraph and the table of years', async () => {
    const reports = chauThanhReports();
    const bytes = await buildNarrativeDocx({ unitName: UNIT, reports, parentUnit: 'Cục Thi hành án dân sự tỉnh Long An', place: 'Châu Thành', signedOn: '2021-01-15' });
    writeFileSync(path.join(OUT, 'chau-thanh-2015-2020.docx'), bytes);
    const files = unzip(bytes);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    const paragraph = narrativeParagraphVi(reports);
    expect(paragraph.startsWith('Năm 2015: Thi hành xong về việc đạt tỷ lệ 90,31% (vượt 2,31%), về giá trị đạt tỷ lệ 81,38% (vượt 4,38%); Năm 2016:')).toBe(true);
    expect(runs).toContain(paragraph);
    expect(runs).toEqual(expect.arrayContaining([
      'BÁO CÁO TỔNG KẾT', 'Kết quả thi hành án dân sự giai đoạn 2015 - 2020', `Đơn vị: ${UNIT}`, 'CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN CHÂU THÀNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Châu Thành, ngày 15 tháng 01 năm 2021', 'Năm 2020', '61,20', '38,00', 'vượt 23,20%', 'THỦ TRƯỞNG ĐƠN VỊ',
    ]));
    // the table: two header rows, then one row per year
    expect(xml.match(/<w:tr>|<w:tr /g)!.length).toBeGreaterThanOrEqual(2 + 6);
  });
});

describe('form layout', () => {
  it('numbers the columns 1…n after the name column A, 17 in cases and 18 in money', () => {
    expect(formLayout('cases').numbering).toHaveLength(18);
    expect(formLayout('money').numbering.at(-1)).toBe('18');
  });
});
