// Family 8 — bad input must never be a 500: NUL bytes in query parameters, path ids, JSON strings and the
// login username; OPTIONS and unrouted POST/PUT/PATCH/DELETE under /api; GET /assets/; absurd dates on
// events and cases; a case id `../../etc`. Got through = 500 (and, for the date and id probes, 2xx too:
// the server accepted what it must refuse).
import { is2xx, qs, send } from '../lib/http.mjs';
import { caseBody, OWN_OFFICE } from '../lib/setup.mjs';

export async function run(fam, ctx) {
  const s = await ctx.as('truong.phong');
  const admin = await ctx.as('admin');
  const demoCase = ctx.own.demoCaseIds[0] ?? 'TN-KV3-2026-00001';
  const enc = encodeURIComponent;
  const five = (res) => res.status === 500;
  const probe = async (sess, method, path, body, { label = '', judge = five, headers = {} } = {}) => {
    const res = sess ? await sess.req(method, path, { body, headers }) : await send(ctx.target, { method, path, body, headers });
    const through = judge(res);
    fam.check({ method, path, as: sess ? sess.username : 'no cookie', label, sent: body === undefined ? JSON.stringify(headers) : typeof body === 'string' ? body : JSON.stringify(body) }, res, through,
      through ? (res.status === 500 ? '500' : `accepted (${res.status})`) : '');
    return res;
  };

  // NUL in query parameters.
  const nulQueries = [
    `/api/cases?q=%00`, `/api/cases?q=nguyen%00van`, `/api/cases?decision=1%00`, `/api/cases?idNumber=%00`, `/api/cases?commune=%00`,
    `/api/cases?enforcer=%00`, `/api/cases?unit=TN%00`, `/api/cases?status=%00`, `/api/cases?page=%00`, `/api/users?q=%00`, `/api/users?unit=%00`,
    `/api/audit?user=%00`, `/api/audit?entityId=%00`, `/api/audit?from=2026-01-01%00`, `/api/deadlines?enforcer=%00`,
    `/api/statistics/report?unit=TN-KV3%00&to=${ctx.monthEnd}`, `/api/statistics/report?unit=TN-KV3&to=${ctx.monthEnd}%00`,
    `/api/statistics/cases?unit=TN-KV3&to=${ctx.monthEnd}&form=cases&key=total&by=commune&value=%00`,
  ];
  for (const p of nulQueries) await probe(s, 'GET', p, undefined, { label: 'NUL in query' });
  await probe(admin, 'GET', '/api/audit?user=%00', undefined, { label: 'NUL in query (national admin)' });
  await probe(admin, 'GET', '/api/cases?q=%00', undefined, { label: 'NUL in query (national admin)' });

  // NUL in path ids.
  for (const p of [`/api/cases/%00`, `/api/cases/${enc(demoCase)}%00`, `/api/users/1%00`, `/api/users/%00`, `/api/units/TN%00`, `/api/units/%00`]) {
    await probe(s, 'GET', p, undefined, { label: 'NUL in path id' });
  }
  await probe(s, 'POST', `/api/cases/${enc(demoCase)}%00/events`, { expectedVersion: 0, event: { type: 'verified', on: ctx.today, result: 'has_means' } }, { label: 'NUL in path id' });
  await probe(s, 'POST', `/api/cases/%00/events/1/reverse`, { expectedVersion: 0, reason: 'probe NUL test' }, { label: 'NUL in path id' });

  // NUL in JSON strings.
  const nul = 'a\u0000b';
  await probe(s, 'POST', '/api/cases', caseBody(OWN_OFFICE, { parties: [{ role: 'obligor', kind: 'person', name: `Nguyễn ${nul}`, idNumber: null, address: null }] }, ctx.today), { label: 'NUL in party name' });
  await probe(s, 'POST', '/api/cases', caseBody(OWN_OFFICE, { office: `TN-KV3\u0000` }, ctx.today), { label: 'NUL in office' });
  await probe(s, 'POST', '/api/cases', caseBody(OWN_OFFICE, { enforcer: `TN-KV3-01\u0000` }, ctx.today), { label: 'NUL in enforcer' });
  await probe(s, 'POST', '/api/cases/reassign', { caseIds: [`${demoCase}\u0000`], enforcer: 'TN-KV3-02' }, { label: 'NUL in reassign case id' });
  await probe(s, 'POST', '/api/auth/active-unit', { unitCode: 'TN\u0000' }, { label: 'NUL in unitCode' });
  await probe(admin, 'POST', '/api/users', { username: 'probe.nul', fullName: `x${nul}`, role: 'clerk', unitCode: OWN_OFFICE, password: 'Probe-Nul-2026x' }, { label: 'NUL in fullName' });
  await probe(admin, 'POST', '/api/units', { code: 'PRB-NUL', name: `x${nul}y`, level: 'office', parentCode: 'PRB', validFrom: '2025-07-01' }, { label: 'NUL in unit name' });
  // Login: a separate source address (the attempts count against the per-address rate limit).
  const anon = ctx.newSession('nobody');
  for (const u of ['admin\u0000', '\u0000', 'ad\u0000min', 'admin%00']) {
    await probe(anon, 'POST', '/api/auth/login', { username: u, password: 'wrong-password-1' }, { label: 'NUL in login username' });
  }
  await probe(anon, 'POST', '/api/auth/login', { username: 'nobody-here', password: 'a\u0000b' }, { label: 'NUL in login password' });

  // OPTIONS and unrouted methods under /api.
  for (const [m, p] of [
    ['OPTIONS', '/api/cases'], ['OPTIONS', '/api/health'], ['OPTIONS', '/api/auth/login'], ['OPTIONS', '*'],
    ['POST', '/api/nonexistent'], ['PUT', '/api/cases'], ['DELETE', `/api/cases/${enc(demoCase)}`], ['PATCH', `/api/cases/${enc(demoCase)}`],
    ['DELETE', '/api/users/1'], ['PUT', '/api/units/TN'], ['POST', '/api/health'], ['DELETE', '/api/audit'], ['POST', '/api'], ['DELETE', '/api/'],
    ['PROPFIND', '/api/cases'], ['TRACE', '/api/health'],
  ]) {
    await probe(s, m, p, m === 'OPTIONS' || m === 'TRACE' || m === 'PROPFIND' ? undefined : {}, { label: 'unrouted method' });
    await probe(null, m, p, m === 'OPTIONS' || m === 'TRACE' || m === 'PROPFIND' ? undefined : {}, { label: 'unrouted method, no cookie' });
  }

  // The assets folder itself and odd static paths.
  for (const p of ['/assets/', '/assets', '/assets/..', '/assets/%2e%2e/index.html', '/assets/../../package.json', '/%2e%2e/package.json', '/index.html/', '/assets//']) {
    await probe(null, 'GET', p, undefined, { label: 'static path' });
  }

  // Absurd dates on events and cases: accepting them is as wrong as a 500.
  const acceptedOrFive = (res) => res.status === 500 || is2xx(res);
  for (const on of ['9999-12-31', '2999-01-01', '2026-02-30', '2026-13-01', '0000-01-01', '+02026-01-01']) {
    const c = await ctx.newOwnCase();
    await probe(s, 'POST', `/api/cases/${enc(c.id)}/events`, { expectedVersion: c.version, event: { type: 'verified', on, result: 'has_means' } }, { label: `event date ${on}`, judge: acceptedOrFive });
  }
  for (const acceptedOn of ['9999-12-31', '2026-02-30']) {
    await probe(s, 'POST', '/api/cases', caseBody(OWN_OFFICE, { acceptedOn }, ctx.today), { label: `case acceptedOn ${acceptedOn}`, judge: acceptedOrFive });
  }
  for (const to of ['9999-12-31', '2026-02-30', '0001-01-01']) {
    await probe(s, 'GET', `/api/statistics/report${qs({ unit: OWN_OFFICE, to })}`, undefined, { label: `report to=${to}` });
  }
  await probe(s, 'GET', `/api/cases${qs({ page: '100000000000', pageSize: 50 })}`, undefined, { label: 'huge page' });
  await probe(s, 'GET', `/api/cases${qs({ page: '1e400' })}`, undefined, { label: 'page 1e400' });
  await probe(s, 'GET', `/api/users/99999999999999999999`, undefined, { label: 'huge user id' });
  await probe(s, 'GET', `/api/users/-1`, undefined, { label: 'negative user id' });

  // A case id `../../etc`.
  await probe(s, 'POST', '/api/cases', caseBody(OWN_OFFICE, { id: '../../etc' }, ctx.today), { label: 'case id ../../etc', judge: acceptedOrFive });
  await probe(s, 'POST', '/api/cases', caseBody(OWN_OFFICE, { id: `TN-KV3/../../etc/${Date.now() % 1e6}` }, ctx.today), { label: 'case id with ../', judge: acceptedOrFive });
  // Reading or writing it: a 500 only (a 200 would just follow from the creation above, counted there).
  for (const p of ['/api/cases/..%2F..%2Fetc', '/api/cases/../../etc', '/api/cases/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '/api/cases/..%2F..%2F..%2F..%2Fetc%2Fpasswd']) {
    await probe(s, 'GET', p, undefined, { label: 'case id ../../etc' });
  }
  await probe(s, 'POST', '/api/cases/..%2F..%2Fetc/events', { expectedVersion: 0, event: { type: 'verified', on: ctx.today, result: 'has_means' } }, { label: 'case id ../../etc' });
}
