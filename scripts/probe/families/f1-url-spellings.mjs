// Family 1 — unauthenticated access with URL spellings.
// Every API route (parsed from the *.routes.ts files under src/, else the built *.routes.js under dist/server/)
// with its parameters filled with real values, requested WITHOUT a cookie under spellings of "/api" that a
// router may decode or normalise while a check on the raw URL text does not. Public routes (health, login)
// are left out. Got through = 2xx with a body that is not the single-page app's HTML (JSON or a file), or 500.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { is2xx, isSpaHtml, qs, send } from '../lib/http.mjs';
import { caseBody, OWN_OFFICE } from '../lib/setup.mjs';

/** Routes as `{ method, path, public }` with path under /api, from the route source files. */
export function listRoutes(appDirs) {
  for (const appDir of appDirs) {
    for (const [dir, ext] of [['src', '.routes.ts'], ['dist/server', '.routes.js']]) {
      const full = path.join(appDir, dir);
      if (!existsSync(full)) continue;
      const routes = [];
      // Route files live in each feature module's http/ folder (src/modules/<name>/http/) and the platform's.
      for (const f of readdirSync(full, { recursive: true }).map(String).filter((x) => x.endsWith(ext)).sort()) {
        const src = readFileSync(path.join(full, f), 'utf8');
        const re = /\bapp\.(get|post|put|patch|delete)\(\s*(['"`])([^'"`]+)\2/g;
        let m;
        while ((m = re.exec(src))) {
          // The route's options follow the path; `public: true` there (or in the const it names) = no session needed.
          const after = src.slice(m.index, m.index + 400);
          const optionsText = after.slice(0, after.indexOf('async') > 0 ? after.indexOf('async') : 400);
          routes.push({ method: m[1].toUpperCase(), path: `/api${m[3]}`, public: /public:\s*true/.test(optionsText), file: f });
        }
      }
      if (routes.length) return { routes, source: path.join(full, `*${ext}`) };
    }
  }
  return { routes: [], source: null };
}

/** The spellings of `/api/<rest>` (rest without its leading slash; query appended by the caller). */
export function spellings(rest) {
  const i = rest.search(/[a-z]/i);
  const encOne = i < 0 ? rest : `${rest.slice(0, i)}%${rest.charCodeAt(i).toString(16).toUpperCase()}${rest.slice(i + 1)}`;
  return [
    ['plain', `/api/${rest}`],
    ['%61pi', `/%61pi/${rest}`],
    ['a%70i', `/a%70i/${rest}`],
    ['ap%69', `/ap%69/${rest}`],
    ['%61%70%69', `/%61%70%69/${rest}`],
    ['double-encoded %2561pi', `/%2561pi/${rest}`],
    ['upper-case /API/', `/API/${rest}`],
    ['mixed-case /Api/', `/Api/${rest}`],
    ['trailing slash', `/api/${rest}/`],
    ['//api', `//api/${rest}`],
    ['/./api', `/./api/${rest}`],
    ['/api/./x', `/api/./${rest}`],
    ['path-as-is /x/../api', `/x/../api/${rest}`],
    ['path-as-is /api/x/../x', `/api/${rest.split('/')[0]}/../${rest}`],
    ['encoded char of the rest', `/api/${encOne}`],
    ['encoded slash /api%2F', `/api%2F${rest}`],
    ['encoded dot segment /%2e/api', `/%2e/api/${rest}`],
    ['upper-case rest', `/api/${rest.toUpperCase()}`],
  ];
}

function queryFor(p, ctx) {
  const unit = OWN_OFFICE;
  const to = ctx.monthEnd;
  const map = {
    '/api/statistics/report': { unit, to },
    '/api/statistics/breakdown': { unit, to, by: 'office' },
    '/api/statistics/cases': { unit, to, form: 'cases', key: 'total', pageSize: 5 },
    '/api/statistics/targets': { unit, fiscalYear: ctx.fiscalYear },
    '/api/statistics/closes': { unit },
    '/api/statistics/close-diff': { unit, monthEnd: to },
    '/api/statistics/export': { unit, to, format: 'xlsx' },
    '/api/statistics/narrative': { unit, fromYear: 2020, toYear: 2021 },
    '/api/cases': { pageSize: 5 },
    '/api/users': { pageSize: 5 },
    '/api/audit': { pageSize: 5 },
  };
  return qs(map[p]);
}

/** A body that would really do the thing if the request were let through (harmless where possible). */
function bodyFor(method, p, ctx, ownCase) {
  const key = `${method} ${p}`;
  switch (key) {
    case 'POST /api/auth/logout': return {};
    case 'POST /api/auth/password': return { currentPassword: 'ChauThanh@2026', newPassword: 'Probe-NoCookie-2026' };
    case 'POST /api/auth/active-unit': return { unitCode: OWN_OFFICE };
    case 'POST /api/users': return { username: `probe.f1.${Date.now() % 1e6}`, fullName: 'Probe F1', role: 'clerk', unitCode: OWN_OFFICE, password: 'Probe-F1-pass-2026' };
    case 'PATCH /api/users/:id': return { fullName: 'Probe Victim Renamed' };
    case 'POST /api/users/:id/reset-password': return { newPassword: 'Probe-Reset-NoCookie-2026' };
    case 'POST /api/users/:id/unlock': return {};
    case 'POST /api/units': return { code: `PRB-F1${Date.now() % 1e5}`, name: 'Probe F1 unit', level: 'office', parentCode: 'PRB', validFrom: '2025-07-01' };
    case 'PATCH /api/units/:code': return { name: 'Probe renamed (no cookie)' };
    case 'POST /api/cases': return caseBody(OWN_OFFICE, {}, ctx.today);
    case 'POST /api/cases/:id/events': return { expectedVersion: ownCase?.version ?? 0, event: { type: 'verified', on: ctx.today, result: 'has_means' } };
    case 'POST /api/cases/:id/events/:seq/reverse': return { expectedVersion: ownCase?.version ?? 0, reason: 'probe: no cookie' };
    case 'POST /api/cases/reassign': return { caseIds: [ownCase?.id ?? 'none'], enforcer: 'TN-KV3-02' };
    case 'PUT /api/statistics/targets': return { unit: OWN_OFFICE, fiscalYear: ctx.fiscalYear, cases: 71, money: 41 };
    case 'PUT /api/statistics/policies': return ctx.policies ?? { moneyResolved: ['completed'], postponementGroundsWithoutMeans: [] };
    case 'POST /api/statistics/close': return { unit: OWN_OFFICE, monthEnd: ctx.monthEnd };
    default: return {};
  }
}

export async function run(fam, ctx, { appDirs }) {
  const { routes, source } = listRoutes(appDirs);
  if (!routes.length) {
    fam.error = 'no route source found (*.routes.ts under src/ or *.routes.js under dist/server/)';
    return;
  }
  const guarded = routes.filter((r) => !r.public);
  fam.info(`${routes.length} routes parsed from ${source}; ${routes.length - guarded.length} public (${routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`).join(', ')}) left out`);
  const ownCase = await ctx.newOwnCase().catch(() => null);
  for (const r of guarded) {
    const isWrite = r.method !== 'GET';
    // Parameters: a real case, user 1 for reads and the throwaway user for writes, a unit code, seq 1.
    const filled = r.path
      .replace(':id', r.path.startsWith('/api/cases/') ? encodeURIComponent(isWrite ? ownCase?.id ?? ctx.own.demoCaseIds[0] : ctx.own.demoCaseIds[0] ?? 'TN-KV3-2026-00001') : String(isWrite ? ctx.victimId ?? 1 : 1))
      .replace(':code', isWrite ? 'PRB-KV1' : OWN_OFFICE)
      .replace(':seq', '1');
    const rest = filled.replace(/^\/api\//, '');
    const q = r.method === 'GET' ? queryFor(r.path, ctx) : '';
    for (const [label, spelled] of spellings(rest)) {
      const p = spelled + q;
      const body = isWrite ? bodyFor(r.method, r.path, ctx, ownCase) : undefined;
      const res = await send(ctx.target, { method: r.method, path: p, body });
      const through = (is2xx(res) && !isSpaHtml(res)) || res.status === 500;
      fam.check({ method: r.method, path: p, label, sent: body ? JSON.stringify(body) : '' }, res, through,
        res.status === 500 ? '500 instead of 401' : through ? 'data/action without a session' : '');
    }
  }
}
