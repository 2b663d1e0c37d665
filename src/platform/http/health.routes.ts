import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Runtime } from '../runtime.js';

export const healthRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  app.get('/health', { config: { access: { public: true } } }, async (_req, reply) => {
    try {
      await Promise.race([
        sql`SELECT 1`.execute(rt.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000).unref()),
      ]);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
};
