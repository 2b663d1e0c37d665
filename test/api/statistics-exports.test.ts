import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { formLayout, pdfDefinition, SHEET_NAMES } from '../../src/modules/statistics/infra/exports/index.js';
import { setupOrganisation } from '../integration/statistics-support.js';
import { startTestApp, type Session, type TestApp } from '../support/harness.js';

/** The official forms (.xlsx, .pdf) and the narrative summary (text, .docx) through the HTTP API. */
let t: TestApp;
let province: Session;
let head: Session;
let enforcer: Session;
let mobilisation: Session;
const KV3 = 'Phòng Thi hành án dân sự khu vực 3 – Tây Ninh';
const TN = 'Thi hành án dân sự tỉnh Tây Ninh';

const newCase = (acceptedOn: string, amount: number) => ({
  office: 'TN-KV3',
  decision: { number: `${amount}/QĐ-THADS`, date: acceptedOn },
  acceptedOn,
  initiation: 'on_request',
  category: 'dan_su',
  judgment: { number: '45/2026/DS-ST', date: '2026-08-20', court: 'TAND khu vực 3 – Tây Ninh' },
  commune: '28210',
  enforcer: 'TN-KV3-01',
  parties: [{ role: 'obligor', kind: 'person', name: 'Nguyễn Văn An', idNumber: null, address: null }],
  obligations: [{ kind: 'money', beneficiary: 'party', label: 'Trả nợ vay', amount }],
});

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  await setupOrganisation(t.rt);
  [province, head, enforcer, mobilisation] = (await Promise.all(
    ['lanh.dao.tinh', 'truong.phong', 'chv.an', 'to.van.dong'].map((u) => t.login(u)),
  )) as [Session, Session, Session, Session];
  // Three cases of TN-KV3 in FY2027: one paid in full and completed, one part paid, one untouched.
  const ids: string[] = [];
  for (const [on, amount] of [['2026-10-05', 10_000_000], ['2026-10-12', 4_000_000], ['2026-11-03', 2_500_000]] as const) {
    const r = await t.as(enforcer, 'POST', '/api/cases', newCase(on, amount));
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
  let v = 0;
  for (const event of [
    { type: 'verified', on: '2026-10-20', result: 'has_means' },
    { type: 'payment', on: '2026-10-25', obligation: 'o1', amount: 10_000_000 },
    { type: 'completed', on: '2026-11-02' },
  ]) v = (await t.as(enforcer, 'POST', `/api/cases/${ids[0]}/events`, { expectedVersion: v, event })).json().version;
  expect(v).toBe(3);
  const p = await t.as(enforcer, 'POST', `/api/cases/${ids[1]}/events`, { expectedVersion: 0, event: { type: 'payment', on: '2026-11-10', obligation: 'o1', amount: 1_500_000 } });
  expect(p.statusCode, p.body).toBe(201);
  const target = await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, cases: 30, money: 38 });
  expect(target.statusCode, target.body).toBe(200);
}, 120_000);
afterAll(async () => t?.close());

/** The texts of column A of a sheet and every cell's text. */
function sheetTexts(ws: ExcelJS.Worksheet): { all: string[]; names: string[] } {
  const all: string[] = [];
  const names: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    if (cell.value === null || cell.value === '') return;
    all.push(String(cell.value));
    if (/^A\d+$/.test(cell.address)) names.push(String(cell.value));
  }));
  return { all, names };
}

