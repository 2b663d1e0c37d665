import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, page, pageSize, parse } from '../../../platform/http/validation.js';

const query = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  user: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  page,
  pageSize,
});

export const auditRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  app.get('/audit', { config: { access: { permission: 'audit.read' } } }, async (req) => {
    const q = parse(query, req.query, req);
    const actor = actorOf(req);
    // National administrators see everything, including failed logins of unknown usernames.
    const national = actor.unitLevel === 'national' && actor.activeUnitId === actor.unitId;
    return rt.audit.list({
      unitIds: national ? null : [...actor.activeScope],
      from: q.from, to: q.to, username: q.user, action: q.action, entityType: q.entityType, entityId: q.entityId,
      page: q.page, pageSize: q.pageSize,
    });
  });
};
