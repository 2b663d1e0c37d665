import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type Lang } from '../../kernel/errors.js';
import { findTextProblems, TEXT_PROBLEM_MESSAGES } from '../../kernel/text/clean-text.js';
import { fieldMessage, type FieldLabels } from './validation-messages.js';

export function langOf(req: FastifyRequest): Lang {
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'vi';
}

/**
 * Validates a request part with zod at the boundary; failures become VALIDATION_FAILED naming each field
 * and the rule it broke, in the caller's language (validation-messages.ts: never zod's own wording, which
 * shows type names and `<=`); `fields` names the fields in the messages ("Tỷ lệ chỉ tiêu về việc …").
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, req: FastifyRequest, fields: FieldLabels = {}): z.output<S> {
  const lang = langOf(req);
  // Characters no text of the register may hold (NUL, bidi overrides, zero-width, damaged UTF-8), refused
  // before the schema so that every field of every route is covered (domain/text/clean-text.ts).
  const bad = findTextProblems(value, (key) => /password/i.test(key));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', bad.map((b) => ({ field: b.field, rule: `text_${b.problem}`, message: TEXT_PROBLEM_MESSAGES[b.problem][lang] })));
  }
  const r = schema.safeParse(value ?? {}, { error: (iss) => fieldMessage(iss, lang, fields) });
  if (r.success) return r.data;
  throw new AppError(
    'VALIDATION_FAILED',
    r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', rule: i.code, message: i.message })),
  );
}

/**
 * A calendar date written YYYY-MM-DD that exists (no 2025-02-30), between 1900 and 2100: no act of the
 * register is older and none is dated that far ahead, and the statistics' calendar arithmetic (fiscal years,
 * month ends) is defined only on that range — 0001-01-01 or 9999-12-31 would fail there, not here.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'Ngày không tồn tại.' })
  .refine((s) => s >= DATE_RANGE.min && s <= DATE_RANGE.max, { message: 'Ngày phải trong khoảng 01/01/1900 – 31/12/2100.' });

export const page = z.coerce.number().int().min(1).max(100_000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(500).default(50);
