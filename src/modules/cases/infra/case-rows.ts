import type { Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CaseFactsRow, ObligationRow, PartyRow } from '../domain/case-rows.js';

/** `T`, which must fit `U`: the build fails here when a table of schema.ts no longer fits the mapping's input. */
type Fitting<T extends U, U> = T;

/**
 * The rows of the case tables as Kysely selects them (schema.ts) that caseFactsFromRows (domain/case-rows.ts,
 * pure so that the statistics can use it too) reads.
 */
export type CaseTableRow = Fitting<Pick<Selectable<DB['cases']>, keyof CaseFactsRow>, CaseFactsRow>;
export type PartyTableRow = Fitting<Pick<Selectable<DB['case_parties']>, keyof PartyRow>, PartyRow>;
export type ObligationTableRow = Fitting<Pick<Selectable<DB['case_obligations']>, keyof ObligationRow>, ObligationRow>;
