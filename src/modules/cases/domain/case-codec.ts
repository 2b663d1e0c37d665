import type { CaseEvent, CaseState, ObligationProgress } from './case-types.js';

/**
 * Mapping between domain values and stored JSON. Money is bigint in the domain and a string of digits in
 * JSON (JSON numbers lose precision above 2^53 đồng; strings never do).
 */
export function eventData(e: CaseEvent): Record<string, unknown> {
  const { type: _t, on: _o, ...rest } = e;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) out[k] = typeof v === 'bigint' ? v.toString() : v;
  return out;
}

const MONEY_FIELDS = new Set(['amount', 'proceeds']);

export function eventFromRow(type: string, on: string, data: unknown): CaseEvent {
  const d = { ...(data as Record<string, unknown>) };
  for (const k of MONEY_FIELDS) if (k in d && d[k] !== null) d[k] = BigInt(d[k] as string);
  return { type, on, ...d } as CaseEvent;
}

export function stateToJson(s: CaseState): string {
  return JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function stateFromJson(json: unknown): CaseState {
  const s = (typeof json === 'string' ? JSON.parse(json) : json) as Omit<CaseState, 'progress' | 'pendingPayouts'> & { progress: Record<string, Record<string, unknown>>; pendingPayouts?: unknown };
  const progress: Record<string, ObligationProgress> = {};
  for (const [id, p] of Object.entries(s.progress)) {
    progress[id] = { paid: BigInt(p.paid as string), reduced: BigInt(p.reduced as string), performed: Boolean(p.performed), disbursed: BigInt(p.disbursed as string) };
  }
  const pending = (s.pendingPayouts ?? []) as unknown as { obligation: string; on: string; amount: string }[];
  return { ...s, progress, pendingPayouts: pending.map((p) => ({ ...p, amount: BigInt(p.amount) })) };
}
