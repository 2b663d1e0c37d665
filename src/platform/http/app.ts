import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { AppError } from '../../kernel/errors.js';
import { registerAccessControl } from './access.js';
import { registerErrorHandling } from './error-handler.js';
import { readableLogStream } from './log-format.js';
import { auditRoutes, authRoutes, unitsRoutes, usersRoutes } from '../../modules/organisation/index.js';
import { casesRoutes } from '../../modules/cases/index.js';
import { healthRoutes } from './health.routes.js';
import { indicatorsRoutes, periodCloseRoutes, statisticsExportsRoutes, statisticsRoutes } from '../../modules/statistics/index.js';
import { campaignsRoutes, caseMobilisationRoutes, resultsRoutes, teamsRoutes } from '../../modules/mobilisation/index.js';
import { steeringRoutes } from '../../modules/steering/index.js';

/** The web front end built by Vite (npm run build:web). */
const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web');

export interface BuildAppOptions {
  logger?: boolean;
}

/** The HTTP application: thin routes over the runtime's use cases. */
export async function buildApp(rt: Runtime, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: rt.config.logLevel, ...(rt.config.logFormat === 'text' ? { stream: readableLogStream() } : {}) },
    bodyLimit: rt.config.bodyLimitBytes,
    trustProxy: rt.config.trustProxy,
    // One line per request only when debugging; errors are always logged by the error handler.
    logController: new LogController({ disableRequestLogging: rt.config.logLevel !== 'debug' && rt.config.logLevel !== 'trace' }),
  });
  registerErrorHandling(app);
  // Bodies are JSON only (docs/api.md): Fastify's built-in text/plain parser would hand a string to the
  // schema (400) where the contract promises 415, and a plain-text body is what a cross-site form can send.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAccessControl(app, rt);

  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    return payload;
  });

  await app.register(
    async (api) => {
      api.addHook('onSend', async (_req, reply, payload) => {
        reply.header('Cache-Control', 'no-store');
        return payload;
      });
      await api.register(healthRoutes, { rt });
      await api.register(authRoutes, { rt });
      await api.register(usersRoutes, { rt });
      await api.register(unitsRoutes, { rt });
      await api.register(auditRoutes, { rt });
      await api.register(casesRoutes, { rt });
      await api.register(statisticsRoutes, { rt });
      await api.register(indicatorsRoutes, { rt });
      await api.register(periodCloseRoutes, { rt });
      await api.register(statisticsExportsRoutes, { rt });
      await api.register(teamsRoutes, { rt });
      await api.register(caseMobilisationRoutes, { rt });
      await api.register(steeringRoutes, { rt });
      await api.register(resultsRoutes, { rt });
      await api.register(campaignsRoutes, { rt });
    },
    { prefix: '/api' },
  );

  if (existsSync(path.join(WEB_DIR, 'index.html'))) {
    // serve: false — the files are sent by the route below (which declares its access), not by routes of the
    // plugin's own, which would declare none.
    await app.register(fastifyStatic, { root: WEB_DIR, serve: false });
    // The single-page application handles its own routes: every other GET outside /api gets index.html.
    app.get('/*', { config: { access: { public: true } } }, (req, reply) => {
      if (looksLikeApi(req.url)) throw new AppError('NOT_FOUND');
      const file = webFile(req.url);
      if (file) {
        const longLived = file.startsWith('assets/');
        return reply.header('Cache-Control', longLived ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
      }
      // A missing asset is a 404, not the application's HTML under a script's or a stylesheet's name.
      if (/^\/assets(\/|$)/i.test(pathOf(req.url))) throw new AppError('NOT_FOUND');
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    });
  } else {
    app.get('/*', { config: { access: { public: true } } }, (req, reply) => {
      if (looksLikeApi(req.url)) throw new AppError('NOT_FOUND');
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Giao diện web chưa được build. Chạy: npm run build:web\nThe web front end is not built. Run: npm run build:web\n');
    });
  }
  return app;
}

/**
 * HTML responses: scripts only from our own origin (no inline script, no eval), so an injected
 * `<script>` or `onerror=` in a name cannot run even if some screen forgot to escape it. Styles allow
 * inline because antd writes its CSS-in-JS into <style> elements at run time; that cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function pathOf(url: string): string {
  return url.split('?')[0]!;
}

/**
 * Whether a path that reached the SPA fallback is an API path in another spelling: percent-encoded once or
 * more (`/%2561pi/…`), in another case (`/API/`), with doubled slashes, dot segments or a trailing slash.
 * Such a request matched no API route; it gets the API's 404, never the application's HTML with a 200.
 */
export function looksLikeApi(url: string): boolean {
  let p = pathOf(url);
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(p);
    } catch {
      break;
    }
    if (next === p) break;
    p = next;
  }
  p = p.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/\/(\.\/)+/g, '/').replace(/^\/\.(\/|$)/, '/');
  return /^\/api(\/|\.|$)/i.test(p);
}

/** The built file a URL names, if it is a regular file inside the web folder. */
function webFile(url: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathOf(url)).slice(1);
  } catch {
    return null;
  }
  if (!rel || rel.includes('\0')) return null;
  const full = path.resolve(WEB_DIR, rel);
  if (!full.startsWith(WEB_DIR + path.sep)) return null;
  try {
    return statSync(full).isFile() ? path.relative(WEB_DIR, full) : null;
  } catch {
    return null;
  }
}
