import { sql } from 'kysely';
import { z } from 'zod';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import { DEFAULT_ATTRIBUTION_POLICY, MAX_ATTRIBUTION_WINDOW_DAYS, type AttributionPolicy } from '../domain/index.js';

/** The settings key of the mobilisation policies (the attribution window: ATTRIBUTION_WINDOW_POLICY). */
export const MOBILISATION_POLICY_KEY = 'mobilisation.policies';
export const attributionPolicySchema = z.strictObject({ windowDays: z.number().int().min(0).max(MAX_ATTRIBUTION_WINDOW_DAYS) });

/** The attribution policy in force: the stored setting, else the default (30 days). */
export async function readAttributionPolicy(db: DbOrTx): Promise<AttributionPolicy> {
  // The settings table belongs to no module's typed schema (the statistics policies live there too).
  const row = (await sql<{ value: unknown }>`SELECT value FROM settings WHERE key = ${MOBILISATION_POLICY_KEY}`.execute(db)).rows[0];
  if (!row) return DEFAULT_ATTRIBUTION_POLICY;
  const parsed = attributionPolicySchema.safeParse(row.value);
  if (!parsed.success) throw new Error(`setting ${MOBILISATION_POLICY_KEY} is not valid: ${JSON.stringify(row.value)}`);
  return parsed.data;
}

export async function writeAttributionPolicy(tx: Tx, policy: AttributionPolicy, userId: number): Promise<void> {
  await sql`INSERT INTO settings (key, value, updated_by) VALUES (${MOBILISATION_POLICY_KEY}, ${JSON.stringify(policy)}::jsonb, ${userId})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`.execute(tx);
}
