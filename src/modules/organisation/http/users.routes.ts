import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { ROLES } from '../domain/roles.js';
import { AppError } from '../../../kernel/errors.js';
import { actorOf } from '../../../platform/http/access.js';
import { page, pageSize, parse } from '../../../platform/http/validation.js';

const username = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[a-zA-Z0-9._-]+$/, { message: 'Chỉ dùng chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.' });
const fullName = z.string().trim().min(2).max(200);
const idParams = z.object({ id: z.coerce.number().int().positive() });

const listQuery = z.object({
  unit: z.string().trim().max(50).optional(),
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  page,
  pageSize,
});
const createBody = z.strictObject({
  username,
  fullName,
  role: z.enum(ROLES),
  unitCode: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(1000),
});
const patchBody = z
  .strictObject({
    fullName: fullName.optional(),
    role: z.enum(ROLES).optional(),
    unitCode: z.string().trim().min(1).max(50).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có thay đổi nào.' });
const resetBody = z.strictObject({ newPassword: z.string().min(1).max(1000) });

export const usersRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  app.get('/users', { config: { access: { permission: 'users.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const q = parse(listQuery, req.query, req);
    return rt.users.list(actorOf(req), { unitCode: q.unit, q: q.q, role: q.role, page: q.page, pageSize: q.pageSize });
  });

  app.get('/users/:id', { config: { access: { permission: 'users.read', unit: { from: 'params', key: 'id', kind: 'userId' } } } }, async (req) => {
    const { id } = parse(idParams, req.params, req);
    const user = await rt.users.get(id);
    if (!user) throw new AppError('NOT_FOUND');
    return { user };
  });

  app.post('/users', { config: { access: { permission: 'users.manage', unit: { from: 'body', key: 'unitCode', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(createBody, req.body, req);
    const user = await rt.users.create(actorOf(req).ctx, body);
    return reply.status(201).send({ user });
  });

  app.patch('/users/:id', { config: { access: { permission: 'users.manage', unit: { from: 'params', key: 'id', kind: 'userId' } } } }, async (req) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(patchBody, req.body, req);
    return { user: await rt.users.update(actorOf(req), id, body) };
  });

  app.post('/users/:id/reset-password', { config: { access: { permission: 'users.manage', unit: { from: 'params', key: 'id', kind: 'userId' } } } }, async (req, reply) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(resetBody, req.body, req);
    await rt.users.resetPassword(actorOf(req).ctx, id, body.newPassword);
    return reply.status(204).send();
  });

  app.post('/users/:id/unlock', { config: { access: { permission: 'users.manage', unit: { from: 'params', key: 'id', kind: 'userId' } } } }, async (req, reply) => {
    const { id } = parse(idParams, req.params, req);
    await rt.users.unlock(actorOf(req).ctx, id);
    return reply.status(204).send();
  });
};
