import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay } from '../../src/modules/cases/domain/case-ledger.js';
import { SYSTEM_CONTEXT } from '../../src/platform/audit/audit-log.js';
import { createEmptyTestDatabase } from '../support/empty-db.js';
import { exportText, fixture, importFiles, readLines, services, snapshot, writeLines } from '../support/interchange-helpers.js';
import type { TestDatabase } from '../support/test-db.js';

/**
 * `thads import` rules (interchange.md): all or nothing with every problem named by file, line and field;
 * references across files and the database; the domain's rules for every case; idempotency and the
 * prefix-append rule for cases already in the database.
 */
let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createEmptyTestDatabase();
});
afterEach(async () => tdb.drop());

const FULL = readLines(fixture('full.jsonl'));
const REFERENCES = FULL.filter((l) => !l.startsWith('{"type":"case"'));
const caseLine = (over: Record<string, unknown> = {}) => ({
  type: 'case', id: 'LA-CT-2016-00010', office: 'LA-CT', decision: { number: '10/QĐ-CCTHADS', date: '2016-03-01' }, accepted_on: '2016-03-01',
  initiation: 'ex_officio', category: 'dan_su', judgment: { number: '10/2016/DS-ST', date: '2016-01-20', court: 'TAND huyện Châu Thành' },
  commune: '27901', enforcer: 'LA-CT-01', parties: [{ role: 'obligor', kind: 'person', name: 'Trần Văn Bình', id_number: null, address: null }],
  obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Bồi thường', amount: 5_000_000 }],
  events: [{ type: 'verified', on: '2016-03-10', result: 'has_means' }, { type: 'payment', on: '2016-04-01', obligation: 'o1', amount: 2_000_000 }],
  ...over,
});

