import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import type { Db } from '../../src/platform/db/database.js';
import { createEmptyTestDatabase } from '../support/empty-db.js';
import { canonicalSet, exportText, importFiles, services, writeLines } from '../support/interchange-helpers.js';
import type { TestDatabase } from '../support/test-db.js';

/**
 * The mobilisation records of the interchange (docs/interchange.md): teams with members, assignments with
 * visits and instalments, campaigns (a closed one with its frozen figures). Round trip: import → export →
 * import into an empty database gives the same rows and the same mobilisation results; a re-import writes
 * nothing; every rule of the API refuses its bad input with file, line, field and message, nothing written.
 * Today is 27/11/2026 (interchange-helpers).
 */
const REFERENCES = [
  { type: 'office', code: 'VN', name: 'Cục Quản lý thi hành án dân sự', level: 'national', parent: null, valid_from: '2009-07-01', valid_to: null },
  { type: 'office', code: 'LA', name: 'Cục THADS tỉnh Long An', level: 'province', parent: 'VN', valid_from: '2009-07-01', valid_to: '2025-06-30', successor: 'TN' },
  { type: 'office', code: 'TN', name: 'THADS tỉnh Tây Ninh', level: 'province', parent: 'VN', valid_from: '2025-07-01', valid_to: null },
  { type: 'office', code: 'LA-CT', name: 'Chi cục THADS huyện Châu Thành', level: 'office', parent: 'LA', valid_from: '2009-07-01', valid_to: '2025-06-30', successor: 'TN-KV3' },
  { type: 'office', code: 'TN-KV3', name: 'Phòng THADS khu vực 3', level: 'office', parent: 'TN', valid_from: '2025-07-01', valid_to: null },
  { type: 'enforcer', code: 'LA-CT-01', name: 'Nguyễn Văn An', office: 'LA-CT' },
  { type: 'commune', code: '27901', name: 'Thị trấn Tầm Vu', office: 'LA-CT' },
  { type: 'commune', code: '27904', name: 'Xã Mỹ Thạnh Bắc', office: 'LA-CT' },
  { type: 'commune', code: '28210', name: 'Xã Tầm Vu', office: 'TN-KV3' },
];

