// The messages of a request that fails its schema, in Vietnamese and English: natural sentences that name the
// field when the route says what it is called, never zod's own wording ("Quá lớn: mong đợi number <=100"
// shows a type name and an operator to a clerk).
import type { z } from 'zod';
import type { Lang } from '../../kernel/errors.js';
import { formatDecimal, groupDigits } from '../../kernel/format/index.js';

/** What a route calls its fields in a message, by path ("cases", "items.0.amount" is looked up as "items.amount"). */
export type FieldLabels = Readonly<Record<string, { readonly vi: string; readonly en: string }>>;

type Issue = Parameters<z.core.$ZodErrorMap>[0];

interface Bounds {
  minValue?: number | bigint | null;
  maxValue?: number | bigint | null;
  minLength?: number | null;
  maxLength?: number | null;
}

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  bigint: { vi: 'một số nguyên', en: 'a whole number' },
  string: { vi: 'một đoạn văn bản', en: 'text' },
  boolean: { vi: 'có hoặc không', en: 'yes or no' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một nhóm thông tin', en: 'a group of fields' },
  date: { vi: 'một ngày', en: 'a date' },
};

/** A bound as a person writes it: digits grouped from 10 000 on (a year stays "2100"), a decimal comma in Vietnamese. */
function num(value: number | bigint, lang: Lang): string {
  if (typeof value === 'bigint' || Number.isInteger(value)) {
    if (Math.abs(Number(value)) < 10_000) return String(value);
    return lang === 'vi' ? groupDigits(value) : value.toLocaleString('en-GB');
  }
  return lang === 'vi' ? formatDecimal(value, 2).replace(/,?0+$/, '') : String(value);
}

function finite(v: number | bigint | null | undefined): v is number | bigint {
  return v !== null && v !== undefined && (typeof v === 'bigint' || Number.isFinite(v)) && Math.abs(Number(v)) < Number.MAX_SAFE_INTEGER;
}

/** "Tỷ lệ chỉ tiêu về việc phải …" with a field name, "Phải …" without. */
function sentence(field: string | undefined, rule: string): string {
  if (field) return `${field} ${rule}.`;
  return `${rule.charAt(0).toUpperCase()}${rule.slice(1)}.`;
}

/** A rule that needs a subject ("… không hợp lệ") gets "Giá trị" / "The value" when the field has no name. */
function subject(field: string | undefined, lang: Lang): string {
  return field ?? (lang === 'vi' ? 'Giá trị' : 'The value');
}

function labelOf(path: readonly PropertyKey[] | undefined, fields: FieldLabels, lang: Lang): string | undefined {
  if (!path || path.length === 0) return undefined;
  const key = path.filter((p) => typeof p === 'string').join('.');
  return fields[key]?.[lang];
}

/** Whether both bounds of a number schema are inclusive (".positive().max(10)" is not "from 0 to 10"). */
function inclusiveBounds(schema: unknown): boolean {
  const checks = (schema as { _zod?: { def?: { checks?: { _zod: { def: { check: string; inclusive?: boolean } } }[] } } })._zod?.def?.checks ?? [];
  return checks.every(({ _zod: { def } }) => !['greater_than', 'less_than'].includes(def.check) || def.inclusive === true);
}

function rangeRule(min: number | bigint | null | undefined, max: number | bigint | null | undefined, lang: Lang): string | undefined {
  if (!finite(min) || !finite(max)) return undefined;
  return lang === 'vi' ? `phải từ ${num(min, lang)} đến ${num(max, lang)}` : `must be between ${num(min, lang)} and ${num(max, lang)}`;
}

/** The message of one failed rule, in the caller's language; `fields` names the field when the route knows it. */
export function fieldMessage(iss: Issue, lang: Lang, fields: FieldLabels = {}): string {
  const field = labelOf(iss.path, fields, lang);
  const vi = lang === 'vi';
  const bounds = ((iss as { schema?: unknown }).schema ?? {}) as Bounds;
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return field ? sentence(field, vi ? 'là thông tin bắt buộc' : 'is required') : vi ? 'Bắt buộc nhập.' : 'Required.';
      const type = TYPE_NAMES[iss.expected] ?? { vi: 'một giá trị hợp lệ', en: 'a valid value' };
      return sentence(field, vi ? `phải là ${type.vi}` : `must be ${type.en}`);
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const limit = small ? iss.minimum : iss.maximum;
      if (iss.origin === 'string') {
        if (small && Number(limit) <= 1) return field ? sentence(field, vi ? 'không được để trống' : 'must not be empty') : vi ? 'Không được để trống.' : 'Must not be empty.';
        const rule = small
          ? vi ? `phải có ít nhất ${num(limit, lang)} ký tự` : `must have at least ${num(limit, lang)} characters`
          : vi ? `không được dài quá ${num(limit, lang)} ký tự` : `must not be longer than ${num(limit, lang)} characters`;
        return sentence(field, rule);
      }
      if (iss.origin === 'array' || iss.origin === 'set') {
        const rule = small
          ? vi ? `phải có ít nhất ${num(limit, lang)} mục` : `must have at least ${num(limit, lang)} items`
          : vi ? `không được quá ${num(limit, lang)} mục` : `must not have more than ${num(limit, lang)} items`;
        return sentence(field, rule);
      }
      if (iss.origin === 'number' || iss.origin === 'bigint' || iss.origin === 'int') {
        const range = inclusiveBounds(bounds) ? rangeRule(bounds.minValue, bounds.maxValue, lang) : undefined;
        if (range) return sentence(field, range);
        const rule = small
          ? iss.inclusive ? (vi ? `không được nhỏ hơn ${num(limit, lang)}` : `must be at least ${num(limit, lang)}`) : vi ? `phải lớn hơn ${num(limit, lang)}` : `must be greater than ${num(limit, lang)}`
          : iss.inclusive ? (vi ? `không được lớn hơn ${num(limit, lang)}` : `must be at most ${num(limit, lang)}`) : vi ? `phải nhỏ hơn ${num(limit, lang)}` : `must be less than ${num(limit, lang)}`;
        return sentence(field, rule);
      }
      return sentence(field, small ? (vi ? 'quá nhỏ' : 'is too small') : vi ? 'quá lớn' : 'is too large');
    }
    case 'invalid_value':
      return sentence(subject(field, lang), vi ? `không hợp lệ; chọn một trong: ${iss.values.map(String).join(', ')}` : `is not valid; choose one of: ${iss.values.map(String).join(', ')}`);
    case 'unrecognized_keys':
      return vi ? `Trường không được chấp nhận: ${iss.keys.join(', ')}.` : `Fields not accepted: ${iss.keys.join(', ')}.`;
    case 'invalid_format':
      if (iss.format === 'email') return sentence(field, vi ? 'phải là một địa chỉ thư điện tử' : 'must be an e-mail address');
      return sentence(subject(field, lang), vi ? 'không đúng định dạng' : 'is not in the required form');
    case 'not_multiple_of':
      return sentence(field, vi ? `phải là bội số của ${num(iss.divisor, lang)}` : `must be a multiple of ${num(iss.divisor, lang)}`);
    default:
      return sentence(subject(field, lang), vi ? 'không hợp lệ' : 'is not valid');
  }
}
