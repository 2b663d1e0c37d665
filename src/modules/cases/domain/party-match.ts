import { foldVietnamese } from '../../../kernel/text/fold.js';
import { nameMatches, parseNameQuery } from '../../../kernel/text/name-search.js';
import type { Party } from './case-types.js';

export interface PartyMatch {
  role: Party['role'];
  name: string;
}

/**
 * Which party a search found the case by, when it is not the first obligor (whom the list shows): an
 * obligee, or a second obligor. A name query matches as the name index does (words in order from a word
 * boundary), other text as a part of the folded name; an identity number by equality. Only the role and
 * the name are told, never the identity number (Decree 13/2023/NĐ-CP: the list is read by every role).
 */
export function matchedParty(
  parties: readonly Pick<Party, 'role' | 'name' | 'idNumber'>[],
  search: { q?: string | undefined; idNumber?: string | undefined },
): PartyMatch | null {
  const nameQuery = search.q ? parseNameQuery(search.q) : null;
  const folded = search.q ? foldVietnamese(search.q) : '';
  const idNumber = search.idNumber?.trim() ?? '';
  const byName = (p: Pick<Party, 'name'>) => (nameQuery ? nameMatches(nameQuery, p.name) : folded !== '' && foldVietnamese(p.name).includes(folded));
  const byId = (p: Pick<Party, 'idNumber'>) => idNumber !== '' && p.idNumber === idNumber;
  const found = folded !== '' ? parties.filter(byName) : parties.filter(byId);
  const firstObligor = parties.find((p) => p.role === 'obligor');
  if (found.length === 0 || (firstObligor !== undefined && found.includes(firstObligor))) return null;
  return { role: found[0]!.role, name: found[0]!.name };
}
