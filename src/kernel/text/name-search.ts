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
  return nameIndex(names).names;
}

/**
 * The terms a case is indexed under: every word of each name and every pair of adjacent words of one name
 * ("nguyen van"), distinct. Pairs make a rare combination of common words cheap to find.
 */
export function searchTerms(names: readonly string[]): string[] {
  return nameIndex(names).terms;
}

/** Both at once, each name folded once (the import computes them for every case). */
export function nameIndex(names: readonly string[]): { names: string; terms: string[] } {
  const words = names.map(nameWords);
  const terms = new Set<string>();
  for (const w of words) {
    for (const x of w) terms.add(x);
    for (let i = 1; i < w.length; i++) terms.add(`${w[i - 1]} ${w[i]}`);
  }
  return { names: words.map((w) => w.join(' ')).join(' | '), terms: [...terms] };
}

export interface NameQuery {
  /** The folded words, in order. */
  words: string[];
  /**
   * Terms certainly typed in full, any one of which can drive the search: the words but the last, and the
   * pairs of adjacent ones among them.
   */
  complete: string[];
  /** The last term, possibly unfinished: the last word, or the last two words when there are two or more. */
  last: string;
  /** LIKE pattern over `' ' || names`: the words in order from a word boundary. */
  pattern: string;
}

export function parseNameQuery(q: string): NameQuery | null {
  const words = nameWords(q);
  if (words.length === 0 || words.some((w) => /\d/.test(w))) return null;
  const full = words.slice(0, -1);
  const complete = [...new Set([...full, ...full.slice(1).map((w, i) => `${full[i]} ${w}`)])];
  const last = words.slice(-2).join(' ');
  return { words, complete, last, pattern: `% ${words.join(' ')}%` };
}

/** Whether one name holds the query's words in order from a word boundary (the SQL pattern, for one party). */
export function nameMatches(query: NameQuery, name: string): boolean {
  return ` ${nameWords(name).join(' ')}`.includes(` ${query.words.join(' ')}`);
}
