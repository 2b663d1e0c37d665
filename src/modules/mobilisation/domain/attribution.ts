import { addCalendarDays, type IsoDate } from '../../../kernel/calendar/index.js';
import type { CaseEvent } from '../../cases/domain/index.js';
import { type Instalment, PERSUADING_OUTCOMES, type Visit } from './mobilisation-types.js';

/**
 * ATTRIBUTION_WINDOW_POLICY (a named policy, not law: no text says when a payment is "thanks to" a visit).
 * A payment, a performance or a completion recorded in the case within this many calendar days after a
 * visit whose outcome was an agreement or a payment on the spot is the team's result. The visit's own day
 * counts (a payment on the spot is recorded that day). Changing the policy recomputes every figure: the
 * figures are derived, never stored.
 */
export interface AttributionPolicy {
  windowDays: number;
}
export const DEFAULT_ATTRIBUTION_POLICY: AttributionPolicy = { windowDays: 30 };
export const MAX_ATTRIBUTION_WINDOW_DAYS = 365;

/** The events that resolve something: money collected, an obligation performed, the case completed. */
type ResolvingEvent = Extract<CaseEvent, { type: 'payment' | 'performed' | 'completed' }>;
const isResolving = (e: CaseEvent): e is ResolvingEvent => e.type === 'payment' || e.type === 'performed' || e.type === 'completed';

export interface AttributedEvent {
  event: ResolvingEvent;
  /** The visit it is attributed to: the latest persuading visit on or before the event within the window. */
  visit: Pick<Visit, 'id' | 'teamId' | 'on'>;
}

/**
 * The latest persuading visit on or before `on` whose window still covers `on`. The latest wins: when two
 * teams visited (a team re-formed after a commune merger), the result belongs to the visit that preceded it
 * most closely, never to both, so sums over teams equal the office's total.
 */
export function persuadingVisitFor(on: IsoDate, visits: readonly Visit[], policy: AttributionPolicy): Visit | null {
  let best: Visit | null = null;
  for (const v of visits) {
    if (!PERSUADING_OUTCOMES.has(v.outcome)) continue;
    if (v.on > on || addCalendarDays(v.on, policy.windowDays) < on) continue;
    if (best === null || v.on > best.on || (v.on === best.on && v.id > best.id)) best = v;
  }
  return best;
}

/** Every resolving event of one case that falls in the window of a persuading visit of that case. */
export function attributedEvents(events: readonly CaseEvent[], visits: readonly Visit[], policy: AttributionPolicy): AttributedEvent[] {
  const out: AttributedEvent[] = [];
  for (const e of events) {
    if (!isResolving(e)) continue;
    const v = persuadingVisitFor(e.on, visits, policy);
    if (v) out.push({ event: e, visit: { id: v.id, teamId: v.teamId, on: v.on } });
  }
  return out;
}

/**
 * Coercion avoided: coercion had been decided (coercion_decided) or planned (the enforcer marked it on the
 * assignment) before a persuading visit, and the case was then completed within the visit's window without
 * any coercive act (distraint, auction) after the decision. The obligor performed voluntarily.
 */
export function coercionAvoided(events: readonly CaseEvent[], visits: readonly Visit[], policy: AttributionPolicy, coercionPlannedOn: IsoDate | null = null): AttributedEvent | null {
  const completion = events.find((e): e is Extract<CaseEvent, { type: 'completed' }> => e.type === 'completed');
  if (!completion) return null;
  const visit = persuadingVisitFor(completion.on, visits, policy);
  if (!visit) return null;
  const decided = events.find((e) => e.type === 'coercion_decided' && e.on <= visit.on)?.on ?? null;
  const since = [decided, coercionPlannedOn !== null && coercionPlannedOn <= visit.on ? coercionPlannedOn : null].filter((d): d is IsoDate => d !== null).sort()[0];
  if (since === undefined) return null;
  const coerced = events.some((e) => (e.type === 'distrained' || e.type === 'auctioned') && e.on >= since && e.on <= completion.on);
  return coerced ? null : { event: completion, visit: { id: visit.id, teamId: visit.teamId, on: visit.on } };
}

export type PromiseState = 'kept' | 'broken' | 'due';

export interface InstalmentStatus extends Instalment {
  state: PromiseState;
  /** What was paid from the visit through the due date, counting towards this and earlier instalments. */
  paidByDue: bigint;
}

/**
 * Whether each promised instalment was kept. Payments count from the visit's day; instalment i is kept when
 * the payments up to its due date reach the sum of instalments 1…i (paying ahead keeps later ones), broken
 * when its due date has passed (before `today`) without that, and otherwise still due. A promise past its
 * date without a payment is what the enforcer's and the team's queues show.
 */
export function instalmentStatuses(visit: Pick<Visit, 'on' | 'instalments'>, events: readonly CaseEvent[], today: IsoDate): InstalmentStatus[] {
  const payments = events.filter((e): e is Extract<CaseEvent, { type: 'payment' }> => e.type === 'payment' && e.on >= visit.on);
  const sorted = [...visit.instalments].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  let promised = 0n;
  return sorted.map((i) => {
    promised += i.amount;
    const paidByDue = payments.filter((p) => p.on <= i.due).reduce((s, p) => s + p.amount, 0n);
    const state: PromiseState = paidByDue >= promised ? 'kept' : i.due < today ? 'broken' : 'due';
    return { ...i, state, paidByDue };
  });
}