async function workbookOf(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The values of the data row whose first cell is `name`, keyed by column key. */
function rowOf(ws: ExcelJS.Worksheet, kind: 'cases' | 'money', name: string): Record<string, unknown> {
  const layout = formLayout(kind);
  let found: Record<string, unknown> | null = null;
  ws.eachRow((row) => {
    if (row.getCell(1).value !== name) return;
    found = Object.fromEntries(layout.columns.map((k, i) => [k, row.getCell(i + 2).value]));
  });
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

describe('GET /api/statistics/export', () => {
  it('an office: the workbook opens with exceljs, carries the unit in the title and its figures', async () => {
    const r = await t.as(head, 'GET', '/api/statistics/export?unit=TN-KV3&to=2026-11-30&format=xlsx');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers['content-disposition']).toBe('attachment; filename="bao-cao-thads-TN-KV3-2026-11-30.xlsx"');
    const wb = await workbookOf(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_NAMES]);
    const cases = wb.getWorksheet(SHEET_NAMES[0])!;
    const { all, names } = sheetTexts(cases);
    expect(all).toContain(`Đơn vị: ${KV3}`);
    expect(all).toContain('Từ ngày 01/10/2026 đến ngày 30/11/2026');
    expect(names).toContain(KV3);
    expect(rowOf(cases, 'cases', KV3)).toMatchObject({ new: 3, total: 3, completed: 1, in_progress: 2, with_means: 3, rate: 33.33 });
    // Money in thousands of đồng.
    expect(rowOf(wb.getWorksheet(SHEET_NAMES[1])!, 'money', KV3)).toMatchObject({ new: 16_500, completed: 11_500, rate: 69.7 });
    // The preparer is the user who exported.
    expect(all).toContain('Lương Thị Thu Hà');
  });

  it('a province: one row per office (an office without cases shows zeros) and the total', async () => {
    const r = await t.as(province, 'GET', '/api/statistics/export?unit=TN&to=2026-11-30');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="bao-cao-thads-TN-2026-11-30.xlsx"');
    const ws = (await workbookOf(r.rawPayload)).getWorksheet(SHEET_NAMES[0])!;
    const { all, names } = sheetTexts(ws);
    expect(all).toContain(`Đơn vị: ${TN}`);
    expect(names).toEqual(expect.arrayContaining(['Tổng cộng', KV3, 'Phòng THADS TN-KV1']));
    expect(names.indexOf('Tổng cộng')).toBeLessThan(names.indexOf(KV3));
    expect(rowOf(ws, 'cases', 'Tổng cộng')).toMatchObject({ new: 3, completed: 1, rate: 33.33 });
    expect(rowOf(ws, 'cases', 'Phòng THADS TN-KV1')).toMatchObject({ new: 0, total: 0, rate: '—' });
  });

  it('the PDF starts with %PDF', async () => {
    const r = await t.as(province, 'GET', '/api/statistics/export?unit=TN&to=2026-11-30&from=2026-11-01&format=pdf');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('attachment; filename="bao-cao-thads-TN-2026-11-30.pdf"');
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('a past period on paper as on screen (issue #13 item 4)', () => {
  it('TN-KV3 to 30/09/2020: named as the Chi cục it was, addressed to Long An, measured against the target the dashboard shows', async () => {
    const admin = await t.login('admin');
    expect((await t.as(admin, 'PUT', '/api/statistics/targets', { unit: 'LA-CT', fiscalYear: 2020, cases: 80, money: 38 })).statusCode).toBe(200);
    const inForce = (await t.as(head, 'GET', '/api/statistics/target-in-force?unit=TN-KV3&to=2020-09-30')).json();
    expect(inForce.target).toEqual({ cases: 80, money: 38 });
    const r = await t.as(head, 'GET', '/api/statistics/export?unit=TN-KV3&to=2020-09-30&format=xlsx');
    expect(r.statusCode, r.body).toBe(200);
    const wb = await workbookOf(r.rawPayload);
    const { all } = sheetTexts(wb.getWorksheet(SHEET_NAMES[0])!);
    const laCt = (await t.rt.units.byCode('LA-CT'))!;
    const longAn = (await t.rt.units.byId(laCt.parentId!))!;
    expect(all).toContain(`Đơn vị: ${laCt.name} (nay là ${KV3})`);
    expect(all.some((x) => x.includes(longAn.name))).toBe(true);
    expect(all.some((x) => x.includes(TN))).toBe(false);
    // the comparison with the target: 80 and 38, as on the dashboard, not "—"
    const targets = wb.worksheets.flatMap((w) => sheetTexts(w).all);
    expect(targets).toEqual(expect.arrayContaining(['80', '38']));
    // a period the unit itself reported: its own name, its own province
    const now = sheetTexts((await workbookOf((await t.as(head, 'GET', '/api/statistics/export?unit=TN-KV3&to=2026-11-30&format=xlsx')).rawPayload)).getWorksheet(SHEET_NAMES[0])!).all;
    expect(now).toContain(`Đơn vị: ${KV3}`);
  });
});

describe('GET /api/statistics/narrative', () => {
  it('as text: one sentence per fiscal year, the current year up to today', async () => {
    const r = await t.as(head, 'GET', '/api/statistics/narrative?unit=TN-KV3&fromYear=2026&toYear=2027&format=text');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    const text = r.body;
    expect(text).toContain('BÁO CÁO TỔNG KẾT');
    expect(text).toContain('Kết quả thi hành án dân sự giai đoạn 2026 - 2027');
    expect(text).toContain(`Đơn vị: ${KV3}`);
    expect(text).toContain('Năm 2026: Thi hành xong về việc không có việc có điều kiện thi hành');
    expect(text).toContain('Năm 2027 (từ ngày 01/10/2026 đến ngày 20/11/2026): Thi hành xong về việc đạt tỷ lệ 33,33% (vượt 3,33%), về giá trị đạt tỷ lệ 69,70% (vượt 31,70%).');
  });

  it('as .docx: a zip holding the Word document', async () => {
    const r = await t.as(head, 'GET', '/api/statistics/narrative?unit=TN-KV3&fromYear=2027&toYear=2027&format=docx');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers['content-disposition']).toBe('attachment; filename="tong-ket-thads-TN-KV3-2027-2027.docx"');
    const buf = r.rawPayload;
    expect(buf.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(buf.includes(Buffer.from('word/document.xml'))).toBe(true);
  });
});

/** Identifiers of the code a reader must never meet: `(moneyResolved)`, `postponement_grounds`, `stat.key.x`. */
function identifiersIn(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z]+_[a-z_]+\b|\([a-z]+(?:[._][a-zA-Z]+)+\)/g)) found.add(m[0]);
  }
  return [...found];
}

