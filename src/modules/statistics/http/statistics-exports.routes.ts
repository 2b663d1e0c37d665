import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { FORM_FORMATS, NARRATIVE_FORMATS, type ExportFile } from '../app/close/report-exports.service.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf } from '../../../platform/http/access.js';
import { isoDate, parse } from '../../../platform/http/validation.js';

/**
 * The official report documents (statistics.md; Thông tư 06/2019/TT-BTP), unit scoped like the reports:
 *   GET /api/statistics/export?unit&to[&from]&format=xlsx|pdf           both forms, a row per office and the total
 *   GET /api/statistics/narrative?unit&fromYear&toYear&format=text|docx  the summary over fiscal years
 */
const unit = z.string().trim().min(1).max(50);
const year = z.coerce.number().int().min(2000).max(2100);
const exportQuery = z.object({ unit, to: isoDate, from: isoDate.optional(), format: z.enum(FORM_FORMATS).default('xlsx') });
const narrativeQuery = z.object({ unit, fromYear: year, toYear: year, format: z.enum(NARRATIVE_FORMATS).default('text') });

function sendFile(reply: FastifyReply, f: ExportFile) {
  return reply
    .header('Content-Type', f.contentType)
    .header('Content-Disposition', `${f.attachment ? 'attachment' : 'inline'}; filename="${f.filename}"`)
    .send(f.body);
}

export const statisticsExportsRoutes: FastifyPluginAsync<{ rt: Runtime }> = async (app, { rt }) => {
  const byQuery = { permission: 'statistics.read', unit: { from: 'query', key: 'unit', kind: 'unitCode' } } as const;

  app.get('/statistics/export', { config: { access: byQuery } }, async (req, reply) => {
    const q = parse(exportQuery, req.query, req);
    return sendFile(reply, await rt.reportExports.officialForms(actorOf(req), q.unit, q.to, q.from, q.format));
  });

  app.get('/statistics/narrative', { config: { access: byQuery } }, async (req, reply) => {
    const q = parse(narrativeQuery, req.query, req);
    return sendFile(reply, await rt.reportExports.narrative(actorOf(req), q.unit, q.fromYear, q.toYear, q.format));
  });
};
