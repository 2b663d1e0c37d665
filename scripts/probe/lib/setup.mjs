// What the probe families need, set up through the API as the national administrator (and, when the probe
// started the server itself, `thads import` for the records the API cannot create: an enforcer and a
// commune of a foreign office):
//   - a foreign province PRB with an office PRB-KV1 (outside every demo user's scope but the admin's),
//     its enforcer PRB-KV1-01 and commune PRB1001, a case held there and a user attached there;
//   - an administrator attached to the province TN (probe.tn.admin), the "province admin";
//   - a throwaway user in TN-KV3 (probe.victim) for writes on users;
//   - fresh cases of TN-KV3 (own cases) made on demand, so that a write probe never depends on another.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, Session } from './client.mjs';
import { is2xx, qs, snippet } from './http.mjs';
import { runThads } from './server.mjs';

export const FOREIGN_PROVINCE = 'PRB';
export const FOREIGN_OFFICE = 'PRB-KV1';
export const FOREIGN_ENFORCER = 'PRB-KV1-01';
export const FOREIGN_COMMUNE = 'PRB1001';
export const FOREIGN_PARTY = 'Khách Ngoại Tỉnh Thử';
export const OWN_OFFICE = 'TN-KV3';
export const OWN_ENFORCER = 'TN-KV3-01';

