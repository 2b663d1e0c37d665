import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, page, pageSize, parse } from '../../../platform/http/validation.js';
import { RESULT_FIGURES, RESULT_GROUPINGS } from '../domain/index.js';

/**
 * What the commune teams achieved (mobilisation issue, item 4). The unit is named in the query, so the
 * access hook checks the scope (outside it: 404); the use case checks it again and keeps a team member to
 * their own teams' rows.
 *   GET /api/mobilisation/results?unit&from&to&by=team|commune|enforcer   figures, shares, drill-down links
 *   GET /api/mobilisation/results/cases?unit&from&to&by&figure[&value]    the items behind one figure
 *   GET /api/mobilisation/policy                                          the attribution window in force
 *   PUT /api/mobilisation/policy {windowDays}                             change it (national administrators)
 */
const unit = z.string().trim().min(1).max(50);
const resultsQuery = z.object({ unit, from: isoDate, to: isoDate, by: z.enum(RESULT_GROUPINGS).default('team') });
const itemsQuery = resultsQuery.extend({ figure: z.enum(RESULT_FIGURES), value: z.string().max(100).optional(), page, pageSize });

export const resultsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const byUnit = { permission: 'mobilisation.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } as const;

  app.get('/mobilisation/results', { config: { access: byUnit } }, async (req) => {
    const q = parse(resultsQuery, req.query, req);
    return rt.mobilisationResults.results(actorOf(req), q);
  });

  app.get('/mobilisation/results/cases', { config: { access: byUnit } }, async (req) => {
    const q = parse(itemsQuery, req.query, req);
    return rt.mobilisationResults.items(actorOf(req), q);
  });

  app.get('/mobilisation/policy', { config: { access: { permission: 'mobilisation.read' } } }, async () => rt.mobilisationResults.policy());

  app.put('/mobilisation/policy', { config: { access: { permission: 'statistics.close' } } }, async (req) => rt.mobilisationResults.setPolicy(actorOf(req), req.body));
};
