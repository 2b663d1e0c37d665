import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';
import { CAMPAIGN_CASE_REASONS, CAMPAIGN_DECIDERS, LEADERBOARD_BYS } from '../domain/index.js';

/**
 * Peak campaigns (đợt cao điểm). The list and the opening name their unit (query `unit`, body `unit`), so the
 * access hook checks the scope; a campaign named by its id is checked by the use case, which answers 404
 * outside the reader's scope (a province's or the nation's campaign is seen from the offices it covers).
 *   GET   /api/campaigns?unit                                    campaigns over, above or inside the unit
 *   POST  /api/campaigns                                         open one {unit, name, decision, decidedBy, from, to, targets, participants}
 *   GET   /api/campaigns/:id                                     with targets, named cases, participants
 *   PATCH /api/campaigns/:id                                     edit (open only; closed: 409 campaign_closed)
 *   GET   /api/campaigns/:id/candidates?minOutstanding&pendingSinceBefore&coercion[&unit]
 *   POST  /api/campaigns/:id/cases                               name difficult cases {cases: [{caseId, reason, note?}]}
 *   GET   /api/campaigns/:id/leaderboard?by=office|enforcer|team|commune[&unit]
 *   GET   /api/campaigns/:id/leaderboard/cases?by=team&value=TEAM|none&form=cases|money[&unit]
 *   GET   /api/campaigns/:id/progress[?unit]                     day-by-day cumulative cases and money
 *   POST  /api/campaigns/:id/close                               freeze the figures
 *   GET   /api/campaigns/:id/closing-report.docx                 the closing report
 */
const unit = z.string().trim().min(1).max(50);
const text = (max: number) => z.string().trim().min(1).max(max);
const params = z.object({ id: z.string().trim().regex(/^\d{1,18}$/, { message: 'Mã đợt cao điểm không hợp lệ.' }) });
const money = z.union([z.number().int(), z.string().trim().regex(/^-?\d{1,18}$/, { message: 'Số tiền là số nguyên đồng.' })]).transform((v) => BigInt(v));
const targets = z.strictObject({
  cases: z.number().int().nullable().optional(),
  money: money.nullable().optional(),
  casesRate: z.number().nullable().optional(),
  moneyRate: z.number().nullable().optional(),
});
const participant = z.strictObject({
  unit: unit.optional(),
  teamId: z.string().trim().regex(/^\d{1,18}$/).optional(),
  enforcer: z.string().trim().min(1).max(50).optional(),
  role: text(200),
});
const campaignFields = {
  name: text(300),
  decision: z.strictObject({ number: text(60), date: isoDate, signer: text(200) }),
  decidedBy: z.enum(CAMPAIGN_DECIDERS),
  from: isoDate,
  to: isoDate,
  targets: targets.default({}),
  participants: z.array(participant).max(500).optional(),
};
const createBody = z.strictObject({ unit, ...campaignFields });
const patchBody = z.strictObject({
  name: campaignFields.name.optional(), decision: campaignFields.decision.optional(), decidedBy: campaignFields.decidedBy.optional(),
  from: isoDate.optional(), to: isoDate.optional(), targets: targets.optional(), participants: campaignFields.participants,
});
const casesBody = z.strictObject({
  cases: z.array(z.strictObject({ caseId: text(100), reason: z.enum(CAMPAIGN_CASE_REASONS), note: z.string().trim().max(1000).nullable().optional() })).min(1).max(500),
});
const listQuery = z.object({ unit });
const boardQuery = z.object({ by: z.enum(LEADERBOARD_BYS), unit: unit.optional() });
const teamCasesQuery = z.object({ by: z.literal('team'), value: z.string().trim().regex(/^(\d{1,18}|none)$/), form: z.enum(['cases', 'money']), unit: unit.optional() });
const unitQuery = z.object({ unit: unit.optional() });
const candidatesQuery = z.object({
  unit: unit.optional(),
  minOutstanding: z.string().trim().regex(/^\d{1,18}$/).transform((v) => BigInt(v)).optional(),
  pendingSinceBefore: isoDate.optional(),
  coercion: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** JSON of a value holding bigint đồng: amounts as strings of digits. */
function present(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(present);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, present(v)]));
  return value;
}

export const campaignsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const read = { permission: 'mobilisation.read' } as const;
  const manage = { permission: 'campaigns.manage' } as const;

  app.get('/campaigns', { config: { access: { ...read, unit: { from: 'query', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const q = parse(listQuery, req.query, req);
    return present(await rt.campaigns.list(actorOf(req), q.unit));
  });

  app.post('/campaigns', { config: { access: { ...manage, unit: { from: 'body', key: 'unit', kind: 'unitCode' } } } }, async (req, reply) => {
    const body = parse(createBody, req.body, req);
    return reply.status(201).send(present(await rt.campaigns.create(actorOf(req), body)));
  });

  app.get('/campaigns/:id', { config: { access: read } }, async (req) => {
    const { id } = parse(params, req.params, req);
    return present(await rt.campaigns.get(actorOf(req), id));
  });

  app.patch('/campaigns/:id', { config: { access: manage } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const body = parse(patchBody, req.body, req);
    return present(await rt.campaigns.update(actorOf(req), id, body));
  });

  app.get('/campaigns/:id/candidates', { config: { access: read } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const q = parse(candidatesQuery, req.query, req);
    return present(await rt.campaigns.candidates(actorOf(req), id, {
      unit: q.unit, minOutstanding: q.minOutstanding ?? null, pendingSinceBefore: q.pendingSinceBefore ?? null, coercion: q.coercion === 'true', limit: q.limit,
    }));
  });

  app.post('/campaigns/:id/cases', { config: { access: manage } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const body = parse(casesBody, req.body, req);
    return present(await rt.campaigns.addCases(actorOf(req), id, body.cases));
  });

  app.get('/campaigns/:id/leaderboard', { config: { access: read } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const q = parse(boardQuery, req.query, req);
    return present(await rt.campaigns.leaderboard(actorOf(req), id, q.by, q.unit));
  });

  app.get('/campaigns/:id/leaderboard/cases', { config: { access: read } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const q = parse(teamCasesQuery, req.query, req);
    return present(await rt.campaigns.teamCases(actorOf(req), id, { unit: q.unit, value: q.value, form: q.form }));
  });

  app.get('/campaigns/:id/progress', { config: { access: read } }, async (req) => {
    const { id } = parse(params, req.params, req);
    const q = parse(unitQuery, req.query, req);
    return present(await rt.campaigns.progress(actorOf(req), id, q.unit));
  });

  app.post('/campaigns/:id/close', { config: { access: manage } }, async (req) => {
    const { id } = parse(params, req.params, req);
    return present(await rt.campaigns.close(actorOf(req), id));
  });

  app.get('/campaigns/:id/closing-report.docx', { config: { access: read } }, async (req, reply) => {
    const { id } = parse(params, req.params, req);
    const f = await rt.campaigns.closingReport(actorOf(req), id);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('Content-Disposition', `attachment; filename="${f.name}"`)
      .send(f.bytes);
  });
};