const caseLine = (id: string, events: object[]) => ({
  type: 'case', id, office: 'LA-CT', decision: { number: `${id.slice(-2)}/QĐ-CCTHADS`, date: '2016-03-01' }, accepted_on: '2016-03-01',
  initiation: 'ex_officio', category: 'dan_su', judgment: { number: '10/2016/DS-ST', date: '2016-01-20', court: 'TAND huyện Châu Thành' },
  commune: '27901', enforcer: 'LA-CT-01', parties: [{ role: 'obligor', kind: 'person', name: 'Trần Văn Bình', id_number: '080090001234', address: 'ấp 3, Tầm Vu' }],
  obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Bồi thường', amount: 5_000_000 }],
  events,
});
const CASES = [
  caseLine('LA-CT-2016-00010', [
    { type: 'verified', on: '2016-03-10', result: 'has_means' }, { type: 'payment', on: '2016-04-20', obligation: 'o1', amount: 2_000_000 },
    { type: 'payment', on: '2016-05-18', obligation: 'o1', amount: 3_000_000 }, { type: 'completed', on: '2016-05-18' },
  ]),
  caseLine('LA-CT-2016-00011', [{ type: 'verified', on: '2016-03-10', result: 'has_means' }, { type: 'payment', on: '2016-06-10', obligation: 'o1', amount: 1_000_000 }]),
];
const TEAM_ID = 'LA-CT/27901/2015-03-02';
const team = (over: Record<string, unknown> = {}) => ({
  type: 'mobilisation_team', id: TEAM_ID, office: 'LA-CT', commune: '27901', name: 'Tổ vận động THADS thị trấn Tầm Vu',
  decision: { number: '12/QĐ-UBND', date: '2015-02-20', signer: 'Chủ tịch UBND huyện Châu Thành' }, valid_from: '2015-03-02', valid_to: '2025-06-30',
  members: [
    { key: 'to-truong', name: 'Lê Văn Tư', organisation: 'ubnd_xa', role: 'leader', phone: '0912345678', valid_from: '2015-03-02', valid_to: null },
    { key: 'mttq', name: 'Phạm Thị Lan', organisation: 'mttq', role: 'deputy', phone: null, valid_from: '2015-03-02', valid_to: '2018-12-31' },
    { key: 'ap-3', name: 'Võ Văn Năm', organisation: 'truong_ap', role: 'member', phone: null, valid_from: '2017-01-01', valid_to: null },
  ],
  ...over,
});
const visit = (over: Record<string, unknown> = {}) => ({ on: '2016-04-01', place: 'home', outcome: 'refused', members: ['to-truong'], paid_on_spot: null, notes: null, instalments: [], ...over });
const assignmentA = (over: Record<string, unknown> = {}) => ({
  type: 'mobilisation_assignment', case: 'LA-CT-2016-00010', team: TEAM_ID, from: '2016-03-15', to: '2016-05-18', ended_reason: 'case_closed', coercion_planned_on: null,
  visits: [
    visit({ on: '2016-03-20', outcome: 'not_home' }),
    visit({ on: '2016-04-01', outcome: 'agreed', members: ['mttq', 'to-truong'], notes: 'Hứa trả hai kỳ', instalments: [{ due: '2016-04-20', amount: 2_000_000 }, { due: '2016-05-20', amount: 3_000_000 }] }),
  ],
  ...over,
});
const assignmentB = (over: Record<string, unknown> = {}) => ({
  type: 'mobilisation_assignment', case: 'LA-CT-2016-00011', team: TEAM_ID, from: '2016-06-01', to: null, ended_reason: null, coercion_planned_on: '2016-06-01',
  visits: [visit({ on: '2016-06-10', place: 'commune_office', outcome: 'paid_on_spot', paid_on_spot: 1_000_000 }), visit({ on: '2016-07-01' })],
  ...over,
});
const campaign = (over: Record<string, unknown> = {}) => ({
  type: 'campaign', id: 'LA-CT/cao-diem-2016', name: 'Đợt cao điểm thi hành án năm 2016', decision: { number: '45/QĐ-CCTHADS', date: '2016-03-25', signer: 'Chi cục trưởng' },
  decided_by: 'office', unit: 'LA-CT', from: '2016-04-01', to: '2016-06-30', targets: { cases: 2, money: 8_000_000, cases_rate: 72.5, money_rate: null },
  cases: [{ case: 'LA-CT-2016-00011', reason: 'long_pending', note: 'Tồn đọng' }],
  participants: [{ team: TEAM_ID, role: 'Tổ vận động' }, { enforcer: 'LA-CT-01', role: 'Chấp hành viên' }, { unit: 'LA-CT', role: 'Chủ trì' }],
  status: 'open', closed_at: null, closing_snapshot: null,
  ...over,
});
const BASE = [...REFERENCES, ...CASES, team()];
const FILE = [...BASE, assignmentA(), assignmentB(), campaign()];

