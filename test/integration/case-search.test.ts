import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/harness.js';

// The name search (migration 0005 and CasesService.searchByName) on a real PostgreSQL: semantics, order,
// paging, the count cap, scope, and the word index following inserts, imports and office changes.
let t: TestApp;
let admin: Session;
let enforcer: Session;

const newCase = (parties: string[], acceptedOn: string, office = 'TN-KV3') => ({
  office,
  decision: { number: `${acceptedOn.slice(8)}/QĐ-THADS`, date: acceptedOn },
  acceptedOn,
  initiation: 'on_request',
  category: 'dan_su',
  judgment: { number: '1/2026/DS-ST', date: '2026-08-20', court: 'TAND khu vực 3 – Tây Ninh' },
  commune: null,
  enforcer: null,
  parties: parties.map((name, i) => ({ role: i === 0 ? 'obligor' : 'obligee', kind: 'person', name, idNumber: null, address: null })),
  obligations: [{ kind: 'money', beneficiary: 'state_budget', label: 'Án phí', amount: 300000 }],
});

const ids: Record<string, string> = {};
const search = async (s: Session, q: string, extra = '') => (await t.as(s, 'GET', `/api/cases?q=${encodeURIComponent(q)}${extra}`)).json();
const found = async (s: Session, q: string, extra = '') => (await search(s, q, extra)).items.map((c: { id: string }) => c.id).sort();

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  admin = await t.login('admin');
  enforcer = await t.login('chv.an');
  await t.as(admin, 'POST', '/api/units', { code: 'HN', name: 'THADS Hà Nội', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' });
  await t.as(admin, 'POST', '/api/units', { code: 'HN-KV1', name: 'Phòng THADS khu vực 1 – Hà Nội', level: 'office', parentCode: 'HN', validFrom: '2025-07-01' });
  const make = async (key: string, parties: string[], on: string, office?: string) => {
    const r = await t.as(admin, 'POST', '/api/cases', newCase(parties, on, office));
    expect(r.statusCode).toBe(201);
    ids[key] = r.json().id;
  };
  await make('an', ['Nguyễn Văn An', 'Trần Thị Bình'], '2026-10-01');
  await make('anh', ['NGUYỄN  VĂN ANH'], '2026-10-02');
  await make('tuan', ['Nguyễn Văn Tuấn'], '2026-10-03');
  await make('split', ['Lê Văn Nguyễn', 'Văn An'], '2026-10-04');
  await make('hn', ['Nguyễn Văn An'], '2026-10-05', 'HN-KV1');
});
afterAll(async () => t.close());

