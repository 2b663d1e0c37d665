import type { CaseEvent, CaseFacts } from '../../cases/domain/index.js';
import { deriveCase } from '../domain/index.js';
import type { DerivedRows } from './statistics.repository.js';

/** The derived rows of one case as rows of the stat_* tables (domain deriveCase); office codes resolved by `officeId`. */
export function derivedRowsOf(facts: CaseFacts, events: readonly CaseEvent[], officeId: (code: string) => number): DerivedRows {
  const d = deriveCase(facts, events);
  const accepting = officeId(facts.office);
  return {
    episodes: d.episodes.map((e) => ({
      case_id: facts.id, episode_no: e.episodeNo, start_on: e.startOn, started_by: e.startedBy, next_start_on: e.nextStartOn, end_on: e.endOn,
      end_type: e.endType, partially_performed: e.partiallyPerformed, value_at_start: e.valueAtStart.toString(),
      outstanding_at_end: e.outstandingAtEnd === null ? null : e.outstandingAtEnd.toString(), initiation: facts.initiation, category: facts.category,
      commune_code: facts.commune, accepting_office_id: accepting,
    })),
    flows: d.flows.map((f) => ({ case_id: facts.id, episode_no: f.episodeNo, on: f.on, kind: f.kind, amount: f.amount.toString() })),
    states: d.states.map((s) => ({ case_id: facts.id, from_on: s.fromOn, to_on: s.toOn, status: s.status, ground: s.ground, enforcer_code: s.enforcer, bucket_changed: s.bucketChanged })),
    offices: d.offices.map((o) => ({ case_id: facts.id, office_id: officeId(o.office), from_on: o.fromOn, to_on: o.toOn })),
  };
}

/** Adds the rows of `r` to `into` (the rows of many cases, written together). */
export const appendRows = (into: DerivedRows, r: DerivedRows) => {
  into.episodes.push(...r.episodes);
  into.flows.push(...r.flows);
  into.states.push(...r.states);
  into.offices.push(...r.offices);
};