/** The mobilisation tables with row ids replaced by what they stand for (team and member keys, case ids, dates). */
async function contents(db: Db) {
  const q = async (text: ReturnType<typeof sql>) => (await text.execute(db)).rows;
  return {
    teams: await q(sql`SELECT t.external_id, u.code AS office, c.code AS commune, c.valid_to AS commune_to, t.name, t.decision_number, t.decision_date::text, t.decision_signer,
        t.valid_from::text, t.valid_to::text FROM mobilisation_teams t JOIN units u ON u.id = t.office_id JOIN communes c ON c.id = t.commune_id ORDER BY 1`),
    members: await q(sql`SELECT t.external_id AS team, m.seq, m.external_id, m.name, m.organisation, m.role, m.phone, m.valid_from::text, m.valid_to::text
        FROM mobilisation_team_members m JOIN mobilisation_teams t ON t.id = m.team_id ORDER BY 1, 2`),
    assignments: await q(sql`SELECT a.case_id, t.external_id AS team, a.from_on::text, a.to_on::text, a.ended_reason, a.coercion_planned_on::text
        FROM mobilisation_assignments a JOIN mobilisation_teams t ON t.id = a.team_id ORDER BY 1, 3`),
    visits: await q(sql`SELECT v.case_id, a.from_on::text AS assigned, t.external_id AS team, v."on"::text, v.place, v.outcome, v.paid_on_spot::text, v.notes,
        (SELECT string_agg(m.external_id, ',' ORDER BY m.seq) FROM mobilisation_visit_members vm JOIN mobilisation_team_members m ON m.id = vm.member_id WHERE vm.visit_id = v.id) AS members,
        (SELECT string_agg(i.due::text || ':' || i.amount, ',' ORDER BY i.seq) FROM mobilisation_instalments i WHERE i.visit_id = v.id) AS instalments
        FROM mobilisation_visits v JOIN mobilisation_assignments a ON a.id = v.assignment_id JOIN mobilisation_teams t ON t.id = v.team_id ORDER BY 1, 4`),
    campaigns: await q(sql`SELECT c.external_id, c.name, c.decision_number, c.decided_by, u.code AS unit, c.from_on::text, c.to_on::text, c.target_cases, c.target_money::text,
        c.target_cases_rate::text, c.target_money_rate::text, c.status, c.closed_at, c.closing_snapshot->'totals' AS totals, c.closing_snapshot->'leaderboards'->'office' AS by_office
        FROM campaigns c JOIN units u ON u.id = c.scope_unit_id ORDER BY 1`),
    named: await q(sql`SELECT c.external_id, n.case_id, n.reason, n.note FROM campaign_cases n JOIN campaigns c ON c.id = n.campaign_id ORDER BY 1, 2`),
    participants: await q(sql`SELECT c.external_id, u.code AS unit, t.external_id AS team, p.enforcer_code, p.role FROM campaign_participants p
        JOIN campaigns c ON c.id = p.campaign_id LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN mobilisation_teams t ON t.id = p.team_id ORDER BY 1, 5`),
  };
}

/** Row counts of every table an import may write (equal before and after: nothing written). */
async function counts(db: Db) {
  const r = await sql<Record<string, bigint>>`SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events,
      (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM mobilisation_teams) AS teams, (SELECT count(*) FROM mobilisation_team_members) AS members,
      (SELECT count(*) FROM mobilisation_assignments) AS assignments, (SELECT count(*) FROM mobilisation_visits) AS visits, (SELECT count(*) FROM mobilisation_instalments) AS instalments,
      (SELECT count(*) FROM campaigns) AS campaigns, (SELECT count(*) FROM campaign_cases) AS named, (SELECT count(*) FROM campaign_participants) AS participants,
      (SELECT count(*) FROM mobilisation_assignments WHERE to_on IS NOT NULL) AS ended, (SELECT count(*) FROM campaigns WHERE status = 'closed') AS closed`.execute(db);
  return r.rows[0]!;
}

/** The mobilisation results of LA-CT for fiscal year 2016, without the row ids of teams (they differ between databases). */
async function results(db: Db) {
  const out: unknown[] = [];
  for (const by of ['team', 'commune', 'enforcer'] as const) {
    const r = await services(db).mobilisationResults.results(systemReader('test'), { unit: 'LA-CT', from: '2015-10-01', to: '2016-09-30', by });
    out.push({ total: r.total.figures, official: r.official, rows: r.rows.map((x) => ({ label: x.label, figures: x.figures, share: x.share, key: by === 'team' ? null : x.key })) });
  }
  return out;
}

