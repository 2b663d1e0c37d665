/**
 * Characters that no name, number, ground or other text of the register may hold. Pure.
 *
 * They are refused at every boundary (HTTP bodies, queries and paths; imported files), with the field and
 * the reason, rather than stripped: a register is evidence, and silently changing what a clerk typed or
 * what a file held would be worse than asking again.
 *   - NUL and other control characters (tab, line feed and carriage return excepted): PostgreSQL refuses a
 *     NUL in text with an error; the others are invisible in every screen and document.
 *   - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, marks U+200E/U+200F/U+061C): they
 *     reorder what is displayed, so "Nguyễn Văn A" can print as another name (the "Trojan source" trick).
 *   - Zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF byte-order mark, U+00AD
 *     soft hyphen, U+180E): two names that look the same would be different strings, defeating search and
 *     the duplicate checks. Vietnamese text never needs them.
 *   - Lone surrogates (an unpaired half of a UTF-16 pair, possible through a JSON "\ud800" escape) and the
 *     replacement character U+FFFD, which is what invalid UTF-8 bytes become when decoded, and the
 *     non-characters U+FFFE/U+FFFF: the text was damaged on its way in.
 */
export type TextProblem = 'control' | 'bidi' | 'invisible' | 'damaged';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]/;
const DAMAGED = /[\uFFFD\uFFFE\uFFFF]/;

export function textProblem(s: string): TextProblem | null {
  if (CONTROL.test(s)) return 'control';
  if (BIDI.test(s)) return 'bidi';
  if (INVISIBLE.test(s)) return 'invisible';
  if (!isWellFormed(s) || DAMAGED.test(s)) return 'damaged';
  return null;
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, { vi: string; en: string }> = {
  control: { vi: 'Có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).', en: 'Contains a control character (such as NUL).' },
  bidi: { vi: 'Có ký tự đảo chiều hiển thị văn bản (Unicode bidi), không được phép.', en: 'Contains a bidirectional override character.' },
  invisible: { vi: 'Có ký tự ẩn (khoảng trắng độ rộng 0, BOM…), không được phép.', en: 'Contains an invisible character (zero-width space, BOM…).' },
  damaged: { vi: 'Văn bản bị lỗi mã hóa (không phải UTF-8 hợp lệ).', en: 'The text is damaged (not valid UTF-8).' },
};

export interface TextIssue {
  /** Dotted path of the field (`parties.0.name`), `(body)` for the value itself. */
  readonly field: string;
  readonly problem: TextProblem;
}

/**
 * Every string inside a JSON-like value with a problem, with its path. Keys are checked too (an object key
 * is text the application may echo). `skipKey` exempts fields such as passwords, which are never stored or
 * shown and may hold anything.
 */
export function findTextProblems(value: unknown, skipKey: (key: string) => boolean = () => false, limit = 20): TextIssue[] {
  const out: TextIssue[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (out.length >= limit || depth > 32) return;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) out.push({ field: path.join('.') || '(body)', problem: p });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, String(i)], depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (skipKey(k)) continue;
        const kp = textProblem(k);
        if (kp) out.push({ field: [...path, '(key)'].join('.'), problem: kp });
        walk(x, [...path, k], depth + 1);
      }
    }
  };
  walk(value, [], 0);
  return out;
}

function isWellFormed(s: string): boolean {
  // String.prototype.isWellFormed (Node 20): false when the string holds a lone surrogate.
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}
