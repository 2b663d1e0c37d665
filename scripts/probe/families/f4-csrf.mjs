// Family 4 — cross-site request forgery. Writes with a valid session cookie but without the X-CSRF-Token,
// with a wrong one or another session's, with a foreign Origin, `Origin: null`, a forged X-Forwarded-Host
// matching the foreign Origin, and bodies a cross-site HTML form can send (form-encoded, text/plain).
// Each target is first sent correctly (the control: it must succeed, else the probe would prove nothing).
// Got through = 2xx.
import { is2xx, snippet } from '../lib/http.mjs';

const EVIL = 'http://evil.example';

export async function run(fam, ctx) {
  const s = await ctx.as('truong.phong');
  const province = await ctx.as('lanh.dao.tinh'); // may switch its active unit (an office head may not)
  const other = await ctx.as('chv.an');
  const admin = await ctx.as('admin');
  const hostHeader = `127.0.0.1:${ctx.target.port}`;

  // Targets: a harmless write, a case event (a fresh own case each time) and a user change by the admin.
  const targets = [
    {
      name: 'switch active unit',
      session: province,
      make: async () => ({ method: 'POST', path: '/api/auth/active-unit', json: { unitCode: 'TN' } }),
    },
    {
      name: 'record a case event',
      session: s,
      make: async () => {
        const c = await ctx.newOwnCase();
        return { method: 'POST', path: `/api/cases/${encodeURIComponent(c.id)}/events`, json: { expectedVersion: c.version, event: { type: 'verified', on: ctx.today, result: 'has_means' } } };
      },
    },
    ...(ctx.victimId !== null ? [{
      name: 'change a user (admin)',
      session: admin,
      make: async () => ({ method: 'PATCH', path: `/api/users/${ctx.victimId}`, json: { fullName: `Probe CSRF ${Date.now() % 1e6}` } }),
    }] : []),
  ];

  const form = (obj) => Object.entries(obj).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`).join('&');
  const variants = [
    ['no X-CSRF-Token', (t, sess) => ({ csrf: null, body: t.json })],
    ['wrong X-CSRF-Token', (t) => ({ csrf: 'x'.repeat(43), body: t.json })],
    ["another session's X-CSRF-Token", (t) => ({ csrf: other.csrf, body: t.json })],
    ['empty X-CSRF-Token', (t) => ({ csrf: '', body: t.json, headers: { 'x-csrf-token': '' } })],
    [`valid token, Origin: ${EVIL}`, (t, sess) => ({ csrf: sess.csrf, body: t.json, headers: { origin: EVIL } })],
    ['valid token, Origin: null', (t, sess) => ({ csrf: sess.csrf, body: t.json, headers: { origin: 'null' } })],
    [`valid token, Origin: ${EVIL} + X-Forwarded-Host: evil.example`, (t, sess) => ({ csrf: sess.csrf, body: t.json, headers: { origin: EVIL, 'x-forwarded-host': 'evil.example' } })],
    [`no token, Origin: ${EVIL} + X-Forwarded-Host: evil.example`, (t) => ({ csrf: null, body: t.json, headers: { origin: EVIL, 'x-forwarded-host': 'evil.example' } })],
    [`valid token, Origin: http://${hostHeader}.evil.example`, (t, sess) => ({ csrf: sess.csrf, body: t.json, headers: { origin: `http://${hostHeader}.evil.example` } })],
    ['form-encoded body, no token', (t) => ({ csrf: null, body: form(t.json), headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ['text/plain body (JSON text), no token', (t) => ({ csrf: null, body: JSON.stringify(t.json), headers: { 'content-type': 'text/plain' } })],
    ['multipart/form-data body, no token', (t) => ({ csrf: null, body: `--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n${JSON.stringify(t.json)}\r\n--b--\r\n`, headers: { 'content-type': 'multipart/form-data; boundary=b' } })],
    ['form-encoded body, valid token', (t, sess) => ({ csrf: sess.csrf, body: form(t.json), headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ['text/plain body (JSON text), valid token', (t, sess) => ({ csrf: sess.csrf, body: JSON.stringify(t.json), headers: { 'content-type': 'text/plain' } })],
    [`text/plain body, no token, Origin: ${EVIL}`, (t) => ({ csrf: null, body: JSON.stringify(t.json), headers: { 'content-type': 'text/plain', origin: EVIL } })],
  ];

  for (const t of targets) {
    const control = await t.make();
    const ok = await t.session.req(control.method, control.path, { body: control.json });
    if (!is2xx(ok)) fam.info(`control "${t.name}" (${control.method} ${control.path}, valid token, same origin) answered ${ok.status} ${snippet(ok.text, 120)}: its probes prove little`);
    for (const [label, build] of variants) {
      const req = await t.make();
      const v = build(req, t.session);
      const res = await t.session.req(req.method, req.path, { body: v.body, csrf: v.csrf, headers: v.headers ?? {} });
      const through = is2xx(res);
      fam.check({ method: req.method, path: req.path, as: `${t.session.username} (valid cookie)`, label: `${t.name}: ${label}`, sent: `${JSON.stringify(v.headers ?? {})} ${typeof v.body === 'string' ? v.body : JSON.stringify(v.body)}` },
        res, through, through ? 'write accepted without a valid CSRF proof' : '');
    }
  }

  // Login CSRF: a cross-site page logging the victim's browser into the attacker's account.
  for (const [label, headers] of [[`Origin: ${EVIL}`, { origin: EVIL }], ['Origin: null', { origin: 'null' }], [`Origin: ${EVIL} + X-Forwarded-Host: evil.example`, { origin: EVIL, 'x-forwarded-host': 'evil.example' }]]) {
    const fresh = ctx.newSession('ke.toan');
    const res = await fresh.req('POST', '/api/auth/login', { body: { username: 'ke.toan', password: 'ChauThanh@2026' }, headers, csrf: null });
    const through = is2xx(res);
    fam.check({ method: 'POST', path: '/api/auth/login', as: 'no cookie', label: `login: ${label}`, sent: JSON.stringify(headers) }, res, through, through ? 'cross-site login accepted' : '');
  }
  const formLogin = ctx.newSession('ke.toan');
  const res = await formLogin.req('POST', '/api/auth/login', { body: 'username=ke.toan&password=ChauThanh%402026', headers: { 'content-type': 'application/x-www-form-urlencoded' }, csrf: null });
  fam.check({ method: 'POST', path: '/api/auth/login', as: 'no cookie', label: 'login: form-encoded body', sent: 'username=ke.toan&password=…' }, res, is2xx(res), is2xx(res) ? 'form-encoded login accepted' : '');
  const textLogin = ctx.newSession('ke.toan');
  const res2 = await textLogin.req('POST', '/api/auth/login', { body: JSON.stringify({ username: 'ke.toan', password: 'ChauThanh@2026' }), headers: { 'content-type': 'text/plain' }, csrf: null });
  fam.check({ method: 'POST', path: '/api/auth/login', as: 'no cookie', label: 'login: text/plain body', sent: 'text/plain JSON' }, res2, is2xx(res2), is2xx(res2) ? 'text/plain login accepted' : '');
}
