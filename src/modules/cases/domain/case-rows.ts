import type { IsoDate } from '../../../kernel/calendar/index.js';
import { CATEGORIES, INITIATIONS, type CaseFacts, type Obligation, type Party } from './case-types.js';

/**
 * The stored rows of a case as the mapping reads them (the columns of `cases`, `case_parties` and
 * `case_obligations`, schema.ts; infra/case-rows.ts checks that the tables still fit). Amounts come as
 * bigint from the driver or as strings of digits from a `json_agg`; both are read exactly.
 */
export interface CaseFactsRow {
  id: string;
  decision_number: string;
  decision_date: IsoDate;
  accepted_on: IsoDate;
  initiation: string;
  category: string;
  judgment_number: string;
  judgment_date: IsoDate;
  court: string;
  commune_code: string | null;
  initial_enforcer: string | null;
}
export interface PartyRow {
  role: string;
  kind: string;
  name: string;
  id_number: string | null;
  address: string | null;
}
export interface ObligationRow {
  id: string;
  kind: string;
  beneficiary: string;
  label: string;
  amount: bigint | string | null;
  value: bigint | string | null;
}

const PARTY_ROLES = ['obligor', 'obligee'] as const satisfies readonly Party['role'][];
const PARTY_KINDS = ['person', 'organisation'] as const satisfies readonly Party['kind'][];
const BENEFICIARIES = ['state_budget', 'party'] as const satisfies readonly Obligation['beneficiary'][];

/** The value of an enum-like column narrowed to its type; a value the domain does not know is a bug (throws). */
function oneOf<T extends string>(allowed: readonly T[], value: string, column: string, caseId: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`case ${caseId}: unknown ${column} '${value}'`);
  return found;
}

const money = (v: bigint | string | null, column: string, caseId: string): bigint => {
  if (v === null) throw new Error(`case ${caseId}: money obligation without ${column}`);
  return BigInt(v);
};

/**
 * The facts of a case (domain.md §2) from its stored rows: the case row, its parties and obligations in
 * their stored order (`seq`), the accepting office's code. The one mapping from rows to CaseFacts.
 */
export function caseFactsFromRows(
  c: CaseFactsRow, parties: readonly PartyRow[], obligations: readonly ObligationRow[], officeCode: string,
): CaseFacts {
  return {
    id: c.id,
    office: officeCode,
    decision: { number: c.decision_number, date: c.decision_date },
    acceptedOn: c.accepted_on,
    initiation: oneOf(INITIATIONS, c.initiation, 'initiation', c.id),
    category: oneOf(CATEGORIES, c.category, 'category', c.id),
    judgment: { number: c.judgment_number, date: c.judgment_date, court: c.court },
    commune: c.commune_code,
    enforcer: c.initial_enforcer,
    parties: parties.map((p): Party => ({
      role: oneOf(PARTY_ROLES, p.role, 'party role', c.id), kind: oneOf(PARTY_KINDS, p.kind, 'party kind', c.id),
      name: p.name, idNumber: p.id_number, address: p.address,
    })),
    obligations: obligations.map((o): Obligation => {
      const beneficiary = oneOf(BENEFICIARIES, o.beneficiary, 'beneficiary', c.id);
      const kind = oneOf(['money', 'non_money'] as const, o.kind, 'obligation kind', c.id);
      return kind === 'money'
        ? { id: o.id, kind, beneficiary, label: o.label, amount: money(o.amount, 'amount', c.id) }
        : { id: o.id, kind, beneficiary, label: o.label, value: o.value === null ? null : BigInt(o.value) };
    }),
  };
}