describe('search by party name', () => {
  it('matches words in order from a word boundary, the last word possibly unfinished, with or without diacritics', async () => {
    expect(await found(admin, 'nguyen van an')).toEqual([ids.an, ids.anh, ids.hn].sort());
    expect(await found(admin, 'Nguyễn Văn An')).toEqual([ids.an, ids.anh, ids.hn].sort());
    expect(await found(admin, 'van an')).toEqual([ids.an, ids.anh, ids.split, ids.hn].sort());
    expect(await found(admin, 'van a')).toEqual([ids.an, ids.anh, ids.split, ids.hn].sort());
    expect(await found(admin, 'anh')).toEqual([ids.anh]);
    // "an" starts "an" and "anh" but is not inside "tuan"; "guyen" starts no word.
    expect(await found(admin, 'an')).toEqual([ids.an, ids.anh, ids.split, ids.hn].sort());
    expect(await found(admin, 'guyen')).toEqual([]);
    // A phrase does not run from one party's name into the next one's.
    expect(await found(admin, 'nguyen van tuan')).toEqual([ids.tuan]);
    expect(await found(admin, 'an tran')).toEqual([]);
    expect(await found(admin, 'nguyen zzz')).toEqual([]);
  });

  it('lists newest first, with the other filters, in the unit scope', async () => {
    const r = await search(admin, 'nguyen van');
    expect(r.items.map((c: { id: string }) => c.id)).toEqual([ids.hn, ids.tuan, ids.anh, ids.an]);
    expect(r).toMatchObject({ total: 4, totalIsLowerBound: false });
    expect(r.items[0]).toMatchObject({ obligors: 'Nguyễn Văn An', office: 'HN-KV1', acceptedOn: '2026-10-05' });
    expect(await found(enforcer, 'nguyen van an')).toEqual([ids.an, ids.anh].sort());
    expect(await found(admin, 'nguyen van an', '&unit=HN-KV1')).toEqual([ids.hn]);
    expect((await search(admin, 'nguyen van', '&status=completed')).items).toEqual([]);
    expect((await search(admin, 'nguyen van', '&status=pending_verification')).total).toBe(4);
  });

  it('pages through a result merged from several words', async () => {
    // "a" as a last word expands to "an" and "anh": both lists are merged, a case found twice counts once.
    const p1 = await search(admin, 'van a', '&pageSize=2&page=1');
    const p2 = await search(admin, 'van a', '&pageSize=2&page=2');
    const p3 = await search(admin, 'van a', '&pageSize=2&page=3');
    expect([...p1.items, ...p2.items].map((c: { id: string }) => c.id)).toEqual([ids.hn, ids.split, ids.anh, ids.an]);
    expect(p3.items).toEqual([]);
    expect(p1.total).toBe(4);
  });

  it('follows an office change and its reversal', async () => {
    // A case moves only along the reorganisation (case-references.ts): HN-KV1 is made to be succeeded by TN-KV3.
    expect((await t.as(admin, 'PATCH', '/api/units/HN-KV1', { successorCode: 'TN-KV3' })).statusCode).toBe(200);
    const unitId = async (code: string) => (await t.rt.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const indexedAt = async () => [...new Set((await t.rt.db.selectFrom('case_search_terms').select('holding_office_id').where('case_id', '=', ids.hn!).execute()).map((r) => r.holding_office_id))];
    const before = (await t.as(admin, 'GET', `/api/cases/${ids.hn}`)).json().case.version;
    const moved = await t.as(admin, 'POST', `/api/cases/${ids.hn}/events`, { expectedVersion: before, event: { type: 'office_changed', on: '2026-11-01', to: 'TN-KV3' } });
    expect(moved.statusCode).toBe(201);
    expect(await indexedAt()).toEqual([await unitId('TN-KV3')]);
    expect(await found(enforcer, 'nguyen van an')).toEqual([ids.an, ids.anh, ids.hn].sort());
    expect(await found(admin, 'nguyen van an', '&unit=HN-KV1')).toEqual([]);
    const seq = moved.json().version;
    const back = await t.as(admin, 'POST', `/api/cases/${ids.hn}/events/${seq}/reverse`, { expectedVersion: seq, reason: 'Nhầm cơ quan' });
    expect(back.statusCode).toBe(201);
    expect(await indexedAt()).toEqual([await unitId('HN-KV1')]);
    expect(await found(admin, 'nguyen van an', '&unit=HN-KV1')).toEqual([ids.hn]);
    expect((await t.as(admin, 'PATCH', '/api/units/HN-KV1', { successorCode: null })).statusCode).toBe(200);
    expect(await found(enforcer, 'nguyen van an')).toEqual([ids.an, ids.anh].sort());
  });

  it('caps the count at 1,000 and says it is a lower bound', async () => {
    // Cases written by one set-based statement, as an import writes them: the statement trigger indexes them.
    const office = (await t.rt.db.selectFrom('units').select('id').where('code', '=', 'TN-KV3').executeTakeFirstOrThrow()).id;
    await sql`INSERT INTO cases (id, office_id, decision_number, decision_date, accepted_on, initiation, category, judgment_number, judgment_date, court,
        status, status_since, holding_office_id, last_event_on, total_amount, outstanding, state, version, search_text, search_names, search_terms)
      SELECT 'X-' || i, ${office}, i || '/QĐ', '2025-01-01', date '2025-01-01' + (i % 300), 'ex_officio', 'dan_su', '1/DS', '2024-12-01', 'TAND',
        'pending_verification', '2025-01-01', ${office}, '2025-01-01', 1000, 1000, '{}'::jsonb, 0, 'x-' || i, 'pham thi hoa ' || i % 7,
        ARRAY['pham', 'thi', 'hoa', (i % 7)::text, 'pham thi', 'thi hoa', 'hoa ' || i % 7]
      FROM generate_series(1, 1200) i`.execute(t.rt.db);
    const r = await search(enforcer, 'pham thi hoa');
    expect(r).toMatchObject({ total: 1000, totalIsLowerBound: true });
    expect(r.items[0].acceptedOn).toBe('2025-10-27');
    expect((await search(enforcer, 'pham thi ho')).totalIsLowerBound).toBe(true);
  });

  it('finds every case of a single common word, whatever the number of pairs it starts', async () => {
    // 60 names "do <word>": 60 pairs start with "do", more than the 50 expansions merged.
    const office = (await t.rt.db.selectFrom('units').select('id').where('code', '=', 'TN-KV3').executeTakeFirstOrThrow()).id;
    await sql`INSERT INTO cases (id, office_id, decision_number, decision_date, accepted_on, initiation, category, judgment_number, judgment_date, court,
        status, status_since, holding_office_id, last_event_on, total_amount, outstanding, state, version, search_text, search_names, search_terms)
      SELECT 'D-' || i, ${office}, i || '/QĐ', '2025-01-01', date '2025-02-01' + i, 'ex_officio', 'dan_su', '1/DS', '2024-12-01', 'TAND',
        'pending_verification', '2025-01-01', ${office}, '2025-01-01', 1000, 1000, '{}'::jsonb, 0, 'd-' || i, 'do ' || w,
        ARRAY['do', w, 'do ' || w]
      FROM generate_series(1, 60) i, LATERAL (SELECT chr(97 + i % 26) || chr(97 + i / 26) || 'x' AS w) x`.execute(t.rt.db);
    const r = await search(enforcer, 'Đỗ', '&pageSize=100');
    expect(r.total).toBe(60);
    expect(r.items[0].id).toBe('D-60');
  });

  it('keeps the vocabulary counts equal to the cases indexed, and refuses to change indexed facts', async () => {
    const mismatches = await sql<{ term: string }>`
      SELECT coalesce(v.term, w.term) AS term FROM case_search_vocabulary v
      FULL JOIN (SELECT term, count(DISTINCT case_id)::int AS n FROM case_search_terms GROUP BY term) w ON w.term = v.term
      WHERE v.cases IS DISTINCT FROM w.n`.execute(t.rt.db);
    expect(mismatches.rows).toEqual([]);
    const stale = await sql<{ id: string }>`
      SELECT c.id FROM cases c JOIN case_search_terms t ON t.case_id = c.id
      WHERE t.holding_office_id <> c.holding_office_id OR t.accepted_on <> c.accepted_on OR t.names <> c.search_names`.execute(t.rt.db);
    expect(stale.rows).toEqual([]);
    await expect(sql`UPDATE cases SET accepted_on = '2026-01-01' WHERE id = ${ids.an}`.execute(t.rt.db)).rejects.toThrow(/do not change/);
    await expect(sql`UPDATE cases SET search_names = 'x' WHERE id = ${ids.an}`.execute(t.rt.db)).rejects.toThrow(/do not change/);
  });
});
