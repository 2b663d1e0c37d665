import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../modules/organisation/index.js';
import type { Runtime } from '../runtime.js';
import { takeFirstPrepared } from '../db/database.js';
import type { Permission } from '../../modules/organisation/domain/index.js';
import { AppError } from '../../kernel/errors.js';
import { textProblem } from '../../kernel/text/clean-text.js';

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

/** A route as registered: what the access test enumerates (every method and URL of the app). */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: AccessRule;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app with its declared access rule, in registration order. */
    registeredRoutes: RegisteredRoute[];
  }
}

/**
 * The access decision. It is taken from the *matched route's own declaration*, never from the URL's text:
 * the router decodes percent-escapes (`/%61pi/users/1` is `/api/users/1`), so any test on `req.url` can be
 * walked past by a spelling the router accepts. Deny by default: a route that declares no rule refuses to
 * register (the application does not start), and a request that reaches a handler without a rule is refused.
 * Must be called before any route is registered (onRoute only sees later routes).
 */
export function registerAccessControl(app: FastifyInstance, rt: Runtime): void {
  app.decorateRequest('actor', null);
  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    for (const method of [route.method].flat()) app.registeredRoutes.push({ method, url: route.url ?? route.path, access });
  });

  app.addHook('preHandler', async (req: FastifyRequest, _reply: FastifyReply) => {
    // No route matched: the not-found handler answers 404 and reveals nothing, whatever the method.
    if (req.is404) return;
    const rule = req.routeOptions.config.access;
    if (!rule) throw new AppError('FORBIDDEN');
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
  // A reference that no unit, user or case can have (NUL, control or invisible characters, over-long) is
  // simply not found: PostgreSQL would refuse a NUL in text with an error, which must not become a 500.
  if (typeof value === 'string' && (value.length > 100 || textProblem(value) !== null)) return null;
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
  // req.host is the Host header, or X-Forwarded-Host only when TRUST_PROXY says a proxy sets it: a forged
  // X-Forwarded-Host from a browser must not make a foreign Origin look like ours.
  if (host !== req.host) throw new AppError('CSRF_ORIGIN_MISMATCH');
}

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}
