import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { CASE_STATUSES, CATEGORIES, INITIATIONS } from '../domain/case-types.js';
import { actorOf } from '../../../platform/http/access.js';
import { createCaseBody, recordEventBody } from './case-schemas.js';
import { page, pageSize, parse } from '../../../platform/http/validation.js';

const idParams = z.object({ id: z.string().min(1).max(60) });
const listQuery = z.object({
  unit: z.string().trim().max(50).optional(),
  q: z.string().trim().max(200).optional(),
  decision: z.string().trim().max(100).optional(),
  idNumber: z.string().trim().max(20).optional(),
  commune: z.string().trim().max(20).optional(),
  enforcer: z.string().trim().max(50).optional(),
  status: z.union([z.enum(CASE_STATUSES), z.array(z.enum(CASE_STATUSES))]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  initiation: z.enum(INITIATIONS).optional(),
  category: z.enum(CATEGORIES).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  page,
  pageSize,
});

export const casesRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  app.get('/cases', { config: { access: { permission: 'cases.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const q = parse(listQuery, req.query, req);
    return rt.cases.search(actorOf(req), { ...q, unitCode: q.unit });
  });

  app.post('/cases', { config: { access: { permission: 'cases.write', unit: { from: 'body', key: 'office', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(createCaseBody, req.body, req);
    const created = await rt.cases.create(actorOf(req).ctx, body);
    return reply.status(201).send(created);
  });

  app.get('/cases/:id', { config: { access: { permission: 'cases.read', unit: { from: 'params', key: 'id', kind: 'caseId' } } } }, async (req) => {
    const { id } = parse(idParams, req.params, req);
    return rt.cases.detail(actorOf(req), id);
  });

  app.post('/cases/:id/events', { config: { access: { permission: 'cases.write', unit: { from: 'params', key: 'id', kind: 'caseId' } } } }, async (req, reply) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(recordEventBody, req.body, req);
    return reply.status(201).send(await rt.cases.recordEvent(actorOf(req), id, body.expectedVersion, body.event));
  });

  app.post('/cases/:id/events/:seq/reverse', { config: { access: { permission: 'cases.write', unit: { from: 'params', key: 'id', kind: 'caseId' } } } }, async (req, reply) => {
    const { id, seq } = parse(z.object({ id: z.string().min(1).max(60), seq: z.coerce.number().int().positive() }), req.params, req);
    const body = parse(z.strictObject({ expectedVersion: z.number().int().nonnegative(), reason: z.string().trim().min(5).max(500) }), req.body, req);
    return reply.status(201).send(await rt.cases.reverseEvent(actorOf(req), id, seq, body.expectedVersion, body.reason));
  });

  app.get('/deadlines', { config: { access: { permission: 'cases.read' } } }, async (req) => {
    const q = parse(z.object({ mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'), enforcer: z.string().trim().max(50).optional() }), req.query, req);
    return rt.cases.deadlines(actorOf(req), { mine: q.mine, enforcer: q.enforcer });
  });

  app.get('/deadlines/summary', { config: { access: { permission: 'cases.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const q = parse(z.object({ mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'), unit: z.string().trim().max(50).optional() }), req.query, req);
    return rt.cases.deadlineSummary(actorOf(req), { mine: q.mine, unitCode: q.unit });
  });

  app.post('/cases/reassign', { config: { access: { permission: 'cases.assign' } } }, async (req) => {
    const body = parse(z.strictObject({ caseIds: z.array(z.string().min(1).max(60)).min(1).max(500), enforcer: z.string().trim().min(1).max(50) }), req.body, req);
    return rt.cases.reassign(actorOf(req), body.caseIds, body.enforcer);
  });
};
