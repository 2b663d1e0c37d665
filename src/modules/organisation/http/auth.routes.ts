import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../app/actor.js';
import type { Runtime } from '../../../platform/runtime.js';
import { TRUSTED_DEVICE_DAYS } from '../domain/login-policy.js';
import { canSwitchUnit } from '../domain/roles.js';
import { AppError } from '../../../kernel/errors.js';
import { actorOf, SESSION_COOKIE } from '../../../platform/http/access.js';
import { parse } from '../../../platform/http/validation.js';

export const DEVICE_COOKIE = 'thads_device';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});
const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});
const activeUnitBody = z.object({ unitCode: z.string().trim().min(1).max(50) });

export const authRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const cookieOptions = (req: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: rt.config.session.secureCookies === 'always' || (rt.config.session.secureCookies === 'auto' && req.protocol === 'https'),
  });

  // The trusted-device token (see AuthService.login): sent only to the login, never to a cross-site request,
  // kept for TRUSTED_DEVICE_DAYS after the last successful login from this browser.
  const deviceCookieOptions = (req: FastifyRequest) => ({
    ...cookieOptions(req),
    path: '/api/auth/login',
    sameSite: 'strict' as const,
    maxAge: TRUSTED_DEVICE_DAYS * 86_400,
  });

  const me = async (actor: Actor) => {
    const unit = (await rt.units.byId(actor.unitId))!;
    const active = (await rt.units.byId(actor.activeUnitId))!;
    const ref = (u: typeof unit) => ({ id: u.id, code: u.code, name: u.name, level: u.level });
    const enforcer = await rt.db.selectFrom('users as u').innerJoin('enforcers as e', 'e.id', 'u.enforcer_id').select(['e.code', 'e.name']).where('u.id', '=', actor.userId).executeTakeFirst();
    return {
      id: actor.userId,
      username: actor.username,
      fullName: actor.fullName,
      role: actor.role,
      unit: ref(unit),
      activeUnit: ref(active),
      permissions: actor.permissions,
      mustChangePassword: actor.mustChangePassword,
      canSwitchUnit: canSwitchUnit(unit.level),
      enforcer: enforcer ?? null,
    };
  };

  app.post(
    '/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: {
          max: rt.config.login.ratePerMinute,
          timeWindow: 60_000,
          keyGenerator: (req: FastifyRequest) => req.ip,
          errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: 429, retryAfter: ctx.after }),
        },
      },
    },
    async (req, reply: FastifyReply) => {
      const body = parse(loginBody, req.body, req);
      const context = { userId: null, username: null, ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
      const result = await rt.auth.login(body.username, body.password, context, req.cookies[DEVICE_COOKIE] ?? null);
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions(req));
      void reply.setCookie(DEVICE_COOKIE, result.deviceToken, deviceCookieOptions(req));
      const actor = await rt.auth.resolveSession(result.sessionToken, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      return { user: await me(actor), csrfToken: result.csrfToken };
    },
  );

  app.post('/auth/logout', { config: { access: { allowDuringPasswordChange: true } } }, async (req, reply) => {
    await rt.auth.logout(actorOf(req));
    void reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
    return reply.status(204).send();
  });

  app.get('/auth/me', { config: { access: { allowDuringPasswordChange: true } } }, async (req) => {
    const actor = actorOf(req);
    return { user: await me(actor), csrfToken: actor.csrfToken };
  });

  app.post('/auth/password', { config: { access: { allowDuringPasswordChange: true } } }, async (req, reply) => {
    const body = parse(passwordBody, req.body, req);
    await rt.auth.changePassword(actorOf(req), body.currentPassword, body.newPassword);
    return reply.status(204).send();
  });

  app.post('/auth/active-unit', { config: { access: { unit: { from: 'body', key: 'unitCode', kind: 'unitCode' } } } }, async (req) => {
    const body = parse(activeUnitBody, req.body, req);
    const actor = actorOf(req);
    await rt.auth.switchActiveUnit(actor, body.unitCode);
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('AUTH_REQUIRED');
    return { user: await me(await rt.auth.resolveSession(token, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null })) };
  });
};
