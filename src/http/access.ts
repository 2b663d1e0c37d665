import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../app/actor.js';
import type { Runtime } from '../app/runtime.js';
import { takeFirstPrepared } from '../db/database.js';
import type { Permission } from '../domain/access/roles.js';
import { AppError } from '../domain/errors.js';

/**
 * Access rules are declared on each route (`config.access`) and enforced here, in one place, for every
 * request: session → CSRF → password-change gate → permission → unit scope. A resource outside the
 * user's units answers 404, as if it did not exist. Handlers never check scope themselves; lists use
 * `request.actor.activeScope`.
 */
export type UnitLocator =
  | { from: 'params' | 'body' | 'query'; key: string; kind: 'unitCode' }
  | { from: 'params'; key: string; kind: 'userId' }
  | { from: 'params'; key: string; kind: 'caseId' };

export type AccessRule =
  | { public: true }
  | { permission?: Permission; unit?: UnitLocator; allowDuringPasswordChange?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'thads_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAccessControl(app: FastifyInstance, rt: Runtime): void {
  app.decorateRequest('actor', null);

  app.addHook('preHandler', async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const rule = req.routeOptions.config.access;
    if (!rule) throw new Error(`route ${req.routeOptions.url} declares no access rule`);
    if (UNSAFE.has(req.method)) assertSameOrigin(req);
    if ('public' in rule) return;

    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('AUTH_REQUIRED');
    const actor = await rt.auth.resolveSession(token, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    if (UNSAFE.has(req.method) && !rt.auth.csrfMatches(actor, headerValue(req.headers['x-csrf-token']))) {
      throw new AppError('CSRF_TOKEN_INVALID');
    }
    if (actor.mustChangePassword && !rule.allowDuringPasswordChange) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
    if (rule.permission && !actor.permissions.includes(rule.permission)) throw new AppError('FORBIDDEN');
    if (rule.unit) {
      const unitId = await locateUnit(rt, req, rule.unit);
      // Missing targets and targets outside the scope look the same: 404, never data.
      if (unitId === 'absent') {
        /* nothing named: the handler validates required fields */
      } else if (unitId === null || !actor.scope.has(unitId)) {
        throw new AppError('NOT_FOUND');
      }
    }
    req.actor = actor;
  });
}

/** The actor of a route that declared a non-public rule (set by the hook above). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('actorOf() on a public route');
  return req.actor;
}

async function locateUnit(rt: Runtime, req: FastifyRequest, loc: UnitLocator): Promise<number | null | 'absent'> {
  const source = (loc.from === 'params' ? req.params : loc.from === 'query' ? req.query : req.body) as Record<string, unknown> | undefined;
  const value = source?.[loc.key];
  if (value === undefined || value === null || value === '') return 'absent';
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  switch (loc.kind) {
    case 'unitCode':
      return (await rt.units.byCode(String(value)))?.id ?? null;
    case 'userId': {
      const id = Number(value);
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const row = await rt.db.selectFrom('users').where('id', '=', id).select('unit_id').executeTakeFirst();
      return row?.unit_id ?? null;
    }
    case 'caseId': {
      const row = await takeFirstPrepared(rt.db, rt.db.selectFrom('cases').where('id', '=', String(value)).select('holding_office_id'));
      return row?.holding_office_id ?? null;
    }
    default: {
      const never: never = loc;
      throw new Error(`unknown locator ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Writes from another site are refused when the browser says so (Origin). Together with SameSite cookies,
 * JSON-only bodies and the CSRF token this closes cross-site request forgery, login included.
 */
function assertSameOrigin(req: FastifyRequest): void {
  const origin = headerValue(req.headers.origin);
  if (!origin || origin === 'null') {
    if (origin === 'null') throw new AppError('CSRF_ORIGIN_MISMATCH');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_ORIGIN_MISMATCH');
  }
  const expected = headerValue(req.headers['x-forwarded-host']) ?? req.headers.host;
  if (host !== expected) throw new AppError('CSRF_ORIGIN_MISMATCH');
}

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}
