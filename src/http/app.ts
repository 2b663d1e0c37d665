import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Runtime } from '../app/runtime.js';
import { AppError } from '../domain/errors.js';
import { registerAccessControl } from './access.js';
import { registerErrorHandling } from './error-handler.js';
import { auditRoutes } from './routes/audit.routes.js';
import { casesRoutes } from './routes/cases.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { periodCloseRoutes } from './routes/period-close.routes.js';
import { statisticsExportsRoutes } from './routes/statistics-exports.routes.js';
import { statisticsRoutes } from './routes/statistics.routes.js';
import { unitsRoutes } from './routes/units.routes.js';
import { usersRoutes } from './routes/users.routes.js';

/** The web front end built by Vite (npm run build:web). */
const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

export interface BuildAppOptions {
  logger?: boolean;
}

/** The HTTP application: thin routes over the runtime's use cases. */
export async function buildApp(rt: Runtime, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: rt.config.logLevel },
    bodyLimit: rt.config.bodyLimitBytes,
    trustProxy: rt.config.trustProxy,
    // One line per request only when debugging; errors are always logged by the error handler.
    logController: new LogController({ disableRequestLogging: rt.config.logLevel !== 'debug' && rt.config.logLevel !== 'trace' }),
  });
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAccessControl(app, rt);

  app.addHook('onSend', async (_req, reply, payload) => {
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
      await api.register(periodCloseRoutes, { rt });
      await api.register(statisticsExportsRoutes, { rt });
    },
    { prefix: '/api' },
  );

  if (existsSync(path.join(WEB_DIR, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIR, wildcard: false, index: false });
    // The single-page application handles its own routes: every other GET outside /api gets index.html.
    app.get('/*', { config: { access: { public: true } } }, (req, reply) => {
      if (req.url.startsWith('/api/')) throw new AppError('NOT_FOUND');
      const file = req.url.split('?')[0]!.slice(1);
      if (file && !file.includes('..') && existsSync(path.join(WEB_DIR, file))) {
        const longLived = file.startsWith('assets/');
        return reply.header('Cache-Control', longLived ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
      }
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    });
  } else {
    app.get('/*', { config: { access: { public: true } } }, (req, reply) => {
      if (req.url.startsWith('/api/')) throw new AppError('NOT_FOUND');
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Giao diện web chưa được build. Chạy: npm run build:web\nThe web front end is not built. Run: npm run build:web\n');
    });
  }
  return app;
}
