// Family 6 — script payloads. A case is created (as chv.an, else truong.phong) whose party names, address,
// grounds and labels hold `<script>`, `"><img src=x onerror=…>` and `javascript:`; it is read back through
// the API (which must answer JSON, never HTML), and every HTML response of the application — the pages the
// case is shown on included — must carry a Content-Security-Policy whose script-src (or default-src)
// forbids inline scripts. Rendering in a browser is out of scope. Got through = an HTML response without a
// strict CSP, or an API read-back of the payload served as something other than JSON.
import { qs, send, snippet } from '../lib/http.mjs';
import { caseBody, OWN_OFFICE } from '../lib/setup.mjs';

const SCRIPT = '<script>alert("thads-probe")</script>';
const IMG = '"><img src=x onerror=alert("thads-probe")>';
const JS = 'javascript:alert("thads-probe")';

/** Why a CSP does not forbid inline scripts (null when it does). */
export function cspProblem(csp) {
  if (!csp) return 'no Content-Security-Policy header';
  const directives = new Map();
  for (const part of String(csp).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  const which = directives.has('script-src-elem') ? 'script-src-elem' : directives.has('script-src') ? 'script-src' : directives.has('default-src') ? 'default-src' : null;
  if (!which) return 'CSP without script-src or default-src (inline scripts allowed)';
  const v = directives.get(which).map((x) => x.toLowerCase());
  const hasNonceOrHash = v.some((x) => /^'(nonce|sha256|sha384|sha512)-/.test(x));
  if (v.includes("'unsafe-inline'") && !hasNonceOrHash) return `${which} allows 'unsafe-inline'`;
  if (v.includes('*') || v.includes('data:') || v.includes('http:') || v.includes('https:')) return `${which} allows any source (${v.join(' ')})`;
  if (directives.has('script-src-attr') && directives.get('script-src-attr').map((x) => x.toLowerCase()).includes("'unsafe-inline'")) return "script-src-attr allows 'unsafe-inline' (event handlers)";
  return null;
}

export async function run(fam, ctx) {
  let s;
  try {
    s = await ctx.as('chv.an');
  } catch {
    s = await ctx.as('truong.phong');
  }
  const base = caseBody(OWN_OFFICE, {}, ctx.today);
  const body = caseBody(OWN_OFFICE, {
    parties: [
      { role: 'obligor', kind: 'person', name: `Nguyễn ${SCRIPT}`, idNumber: null, address: IMG },
      { role: 'obligee', kind: 'organisation', name: `Công ty ${IMG}`, idNumber: null, address: JS },
    ],
    obligations: [{ kind: 'money', beneficiary: 'party', label: `${JS} ${SCRIPT}`, amount: 5_000_000 }],
    judgment: { number: `1/2026/${SCRIPT.slice(0, 20)}`, date: base.judgment.date, court: `TAND ${IMG}` },
  }, ctx.today);
  const created = await s.post('/api/cases', body);
  let caseId = null;
  if (created.status === 201) caseId = created.json.id;
  else fam.info(`the case with script payloads was refused: ${created.status} ${snippet(created.text, 160)} (input filtering; the CSP checks still run)`);
  if (caseId) {
    // Grounds and reasons hold payloads too.
    const v = (await s.get(`/api/cases/${encodeURIComponent(caseId)}`)).json?.case?.version ?? 0;
    const ev = await s.post(`/api/cases/${encodeURIComponent(caseId)}/events`, { expectedVersion: v, event: { type: 'other_status', on: ctx.today, reason: `${SCRIPT} ${IMG} ${JS}` } });
    if (ev.status !== 201) fam.info(`the event with script payloads answered ${ev.status} ${snippet(ev.text, 120)}`);
    fam.info(`case ${caseId} holds the payloads (party names, address, label, court, reason)`);
  }

  // The API read-backs: JSON only, never HTML (a browser would render an HTML answer).
  const reads = caseId ? [
    `/api/cases/${encodeURIComponent(caseId)}`,
    `/api/cases${qs({ q: caseId, pageSize: 5 })}`,
    `/api/cases${qs({ unit: OWN_OFFICE, pageSize: 5 })}`,
    `/api/audit${qs({ entityType: 'case', entityId: caseId })}`,
  ] : [];
  for (const path of reads) {
    const res = await s.get(path);
    const echoes = res.text.includes('thads-probe');
    const notJson = !/^application\/json/i.test(res.contentType);
    const through = res.status === 200 && echoes && notJson;
    fam.check({ method: 'GET', path, as: s.username, label: 'payload read back' }, res, through, through ? `payload served as ${res.contentType}` : '');
    if (res.status === 200 && !/nosniff/i.test(String(res.headers['x-content-type-options'] ?? ''))) fam.info(`${path}: no X-Content-Type-Options: nosniff`);
  }

  // Every HTML response: the pages (the case's own page included), errors, odd paths.
  const pages = [
    '/', '/index.html', '/login', '/cases', ...(caseId ? [`/cases/${encodeURIComponent(caseId)}`] : []),
    `/cases/${encodeURIComponent(SCRIPT)}`, `/search?q=${encodeURIComponent(SCRIPT)}`, '/statistics', '/admin/users',
    '/no/such/page', '/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/assets/no-such-file.js', '/API/cases',
  ];
  for (const path of pages) {
    for (const who of ['no cookie', s.username]) {
      const res = who === 'no cookie' ? await send(ctx.target, { path }) : await s.get(path);
      if (!/text\/html/i.test(res.contentType)) {
        fam.info(`GET ${path} [${who}] → ${res.status} ${res.contentType || '(no content type)'} (not HTML, no CSP needed)`);
        continue;
      }
      const problem = cspProblem(res.headers['content-security-policy']);
      fam.check({ method: 'GET', path, as: who, label: 'HTML response CSP' }, res, problem !== null, problem ?? '');
    }
  }
}
