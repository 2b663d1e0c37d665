import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { CaseEvent, CaseFacts } from '../../cases/domain/index.js';
import type { Period } from './periods.js';

/** Events that end an episode (statistics.md §2); the last two can be followed by `resumed`. */
export const TERMINAL_EVENTS = ['completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned'] as const;
export type TerminalEventType = (typeof TERMINAL_EVENTS)[number];
const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_EVENTS);
const RESUMABLE: ReadonlySet<string> = new Set(['separate_ledger', 'request_returned']);

export const isTerminalEvent = (e: CaseEvent): e is Extract<CaseEvent, { type: TerminalEventType }> => TERMINAL.has(e.type);

/** One stretch of a case from acceptance (or resumption) to its terminal event. */
export interface Episode {
  readonly start: IsoDate;
  readonly startedBy: 'accepted' | 'resumed';
  /** Index in the event list of the `resumed` that started it; −1 when started by acceptance. */
  readonly startIndex: number;
  /** The terminal event that ended it and its index; null while it is open. */
  readonly end: { readonly on: IsoDate; readonly type: TerminalEventType; readonly index: number } | null;
}

/**
 * The episodes of a case (statistics.md §2): the first starts at acceptance; each ends at a terminal event;
 * a `resumed` after `separate_ledger` / `request_returned` starts the next. Expects a valid (replayable)
 * history in date order. Other events after a terminal one (the ledger allows only `disbursed`: paying out
 * money already collected) belong to no episode and count nowhere.
 */
export function episodesOf(facts: CaseFacts, events: readonly CaseEvent[]): Episode[] {
  const episodes: Episode[] = [];
  let current: { start: IsoDate; startedBy: 'accepted' | 'resumed'; startIndex: number } = { start: facts.acceptedOn, startedBy: 'accepted', startIndex: -1 };
  let ended: Episode['end'] = null;
  events.forEach((e, index) => {
    if (ended) {
      if (e.type !== 'resumed' || !RESUMABLE.has(ended.type)) return;
      episodes.push({ ...current, end: ended });
      current = { start: e.on, startedBy: 'resumed', startIndex: index };
      ended = null;
      return;
    }
    if (isTerminalEvent(e)) ended = { on: e.on, type: e.type, index };
  });
  episodes.push({ ...current, end: ended });
  return episodes;
}

/** An episode is open at `date` when it started on or before it and has not ended on or before it. */
export function isOpenAt(episode: Episode, date: IsoDate): boolean {
  return episode.start <= date && (episode.end === null || episode.end.on > date);
}

/**
 * The episode a report `[S, E]` uses (statistics.md §2): the one open at `E`, else the last one that ended
 * within `[S, E]`; null when none, i.e. the case is not in scope (not yet accepted, or closed before `S`).
 */
export function episodeForPeriod(episodes: readonly Episode[], period: Period): Episode | null {
  const started = episodes.filter((ep) => ep.start <= period.to);
  const last = started.at(-1);
  if (!last) return null;
  if (isOpenAt(last, period.to)) return last;
  return last.end !== null && last.end.on >= period.from ? last : null;
}

/**
 * The office holding a case at `date` (statistics.md §2): the accepting office, or the office named in the
 * last `office_changed` dated on or before `date`. No `office_changed` can follow a terminal event (the
 * ledger refuses it), so a case closed before a reorganisation stays with the office that closed it.
 * Before acceptance the accepting office is returned.
 */
export function holdingOfficeAt(facts: CaseFacts, events: readonly CaseEvent[], date: IsoDate): string {
  let office = facts.office;
  for (const e of events) {
    if (e.on > date) break;
    if (e.type === 'office_changed') office = e.to;
  }
  return office;
}