/** Today in Viet Nam (the server's calendar), YYYY-MM-DD. */
export function todayVN() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The last day of the month before `today`. */
export function lastMonthEnd(today) {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export const fiscalYearOf = (date) => Number(date.slice(0, 4)) + (date.slice(5, 7) >= '10' ? 1 : 0);

/** Units visible from `rootCode`: its subtree and the units it succeeds, transitively (unit-scope.ts). */
export function visibleCodes(units, rootCode) {
  const children = new Map();
  const add = (k, v) => children.set(k, [...(children.get(k) ?? []), v]);
  for (const u of units) {
    if (u.parentCode) add(u.parentCode, u.code);
    if (u.successorCode && u.successorCode !== u.code) add(u.successorCode, u.code);
  }
  const seen = new Set();
  const stack = [rootCode];
  while (stack.length) {
    const c = stack.pop();
    if (seen.has(c)) continue;
    seen.add(c);
    for (const x of children.get(c) ?? []) stack.push(x);
  }
  return seen;
}

const daysBefore = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export function caseBody(office, overrides = {}, today = todayVN()) {
  const n = Math.floor(Math.random() * 1e6);
  const judged = daysBefore(today, 40);
  return {
    office,
    decision: { number: `${n}/QĐ-PROBE`, date: daysBefore(today, 5) },
    acceptedOn: today,
    initiation: 'ex_officio',
    category: 'dan_su',
    judgment: { number: `${n}/${judged.slice(0, 4)}/DS-ST`, date: judged, court: 'TAND thử nghiệm' },
    enforcer: office === OWN_OFFICE ? OWN_ENFORCER : undefined,
    parties: [{ role: 'obligor', kind: 'person', name: 'Người Thử Nghiệm Probe', idNumber: null, address: 'ấp 1' }],
    obligations: [{ kind: 'money', beneficiary: 'state_budget', label: 'Án phí', amount: 1_000_000 }],
    ...overrides,
  };
}

export async function setup({ target, pool, server, appDir, log }) {
  const today = todayVN();
  const ctx = {
    target, pool, server, appDir, today, monthEnd: lastMonthEnd(today), fiscalYear: fiscalYearOf(today),
    passwords: new Map(), sessions: new Map(), warnings: [],
    foreign: { province: FOREIGN_PROVINCE, office: FOREIGN_OFFICE, enforcer: null, commune: null, caseId: null, decision: null, userId: null, username: 'probe.prb.user' },
    own: { office: OWN_OFFICE, enforcer: OWN_ENFORCER, demoCaseIds: [] },
    tnAdmin: null,
    victimId: null,
    userIds: new Map(),
    units: [],
    policies: null,
  };
  const warn = (m) => {
    ctx.warnings.push(m);
    log(`  warning: ${m}`);
  };

  /** A logged-in session of `username` (cached); each from a source address of its own. */
  ctx.as = async (username) => {
    const cached = ctx.sessions.get(username);
    if (cached) return cached;
    const s = new Session(target, username, { localAddress: pool.fresh() });
    const res = await s.login(ctx.passwords.get(username) ?? DEMO_PASSWORD);
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${snippet(res.text)}`);
    ctx.sessions.set(username, s);
    return s;
  };
  ctx.newSession = (username) => new Session(target, username, { localAddress: pool.fresh() });
  ctx.scopeOf = (unitCode) => visibleCodes(ctx.units, unitCode);

  const admin = await ctx.as('admin');
  const loadUnits = async () => {
    const r = await admin.get('/api/units');
    if (r.status !== 200) throw new Error(`GET /api/units as admin: ${r.status} ${snippet(r.text)}`);
    ctx.units = r.json.items;
  };
  await loadUnits();

  // The foreign province and office (201, or 409 when an earlier run against this server made them).
  for (const u of [
    { code: FOREIGN_PROVINCE, name: 'THADS tỉnh thử nghiệm (probe)', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' },
    { code: FOREIGN_OFFICE, name: 'Phòng THADS khu vực 1 – tỉnh thử nghiệm (probe)', level: 'office', parentCode: FOREIGN_PROVINCE, validFrom: '2025-07-01' },
  ]) {
    if (ctx.units.some((x) => x.code === u.code)) continue;
    const r = await admin.post('/api/units', u);
    if (r.status !== 201 && r.status !== 409) warn(`creating unit ${u.code}: ${r.status} ${snippet(r.text)}`);
  }
  await loadUnits();

  // Its enforcer and commune: only `thads import` creates those (with the server's data folder at hand).
  let detail = await admin.get(`/api/units/${FOREIGN_OFFICE}`);
  const hasEnforcer = () => detail.json?.enforcers?.some((e) => e.code === FOREIGN_ENFORCER);
  if (!hasEnforcer() && server) {
    const file = path.join(path.dirname(server.dataDir), `${path.basename(server.dataDir)}-fixtures.jsonl`);
    writeFileSync(file, [
      { type: 'enforcer', code: FOREIGN_ENFORCER, name: 'Chấp hành viên ngoại tỉnh (probe)', office: FOREIGN_OFFICE },
      { type: 'commune', code: FOREIGN_COMMUNE, name: 'Xã thử nghiệm ngoại tỉnh (probe)', office: FOREIGN_OFFICE },
    ].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const r = await runThads(appDir, server.env, ['import', file]);
    if (r.code !== 0) warn(`thads import of the foreign enforcer/commune failed (${r.code}): ${snippet(r.output, 400)}`);
    rmSync(file, { force: true });
    detail = await admin.get(`/api/units/${FOREIGN_OFFICE}`);
  }
  if (hasEnforcer()) ctx.foreign.enforcer = FOREIGN_ENFORCER;
  if (detail.json?.communes?.some((c) => c.code === FOREIGN_COMMUNE)) ctx.foreign.commune = FOREIGN_COMMUNE;
  if (!ctx.foreign.enforcer) {
    // Against a server the probe did not start: any enforcer of an office outside TN's scope will do.
    const tnScope = ctx.scopeOf('TN');
    for (const u of ctx.units.filter((x) => x.level === 'office' && !tnScope.has(x.code)).slice(0, 20)) {
      const d = await admin.get(`/api/units/${encodeURIComponent(u.code)}`);
      const e = d.json?.enforcers?.[0];
      if (e) {
        ctx.foreign.enforcer = e.code;
        ctx.foreign.commune ??= d.json.communes?.[0]?.code ?? null;
        break;
      }
    }
  }
  if (!ctx.foreign.enforcer) warn('no enforcer of a foreign office (the probe did not start the server, so it could not import one): the probes that need one are skipped');

  // A case held by the foreign office.
  const fc = await admin.post('/api/cases', caseBody(FOREIGN_OFFICE, {
    enforcer: ctx.foreign.enforcer ?? undefined,
    commune: ctx.foreign.commune ?? undefined,
    parties: [{ role: 'obligor', kind: 'person', name: FOREIGN_PARTY, idNumber: '079099000111', address: 'ấp ngoại tỉnh' }],
  }, today));
  if (fc.status === 201) {
    ctx.foreign.caseId = fc.json.id;
    const d = await admin.get(`/api/cases/${encodeURIComponent(fc.json.id)}`);
    ctx.foreign.decision = d.json?.case?.decision?.number ?? null;
  } else warn(`creating the foreign case: ${fc.status} ${snippet(fc.text)}`);

  // Users: the foreign one, the province administrator of TN, the throwaway one in TN-KV3.
  const findUser = async (username) => {
    const r = await admin.get(`/api/users${qs({ q: username, pageSize: 100 })}`);
    return r.json?.items?.find((u) => u.username === username)?.id ?? null;
  };
  const ensureUser = async (username, role, unitCode) => {
    const r = await admin.post('/api/users', { username, fullName: `Probe ${role.replace(/_/g, ' ')}`, role, unitCode, password: 'Probe-Initial-2026x' });
    if (r.status === 201) return r.json.user.id;
    const id = await findUser(username);
    if (id === null) warn(`creating user ${username}: ${r.status} ${snippet(r.text)}`);
    return id;
  };
  ctx.foreign.userId = await ensureUser(ctx.foreign.username, 'office_head', FOREIGN_OFFICE);
  ctx.victimId = await ensureUser('probe.victim', 'clerk', OWN_OFFICE);
  const tnAdminId = await ensureUser('probe.tn.admin', 'admin', 'TN');
  if (tnAdminId !== null) {
    // A known password, changed at the first login as required.
    const initial = `Probe-Reset-${Date.now()}x`;
    const finalPw = `Probe-Final-${Date.now()}y`;
    const rp = await admin.post(`/api/users/${tnAdminId}/reset-password`, { newPassword: initial });
    const s = ctx.newSession('probe.tn.admin');
    const li = await s.login(initial);
    const ch = li.status === 200 ? await s.post('/api/auth/password', { currentPassword: initial, newPassword: finalPw }) : li;
    if (rp.status === 204 && li.status === 200 && ch.status === 204) {
      ctx.passwords.set('probe.tn.admin', finalPw);
      ctx.sessions.set('probe.tn.admin', s);
      ctx.tnAdmin = 'probe.tn.admin';
    } else warn(`preparing probe.tn.admin: reset ${rp.status}, login ${li.status}, change ${ch.status} ${snippet(ch.text)}`);
  }

  const users = await admin.get(`/api/users${qs({ pageSize: 100 })}`);
  for (const u of users.json?.items ?? []) ctx.userIds.set(u.username, u.id);

  const demo = await admin.get(`/api/cases${qs({ unit: OWN_OFFICE, pageSize: 5 })}`);
  ctx.own.demoCaseIds = (demo.json?.items ?? []).map((c) => c.id);
  if (!ctx.own.demoCaseIds.length) warn(`no case of ${OWN_OFFICE} found (is the demo loaded?)`);

  const pol = await admin.get('/api/statistics/policies');
  ctx.policies = pol.json?.policies ?? null;

  /** A fresh case of TN-KV3 (pending verification, enforcer TN-KV3-01), made by the admin: { id, version }. */
  ctx.newOwnCase = async (overrides = {}) => {
    const r = await admin.post('/api/cases', caseBody(OWN_OFFICE, overrides, today));
    if (r.status !== 201) throw new Error(`creating an own case: ${r.status} ${snippet(r.text)}`);
    return { id: r.json.id, version: r.json.version };
  };
  /** The current version of a case (as the admin sees it). */
  ctx.versionOf = async (id) => (await admin.get(`/api/cases/${encodeURIComponent(id)}`)).json?.case?.version ?? 0;
  ctx.ok = is2xx;
  return ctx;
}