describe('round trip of the mobilisation records', () => {
  let one: TestDatabase;
  let two: TestDatabase;
  beforeAll(async () => {
    [one, two] = await Promise.all([createEmptyTestDatabase(), createEmptyTestDatabase()]);
  });
  afterAll(async () => Promise.all([one.drop(), two.drop()]));

  it('imports, exports and re-imports into an empty database with the same rows, results and frozen figures', async () => {
    const first = await importFiles(one.db, [writeLines(FILE)]);
    expect(first.issueLines).toEqual([]);
    expect(first.ok && first.counts).toMatchObject({ casesCreated: 2, teams: 1, assignments: 2, visitsWritten: 4, campaigns: 1 });
    // The campaign is closed in the application: its figures are frozen with the team's row id as key.
    const [{ id }] = (await sql<{ id: string }>`SELECT id::text AS id FROM campaigns`.execute(one.db)).rows as [{ id: string }];
    await services(one.db).campaigns.closeForSystem(systemReader('test'), id);

    const exported = (await exportText(one.db)).trim().split('\n');
    const records = exported.map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
    expect(records.filter((r) => r.type === 'mobilisation_team').map((r) => r.id)).toEqual([TEAM_ID]);
    expect(records.filter((r) => r.type === 'mobilisation_assignment')).toHaveLength(2);
    const closed = records.find((r) => r.type === 'campaign') as unknown as { status: string; closing_snapshot: { leaderboards: { team: { key: string | null }[] } } };
    expect(closed.status).toBe('closed');
    // In the file the frozen team rows name the team by its key, not by a row id of this database.
    expect(closed.closing_snapshot.leaderboards.team.map((r) => r.key)).toContain(TEAM_ID);
    // The records after the cases: the export's order.
    expect(records.findIndex((r) => r.type === 'mobilisation_team')).toBeGreaterThan(records.findLastIndex((r) => r.type === 'case'));
    // What was imported comes back as written (the campaign now closed).
    const again = (t: string) => exported.filter((l) => l.includes(`"type":"${t}"`));
    expect(canonicalSet(again('mobilisation_team'))).toEqual(canonicalSet([JSON.stringify(team())]));
    expect(canonicalSet(again('mobilisation_assignment'))).toEqual(canonicalSet([assignmentA(), assignmentB()].map((a) => JSON.stringify(a)).map((l) => l.replace('"members":["mttq","to-truong"]', '"members":["to-truong","mttq"]'))));

    const second = await importFiles(two.db, [writeLines(exported)]);
    expect(second.issueLines).toEqual([]);
    expect(await contents(two.db)).toEqual(await contents(one.db));
    expect(await results(two.db)).toEqual(await results(one.db));
    const r1 = await results(one.db);
    expect(r1[0]).toMatchObject({ total: { visits: 4 } });
    // The frozen leaderboard by team reads the same, keyed by each database's own team row.
    const board = async (db: Db) => {
      const [{ id: cid }] = (await sql<{ id: string }>`SELECT id::text AS id FROM campaigns`.execute(db)).rows as [{ id: string }];
      const b = await services(db).campaigns.leaderboard(systemReader('test'), cid, 'team');
      return { frozen: b.frozen, total: b.total, rows: b.rows.map((r) => ({ label: r.label, cases: r.casesResolved, money: r.moneyResolved })) };
    };
    expect(await board(two.db)).toEqual(await board(one.db));
    expect((await board(two.db)).frozen).toBe(true);
    expect(canonicalSet((await exportText(two.db)).trim().split('\n'))).toEqual(canonicalSet(exported));

    // Importing the same file again writes nothing, not even an audit row.
    const before = await counts(two.db);
    const third = await importFiles(two.db, [writeLines(exported)]);
    expect(third.issueLines).toEqual([]);
    expect(third.ok && third.counts).toMatchObject({ teams: 0, assignments: 0, visitsWritten: 0, campaigns: 0, casesCreated: 0 });
    expect(await counts(two.db)).toEqual(before);
  }, 120_000);

  it('exports with --office the records of that office only', async () => {
    expect((await exportText(one.db, 'LA-CT')).split('\n').filter((l) => /"type":"(mobilisation_team|mobilisation_assignment|campaign)"/.test(l))).toHaveLength(4);
    expect((await exportText(one.db, 'TN')).split('\n').filter((l) => /"type":"(mobilisation_team|mobilisation_assignment|campaign)"/.test(l))).toHaveLength(4);
  });
});

