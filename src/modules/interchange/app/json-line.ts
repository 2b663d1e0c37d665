/**
 * JSON Lines text ↔ values, exact for money. JSON.parse turns `1.0` into 1 and rounds integers beyond
 * 2^53, so before parsing, every number token that is not a plain safe integer is wrapped into a marker
 * object `{"\u0000num": "<token>"}`; the schemas then accept large integers exactly and refuse fractions
 * with a message naming the field. Writing does the reverse: bigint values become bare JSON integers.
 */

/** Key of the marker object that carries the text of an unusual number token. */
export const RAW_NUMBER_KEY = '\u0000num';

// Quick filter: only lines that may hold a fraction, an exponent or a 16+ digit integer are scanned.
const SUSPICIOUS = /\d[.eE]|\d{16}/;
const PLAIN_INTEGER = /^-?\d{1,15}$/;

/** Parses one line of JSON; throws SyntaxError like JSON.parse. */
export function parseJsonLine(line: string): unknown {
  return JSON.parse(SUSPICIOUS.test(line) ? wrapUnusualNumbers(line) : line);
}

/** The raw text of a number that JSON.parse could not hold exactly, or undefined. */
export function rawNumberOf(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const raw = (v as Record<string, unknown>)[RAW_NUMBER_KEY];
  return typeof raw === 'string' && Object.keys(v).length === 1 ? raw : undefined;
}

function wrapUnusualNumbers(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < text.length && /[-+0-9.eE]/.test(text[j]!)) j++;
      const token = text.slice(i, j);
      if (!PLAIN_INTEGER.test(token)) {
        out += `${text.slice(from, i)}{"\\u0000num":"${token}"}`;
        from = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

const BIG = '\u0001big:';
const BIG_QUOTED = /"\\u0001big:(-?\d+)"/g;

/** One JSON line (no newline): bigint values written as bare integers, never rounded. */
export function toJsonLine(value: unknown): string {
  const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${BIG}${v.toString()}` : v));
  return json.includes('\\u0001big:') ? json.replace(BIG_QUOTED, '$1') : json;
}
