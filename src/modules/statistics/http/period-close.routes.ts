import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';

/**
 * Closing a period (chốt số liệu, statistics.md §1) and the difference report against the frozen figures.
 * Every route names its unit so the access hook checks the scope: outside it, 404.
 *   POST /api/statistics/close {unit, monthEnd}            (statistics.close)
 *   GET  /api/statistics/closes?unit[&fiscalYear]          (statistics.read)
 *   GET  /api/statistics/close-diff?unit&monthEnd          (statistics.read)
 */
const unit = z.string().trim().min(1).max(50);
const closeBody = z.strictObject({ unit, monthEnd: isoDate });
const listQuery = z.object({ unit, fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });
const diffQuery = z.object({ unit, monthEnd: isoDate });

export const periodCloseRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const byQuery = { permission: 'statistics.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } as const;

  app.post('/statistics/close', { config: { access: { permission: 'statistics.close', unit: { from: 'body', key: 'unit', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(closeBody, req.body, req);
    return reply.status(201).send(await rt.periodCloses.close(actorOf(req), body));
  });

  app.get('/statistics/closes', { config: { access: byQuery } }, async (req) => {
    const q = parse(listQuery, req.query, req);
    return rt.periodCloses.list(actorOf(req), q.unit, q.fiscalYear);
  });

  app.get('/statistics/close-diff', { config: { access: byQuery } }, async (req) => {
    const q = parse(diffQuery, req.query, req);
    return rt.periodCloses.diff(actorOf(req), q.unit, q.monthEnd);
  });
};
