import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db/database.js';
import { DEFAULT_POLICIES, MONEY_RESOLVED_PARTS, normalizeGround, validatePolicies, type StatisticsPolicies } from '../domain/index.js';
import { readSetting } from '../infra/statistics.repository.js';

/** The settings key of the statistics policies (statistics.md: every report states the policies it used). */
export const POLICIES_KEY = 'statistics.policies';

export const policiesSchema = z.strictObject({
  moneyResolved: z.array(z.enum(MONEY_RESOLVED_PARTS)).max(MONEY_RESOLVED_PARTS.length),
  postponementGroundsWithoutMeans: z.array(z.string().max(500)).max(100),
});

/** The policies in force: the stored setting, or the defaults of statistics.md when none is stored. */
export async function currentPolicies(db: DbOrTx): Promise<StatisticsPolicies> {
  return policiesFromSetting(await readSetting(db, POLICIES_KEY));
}

/** The policies from the stored setting (undefined: the defaults); an invalid setting is an error. */
export function policiesFromSetting(stored: unknown): StatisticsPolicies {
  if (stored === undefined) return DEFAULT_POLICIES;
  const parsed = policiesSchema.safeParse(stored);
  if (!parsed.success || validatePolicies(parsed.data).length > 0) throw new Error(`setting ${POLICIES_KEY} is not valid: ${JSON.stringify(stored)}`);
  return Object.freeze({ moneyResolved: Object.freeze([...parsed.data.moneyResolved]), postponementGroundsWithoutMeans: Object.freeze([...parsed.data.postponementGroundsWithoutMeans]) });
}

/** The postponement grounds as the SQL compares them with the stored ones (NFC, trimmed, sorted, unique). */
export function sqlGrounds(p: StatisticsPolicies): string[] {
  return [...new Set(p.postponementGroundsWithoutMeans.map(normalizeGround))].sort();
}

/** What the month-end totals depend on: only the grounds (moneyResolved is applied to the sums). */
export const snapshotPolicyKey = (p: StatisticsPolicies): string => JSON.stringify(sqlGrounds(p));
