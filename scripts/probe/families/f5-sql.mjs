// Family 5 — SQL metacharacters in every query parameter of the case search/list, deadlines, drill-down,
// audit and users endpoints and in every JSON string field of the case creation (made in PRB-KV1). Each list probe is paired
// with the same request carrying a harmless value that matches nothing (the baseline).
// Got through = a 500, or (lists) a total larger than the baseline's: a metacharacter widened the match.
import { is2xx, qs, snippet } from '../lib/http.mjs';
import { caseBody, FOREIGN_OFFICE, OWN_OFFICE } from '../lib/setup.mjs';

export const PAYLOADS = [
  ["'", "'"],
  ["''", "''"],
  ["' OR '1'='1", "' OR '1'='1"],
  ['"; DROP TABLE cases; --', '"; DROP TABLE cases; --'],
  ['\\', '\\'],
  ['%', '%'],
  ['_', '_'],
  ['$1', '$1'],
  ['\\u0000', 'a\u0000b'],
  ["' UNION SELECT …", "' UNION SELECT id, username, password_hash FROM users --"],
  ['%%', '%%'],
  ['\\%', '\\%'],
];
const HARMLESS = 'zqxjv';

const countOf = (res) => {
  const j = res.json;
  if (!j) return null;
  if (typeof j.total === 'number') return j.total;
  if (Array.isArray(j.items)) return j.items.length;
  if (Array.isArray(j.overdue)) return j.overdue.length + (j.dueThisWeek?.length ?? 0);
  return null;
};

export async function run(fam, ctx) {
  const admin = await ctx.as('admin');
  const head = await ctx.as('truong.phong');
  const to = ctx.today;
  // [endpoint, fixed params, params to fill, who]
  const lists = [
    ['/api/cases', { pageSize: 5 }, ['unit'], admin],
    ['/api/cases', { pageSize: 5, unit: OWN_OFFICE }, ['q', 'decision', 'idNumber', 'commune', 'enforcer'], admin],
    ['/api/cases', { pageSize: 5, unit: OWN_OFFICE }, ['q', 'decision'], head],
    ['/api/deadlines', { mine: 'false' }, ['enforcer'], head],
    ['/api/statistics/cases', { unit: OWN_OFFICE, to, form: 'cases', key: 'total', by: 'office', pageSize: 5 }, ['value'], head],
    ['/api/statistics/cases', { unit: OWN_OFFICE, to, form: 'cases', key: 'total', by: 'commune', pageSize: 5 }, ['value'], head],
    ['/api/audit', { pageSize: 5 }, ['user', 'action', 'entityType', 'entityId'], admin],
    ['/api/users', { pageSize: 5 }, ['q', 'unit'], admin],
    ['/api/users', { pageSize: 5 }, ['q'], head],
  ];
  for (const [endpoint, fixed, params, s] of lists) {
    for (const param of params) {
      const basePath = `${endpoint}${qs({ ...fixed, [param]: HARMLESS })}`;
      const base = await s.get(basePath);
      const baseCount = is2xx(base) ? countOf(base) : null;
      for (const [label, value] of PAYLOADS) {
        const path = `${endpoint}${qs({ ...fixed, [param]: value })}`;
        const res = await s.get(path);
        const n = is2xx(res) ? countOf(res) : null;
        const wider = n !== null && baseCount !== null && n > baseCount;
        const through = res.status === 500 || wider;
        fam.check({ method: 'GET', path, as: s.username, label: `${param}=${label}` }, res, through,
          res.status === 500 ? '500' : wider ? `total ${n} > ${baseCount} of the harmless value ${HARMLESS}` : '');
      }
    }
  }

  // Case creation: every JSON string field. The cases are created by the admin in the foreign office
  // PRB-KV1, outside the lists probed above (which name TN-KV3): a second run against the same server
  // must not find the first run's stored payloads and take them for a widened match.
  const fields = [
    ['office', (b, v) => ({ ...b, office: v })],
    ['decision.number', (b, v) => ({ ...b, decision: { ...b.decision, number: v } })],
    ['judgment.number', (b, v) => ({ ...b, judgment: { ...b.judgment, number: v } })],
    ['judgment.court', (b, v) => ({ ...b, judgment: { ...b.judgment, court: v } })],
    ['commune', (b, v) => ({ ...b, commune: v })],
    ['enforcer', (b, v) => ({ ...b, enforcer: v })],
    ['parties.0.name', (b, v) => ({ ...b, parties: [{ ...b.parties[0], name: v }] })],
    ['parties.0.address', (b, v) => ({ ...b, parties: [{ ...b.parties[0], address: v }] })],
    ['parties.0.idNumber', (b, v) => ({ ...b, parties: [{ ...b.parties[0], idNumber: v }] })],
    ['obligations.0.label', (b, v) => ({ ...b, obligations: [{ ...b.obligations[0], label: v }] })],
    ['obligations.0.id', (b, v) => ({ ...b, obligations: [{ ...b.obligations[0], id: v }] })],
    ['id', (b, v) => ({ ...b, id: v })],
  ];
  let created = 0;
  for (const [field, put] of fields) {
    for (const [label, value] of PAYLOADS) {
      const body = put(caseBody(FOREIGN_OFFICE, {}, ctx.today), value);
      const res = await admin.post('/api/cases', body);
      if (res.status === 201) created++;
      fam.check({ method: 'POST', path: '/api/cases', as: admin.username, label: `${field}=${label}`, sent: snippet(JSON.stringify(body), 300) }, res, res.status === 500, res.status === 500 ? '500' : '');
    }
  }
  fam.info(`${created} cases with metacharacters in a field were accepted (201; stored as text, which is fine)`);

  // The stored payloads searched back (a 500 only: the counts now legitimately differ).
  for (const [label, value] of PAYLOADS.slice(0, 4)) {
    const path = `/api/cases${qs({ q: value, unit: FOREIGN_OFFICE, pageSize: 50 })}`;
    const res = await admin.get(path);
    fam.check({ method: 'GET', path, as: admin.username, label: `stored q=${label}` }, res, res.status === 500, res.status === 500 ? '500' : '');
  }
}
