import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type Lang } from '../domain/errors.js';

const LOCALES = { vi: z.locales.vi(), en: z.locales.en() };

export function langOf(req: FastifyRequest): Lang {
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'vi';
}

/**
 * Validates a request part with zod at the boundary; failures become VALIDATION_FAILED naming each field
 * and the rule it broke, in the caller's language.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, req: FastifyRequest): z.output<S> {
  const lang = langOf(req);
  const r = schema.safeParse(value ?? {}, { error: (iss) => fieldMessage(iss, lang) });
  if (r.success) return r.data;
  throw new AppError(
    'VALIDATION_FAILED',
    r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', rule: i.code, message: i.message })),
  );
}

type Issue = Parameters<ReturnType<typeof z.locales.vi>['localeError']>[0];

function fieldMessage(iss: Issue, lang: Lang): string {
  if (lang === 'vi') {
    if (iss.code === 'invalid_type' && iss.input === undefined) return 'Bắt buộc nhập.';
    if (iss.code === 'too_small' && iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'Không được để trống.' : `Phải có ít nhất ${String(iss.minimum)} ký tự.`;
    if (iss.code === 'too_big' && iss.origin === 'string') return `Không được dài quá ${String(iss.maximum)} ký tự.`;
    if (iss.code === 'invalid_value') return `Giá trị không hợp lệ; chọn một trong: ${iss.values.map(String).join(', ')}.`;
    if (iss.code === 'unrecognized_keys') return `Trường không được chấp nhận: ${iss.keys.join(', ')}.`;
  } else if (iss.code === 'invalid_type' && iss.input === undefined) {
    return 'Required.';
  }
  const m = LOCALES[lang].localeError(iss);
  return typeof m === 'string' ? m : (m?.message ?? 'Invalid');
}

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'Ngày không tồn tại.' });

export const page = z.coerce.number().int().min(1).max(100_000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(500).default(50);
