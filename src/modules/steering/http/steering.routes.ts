import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';
import { COMMITTEE_LEVELS, MEETING_KINDS, MEMBER_ROLES, TASK_STATUSES } from '../domain/index.js';

/**
 * The steering committee (Ban Chỉ đạo THADS). Routes naming a unit let the access hook check its scope
 * (outside it: 404); routes naming a committee or a task by id declare the permission only (the access hook
 * has no locator for them) and the use case answers the same 404 when the committee is out of the reader's reach.
 *   GET   /api/steering/committees?unit&date          the committees in force for the unit on that date
 *   GET   /api/steering/committees/:id                members, meetings (attendance), tasks with their state
 *   POST  /api/steering/committees                    records a committee established by a decision
 *   POST  /api/steering/committees/:id/members        adds members
 *   POST  /api/steering/committees/:id/meetings       a meeting, its attendance and its conclusions as tasks
 *   POST  /api/steering/tasks/:id/followups           a follow-up note on a task
 *   PATCH /api/steering/tasks/:id                     a task's status (done with its date, cancelled, open)
 *   GET   /api/steering/report.docx?unit&to[&proposal…][&place]  the office's periodic report to the committee
 */
const unit = z.string().trim().min(1).max(50);
const text = (max: number) => z.string().trim().min(1).max(max);
const idParams = z.object({ id: z.string().regex(/^\d{1,18}$/, { message: 'Mã không hợp lệ.' }) });
const member = z.strictObject({
  name: text(200), position: text(200), agency: text(200), role: z.enum(MEMBER_ROLES),
  validFrom: isoDate.optional(), validTo: isoDate.nullable().optional(),
});
const createBody = z.strictObject({
  level: z.enum(COMMITTEE_LEVELS),
  unit,
  name: text(300),
  decision: z.strictObject({ number: text(60), date: isoDate, signer: text(200) }),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  members: z.array(member).max(60).optional(),
});
const membersBody = z.strictObject({ members: z.array(member).min(1).max(60) });
const meetingBody = z.strictObject({
  heldOn: isoDate,
  kind: z.enum(MEETING_KINDS),
  agenda: text(4000),
  minutes: z.string().trim().max(20_000).nullable().optional(),
  attendance: z.array(z.strictObject({ memberId: z.string().regex(/^\d{1,18}$/), present: z.boolean() })).max(100),
  tasks: z.array(z.strictObject({ text: text(2000), ownerAgency: text(200), deadline: isoDate })).max(50),
});
const followupBody = z.strictObject({ on: isoDate, note: text(4000) });
const statusBody = z.strictObject({ status: z.enum(TASK_STATUSES), doneOn: isoDate.nullable().optional() });
const listQuery = z.object({ unit, date: isoDate });
const reportQuery = z.object({
  unit,
  to: isoDate,
  proposal: z.union([text(2000), z.array(text(2000)).max(20)]).optional(),
  place: z.string().trim().max(100).optional(),
});

export const steeringRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  app.get('/steering/committees', { config: { access: { permission: 'steering.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const q = parse(listQuery, req.query, req);
    return { items: await rt.steering.inForce(actorOf(req), q.unit, q.date) };
  });

  app.get('/steering/committees/:id', { config: { access: { permission: 'steering.read' } } }, async (req) => {
    const { id } = parse(idParams, req.params, req);
    return rt.steering.detail(actorOf(req), id);
  });

  app.post('/steering/committees', { config: { access: { permission: 'steering.manage', unit: { from: 'body', key: 'unit', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(createBody, req.body, req);
    return reply.status(201).send(await rt.steering.create(actorOf(req), body));
  });

  app.post('/steering/committees/:id/members', { config: { access: { permission: 'steering.manage' } } }, async (req, reply) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(membersBody, req.body, req);
    return reply.status(201).send(await rt.steering.addMembers(actorOf(req), id, body.members));
  });

  app.post('/steering/committees/:id/meetings', { config: { access: { permission: 'steering.manage' } } }, async (req, reply) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(meetingBody, req.body, req);
    return reply.status(201).send(await rt.steering.recordMeeting(actorOf(req), id, body));
  });

  app.post('/steering/tasks/:id/followups', { config: { access: { permission: 'steering.manage' } } }, async (req, reply) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(followupBody, req.body, req);
    return reply.status(201).send({ task: await rt.steering.addFollowup(actorOf(req), id, body) });
  });

  app.patch('/steering/tasks/:id', { config: { access: { permission: 'steering.manage' } } }, async (req) => {
    const { id } = parse(idParams, req.params, req);
    const body = parse(statusBody, req.body, req);
    return { task: await rt.steering.setTaskStatus(actorOf(req), id, body) };
  });

  app.get('/steering/report.docx', { config: { access: { permission: 'steering.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req, reply) => {
    const q = parse(reportQuery, req.query, req);
    const proposals = q.proposal === undefined ? [] : [q.proposal].flat();
    const { bytes, fileName } = await rt.steering.reportDocx(actorOf(req), { unit: q.unit, to: q.to, proposals, place: q.place });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(bytes);
  });
};