describe('import of the fixture into an empty database', () => {
  it('creates offices, communes, enforcers, targets and cases with exact amounts and projections', async () => {
    const r = await importFiles(tdb.db, [fixture('full.jsonl')]);
    expect(r.issueLines).toEqual([]);
    expect(r.ok && r.counts).toMatchObject({ offices: 5, communes: 3, enforcers: 3, targets: 2, casesCreated: 6, casesUpdated: 0, eventsWritten: 36, skipped: 0 });
    const cases = await tdb.db.selectFrom('cases as c').innerJoin('units as u', 'u.id', 'c.holding_office_id')
      .select(['c.id', 'c.status', 'c.outstanding', 'c.total_amount', 'c.version', 'u.code']).orderBy('c.id').execute();
    expect(cases.map((c) => [c.id, c.status, c.code, c.version])).toEqual([
      ['LA-CT-2016-0001', 'completed', 'LA-CT', 5], ['LA-CT-2017-00002', 'terminated', 'TN-KV3', 21], ['LA-CT-2018-00003', 'transferred_out', 'LA-CT', 5],
      ['LA-CT-2024-00004', 'request_returned', 'TN-KV3', 4], ['TN-KV3-2026-00001', 'withdrawn', 'TN-KV3', 1], ['TN-KV3-2026-00002', 'pending_verification', 'TN-KV3', 0],
    ]);
    // The name search indexes every imported case under its holding office (after office changes).
    const terms = await sql<{ case_id: string; office: number; names: string }>`
      SELECT DISTINCT t.case_id, t.holding_office_id AS office, t.names FROM case_search_terms t ORDER BY t.case_id`.execute(tdb.db);
    const holding = await tdb.db.selectFrom('cases').select(['id', 'holding_office_id', 'search_names']).orderBy('id').execute();
    expect(terms.rows).toEqual(holding.map((c) => ({ case_id: c.id, office: c.holding_office_id, names: c.search_names })));
    expect(holding.every((c) => c.search_names !== '')).toBe(true);
    for (const c of cases) {
      // The stored state is what the case service reads back: the replay of the effective events.
      const h = (await services(tdb.db).cases.effectiveHistory(c.id))!;
      const r = replay(h.facts, h.events);
      expect(r.ok && r.value).toEqual(h.state);
    }
    const big = cases.find((c) => c.id === 'LA-CT-2018-00003')!;
    expect(big.total_amount).toBe(9_007_199_254_740_993n);
    expect(big.outstanding).toBe(9_007_199_253_740_993n);
    const communes = await tdb.db.selectFrom('communes as c').innerJoin('units as u', 'u.id', 'c.office_id').select(['c.code', 'c.valid_to', 'u.code as office']).orderBy('c.code').execute();
    expect(communes).toEqual([
      { code: '27901', valid_to: '2025-06-30', office: 'LA-CT' }, { code: '28210', valid_to: null, office: 'TN-KV3' }, { code: '99001', valid_to: null, office: 'TN-KV3' },
    ]);
    const enforcers = await tdb.db.selectFrom('enforcers').select(['code', 'active']).orderBy('code').execute();
    expect(enforcers).toEqual([{ code: 'LA-CT-01', active: false }, { code: 'LA-CT-02', active: false }, { code: 'TN-KV3-01', active: true }]);
    const audit = await tdb.db.selectFrom('audit_log').select(['action', 'after']).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import.completed', after: { casesCreated: 6, eventsWritten: 36 } });
  });

  it('raises the case counters, so that a case created afterwards gets a new id', async () => {
    await importFiles(tdb.db, [fixture('full.jsonl')]);
    const created = await services(tdb.db).cases.create(SYSTEM_CONTEXT, {
      facts: {
        office: 'LA-CT', decision: { number: '99/QĐ', date: '2017-05-02' }, acceptedOn: '2017-05-02', initiation: 'ex_officio', category: 'dan_su',
        judgment: { number: '1/2017/DS-ST', date: '2017-04-01', court: 'TAND' }, commune: null, enforcer: null,
        parties: [{ role: 'obligor', kind: 'person', name: 'A', idNumber: null, address: null }],
        obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Nợ', amount: 1000n }],
      },
    });
    expect(created.id).toBe('LA-CT-2017-00003');
  });

  it('changes nothing when the same file is imported again (not even the audit trail)', async () => {
    await importFiles(tdb.db, [fixture('full.jsonl')]);
    const before = await snapshot(tdb.db);
    const again = await importFiles(tdb.db, [fixture('full.jsonl')]);
    expect(again.ok && again.counts).toMatchObject({ offices: 0, communes: 0, enforcers: 0, targets: 0, casesCreated: 0, casesUpdated: 0, eventsWritten: 0, skipped: 19 });
    expect(await snapshot(tdb.db)).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('writes nothing when one case among good ones is bad, and names file, line and field of every problem', async () => {
    const good = writeLines([...REFERENCES, caseLine({ id: 'LA-CT-2016-00011' }), caseLine({ id: 'LA-CT-2016-00012' })], 'good.jsonl');
    const bad = writeLines([
      caseLine({ id: 'LA-CT-2016-00013' }),
      caseLine({ id: 'LA-CT-2016-00014', events: [{ type: 'verified', on: '2016-03-10', result: 'has_means' }, { type: 'payment', on: '2016-04-01', obligation: 'o1', amount: 6_000_000 }] }),
      caseLine({ id: 'LA-CT-2016-00015', obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Nợ', amount: 1500.5 }] }),
      caseLine({ id: 'LA-CT-2016-00016', obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Nợ', amount: '1.500.000' }] }),
      caseLine({ id: 'LA-CT-2016-00017', obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Nợ', amount: -5 }] }),
      caseLine({ id: 'LA-CT-2016-00011' }),
      caseLine({ id: 'LA-CT-2016-00018', events: [{ type: 'verified', on: '2016-03-10', result: 'has_means' }, { type: 'payment', on: '2016-03-05', obligation: 'o1', amount: 1 }] }),
      caseLine({ id: 'LA-CT-2016-00019', office: 'XX-KV9', commune: '00000', events: [{ type: 'enforcer_assigned', on: '2016-03-02', enforcer: 'XX-01' }, { type: 'office_changed', on: '2016-03-03', to: 'LA' }] }),
      '{"type":"case", "id": ',
      { type: 'tribunal', code: 'X' },
      '{"type":"case","id":"LA-CT-2016-00020","office":"LA-CT","decision":{"number":"1","date":"2016-03-01"},"accepted_on":"2016-03-01","initiation":"ex_officio","category":"dan_su","judgment":{"number":"1","date":"2016-01-01","court":"T"},"parties":[{"role":"obligor","kind":"person","name":"A"}],"obligations":[{"id":"o1","kind":"money","beneficiary":"party","label":"N","amount":2.0e6}]}',
      caseLine({ id: 'LA-CT-2016-00021', accepted_on: '2015-12-01', events: [{ type: 'withdrawn', on: '2016-03-02' }, { type: 'postponed', on: '2016-03-03', ground: 'Điều 48' }] }),
    ], 'bad.jsonl');
    const before = await snapshot(tdb.db);
    const r = await importFiles(tdb.db, [good, bad]);
    expect(r.ok).toBe(false);
    expect(r.issueLines).toEqual([
      'bad.jsonl:2: events[1].amount: Số tiền 6.000.000 đ vượt số còn phải thi hành 5.000.000 đ của khoản "Bồi thường".',
      'bad.jsonl:3: obligations[0].amount: Số tiền phải là số nguyên đồng, không có phần thập phân hay số mũ (1500.5).',
      'bad.jsonl:4: obligations[0].amount: Số tiền phải là số nguyên JSON, không phải chuỗi ("1.500.000"): viết 1500000, không viết "1.500.000".',
      'bad.jsonl:5: obligations[0].amount: Số tiền không được âm (-5).',
      'bad.jsonl:6: id: Mã việc "LA-CT-2016-00011" trùng với việc ở ' + `${good}:${REFERENCES.length + 1}.`,
      'bad.jsonl:7: events[1].on: Ngày 05/03/2016 trước sự kiện gần nhất (10/03/2016); sự kiện phải ghi theo thứ tự ngày.',
      'bad.jsonl:8: office: Không có đơn vị mã "XX-KV9" trong tệp hay trong cơ sở dữ liệu.',
      'bad.jsonl:8: commune: Không có xã/phường mã "00000" trong tệp hay trong cơ sở dữ liệu.',
      'bad.jsonl:8: events[0].enforcer: Không có chấp hành viên mã "XX-01" trong tệp hay trong cơ sở dữ liệu.',
      'bad.jsonl:8: events[1].to: "LA" không phải cơ quan THADS cấp khu vực/huyện.',
      expect.stringMatching(/^bad\.jsonl:9: : Dòng không phải JSON hợp lệ/),
      'bad.jsonl:10: type: Loại bản ghi không hợp lệ "tribunal"; chọn một trong: office, commune, enforcer, target, case, mobilisation_team, mobilisation_assignment, campaign.',
      'bad.jsonl:11: obligations[0].amount: Số tiền phải là số nguyên đồng, không có phần thập phân hay số mũ (2.0e6).',
      'bad.jsonl:12: accepted_on: Ngày thụ lý (01/12/2015) trước ngày bản án (20/01/2016).',
      'bad.jsonl:12: events[1].type: Việc đã kết thúc (Thu hồi / hủy QĐTHA); không thể ghi thêm "Hoãn thi hành".',
    ]);
    expect(await snapshot(tdb.db)).toEqual(before);
  });

  it('reports schema problems in Vietnamese with the path of the field', async () => {
    const file = writeLines([
      ...REFERENCES,
      caseLine({ initiation: 'tu_dong', parties: [{ role: 'obligor', kind: 'person', name: '' }], extra: 1 }),
      caseLine({ id: 'LA-CT-2016-00030', events: [{ type: 'paid', on: '2016-03-10' }, { type: 'payment', on: '2016-13-01', obligation: 'o1' }] }),
      { type: 'office', code: 'QX', name: 'X', level: 'office', parent: null, valid_from: '2020-01-01', valid_to: '2019-01-01' },
      { ...(JSON.parse(REFERENCES[1]!) as object), name: 'Tên khác' },
    ]);
    const r = await importFiles(tdb.db, [file]);
    const l = REFERENCES.length;
    expect(r.issueLines.map((s) => s.replace(/^f\d+\.jsonl/, 'f'))).toEqual([
      `f:${l + 1}: initiation: Giá trị không hợp lệ "tu_dong"; chọn một trong: ex_officio, on_request.`,
      `f:${l + 1}: parties[0].name: Không được để trống.`,
      `f:${l + 1}: : Trường không có trong định dạng: extra.`,
      `f:${l + 2}: events[0].type: Loại không hợp lệ "paid"; chọn một trong: enforcer_assigned, verified, no_means_decided, resumed, postponed, suspended, other_status, payment, performed, reduced, disbursed, coercion_decided, distrained, auctioned, completed, terminated, transferred_out, withdrawn, separate_ledger, request_returned, office_changed.`,
      `f:${l + 2}: events[1].on: Ngày không tồn tại.`,
      `f:${l + 2}: events[1].amount: Thiếu số tiền.`,
      `f:${l + 3}: parent: Đơn vị cấp khu vực/huyện cần đơn vị cấp trên (cấp tỉnh).`,
      `f:${l + 3}: valid_to: Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.`,
      expect.stringMatching(new RegExp(`^f:${l + 4}: code: Đơn vị "VN" đã khai ở .*f\\d+\\.jsonl:2 với nội dung khác\\.$`)),
    ]);
  });
});

describe('references across files and the database', () => {
  it('resolves offices, communes and enforcers defined in another file or already in the database', async () => {
    const refs = writeLines(REFERENCES, 'refs.jsonl');
    const cases = writeLines([caseLine(), caseLine({ id: 'LA-CT-2016-00040', events: [{ type: 'enforcer_assigned', on: '2016-03-02', enforcer: 'TN-KV3-01' }] })], 'cases.jsonl');
    expect((await importFiles(tdb.db, [cases, refs])).issueLines).toEqual([]);
    const later = writeLines([caseLine({ id: 'LA-CT-2016-00041', commune: '99001' })], 'later.jsonl');
    const r = await importFiles(tdb.db, [later]);
    expect(r.ok && r.counts.casesCreated).toBe(1);
  });

  it('attaches a province without parent to the only national unit', async () => {
    const file = writeLines([
      { type: 'office', code: 'VN', name: 'Cục Quản lý THADS', level: 'national', parent: null, valid_from: '2009-07-01', valid_to: null },
      { type: 'office', code: 'LA', name: 'Cục THADS tỉnh Long An', level: 'province', parent: null, valid_from: '2009-07-01', valid_to: '2025-06-30' },
    ]);
    expect((await importFiles(tdb.db, [file])).issueLines).toEqual([]);
    const la = await tdb.db.selectFrom('units as u').innerJoin('units as p', 'p.id', 'u.parent_id').select('p.code').where('u.code', '=', 'LA').executeTakeFirst();
    expect(la?.code).toBe('VN');
  });
});

describe('cases already in the database', () => {
  const settled = [
    { type: 'verified', on: '2016-03-10', result: 'has_means' }, { type: 'payment', on: '2016-04-01', obligation: 'o1', amount: 2_000_000 },
    { type: 'payment', on: '2016-05-02', obligation: 'o1', amount: 3_000_000 }, { type: 'completed', on: '2016-05-02' },
  ];

  it('appends the new events when the stored ones are a prefix of the file\'s, and refuses anything else', async () => {
    await importFiles(tdb.db, [writeLines([...REFERENCES, caseLine()])]);
    const longer = writeLines([caseLine({ events: settled })], 'longer.jsonl');
    const r = await importFiles(tdb.db, [longer]);
    expect(r.ok && r.counts).toMatchObject({ casesCreated: 0, casesUpdated: 1, eventsWritten: 2 });
    const c = await tdb.db.selectFrom('cases').select(['status', 'outstanding', 'version']).where('id', '=', 'LA-CT-2016-00010').executeTakeFirstOrThrow();
    expect(c).toEqual({ status: 'completed', outstanding: 0n, version: 4 });
    const o = await tdb.db.selectFrom('case_obligations').select(['paid', 'outstanding']).executeTakeFirstOrThrow();
    expect(o).toEqual({ paid: 5_000_000n, outstanding: 0n });
    expect((await exportText(tdb.db)).split('\n').filter((l) => l.includes('"LA-CT-2016-00010"'))).toEqual([readLines(longer)[0]]);
    expect((await importFiles(tdb.db, [longer])).ok).toBe(true);

    const before = await snapshot(tdb.db);
    const shorter = await importFiles(tdb.db, [writeLines([caseLine()], 'shorter.jsonl')]);
    const changed = await importFiles(tdb.db, [writeLines([caseLine({ events: [...settled.slice(0, 2), { ...settled[2], amount: 2_999_999 }] })], 'changed.jsonl')]);
    const facts = await importFiles(tdb.db, [writeLines([caseLine({ decision: { number: '11/QĐ-CCTHADS', date: '2016-03-01' }, events: settled })], 'facts.jsonl')]);
    expect([...shorter.issueLines, ...changed.issueLines, ...facts.issueLines]).toEqual([
      'shorter.jsonl:1: events: Cơ sở dữ liệu đã có 4 sự kiện cho việc "LA-CT-2016-00010", tệp chỉ có 2; nhập tệp không xóa được sự kiện (hãy dùng bút toán đảo).',
      'changed.jsonl:1: events[2]: Sự kiện khác với sự kiện thứ 3 đã ghi trong cơ sở dữ liệu ({"type":"payment","on":"2016-05-02","obligation":"o1","amount":3000000}); chỉ được bổ sung sự kiện mới vào cuối.',
      'facts.jsonl:1: decision: Việc "LA-CT-2016-00010" đã có trong cơ sở dữ liệu với thông tin khác (decision); không thể nhập đè.',
    ]);
    expect(await snapshot(tdb.db)).toEqual(before);
  });

  it('compares with the effective events: a reversed event is not part of the stored history', async () => {
    await importFiles(tdb.db, [writeLines([...REFERENCES, caseLine()])]);
    await tdb.db.insertInto('case_events').values({ case_id: 'LA-CT-2016-00010', seq: 3, type: 'reversal', on: '2016-04-02', data: '{"reason":"nhầm số tiền"}', reverses_seq: 2 }).execute();
    await tdb.db.updateTable('cases').set({ version: 3 }).where('id', '=', 'LA-CT-2016-00010').execute();
    expect(JSON.parse((await exportText(tdb.db)).split('\n').find((l) => l.includes('"LA-CT-2016-00010"'))!).events).toEqual([settled[0]]);
    const r = await importFiles(tdb.db, [writeLines([caseLine({ events: settled })])]);
    expect(r.ok && r.counts).toMatchObject({ casesUpdated: 1, eventsWritten: 3 });
    const seqs = await tdb.db.selectFrom('case_events').select(['seq', 'type']).where('case_id', '=', 'LA-CT-2016-00010').orderBy('seq').execute();
    expect(seqs.map((e) => `${e.seq}:${e.type}`)).toEqual(['1:verified', '2:payment', '3:reversal', '4:payment', '5:payment', '6:completed']);
  });

  it('refuses other content for an existing office or enforcer, but lets a file close an office', async () => {
    await importFiles(tdb.db, [fixture('full.jsonl')]);
    const tn = JSON.parse(REFERENCES.find((l) => l.includes('"code":"TN-KV3"'))!) as Record<string, unknown>;
    const r = await importFiles(tdb.db, [writeLines([{ ...tn, name: 'Phòng khác' }, { type: 'enforcer', code: 'LA-CT-01', name: 'Nguyễn Văn Ân', office: 'LA-CT' }], 'conflict.jsonl')]);
    expect(r.issueLines).toEqual([
      'conflict.jsonl:1: code: Đơn vị "TN-KV3" đã có trong cơ sở dữ liệu với nội dung khác (name: "Phòng Thi hành án dân sự khu vực 3 – Tây Ninh" ≠ "Phòng khác"); chỉ được bổ sung valid_to và successor còn trống.',
      'conflict.jsonl:2: code: Chấp hành viên "LA-CT-01" đã có trong cơ sở dữ liệu với nội dung khác (Nguyễn Văn An, LA-CT).',
    ]);
    const newer = { type: 'office', code: 'TN-KV9', name: 'Phòng mới', level: 'office', parent: 'TN', valid_from: '2027-01-01', valid_to: null };
    const closed = await importFiles(tdb.db, [writeLines([{ ...tn, valid_to: '2026-12-31', successor: 'TN-KV9' }, newer])]);
    expect(closed.ok && closed.counts.offices).toBe(2);
    const row = await tdb.db.selectFrom('units as u').innerJoin('units as s', 's.id', 'u.successor_id').select(['u.valid_to', 's.code']).where('u.code', '=', 'TN-KV3').executeTakeFirst();
    expect(row).toEqual({ valid_to: '2026-12-31', code: 'TN-KV9' });
  });
});

describe('export of one office', () => {
  it('writes the office\'s scope and the units it needs, and imports into an empty database', async () => {
    await importFiles(tdb.db, [fixture('full.jsonl')]);
    const text = await exportText(tdb.db, 'TN-KV3');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { type: string; code?: string; id?: string });
    // TN-KV3 succeeds LA-CT: its scope holds the former office and the cases moved to it.
    expect(lines.filter((l) => l.type === 'office').map((l) => l.code)).toEqual(['VN', 'LA', 'TN', 'LA-CT', 'TN-KV3']);
    expect(lines.filter((l) => l.type === 'case')).toHaveLength(6);
    const la = (await exportText(tdb.db, 'LA')).trim().split('\n').map((l) => JSON.parse(l) as { type: string; code?: string; office?: string });
    expect(la.filter((l) => l.type === 'target').map((l) => l.office)).toEqual(['LA-CT']);
    const other = await createEmptyTestDatabase();
    try {
      const r = await importFiles(other.db, [writeLines(text.trim().split('\n'))]);
      expect(r.issueLines).toEqual([]);
      expect(await exportText(other.db, 'TN-KV3')).toBe(text);
    } finally {
      await other.drop();
    }
    await expect(exportText(tdb.db, 'KHONG-CO')).rejects.toThrow();
  });
});
