import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';
import { MEMBER_ORGANISATIONS, TEAM_ROLES } from '../domain/index.js';

/**
 * Commune mobilisation teams. The unit is named in the query (or the body's `office`) so the access hook
 * checks the scope (outside it: 404); the use case checks it again.
 *   GET  /api/mobilisation/teams?unit&date     the teams of the unit valid on that date, with their members
 *   POST /api/mobilisation/teams               records a team established by a decision (heads of office)
 */
const unit = z.string().trim().min(1).max(50);
const text = (max: number) => z.string().trim().min(1).max(max);
const listQuery = z.object({ unit, date: isoDate });
const createBody = z.strictObject({
  office: unit,
  commune: z.string().trim().regex(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số (danh mục đơn vị hành chính).' }),
  name: z.string().trim().max(200).optional(),
  decision: z.strictObject({ number: text(60), date: isoDate, signer: text(200) }),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  members: z.array(z.strictObject({
    name: text(200),
    organisation: z.enum(MEMBER_ORGANISATIONS),
    role: z.enum(TEAM_ROLES),
    phone: z.string().trim().regex(/^[0-9 +().-]{6,20}$/, { message: 'Số điện thoại không hợp lệ.' }).nullable().optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullable().optional(),
  })).min(1).max(50),
});

export const teamsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  app.get('/mobilisation/teams', { config: { access: { permission: 'mobilisation.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const q = parse(listQuery, req.query, req);
    return { items: await rt.teams.list(actorOf(req), q.unit, q.date) };
  });

  app.post('/mobilisation/teams', { config: { access: { permission: 'mobilisation.write', unit: { from: 'body', key: 'office', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(createBody, req.body, req);
    return reply.status(201).send({ team: await rt.teams.create(actorOf(req), body) });
  });
};