describe('a later file adds to what is stored', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createEmptyTestDatabase();
    expect((await importFiles(tdb.db, [writeLines([...BASE, assignmentB({ visits: [assignmentB().visits[0]] }), campaign()])])).issueLines).toEqual([]);
  });
  afterAll(async () => tdb.drop());

  it('appends new visits and members, ends an open assignment, closes nothing else', async () => {
    const later = [
      ...BASE.slice(0, -1),
      team({ members: [...team().members, { key: 'cong-an', name: 'Đỗ Văn Sáu', organisation: 'cong_an_xa', role: 'member', phone: null, valid_from: '2016-01-01', valid_to: null }] }),
      assignmentB({ to: '2016-08-01', ended_reason: 'by_hand', visits: [...assignmentB().visits, visit({ on: '2016-07-15', members: ['cong-an'] })] }),
      campaign(),
    ];
    const r = await importFiles(tdb.db, [writeLines(later)]);
    expect(r.issueLines).toEqual([]);
    expect(r.ok && r.counts).toMatchObject({ teams: 1, assignments: 1, visitsWritten: 2, campaigns: 0 });
    const c = await counts(tdb.db);
    expect(c).toMatchObject({ members: 4n, visits: 3n, ended: 1n });
  });

  it('refuses a stored record changed in the file (team, visit, campaign), nothing written', async () => {
    const before = await counts(tdb.db);
    const lines = [...BASE.slice(0, -1), team({ name: 'Tổ khác' }), assignmentB({ to: '2016-08-01', ended_reason: 'by_hand', visits: [visit({ on: '2016-06-11' })] }), campaign({ name: 'Đợt khác' })];
    const r = await importFiles(tdb.db, [writeLines(lines, 'changed.jsonl')]);
    const n = BASE.length;
    expect(r.issueLines).toEqual([
      `changed.jsonl:${n}: id: Tổ vận động "${TEAM_ID}" đã có trong cơ sở dữ liệu với nội dung khác (name; thiếu thành viên cong-an); chỉ được bổ sung ngày hết hiệu lực còn trống và thành viên mới.`,
      `changed.jsonl:${n + 1}: visits[0]: Lượt vận động khác với lượt thứ 1 đã ghi trong cơ sở dữ liệu (ngày 2016-06-10); chỉ được bổ sung lượt mới vào cuối.`,
      `changed.jsonl:${n + 2}: id: Đợt cao điểm "LA-CT/cao-diem-2016" đã có trong cơ sở dữ liệu với nội dung khác (name); chỉ được kết thúc một đợt đang mở.`,
    ]);
    expect(await counts(tdb.db)).toEqual(before);
  });

  it('refuses a second open assignment of a case whose stored one is open', async () => {
    const other = team({ id: 'LA-CT/27904/2016-01-01', commune: '27904', valid_from: '2016-01-01', decision: { number: '2/QĐ', date: '2016-01-01', signer: 'Chủ tịch' } });
    const open = { type: 'mobilisation_assignment', case: 'LA-CT-2016-00011', team: 'LA-CT/27904/2016-01-01', from: '2016-09-01', visits: [] };
    // The case's first assignment was ended above: a new open one is accepted…
    expect((await importFiles(tdb.db, [writeLines([...REFERENCES, other, open])])).issueLines).toEqual([]);
    const before = await counts(tdb.db);
    // …and while it is open, another one is not (the stored open one is not in this file).
    const r = await importFiles(tdb.db, [writeLines([...REFERENCES, other, { ...open, from: '2016-09-02' }], 'open.jsonl')]);
    expect(r.issueLines).toEqual([`open.jsonl:${REFERENCES.length + 2}: case: Việc này đang được giao cho một tổ vận động; kết thúc lần giao trước.`]);
    expect(await counts(tdb.db)).toEqual(before);
  });
});

