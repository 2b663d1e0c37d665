import type { IsoDate } from '../../../kernel/calendar/index.js';
import { applyEvent, type CaseEvent, type CaseFacts, type CaseState, type CaseStatus, initialState, totalOutstanding } from '../../cases/domain/index.js';
import { episodesOf, type TerminalEventType } from './episodes.js';
import { PARTIAL_PERFORMANCE_EVENTS } from './policies.js';

/**
 * The rows the statistics query reads for one case, derived from its facts and effective events with the
 * domain (episodesOf, the ledger's applyEvent): never computed in SQL from raw events. Pure.
 */
export interface DerivedEpisode {
  episodeNo: number;
  startOn: IsoDate;
  startedBy: 'accepted' | 'resumed';
  /** Start of the next episode (so the report's episode is picked by a filter), null for the last one. */
  nextStartOn: IsoDate | null;
  endOn: IsoDate | null;
  endType: TerminalEventType | null;
  /** Ends in a transfer after partial performance (statistics.md §3; PARTIAL_PERFORMANCE_EVENTS or the flag). */
  partiallyPerformed: boolean;
  /** Outstanding at the start: the initial value, or what is outstanding at the resumption. */
  valueAtStart: bigint;
  /** Outstanding just before the terminal event; null while open. */
  outstandingAtEnd: bigint | null;
}

export interface DerivedFlow {
  episodeNo: number;
  on: IsoDate;
  /** paid: payments and valued performances (money `completed`); reduced: `reduced` (statistics.md §4). */
  kind: 'paid' | 'reduced';
  amount: bigint;
}

/** Status (ground of a postponement, NFC + trim) and enforcer at the end of each day of [fromOn, toOn). */
export interface DerivedState {
  fromOn: IsoDate;
  toOn: IsoDate | null;
  status: CaseStatus;
  ground: string | null;
  enforcer: string | null;
  /** The span starts another bucket than the previous one (or is the first): see bucketOf. */
  bucketChanged: boolean;
}

/** What of a status a report reads: its bucket (pending verification counts as in progress) and a postponement's ground. */
export const bucketOf = (s: { status: CaseStatus; ground: string | null }) => `${s.status === 'pending_verification' ? 'in_progress' : s.status}|${s.ground ?? ''}`;

/** The office (code) holding the case during [fromOn, toOn). */
export interface DerivedOffice {
  fromOn: IsoDate;
  toOn: IsoDate | null;
  office: string;
}

export interface DerivedCase {
  episodes: DerivedEpisode[];
  flows: DerivedFlow[];
  states: DerivedState[];
  offices: DerivedOffice[];
}

/** Ground as the policy compares it (groundMatches: NFC, trimmed). */
export const normalizeGround = (g: string) => g.normalize('NFC').trim();

/**
 * Derives the statistics rows of a case. Outstanding inside an episode changes only by its flows, so
 * outstanding at any date = valueAtStart − Σ flows of the episode up to it (what the SQL uses). Throws on an
 * invalid history, like caseContribution: the ledger refuses such events upstream.
 */
export function deriveCase(facts: CaseFacts, events: readonly CaseEvent[]): DerivedCase {
  const states: CaseState[] = [initialState(facts)];
  events.forEach((e, i) => {
    const r = applyEvent(facts, states[i]!, e);
    if (!r.ok) throw new Error(`case ${facts.id}: event ${i} (${e.type} ${e.on}) is not valid: ${r.errors.map((x) => x.rule).join(', ')}`);
    states.push(r.value);
  });
  const outstanding = (s: CaseState) => totalOutstanding(facts, s);

  const episodes: DerivedEpisode[] = [];
  const flows: DerivedFlow[] = [];
  const list = episodesOf(facts, events);
  list.forEach((ep, i) => {
    const episodeNo = i + 1;
    const last = ep.end ? ep.end.index - 1 : events.length - 1;
    const inEpisode = events.slice(ep.startIndex + 1, last + 1);
    for (const e of inEpisode) {
      if (e.type === 'payment') flows.push({ episodeNo, on: e.on, kind: 'paid', amount: e.amount });
      else if (e.type === 'reduced') flows.push({ episodeNo, on: e.on, kind: 'reduced', amount: e.amount });
      else if (e.type === 'performed') {
        const o = facts.obligations.find((x) => x.id === e.obligation);
        const value = o?.kind === 'non_money' ? (o.value ?? 0n) : 0n;
        if (value > 0n) flows.push({ episodeNo, on: e.on, kind: 'paid', amount: value });
      }
    }
    const terminal = ep.end ? events[ep.end.index]! : null;
    const partiallyPerformed =
      terminal?.type === 'transferred_out' && (terminal.partiallyPerformed || inEpisode.some((e) => PARTIAL_PERFORMANCE_EVENTS.has(e.type)));
    episodes.push({
      episodeNo,
      startOn: ep.start,
      startedBy: ep.startedBy,
      nextStartOn: list[i + 1]?.start ?? null,
      endOn: ep.end?.on ?? null,
      endType: ep.end?.type ?? null,
      partiallyPerformed,
      valueAtStart: outstanding(states[ep.startIndex + 1]!),
      outstandingAtEnd: ep.end ? outstanding(states[ep.end.index]!) : null,
    });
  });

  // End-of-day values: the state after the last event of each date (the acceptance day starts the list).
  const dayStates: DerivedState[] = [];
  const dayOffices: DerivedOffice[] = [];
  let lastGround: string | null = null;
  const pushDay = (on: IsoDate, s: CaseState) => {
    const state: DerivedState = { fromOn: on, toOn: null, status: s.status, ground: s.status === 'postponed' ? lastGround : null, enforcer: s.enforcer, bucketChanged: true };
    const prev = dayStates.at(-1);
    if (prev?.fromOn === on) dayStates.pop();
    const before = dayStates.at(-1);
    if (!before || before.status !== state.status || before.ground !== state.ground || before.enforcer !== state.enforcer) {
      state.bucketChanged = !before || bucketOf(before) !== bucketOf(state);
      dayStates.push(state);
    }
    const office: DerivedOffice = { fromOn: on, toOn: null, office: s.office };
    if (dayOffices.at(-1)?.fromOn === on) dayOffices.pop();
    if (dayOffices.at(-1)?.office !== office.office) dayOffices.push(office);
  };
  pushDay(facts.acceptedOn, states[0]!);
  events.forEach((e, i) => {
    if (e.type === 'postponed') lastGround = normalizeGround(e.ground);
    pushDay(e.on, states[i + 1]!);
  });
  closeSpans(dayStates);
  closeSpans(dayOffices);
  return { episodes, flows, states: dayStates, offices: dayOffices };
}

function closeSpans(spans: { fromOn: IsoDate; toOn: IsoDate | null }[]): void {
  for (let i = 0; i + 1 < spans.length; i++) spans[i]!.toOn = spans[i + 1]!.fromOn;
}
