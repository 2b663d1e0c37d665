import type { IsoDate } from '../../../kernel/calendar/index.js';
import { applyEvent, EVENT_VI, type CaseRuleError } from './case-ledger.js';
import { EVENT_TYPES, type CaseEvent, type CaseEventType, type CaseFacts, type CaseState } from './case-types.js';

/** Why an event cannot be recorded now, in both languages of the back office. */
export interface UnavailableReason {
  vi: string;
  en: string;
}
export interface EventAvailability {
  type: CaseEventType;
  allowed: boolean;
  reason?: UnavailableReason;
}

/** Stands for what a person types (a ground, a receiving office): never equal to a code or an office. */
const TYPED = '\u2026';

/**
 * The events a person could record on `on` with the least input: free text filled, 1 đồng, and one per
 * obligation for the events that name an obligation (the ledger decides which obligation fits).
 */
function representatives(facts: CaseFacts, type: CaseEventType, on: IsoDate): CaseEvent[] {
  const perObligation = <E extends CaseEvent>(build: (obligation: string) => E) => facts.obligations.map((o) => build(o.id));
  switch (type) {
    case 'enforcer_assigned': return [{ type, on, enforcer: TYPED }];
    case 'verified': return [{ type, on, result: 'has_means' }];
    case 'no_means_decided': return [{ type, on, reason: 'no_assets' }];
    case 'postponed':
    case 'suspended':
    case 'terminated': return [{ type, on, ground: TYPED }];
    case 'other_status': return [{ type, on, reason: TYPED }];
    case 'payment':
    case 'reduced':
    case 'disbursed': return perObligation((obligation) => ({ type, on, obligation, amount: 1n }));
    case 'performed': return perObligation((obligation) => ({ type, on, obligation }));
    case 'auctioned': return [{ type, on, proceeds: null }];
    case 'transferred_out': return [{ type, on, to: TYPED, partiallyPerformed: false }];
    case 'office_changed': return [{ type, on, to: TYPED }];
    case 'resumed':
    case 'coercion_decided':
    case 'distrained':
    case 'completed':
    case 'withdrawn':
    case 'separate_ledger':
    case 'request_returned': return [{ type, on }];
    default: {
      const never: never = type;
      throw new Error(`unknown event ${String(never)}`);
    }
  }
}

/** English for the ledger's rules that can make an event unavailable (the Vietnamese is the ledger's own). */
const RULE_EN: Record<string, string> = {
  before_acceptance: 'The case was accepted after today.',
  before_previous_event: 'An event is already recorded after today.',
  after_terminal: 'The case is closed: this event can no longer be recorded.',
  transition_not_allowed: 'This event cannot be recorded in the case’s current status.',
  outstanding_remaining: 'Something remains to be enforced: the case cannot be closed as completed.',
  needs_no_means_verification: 'A verification finding no means is needed before this decision.',
  means_found: 'The latest verification found means: resume enforcement instead.',
  ex_officio_only: 'From 01/07/2026 only ex officio cases go to the separate ledger.',
  too_early: 'Not yet: the period without means is not over.',
  needs_two_verifications: 'At least two verifications finding no means are needed.',
  law_106_only: 'Returning the request applies from 01/07/2026 (Law 106/2025/QH15).',
  on_request_only: 'Only for cases enforced on request.',
  no_obligation: 'No obligation of the case can take this event now.',
};

function reasonOf(type: CaseEventType, errors: readonly CaseRuleError[]): UnavailableReason {
  const first = errors[0];
  // Every obligation refused it (not money, nothing left, paid out already): say so once, not per obligation.
  if (!first || first.field === 'obligation' || first.field === 'amount') {
    return { vi: `Không có khoản phải thi hành nào còn có thể ghi "${EVENT_VI[type]}".`, en: RULE_EN.no_obligation! };
  }
  return { vi: first.message, en: RULE_EN[first.rule] ?? 'Not available now.' };
}

/**
 * What the law allows a person to record on a case today (Luật THADS; the transition table and the guards
 * of case-ledger.ts): every event type, allowed when the ledger accepts a representative event of it dated
 * today, otherwise with the ledger's own reason. The UI's buttons come from here, so they cannot disagree.
 */
export function allowedEvents(facts: CaseFacts, state: CaseState, today: IsoDate): EventAvailability[] {
  return EVENT_TYPES.map((type) => {
    const tried = representatives(facts, type, today).map((event) => applyEvent(facts, state, event));
    if (tried.some((r) => r.ok)) return { type, allowed: true };
    const errors = tried.flatMap((r) => (r.ok ? [] : r.errors));
    return { type, allowed: false, reason: reasonOf(type, errors) };
  });
}