describe('bad input: one problem per rule, named by line and field; nothing written', () => {
  let tdb: TestDatabase;
  let before: Record<string, bigint>;
  beforeAll(async () => {
    tdb = await createEmptyTestDatabase();
    before = await counts(tdb.db);
  });
  afterAll(async () => tdb.drop());

  /** Imports BASE + the extra lines; returns the problems of the last line (its number checked). */
  async function problems(extra: object[], base: object[] = BASE) {
    const lines = [...base, ...extra];
    const r = await importFiles(tdb.db, [writeLines(lines, 'bad.jsonl')]);
    expect(r.ok).toBe(false);
    expect(await counts(tdb.db)).toEqual(before);
    return r.issueLines;
  }
  const last = (extra: object[], base: object[] = BASE) => `bad.jsonl:${base.length + extra.length}`;

  it('a team for a commune outside the office\'s area', async () => {
    // 27904 belongs to another office of the province in this file
    const refs = [...REFERENCES.filter((r) => r.code !== '27904'), { ...REFERENCES[3]!, code: 'LA-TT', name: 'Chi cục THADS huyện Thủ Thừa', successor: undefined }, { type: 'commune', code: '27904', name: 'Xã Mỹ Thạnh Bắc', office: 'LA-TT' }];
    const bad = [team({ commune: '27904' })];
    expect(await problems(bad, refs)).toEqual([`${last(bad, refs)}: commune: Xã không thuộc địa bàn của cơ quan thi hành án.`]);
  });

  it('a team for a commune no longer valid at the team\'s dates', async () => {
    const refs = [...REFERENCES.slice(0, 4).map((r) => (r.code === 'LA-CT' ? { ...r, valid_to: null, successor: undefined } : r.code === 'LA' ? { ...r, valid_to: null, successor: undefined } : r)), REFERENCES[6]!];
    const bad = [team({ valid_to: null })];
    expect(await problems(bad, refs)).toEqual([
      `${last(bad, refs)}: commune: Xã không còn hiệu lực trong thời gian hoạt động của tổ (sau sắp xếp đơn vị hành chính, thành lập tổ mới cho xã mới).`,
    ]);
  });

  it('a team whose commune or office is unknown', async () => {
    const bad = [team({ commune: '00000' })];
    expect(await problems(bad, [...BASE.slice(0, -1)])).toEqual([`${last(bad, BASE.slice(0, -1))}: commune: Không có xã/phường mã "00000" trong tệp hay trong cơ sở dữ liệu.`]);
  });

  it('a visit before the assignment', async () => {
    const bad = [assignmentA({ visits: [visit({ on: '2016-03-14' })] })];
    expect(await problems(bad)).toEqual([`${last(bad)}: visits[0].on: Ngày vận động trước ngày giao việc cho tổ.`]);
  });

  it('a visit after the assignment ended', async () => {
    const bad = [assignmentA({ visits: [visit({ on: '2016-05-19' })] })];
    expect(await problems(bad)).toEqual([`${last(bad)}: visits[0].on: Ngày vận động sau khi việc đã kết thúc giao cho tổ.`]);
  });

  it('a visit dated in the future', async () => {
    const bad = [assignmentB({ visits: [visit({ on: '2026-11-28' })] })];
    expect(await problems(bad)).toEqual([`${last(bad)}: visits[0].on: Ngày vận động không được sau ngày hôm nay.`]);
  });

  it('a member not in the team, or not a member any more on the day', async () => {
    const bad = [assignmentB({ visits: [visit({ on: '2019-01-05', members: ['to-truong', 'nobody', 'mttq'] })] })];
    expect(await problems(bad)).toEqual([
      `${last(bad)}: visits[0].members[1]: Người này không phải thành viên của tổ vào ngày vận động.`,
      `${last(bad)}: visits[0].members[2]: Người này không phải thành viên của tổ vào ngày vận động.`,
    ]);
  });

  it('a promise of zero đồng, or due before the visit', async () => {
    const bad = [assignmentB({ visits: [visit({ on: '2016-06-10', outcome: 'agreed', instalments: [{ due: '2016-07-01', amount: 0 }, { due: '2016-06-09', amount: 100 }] })] })];
    expect(await problems(bad)).toEqual([
      `${last(bad)}: visits[0].instalments[0].amount: Số tiền hẹn trả phải lớn hơn 0.`,
      `${last(bad)}: visits[0].instalments[1].due: Ngày hẹn trả không được trước ngày vận động.`,
    ]);
  });

  it('a negative promise is refused by the format', async () => {
    const bad = [assignmentB({ visits: [visit({ outcome: 'agreed', on: '2016-06-10', instalments: [{ due: '2016-07-01', amount: -5 }] })] })];
    expect(await problems(bad)).toEqual([`${last(bad)}: visits[0].instalments[0].amount: Số tiền không được âm (-5).`]);
  });

  it('two open assignments of one case', async () => {
    const bad = [assignmentB(), assignmentB({ from: '2016-06-02', visits: [] })];
    expect(await problems(bad)).toEqual([
      `bad.jsonl:${BASE.length + 1}: case: Việc này đang được giao cho một tổ vận động; kết thúc lần giao trước.`,
      `${last(bad)}: case: Việc này đang được giao cho một tổ vận động; kết thúc lần giao trước.`,
    ]);
  });

  it('an assignment of a case that is neither in the file nor in the database, or to an unknown team', async () => {
    const bad = [assignmentB({ case: 'LA-CT-2016-00099', visits: [] }), assignmentB({ team: 'nope', visits: [] })];
    expect(await problems(bad)).toEqual([
      `bad.jsonl:${BASE.length + 1}: case: Không có việc "LA-CT-2016-00099" trong tệp hay trong cơ sở dữ liệu.`,
      `${last(bad)}: team: Không có tổ vận động "nope" trong tệp hay trong cơ sở dữ liệu.`,
    ]);
  });

  it('an assignment before the team existed or the case was accepted', async () => {
    const bad = [assignmentB({ from: '2014-01-01', visits: [] })];
    expect(await problems(bad)).toEqual([
      `${last(bad)}: from: Ngày giao trước ngày thụ lý việc.`,
      `${last(bad)}: team: Tổ vận động không còn hoạt động vào ngày giao.`,
    ]);
  });

  it('a campaign ending before it starts', async () => {
    const bad = [campaign({ to: '2016-03-31' })];
    expect(await problems(bad)).toEqual([`${last(bad)}: to: Đợt cao điểm kết thúc (31/03/2016) trước khi bắt đầu (01/04/2016).`]);
  });

  it('a campaign with a target rate over 100 % or not above 0', async () => {
    const bad = [campaign({ targets: { cases: null, money: null, cases_rate: 100.5, money_rate: 0 } })];
    expect(await problems(bad)).toEqual([
      `${last(bad)}: targets.cases_rate: Chỉ tiêu tỷ lệ không được vượt quá 100 %.`,
      `${last(bad)}: targets.money_rate: Chỉ tiêu tỷ lệ phải lớn hơn 0 %.`,
    ]);
  });

  it('a campaign naming an unknown case, a participant outside its unit, or closed without frozen figures', async () => {
    const bad = [campaign({ unit: 'TN-KV3', cases: [{ case: 'LA-CT-2016-00077', reason: 'other', note: null }], participants: [{ enforcer: 'LA-CT-01', role: 'x' }, { team: TEAM_ID, unit: 'LA-CT', role: 'y' }] }), campaign({ id: 'c2', status: 'closed', closed_at: '2016-07-01T00:00:00Z' })];
    expect(await problems(bad)).toEqual([
      `bad.jsonl:${BASE.length + 1}: cases[0].case: Không có việc "LA-CT-2016-00077" trong tệp hay trong cơ sở dữ liệu.`,
      `bad.jsonl:${BASE.length + 1}: participants[1]: Mỗi thành phần tham gia là một đơn vị (unit), một tổ vận động (team) hoặc một chấp hành viên (enforcer).`,
      `${last(bad)}: closing_snapshot: Đợt đã kết thúc cần số liệu đã chốt (closing_snapshot).`,
    ]);
  });
});
