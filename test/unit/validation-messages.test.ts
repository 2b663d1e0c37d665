import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../src/platform/http/validation-messages.js';

// A request failing its schema reads as a sentence, in Vietnamese or English, never zod's own wording with
// type names and operators ("Quá lớn: mong đợi number <=100").

const messages = (schema: z.ZodType, value: unknown, lang: 'vi' | 'en', fields = {}) => {
  const r = schema.safeParse(value, { error: (iss) => fieldMessage(iss, lang, fields) });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

const schema = z.strictObject({
  rate: z.number().min(0).max(100),
  count: z.number().int().positive().max(10),
  year: z.coerce.number().int().min(2000).max(2100),
  name: z.string().min(3).max(5),
  note: z.string().min(1),
  tags: z.array(z.string()).max(1),
  kind: z.enum(['a', 'b']),
  at: z.string().regex(/^\d+$/),
});
const bad = { rate: 120.5, count: 0, year: 'x', name: 'abcdefgh', note: '', tags: ['a', 'b'], kind: 'c', at: 'q', extra: 1 };

describe('validation messages', () => {
  it('name the field when the route says what it is called', () => {
    expect(messages(schema, { ...bad }, 'vi', { rate: { vi: 'Tỷ lệ chỉ tiêu', en: 'The target rate' } })).toContain('Tỷ lệ chỉ tiêu phải từ 0 đến 100.');
    expect(messages(schema, { ...bad }, 'en', { rate: { vi: 'Tỷ lệ chỉ tiêu', en: 'The target rate' } })).toContain('The target rate must be between 0 and 100.');
  });

  it('read naturally without a field name', () => {
    expect(messages(schema, bad, 'vi')).toEqual([
      'Phải từ 0 đến 100.',
      'Phải lớn hơn 0.',
      'Phải là một số.',
      'Không được dài quá 5 ký tự.',
      'Không được để trống.',
      'Không được quá 1 mục.',
      'Giá trị không hợp lệ; chọn một trong: a, b.',
      'Giá trị không đúng định dạng.',
      'Trường không được chấp nhận: extra.',
    ]);
    expect(messages(schema, {}, 'vi')[0]).toBe('Bắt buộc nhập.');
  });

  it.each(['vi', 'en'] as const)('never show a type name or an operator (%s)', (lang) => {
    for (const m of [...messages(schema, bad, lang), ...messages(schema, {}, lang), ...messages(z.number().int(), 1.5, lang)]) {
      expect(m).not.toMatch(/expected|received|mong đợi|nhận được|<=|>=|[<>]|\b(string|int|bigint|array|object|NaN)\b/i);
      if (lang === 'vi') expect(m).not.toMatch(/\bnumber\b/);
    }
  });
});
