import { z } from 'zod';

/** One problem in an import: where (file, line, field) and why, in Vietnamese. */
export interface ImportIssue {
  file: string;
  /** 1-based line number; null for a problem with the whole file. */
  line: number | null;
  /** Path in the record, as the format writes it: `events[3].amount`; '' for the whole line. */
  field: string;
  message: string;
}

/** Where a record came from. */
export interface Source {
  file: string;
  line: number;
}

/** `cases.jsonl:12: events[3].amount: message` */
export function formatIssue(i: ImportIssue): string {
  const where = i.line === null ? i.file : `${i.file}:${i.line}`;
  return i.field ? `${where}: ${i.field}: ${i.message}` : `${where}: ${i.message}`;
}

/** A path of keys and indexes in the format's notation: ['events', 3, 'amount'] → events[3].amount. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

/** A domain field (`obligations.0.amount`, `acceptedOn`) in the format's notation (`obligations[0].amount`, `accepted_on`). */
export function domainFieldToPath(field: string, prefix = ''): string {
  const parts: PropertyKey[] = field
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  const inner = formatPath(parts);
  if (!prefix) return inner;
  return inner ? (inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`) : prefix;
}

type Issue = Parameters<ReturnType<typeof z.locales.vi>['localeError']>[0];
const VI = z.locales.vi();

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự', number: 'số', boolean: 'true/false', object: 'đối tượng', array: 'danh sách', null: 'null',
};

/** zod's issues in plain Vietnamese. */
export function vietnameseMessage(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'Thiếu trường bắt buộc.';
      const got = iss.input === null ? 'null' : Array.isArray(iss.input) ? 'array' : typeof iss.input;
      return `Phải là ${TYPE_VI[iss.expected] ?? iss.expected}, không phải ${TYPE_VI[got] ?? got}.`;
    }
    case 'too_small':
      if (iss.origin === 'string') return 'Không được để trống.';
      if (iss.origin === 'number' || iss.origin === 'int') return `Phải từ ${String(iss.minimum)} trở lên.`;
      break;
    case 'too_big':
      if (iss.origin === 'string') return `Không được dài quá ${String(iss.maximum)} ký tự.`;
      if (iss.origin === 'number' || iss.origin === 'int') return `Không được lớn hơn ${String(iss.maximum)}.`;
      if (iss.origin === 'array') return `Không được quá ${String(iss.maximum)} phần tử.`;
      break;
    case 'invalid_value':
      return `Giá trị không hợp lệ ${JSON.stringify(iss.input)}; chọn một trong: ${iss.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Trường không có trong định dạng: ${iss.keys.join(', ')}.`;
    case 'invalid_union':
      if ('options' in iss && Array.isArray(iss.options)) {
        const key = 'discriminator' in iss && typeof iss.discriminator === 'string' ? iss.discriminator : 'type';
        const given = iss.input !== null && typeof iss.input === 'object' ? (iss.input as Record<string, unknown>)[key] : iss.input;
        const what = given === undefined ? 'Thiếu trường bắt buộc' : `Loại không hợp lệ ${JSON.stringify(given)}`;
        return `${what}; chọn một trong: ${(iss.options as unknown[]).map(String).join(', ')}.`;
      }
      break;
    default:
      break;
  }
  const m = VI.localeError(iss);
  return typeof m === 'string' ? m : (m?.message ?? 'Không hợp lệ.');
}

/** The issues of a failed zod parse, placed at a file and line. */
export function zodIssues(error: z.ZodError, src: Source): ImportIssue[] {
  return error.issues.map((i) => ({ file: src.file, line: src.line, field: formatPath(i.path), message: i.message }));
}
