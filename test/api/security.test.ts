import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccessControl } from '../../src/platform/http/access.js';
import { CONTENT_SECURITY_POLICY } from '../../src/platform/http/app.js';
import { newCaseBody, startTestApp, type Session, type TestApp } from '../support/harness.js';

/**
 * The findings of the outside probe (issue "Security first"), one block each. Every block failed before
 * its fix. Set-up: a second province HN with an office HN-KV1, its enforcer HN-KV1-01 and a commune
 * assigned to it, and a province administrator of TN.
 */
let t: TestApp;
let admin: Session;
let head: Session; // truong.phong, head of TN-KV3
let tnAdmin: Session;
let caseId: string;
let caseVersion: number;
let hnCommune: string;

const PASSWORD = 'TayNinh2026abcd';

/** A case of TN-KV3 (decision 77) with one obligor and one money obligation; `over` replaces fields. */
const newCase = (over: Record<string, unknown> = {}) =>
  newCaseBody({
    decision: { number: '77/QĐ-THADS', date: '2026-10-05' },
    parties: [
      { role: 'obligor', kind: 'person', name: 'Nguyễn Văn Bảo', idNumber: '080090004321', address: 'ấp 3, xã Tầm Vu' },
      { role: 'obligee', kind: 'person', name: 'Trần Thị Bình', idNumber: null, address: 'ấp 1, xã Vĩnh Công' },
    ],
    obligations: [{ kind: 'money', beneficiary: 'party', label: 'Trả nợ vay', amount: 15000000 }],
    ...over,
  });

