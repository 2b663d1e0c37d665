import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../../platform/runtime.js';
import { IndicatorsService } from '../app/indicators.service.js';
import { presentReport } from '../app/report-presenter.js';
import type { UnitRow } from '../../organisation/index.js';
import { isoDate, parse } from '../../../platform/http/validation.js';
import { actorOf } from '../../../platform/http/access.js';

/**
 * The statistics beyond one report (statistics.md §1, §2, §5, §8) for the dashboard, the portal and
 * emulation. Every route names its unit in the query so the access hook checks the scope: outside it, 404.
 *   GET /api/statistics/calendar?unit[&at|&fiscalYear] today, its fiscal year and bounds, the last month ends; the year asked for
 *   GET /api/statistics/years?unit                     results per fiscal year: report, target in force, indicators; forecast
 *   GET /api/statistics/target-in-force?unit&to        the target a report ending `to` is measured against (own or a predecessor's)
 *   GET /api/statistics/pending-ages?unit&to           ages of the cases pending at `to`, in bands
 */
const unit = z.string().trim().min(1).max(50);
const unitQuery = z.object({ unit });
const atQuery = z.object({ unit, to: isoDate });
const calendarQuery = z.object({ unit, at: isoDate.optional(), fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });

const unitView = (u: UnitRow) => ({ code: u.code, name: u.name, level: u.level });
const unitOrNull = (u: UnitRow | null) => (u === null ? null : unitView(u));

export const indicatorsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const indicators = new IndicatorsService(rt.db, rt.units, rt.statistics, rt.clock);
  const byQuery = { permission: 'statistics.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } as const;

  app.get('/statistics/calendar', { config: { access: byQuery } }, async (req) => {
    const q = parse(calendarQuery, req.query, req);
    return indicators.calendar({ at: q.at, fiscalYear: q.fiscalYear });
  });

  app.get('/statistics/years', { config: { access: byQuery } }, async (req) => {
    const q = parse(unitQuery, req.query, req);
    const r = await indicators.years(actorOf(req), q.unit);
    return {
      unit: unitView(r.unit),
      today: r.calendar.today, currentFiscalYear: r.calendar.currentFiscalYear, currentYear: r.calendar.currentYear,
      monthEnds: r.monthEnds,
      years: r.years.map((y) => ({
        fiscalYear: y.fiscalYear, to: y.to, current: y.current, report: presentReport(y.report),
        target: y.target, targetOf: unitOrNull(y.targetOf), indicators: y.indicators,
      })),
      forecast: r.forecast,
    };
  });

  app.get('/statistics/target-in-force', { config: { access: byQuery } }, async (req) => {
    const q = parse(atQuery, req.query, req);
    const r = await indicators.targetInForce(actorOf(req), q.unit, q.to);
    return { unit: unitView(r.unit), fiscalYear: r.fiscalYear, period: r.period, target: r.target, targetOf: unitOrNull(r.targetOf) };
  });

  app.get('/statistics/pending-ages', { config: { access: byQuery } }, async (req) => {
    const q = parse(atQuery, req.query, req);
    return indicators.pendingAges(actorOf(req), q.unit, q.to);
  });
};
