import { foldVietnamese } from './fold.js';

/**
 * Search by party name. A case's names are stored folded ("Nguyễn Văn An" → "nguyen van an"), each name's
 * words joined by one space and names joined by " | " (so a phrase never spans two parties); every word is
 * indexed with the case's date (migration 0005).
 *
 * A name query matches a case when its words appear in that order in one party's name, starting at a word
 * boundary, the last word possibly unfinished: "nguyen van an" finds "Nguyễn Văn An" and "Nguyễn Văn Anh",
 * "van an" finds both too, "guyen" finds nothing. Queries with digits are numbers (case, decision, judgment)
 * and are not name queries.
 */
export function nameWords(s: string): string[] {
  return foldVietnamese(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function searchNames(names: readonly string[]): string {
  return names.map((n) => nameWords(n).join(' ')).join(' | ');
}

/** The distinct words of a case's search names (what the index holds for it). */
export function searchTerms(names: readonly string[]): string[] {
  return [...new Set(names.flatMap(nameWords))];
}

export interface NameQuery {
  /** The folded words, in order. */
  words: string[];
  /** Words certainly typed in full (all but the last): any one of them can drive the search. */
  complete: string[];
  /** The last word, possibly a prefix. */
  last: string;
  /** LIKE pattern over `' ' || names`: the words in order from a word boundary. */
  pattern: string;
}

export function parseNameQuery(q: string): NameQuery | null {
  const words = nameWords(q);
  if (words.length === 0 || words.some((w) => /\d/.test(w))) return null;
  return { words, complete: [...new Set(words.slice(0, -1))], last: words[words.length - 1]!, pattern: `% ${words.join(' ')}%` };
}