async function record(s: Session, id: string, event: Record<string, unknown>) {
  const version = (await t.as(s, 'GET', `/api/cases/${id}`)).json().case.version as number;
  return t.as(s, 'POST', `/api/cases/${id}/events`, { expectedVersion: version, event });
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  admin = await t.login('admin');
  head = await t.login('truong.phong');
  for (const unit of [
    { code: 'HN', name: 'Thi hành án dân sự thành phố Hà Nội', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' },
    { code: 'HN-KV1', name: 'Phòng Thi hành án dân sự khu vực 1 – Hà Nội', level: 'office', parentCode: 'HN', validFrom: '2025-07-01' },
  ]) {
    expect((await t.as(admin, 'POST', '/api/units', unit)).statusCode).toBe(201);
  }
  const hnOffice = (await t.rt.units.byCode('HN-KV1'))!;
  await t.rt.db.insertInto('enforcers').values({ code: 'HN-KV1-01', name: 'Phạm Văn Hà', unit_id: hnOffice.id, active: true }).execute();
  const hn = await t.rt.db.selectFrom('communes').select(['id', 'code']).where('office_id', 'is', null).where('valid_to', 'is', null).where('province_name', 'like', '%Hà Nội%').executeTakeFirstOrThrow();
  await t.rt.db.updateTable('communes').set({ office_id: hnOffice.id }).where('id', '=', hn.id).execute();
  hnCommune = hn.code;
  const created = await t.as(admin, 'POST', '/api/users', { username: 'qtv.tayninh', fullName: 'Lê Văn Quản', role: 'admin', unitCode: 'TN', password: PASSWORD });
  expect(created.statusCode).toBe(201);
  const first = await t.login('qtv.tayninh', PASSWORD);
  expect((await t.as(first, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}X` })).statusCode).toBe(204);
  tnAdmin = first;
  const c = await t.as(head, 'POST', '/api/cases', newCase());
  expect(c.statusCode).toBe(201);
  caseId = c.json().id;
  caseVersion = 0;
});
afterAll(async () => t.close());

/** Every spelling of a path that the router (or a proxy) may treat as the same, or nearly the same, route. */
function spellings(path: string): string[] {
  const rest = path.slice('/api'.length);
  const out = [
    path,
    `/%61pi${rest}`, `/a%70i${rest}`, `/ap%69${rest}`, `/%61%70%69${rest}`, `/%2561pi${rest}`, `/%25%36%31pi${rest}`,
    `/API${rest}`, `/Api${rest}`, `/aPI${rest}`,
    `${path}/`, `/${path}`, `//${path}`, `/.${path}`, `/api/.${rest}`, `/api/${rest}`,
  ];
  // Each character after the prefix percent-encoded, one at a time.
  for (let i = 1; i < rest.length; i++) {
    const ch = rest[i]!;
    if (/[A-Za-z0-9]/.test(ch)) out.push(`/api${rest.slice(0, i)}%${ch.charCodeAt(0).toString(16)}${rest.slice(i + 1)}`);
  }
  return out;
}

describe('1. the access decision comes from the matched route, never from the URL', () => {
  it('every registered route, in every spelling, answers 401 or 404 without a session — never data', async () => {
    await t.app.ready();
    const routes = t.app.registeredRoutes.filter((r) => !('public' in r.access));
    // The enumeration is the router's own list: a new route is covered without editing this test.
    expect(routes.length).toBeGreaterThan(25);
    const values: Record<string, string> = { id: caseId, code: 'TN', seq: '1', unit: 'TN' };
    let probes = 0;
    const leaks: string[] = [];
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? '1');
      for (const url of spellings(path)) {
        probes++;
        const res = await t.app.inject({ method: route.method as 'GET', url, ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload: {} }) });
        const ok = res.statusCode === 401 || res.statusCode === 404;
        const body = res.body;
        const leaked = body.includes('username') || body.includes('"items"') || body.includes('"report"') || body.includes('<!doctype');
        if (!ok || leaked) leaks.push(`${route.method} ${url} → ${res.statusCode} ${body.slice(0, 80)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(probes).toBeGreaterThan(500);
    console.info(`${routes.length} routes, ${probes} anonymous requests, none answered with data`);
  });

  it('the encoded prefix of the probe reads nothing: /%61pi/users/1 answers 401', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/%61pi/users/1' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_REQUIRED');
    expect(r.body).not.toContain('admin');
  });

  it('with a session, an encoded prefix reaches the same route under the same rule (scope and permission)', async () => {
    const ok = await t.as(admin, 'GET', '/%61pi/users/1');
    expect(ok.statusCode).toBe(200);
    const enforcer = await t.login('chv.an');
    expect((await t.as(enforcer, 'GET', '/%61pi/users/1')).statusCode).toBe(403);
    expect((await t.as(head, 'GET', '/a%70i/units/HN-KV1')).statusCode).toBe(404);
  });

  it('a route declaring no access rule refuses to register', async () => {
    const app = Fastify();
    registerAccessControl(app, t.rt);
    expect(() => app.get('/x', async () => ({ secret: true }))).toThrow(/declares no access rule/);
    await app.close();
  });
});

describe('3. statistics policies are national', () => {
  it('a province administrator cannot change them (403, nothing changed); the national administrator can', async () => {
    const before = (await t.as(admin, 'GET', '/api/statistics/policies')).json().policies;
    const r = await t.as(tnAdmin, 'PUT', '/api/statistics/policies', { ...before, moneyResolved: ['completed'] });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.details[0].rule).toBe('national_only');
    expect((await t.as(admin, 'GET', '/api/statistics/policies')).json().policies).toEqual(before);
    expect((await t.as(admin, 'PUT', '/api/statistics/policies', before)).statusCode).toBe(200);
  });
});

describe('4. writes name only units, enforcers and communes within reach', () => {
  it('office_changed to an office of another province is refused; the figures of that office do not move', async () => {
    const r = await record(head, caseId, { type: 'office_changed', on: '2026-11-01', to: 'HN-KV1' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({ field: 'event.to', rule: 'not_successor' });
    const row = await t.rt.db.selectFrom('cases').select('holding_office_id').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.holding_office_id).toBe((await t.rt.units.byCode('TN-KV3'))!.id);
  });

  it('an enforcer of another province is refused on creation, assignment and reassignment, with the same answer as an unknown code', async () => {
    const create = await t.as(head, 'POST', '/api/cases', newCase({ enforcer: 'HN-KV1-01', decision: { number: '78/QĐ-THADS', date: '2026-10-05' } }));
    expect(create.statusCode).toBe(422);
    const unknown = await t.as(head, 'POST', '/api/cases', newCase({ enforcer: 'XX-99', decision: { number: '78/QĐ-THADS', date: '2026-10-05' } }));
    expect(create.json().error.details[0].rule).toBe('unknown_enforcer');
    // Whether a code exists elsewhere is not told: the two answers differ only by the code itself.
    expect(create.json().error.details[0].message.replace('HN-KV1-01', 'X')).toBe(unknown.json().error.details[0].message.replace('XX-99', 'X'));
    const assign = await record(head, caseId, { type: 'enforcer_assigned', on: '2026-11-02', enforcer: 'HN-KV1-01' });
    expect(assign.statusCode).toBe(422);
    const reassign = (await t.as(head, 'POST', '/api/cases/reassign', { caseIds: [caseId], enforcer: 'HN-KV1-01' })).json();
    expect(reassign.assigned).toBe(0);
    const own = await record(head, caseId, { type: 'enforcer_assigned', on: '2026-11-02', enforcer: 'TN-KV3-02' });
    expect(own.statusCode).toBe(201);
    caseVersion = own.json().version;
  });

  it('a commune of another office is refused on creation', async () => {
    const r = await t.as(head, 'POST', '/api/cases', newCase({ commune: hnCommune, decision: { number: '79/QĐ-THADS', date: '2026-10-05' } }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({ field: 'commune', rule: 'unknown_commune' });
  });

  it('a unit created with a successor of another province is refused (POST checks scope as PATCH does)', async () => {
    const r = await t.as(tnAdmin, 'POST', '/api/units', { code: 'TN-KV9', name: 'Phòng THADS khu vực 9 – Tây Ninh', level: 'office', parentCode: 'TN', validFrom: '2025-07-01', successorCode: 'HN-KV1' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0]).toMatchObject({ field: 'successorCode', rule: 'unknown_unit' });
    expect(await t.rt.units.byCode('TN-KV9')).toBeUndefined();
  });
});

describe('5. nothing is dated after today (Viet Nam time)', () => {
  it('an event dated 9999-12-31 is refused and the case stays writable', async () => {
    // Far outside the calendar: refused by the date schema; within it but ahead of today: by the case rule.
    const far = await record(head, caseId, { type: 'verified', on: '9999-12-31', result: 'has_means' });
    expect(far.statusCode).toBe(400);
    const r = await record(head, caseId, { type: 'verified', on: '2027-03-01', result: 'has_means' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({ field: 'event.on', rule: 'not_in_future' });
    // 20/11/2026 10:00 in Viet Nam: tomorrow is refused, today accepted.
    expect((await record(head, caseId, { type: 'verified', on: '2026-11-21', result: 'has_means' })).statusCode).toBe(422);
    expect((await record(head, caseId, { type: 'verified', on: '2026-11-20', result: 'has_means' })).statusCode).toBe(201);
  });
  it('a case accepted tomorrow is refused', async () => {
    const r = await t.as(head, 'POST', '/api/cases', newCase({ acceptedOn: '2026-11-21', decision: { number: '80/QĐ-THADS', date: '2026-11-21' } }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['acceptedOn', 'decision.date']);
  });
});

describe('6. no write dated outside a unit’s validity', () => {
  it('a case accepted into the dissolved Chi cục after its end is refused, naming the successor', async () => {
    const lanh = await t.login('lanh.dao.tinh');
    const r = await t.as(lanh, 'POST', '/api/cases', newCase({ office: 'LA-CT', commune: null, enforcer: null, acceptedOn: '2026-11-02', decision: { number: '81/QĐ-CCTHADS', date: '2026-11-02' } }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({ field: 'acceptedOn', rule: 'office_not_valid' });
    expect(r.json().error.details[0].message).toContain('TN-KV3');
    // Entering its history (a date within its validity) is still possible.
    const old = await t.as(lanh, 'POST', '/api/cases', newCase({ office: 'LA-CT', commune: null, enforcer: null, acceptedOn: '2024-11-02', decision: { number: '81/QĐ-CCTHADS', date: '2024-11-02' }, judgment: { number: '1/2024/DS-ST', date: '2024-09-01', court: 'TAND huyện Châu Thành' } }));
    expect(old.statusCode).toBe(201);
    // An event of that case dated after the Chi cục's end must first move it to the successor.
    const late = await record(lanh, old.json().id, { type: 'verified', on: '2025-08-01', result: 'has_means' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.details[0].rule).toBe('office_closed');
    const moved = await record(lanh, old.json().id, { type: 'office_changed', on: '2025-07-01', to: 'TN-KV3' });
    expect(moved.statusCode).toBe(201);
    expect((await record(lanh, old.json().id, { type: 'verified', on: '2025-08-01', result: 'has_means' })).statusCode).toBe(201);
  });
});

describe('7. the same enforcement decision is not accepted twice without an audited confirmation', () => {
  it('refuses the second case with 409 naming the first; accepts it with a reason, written in the audit row', async () => {
    const again = await t.as(head, 'POST', '/api/cases', newCase({ decision: { number: '77/qđ-thads ', date: '2026-10-05' } }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0]).toMatchObject({ field: 'decision.number', rule: 'duplicate_decision', caseIds: [caseId] });
    expect(await t.rt.db.selectFrom('cases').select('id').where('decision_number', '=', '77/qđ-thads').execute()).toHaveLength(0);
    const confirmed = await t.as(head, 'POST', '/api/cases', newCase({ confirmDuplicate: { reason: 'Quyết định sửa đổi, bổ sung thụ lý riêng theo chỉ đạo' } }));
    expect(confirmed.statusCode).toBe(201);
    const audit = await t.rt.db.selectFrom('audit_log').select('after').where('entity_id', '=', confirmed.json().id).where('action', '=', 'case.created').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ duplicateOf: [caseId], duplicateReason: 'Quyết định sửa đổi, bổ sung thụ lý riêng theo chỉ đạo' });
  });
  it('two simultaneous entries of one decision: exactly one is accepted', async () => {
    const body = newCase({ decision: { number: '90/QĐ-THADS', date: '2026-10-06' } });
    const [a, b] = await Promise.all([t.as(head, 'POST', '/api/cases', body), t.as(head, 'POST', '/api/cases', body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });
});

describe('9. bad input answers a clear 4xx, never 500', () => {
  const nul = '\u0000';
  it('unrouted writes and OPTIONS under /api, even anonymous: 404', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      expect((await t.app.inject({ method, url: '/api/nothing-here' })).statusCode).toBe(404);
      expect((await t.app.inject({ method, url: '/api/users/1/x' })).statusCode).toBe(404);
    }
  });
  it('a NUL byte in a body, a query, a login username or a path id: 400 or 404 with the field', async () => {
    const party = await t.as(head, 'POST', '/api/cases', newCase({ parties: [{ role: 'obligor', kind: 'person', name: `Nguyễn${nul}An`, idNumber: null, address: null }] }));
    expect(party.statusCode).toBe(400);
    expect(party.json().error.details[0]).toMatchObject({ field: 'parties.0.name', rule: 'text_control' });
    const ground = await t.as(head, 'POST', `/api/cases/${caseId}/events`, { expectedVersion: caseVersion, event: { type: 'postponed', on: '2026-11-20', ground: `đương sự${nul} ốm` } });
    expect(ground.statusCode).toBe(400);
    for (const url of [`/api/cases?decision=%00`, '/api/audit?user=%00', '/api/users?q=a%00b', '/api/cases/abc%00def', `/api/cases?q=%00`]) {
      const r = await t.as(admin, 'GET', url);
      expect([400, 404], url).toContain(r.statusCode);
    }
    const login = await t.as(null, 'POST', '/api/auth/login', { username: `admin${nul}`, password: 'x' });
    expect(login.statusCode).toBe(400);
  });
  it('report dates far outside the calendar (0001-01-01, 9999-12-31): 400 naming the field', async () => {
    for (const to of ['0001-01-01', '9999-12-31']) {
      const r = await t.as(admin, 'GET', `/api/statistics/report?unit=TN-KV3&to=${to}`);
      expect(r.statusCode, to).toBe(400);
      expect(r.json().error.details[0].field).toBe('to');
    }
    expect((await t.as(admin, 'GET', '/api/statistics/report?unit=TN-KV3&to=2100-12-31')).statusCode).toBe(200);
  });
  it('GET /assets/ and a missing asset: 404', async () => {
    expect([404, 503]).toContain((await t.app.inject({ method: 'GET', url: '/assets/' })).statusCode);
    expect([404, 503]).toContain((await t.app.inject({ method: 'GET', url: '/assets/nothing.js' })).statusCode);
  });
});

describe('10. loose input', () => {
  it('RTL overrides, zero-width characters, BOM, lone surrogates and damaged UTF-8 in names are refused', async () => {
    for (const [name, rule] of [
      ['Nguyễn \u202EnA', 'text_bidi'], ['Nguyễn\u200B An', 'text_invisible'], ['\uFEFFNguyễn An', 'text_invisible'], ['Nguyễn \uD800An', 'text_damaged'], ['Nguyễn \uFFFDAn', 'text_damaged'],
    ] as const) {
      const r = await t.as(head, 'POST', '/api/cases', newCase({ parties: [{ role: 'obligor', kind: 'person', name, idNumber: null, address: null }] }));
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error.details[0], name).toMatchObject({ field: 'parties.0.name', rule });
    }
    // Invalid UTF-8 bytes on the wire.
    const raw = Buffer.concat([Buffer.from('{"username":"ad'), Buffer.from([0xff, 0xfe]), Buffer.from('min","password":"x"}')]);
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: raw });
    expect(r.statusCode).toBe(400);
  });
  it('a case id with a path in it is refused', async () => {
    for (const id of ['../../etc', 'a//b', 'abc/..', './x1']) {
      const r = await t.as(head, 'POST', '/api/cases', newCase({ id, decision: { number: `9${id.length}/QĐ`, date: '2026-10-07' } }));
      expect(r.statusCode, id).toBe(400);
      expect(r.json().error.details[0].field).toBe('id');
    }
  });
  it('the Origin check ignores X-Forwarded-Host when no proxy is trusted', async () => {
    const r = await t.as(head, 'POST', '/api/cases/reassign', { caseIds: [caseId], enforcer: 'TN-KV3-01' }, { headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_ORIGIN_MISMATCH');
  });
  it('a text/plain body is 415, as documented', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'username=admin' });
    expect(r.statusCode).toBe(415);
  });
  it('HTML responses carry a strict Content-Security-Policy (no inline script)', async () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    const page = await t.app.inject({ method: 'GET', url: '/cases' });
    if (page.statusCode === 200) {
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });
});
