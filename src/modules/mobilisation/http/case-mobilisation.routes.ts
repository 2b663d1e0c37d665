import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';
import { VISIT_OUTCOMES, VISIT_PLACES } from '../domain/index.js';

/**
 * A case in the hands of a commune team. The case is named in the path, so the access hook finds its
 * holding office and checks the scope (outside it: 404); the use case checks again and, for a team member,
 * that the case is their team's.
 *   GET  /api/mobilisation/open-cases[?mine=true]     the cases in the hands of my team (a member) or my units' teams
 *                                                     (mine: only the enforcer's own cases)
 *   GET  /api/mobilisation/cases/:id                  whitelisted case, assignments, visits, promises
 *   POST /api/mobilisation/cases/:id/assignment       hand it to a team {teamId, from, coercionPlanned?}
 *   POST /api/mobilisation/cases/:id/assignment/end   take it back {on}
 *   POST /api/mobilisation/cases/:id/visits           record a visit
 */
const params = z.object({ id: z.string().trim().min(1).max(100) });
const money = z.union([z.number().int(), z.string().trim().regex(/^-?\d{1,15}$/, { message: 'Số tiền là số nguyên đồng.' })]).transform((v) => BigInt(v));
const assignBody = z.strictObject({ teamId: z.string().trim().regex(/^\d{1,18}$/, { message: 'Mã tổ không hợp lệ.' }), from: isoDate, coercionPlanned: z.boolean().optional() });
const endBody = z.strictObject({ on: isoDate });
const openQuery = z.object({ mine: z.enum(['true', 'false']).optional() });
const visitBody = z.strictObject({
  on: isoDate,
  place: z.enum(VISIT_PLACES),
  outcome: z.enum(VISIT_OUTCOMES),
  memberIds: z.array(z.string().trim().regex(/^\d{1,18}$/)).max(30),
  instalments: z.array(z.strictObject({ due: isoDate, amount: money })).max(60).optional(),
  paidOnSpot: money.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

export const caseMobilisationRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const byCase = (permission: 'mobilisation.read' | 'mobilisation.write') => ({ permission, unit: { from: 'params', key: 'id', kind: 'caseId' } }) as const;

  // the list is scoped by the use case: a member's own teams, or the teams of the staff's working units
  app.get('/mobilisation/open-cases', { config: { access: { permission: 'mobilisation.read' } } }, async (req) => {
    const q = parse(openQuery, req.query, req);
    return rt.caseMobilisation.openCases(actorOf(req), { mine: q.mine === 'true' });
  });

  app.get('/mobilisation/cases/:id', { config: { access: byCase('mobilisation.read') } }, async (req) => {
    const { id } = parse(params, req.params, req);
    return rt.caseMobilisation.caseView(actorOf(req), id);
  });

  app.post('/mobilisation/cases/:id/assignment', { config: { access: byCase('mobilisation.write') } }, async (req, reply) => {
    const { id } = parse(params, req.params, req);
    const body = parse(assignBody, req.body, req);
    return reply.status(201).send({ assignment: await rt.caseMobilisation.assign(actorOf(req), id, body) });
  });

  app.post('/mobilisation/cases/:id/assignment/end', { config: { access: byCase('mobilisation.write') } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const body = parse(endBody, req.body, req);
    return { assignment: await rt.caseMobilisation.endAssignment(actorOf(req), id, body.on) };
  });

  app.post('/mobilisation/cases/:id/visits', { config: { access: byCase('mobilisation.write') } }, async (req, reply) => {
    const { id } = parse(params, req.params, req);
    const body = parse(visitBody, req.body, req);
    return reply.status(201).send({ visit: await rt.caseMobilisation.recordVisit(actorOf(req), id, body) });
  });
};
