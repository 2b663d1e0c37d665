import { eventFromRow } from './case-codec.js';
import type { CaseEvent } from './case-types.js';

/** A stored event: the domain event plus its place in the log and who recorded it. */
export interface StoredEvent {
  seq: number;
  type: string;
  on: string;
  data: Record<string, unknown>;
  reversesSeq: number | null;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: Date;
}

/** Events that count: those not cancelled by a later `reversal`, without the reversals themselves. */
export function effectiveEvents(events: readonly StoredEvent[]): CaseEvent[] {
  const reversed = new Set(events.filter((e) => e.type === 'reversal').map((e) => e.reversesSeq));
  return events.filter((e) => e.type !== 'reversal' && !reversed.has(e.seq)).map((e) => eventFromRow(e.type, e.on, e.data));
}
