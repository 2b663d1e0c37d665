import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { policiesSchema } from '../app/policies.js';
import { presentReport } from '../app/report-presenter.js';
import { BREAKDOWNS } from '../app/statistics.service.js';
import { CASE_KEYS, MONEY_KEYS } from '../domain/index.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, page, parse } from '../../../platform/http/validation.js';

/**
 * Statistics (statistics.md): reports, breakdowns, the cases behind a cell, targets and policies. Every
 * route names its unit in the query (or body) so the access hook checks the scope: outside it, 404.
 *   GET /api/statistics/report?unit&to[&from]
 *   GET /api/statistics/breakdown?unit&to[&from]&by=initiation|enforcer|commune|category|office|province|month
 *   GET /api/statistics/cases?unit&to[&from]&form=cases|money&key=…[&by=…&value=…][&page&pageSize]
 *   GET /api/statistics/targets?unit&fiscalYear        PUT /api/statistics/targets {unit, fiscalYear, cases, money}
 *   GET /api/statistics/policies                       PUT /api/statistics/policies {moneyResolved, postponementGroundsWithoutMeans}
 */
const unit = z.string().trim().min(1).max(50);
const periodQuery = z.object({ unit, to: isoDate, from: isoDate.optional() });
const breakdownQuery = periodQuery.extend({ by: z.enum(BREAKDOWNS) });
const casesQuery = periodQuery.extend({
  form: z.enum(['cases', 'money']),
  key: z.string().trim().min(1).max(40),
  by: z.enum(BREAKDOWNS).optional(),
  value: z.string().trim().max(60).optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(5000).default(100),
}).superRefine((q, ctx) => {
  const keys: readonly string[] = q.form === 'cases' ? CASE_KEYS : MONEY_KEYS;
  if (!keys.includes(q.key)) ctx.addIssue({ code: 'custom', path: ['key'], message: `Chỉ tiêu không hợp lệ; chọn một trong: ${keys.join(', ')}.` });
});
const fiscalYear = z.coerce.number().int().min(2000).max(2100);
const percent = z.number().min(0).max(100).refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, { message: 'Tỷ lệ có tối đa 2 chữ số thập phân.' });
const targetBody = z.strictObject({ unit, fiscalYear, cases: percent, money: percent });
const TARGET_FIELDS = {
  unit: { vi: 'Đơn vị', en: 'The unit' },
  fiscalYear: { vi: 'Năm thống kê', en: 'The statistical year' },
  cases: { vi: 'Tỷ lệ chỉ tiêu về việc', en: 'The target rate for cases' },
  money: { vi: 'Tỷ lệ chỉ tiêu về tiền', en: 'The target rate for money' },
} as const;

const view = (r: Parameters<typeof presentReport>[0]) => presentReport(r);

export const statisticsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const byQuery = { permission: 'statistics.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } as const;

  app.get('/statistics/report', { config: { access: byQuery } }, async (req) => {
    const q = parse(periodQuery, req.query, req);
    const r = await rt.statistics.report(actorOf(req), q.unit, q.to, q.from);
    return {
      unit: { code: r.unit.code, name: r.unit.name, level: r.unit.level },
      report: view(r.report),
      identities: { ok: r.identities.length === 0, violations: r.identities },
      source: r.source,
    };
  });

  app.get('/statistics/breakdown', { config: { access: byQuery } }, async (req) => {
    const q = parse(breakdownQuery, req.query, req);
    const b = await rt.statistics.breakdown(actorOf(req), q.unit, q.to, q.from, q.by);
    return {
      unit: { code: b.unit.code, name: b.unit.name, level: b.unit.level },
      period: b.period,
      by: b.by,
      total: view(b.total),
      rows: b.rows.map((r) => ({ key: r.key, label: r.label, report: view(r.report) })),
    };
  });

  app.get('/statistics/cases', { config: { access: byQuery } }, async (req) => {
    const q = parse(casesQuery, req.query, req);
    return rt.statistics.cases(actorOf(req), q.unit, q.to, q.from, { form: q.form, key: q.key, by: q.by, value: q.value, page: q.page, pageSize: q.pageSize });
  });

  app.get('/statistics/targets', { config: { access: byQuery } }, async (req) => {
    const q = parse(z.object({ unit, fiscalYear }), req.query, req, TARGET_FIELDS);
    return rt.statistics.targets(actorOf(req), q.unit, q.fiscalYear);
  });

  app.put('/statistics/targets', { config: { access: { permission: 'statistics.close', unit: { from: 'body', key: 'unit', kind: 'unitCode' } } } }, async (req) => {
    const body = parse(targetBody, req.body, req, TARGET_FIELDS);
    return rt.statistics.setTarget(actorOf(req), body);
  });

  app.get('/statistics/policies', { config: { access: { permission: 'statistics.read' } } }, async () => rt.statistics.policies());

  app.put('/statistics/policies', { config: { access: { permission: 'statistics.close' } } }, async (req) => {
    const body = parse(policiesSchema, req.body, req);
    return rt.statistics.setPolicies(actorOf(req), body);
  });
};
