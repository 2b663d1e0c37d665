import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { todayInVietnam } from '../../../platform/clock.js';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError } from '../../../kernel/errors.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';

const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Z0-9-]+$/, { message: 'Mã đơn vị chỉ gồm chữ in hoa không dấu, số và gạch ngang.' });
const createBody = z.strictObject({
  code,
  name: z.string().trim().min(2).max(300),
  level: z.enum(['national', 'province', 'office']),
  parentCode: code.nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  successorCode: code.nullable().optional(),
});
const patchBody = z.strictObject({
  name: z.string().trim().min(2).max(300).optional(),
  validTo: isoDate.nullable().optional(),
  successorCode: code.nullable().optional(),
});

export const unitsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const today = () => todayInVietnam(rt.clock);

  app.get('/units', { config: { access: { permission: 'units.read' } } }, async (req) => ({
    items: await rt.unitsService.list(actorOf(req), today()),
  }));

  app.get('/units/:code', { config: { access: { permission: 'units.read', unit: { from: 'params', key: 'code', kind: 'unitCode' } } } }, async (req) => {
    const { code: c } = parse(z.object({ code }), req.params, req);
    return rt.unitsService.detail(c, today());
  });

  // Creating a unit under a parent: the parent must be within the administrator's scope.
  app.post('/units', { config: { access: { permission: 'units.manage', unit: { from: 'body', key: 'parentCode', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(createBody, req.body, req);
    const actor = actorOf(req);
    if (body.parentCode === null && actor.unitLevel !== 'national') throw new AppError('FORBIDDEN');
    return reply.status(201).send({ unit: await rt.unitsService.create(actor, body) });
  });

  app.patch('/units/:code', { config: { access: { permission: 'units.manage', unit: { from: 'params', key: 'code', kind: 'unitCode' } } } }, async (req) => {
    const { code: c } = parse(z.object({ code }), req.params, req);
    const body = parse(patchBody, req.body, req);
    return { unit: await rt.unitsService.update(actorOf(req), c, body, today()) };
  });
};
