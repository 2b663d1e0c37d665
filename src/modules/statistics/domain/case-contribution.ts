import type { IsoDate } from '../../../kernel/calendar/index.js';
import { applyEvent, type CaseEvent, type CaseFacts, type CaseState, initialState, totalOutstanding } from '../../cases/domain/index.js';
import { episodeForPeriod, episodesOf, holdingOfficeAt } from './episodes.js';
import type { CaseKey, MoneyKey, OpenBucket } from './form-keys.js';
import { deriveCaseForm, deriveMoneyForm, zeroCaseBase, zeroMoneyBase } from './forms.js';
import { DEFAULT_POLICIES, groundMatches, PARTIAL_PERFORMANCE_EVENTS, type StatisticsPolicies } from './policies.js';

/** What one case adds to a report `[S, E]`: 0 or 1 on every case row, an amount on every money row. */
export interface CaseContribution {
  /** An episode of the case is open at some moment of `[S, E]` (statistics.md §2). */
  readonly inScope: boolean;
  /** The office holding the case at `E`: the report of that office (or its successors, its province) counts it. */
  readonly office: string;
  readonly cases: Readonly<Record<CaseKey, 0 | 1>>;
  readonly money: Readonly<Record<MoneyKey, bigint>>;
}

/**
 * The contribution of one case to the report `[S, E]` (statistics.md §2–§4), from its facts and effective
 * events (reversed ones removed) in recorded order. Only events dated on or before `E` matter. Returns null
 * when the case was accepted after `E` (it did not exist at `E`, no office held it). An invalid history is
 * a bug upstream (the ledger refuses such events) and throws.
 */
export function caseContribution(
  facts: CaseFacts, events: readonly CaseEvent[], from: IsoDate, to: IsoDate, policies: StatisticsPolicies = DEFAULT_POLICIES,
): CaseContribution | null {
  if (from > to) throw new RangeError(`period from ${from} is after to ${to}`);
  if (facts.acceptedOn > to) return null;
  const cut = events.findIndex((e) => e.on > to);
  const upto = cut === -1 ? events : events.slice(0, cut);
  return contributionOf(facts, upto, statesOf(facts, upto), from, to, policies);
}

/**
 * The contributions of one case to several reports (what caseContribution gives for each), its history
 * replayed once: for totals over many snapshot dates.
 */
export function caseContributionsAt(
  facts: CaseFacts, events: readonly CaseEvent[], periods: readonly { from: IsoDate; to: IsoDate }[], policies: StatisticsPolicies = DEFAULT_POLICIES,
): (CaseContribution | null)[] {
  let states: CaseState[] | null = null;
  return periods.map(({ from, to }) => {
    if (from > to) throw new RangeError(`period from ${from} is after to ${to}`);
    if (facts.acceptedOn > to) return null;
    states ??= statesOf(facts, events);
    const cut = events.findIndex((e) => e.on > to);
    // The states of a prefix of the history are the first states of the whole history.
    return contributionOf(facts, cut === -1 ? events : events.slice(0, cut), states, from, to, policies);
  });
}

/** The contribution from the events dated on or before `to` (`upto`) and the states of (at least) that prefix. */
function contributionOf(
  facts: CaseFacts, upto: readonly CaseEvent[], states: readonly CaseState[], from: IsoDate, to: IsoDate, policies: StatisticsPolicies,
): CaseContribution {
  const office = holdingOfficeAt(facts, upto, to);
  const cases = zeroCaseBase();
  const money = zeroMoneyBase();
  const episode = episodeForPeriod(episodesOf(facts, upto), { from, to });
  if (episode) {
    const outstanding = (s: CaseState) => totalOutstanding(facts, s);
    const last = episode.end ? episode.end.index - 1 : upto.length - 1;
    const inEpisode = upto.slice(episode.startIndex + 1, last + 1);

    if (episode.start < from) {
      cases.carried_over = 1;
      money.carried_over = outstanding(states[upto.filter((e) => e.on < from).length]!);
    } else {
      cases.new = 1;
      money.new = outstanding(states[episode.startIndex + 1]!);
    }
    // Flows of the period: money with means wherever the case ends up (§4).
    for (const e of inEpisode) {
      if (e.on < from) continue;
      if (e.type === 'payment') money.completed += e.amount;
      else if (e.type === 'reduced') money.reduced += e.amount;
      else if (e.type === 'performed') money.completed += valueOf(facts, e.obligation);
    }
    if (episode.end) {
      const atEnd = outstanding(states[episode.end.index]!);
      const terminal = upto[episode.end.index]!;
      switch (episode.end.type) {
        case 'completed': cases.completed = 1; break;
        case 'terminated': cases.terminated = 1; money.terminated = atEnd; break;
        case 'transferred_out': {
          const partial = (terminal.type === 'transferred_out' && terminal.partiallyPerformed) || inEpisode.some((e) => PARTIAL_PERFORMANCE_EVENTS.has(e.type));
          if (partial) cases.completed = 1;
          else cases.transferred_out = 1;
          money.transferred_out = atEnd;
          break;
        }
        case 'withdrawn': cases.withdrawn = 1; money.withdrawn = atEnd; break;
        case 'separate_ledger':
        case 'request_returned': cases.without_means = 1; money.without_means = atEnd; break;
        default: { const never: never = episode.end.type; throw new Error(`unknown terminal ${String(never)}`); }
      }
    } else {
      const final = states[upto.length]!;
      const bucket = openBucket(final, upto, policies);
      cases[bucket] = 1;
      money[bucket] = outstanding(final);
    }
  }
  return { inScope: episode !== null, office, cases: asZeroOne(deriveCaseForm(cases)), money: deriveMoneyForm(money, policies) };
}

/** The bucket of a case open at `E` (§3): pending verification counts as in progress; a postponement on a policy ground as without means. */
function openBucket(state: CaseState, events: readonly CaseEvent[], policies: StatisticsPolicies): OpenBucket {
  switch (state.status) {
    case 'pending_verification':
    case 'in_progress': return 'in_progress';
    case 'postponed': {
      const ground = events.findLast((e) => e.type === 'postponed');
      return ground?.type === 'postponed' && groundMatches(ground.ground, policies.postponementGroundsWithoutMeans) ? 'without_means' : 'postponed';
    }
    case 'suspended': return 'suspended';
    case 'other': return 'other';
    case 'no_means': return 'without_means';
    default: throw new Error(`status ${state.status} is not open`);
  }
}

/** The states after each event: states[0] at acceptance, states[i + 1] after events[i]. */
function statesOf(facts: CaseFacts, events: readonly CaseEvent[]): CaseState[] {
  const states: CaseState[] = [initialState(facts)];
  events.forEach((e, i) => {
    const r = applyEvent(facts, states[i]!, e);
    if (!r.ok) throw new Error(`case ${facts.id}: event ${i} (${e.type} ${e.on}) is not valid: ${r.errors.map((x) => x.rule).join(', ')}`);
    states.push(r.value);
  });
  return states;
}

/** Value of a non-money obligation in đồng (0 when it carries none: it then counts nowhere in money). */
function valueOf(facts: CaseFacts, obligationId: string): bigint {
  const o = facts.obligations.find((x) => x.id === obligationId);
  return o?.kind === 'non_money' ? (o.value ?? 0n) : 0n;
}

function asZeroOne(form: Record<CaseKey, number>): Record<CaseKey, 0 | 1> {
  for (const [k, v] of Object.entries(form)) if (v !== 0 && v !== 1) throw new Error(`case row ${k} = ${v}: a case counts 0 or 1`);
  return form as Record<CaseKey, 0 | 1>;
}