/** Every string of a pdfmake document definition (what the PDF prints). */
function definitionTexts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) definitionTexts(n, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (['text', 'stack', 'table', 'body', 'content', 'columns', 'ul', 'ol'].includes(k) || Array.isArray(v)) definitionTexts(v, out);
  }
  return out;
}

describe('the exports speak Vietnamese', () => {
  it('the workbook, the PDF and the .docx print no identifier of the code; the policies read in words', async () => {
    const xlsx = await t.as(province, 'GET', '/api/statistics/export?unit=TN&to=2026-11-30&format=xlsx');
    const wb = await workbookOf(xlsx.rawPayload);
    const cells = wb.worksheets.flatMap((ws) => sheetTexts(ws).all);
    expect(cells).toContain('Giá trị giải quyết xong về tiền gồm');
    expect(cells).toContain('Các căn cứ hoãn tính vào "Chưa có điều kiện"');
    expect(identifiersIn(cells)).toEqual([]);

    const input = await t.rt.reportExports.formsInput(systemReader('test: the PDF of the forms'), 'TN', '2026-11-30');
    const pdfTexts = definitionTexts(pdfDefinition(input).content);
    expect(pdfTexts).toContain('Giá trị giải quyết xong về tiền gồm');
    expect(identifiersIn(pdfTexts)).toEqual([]);

    const docx = await t.as(head, 'GET', '/api/statistics/narrative?unit=TN-KV3&fromYear=2026&toYear=2027&format=docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(words.join(' ')).toContain('Năm 2027');
    expect(identifiersIn(words)).toEqual([]);
  });

  it('the check itself finds an identifier in parentheses', () => {
    expect(identifiersIn(['Giải quyết xong về tiền (moneyResolved)', 'hoãn (postponementGroundsWithoutMeans)', 'a (stat.key_x)'])).toEqual([
      'moneyResolved', 'postponementGroundsWithoutMeans', '(stat.key_x)',
    ]);
  });
});

describe('parameters and access', () => {
  it('bad parameters are VALIDATION_FAILED naming the field', async () => {
    const cases: [string, string][] = [
      ['export?unit=TN-KV3&to=2026-11-30&format=docx', 'format'],
      ['export?unit=TN-KV3&to=2026-02-30', 'to'],
      ['export?unit=TN-KV3', 'to'],
      ['export?to=2026-11-30', 'unit'],
      ['export?unit=TN-KV3&to=2026-11-30&from=2026-12-01', 'from'],
      ['narrative?unit=TN-KV3&fromYear=2026&toYear=2027&format=pdf', 'format'],
      ['narrative?unit=TN-KV3&fromYear=abc&toYear=2027', 'fromYear'],
      ['narrative?unit=TN-KV3&fromYear=2026', 'toYear'],
      ['narrative?unit=TN-KV3&fromYear=2027&toYear=2026', 'fromYear'],
      ['narrative?unit=TN-KV3&fromYear=2027&toYear=2028', 'toYear'],
    ];
    for (const [q, field] of cases) {
      const r = await t.as(head, 'GET', `/api/statistics/${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code, q).toBe('VALIDATION_FAILED');
      expect(r.json().error.details.map((d: { field: string }) => d.field), q).toContain(field);
    }
  });

  it('a unit outside the scope answers 404, a role without statistics.read 403', async () => {
    for (const [s, q] of [
      [head, 'export?unit=TN&to=2026-11-30'],
      [head, 'narrative?unit=TN&fromYear=2027&toYear=2027'],
      [province, 'export?unit=HN-KV1&to=2026-11-30&format=pdf'],
      [province, 'narrative?unit=HN-KV1&fromYear=2027&toYear=2027&format=docx'],
      [head, 'export?unit=KHONG-CO&to=2026-11-30'],
    ] as const) {
      const r = await t.as(s, 'GET', `/api/statistics/${q}`);
      expect(r.statusCode, q).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await t.as(mobilisation, 'GET', '/api/statistics/export?unit=TN-KV3&to=2026-11-30')).statusCode).toBe(403);
    expect((await t.as(null, 'GET', '/api/statistics/narrative?unit=TN-KV3&fromYear=2027&toYear=2027')).statusCode).toBe(401);
  });
});
