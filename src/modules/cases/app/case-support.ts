import type { Db } from '../../../platform/db/database.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { AppError } from '../../../kernel/errors.js';
import { totalOutstanding, type CaseRuleError } from '../domain/case-ledger.js';
import type { CaseEvent, CaseFacts, CaseState } from '../domain/case-types.js';
import { nextDeadline } from '../domain/deadlines.js';
import type { Projection } from '../infra/cases.repository.js';
import type { UnitDirectory } from '../../organisation/index.js';
import { type Clock, todayInVietnam } from '../../../platform/clock.js';

/** What every use case of the register stands on: the database, the unit directory and the clock. */
export interface CasesDeps {
  readonly db: Db;
  readonly units: UnitDirectory;
  readonly clock: Clock;
}

/** Today in Viet Nam, by the register's clock. */
export function today(deps: CasesDeps): IsoDate {
  return todayInVietnam(deps.clock);
}

/** Office codes by id from the unit directory (the case loader names offices by code). */
export async function officeCodes(deps: CasesDeps): Promise<(id: number) => string | undefined> {
  const { byId } = await deps.units.maps();
  return (id: number) => byId.get(id)?.code;
}

/** Office ids by code from the unit directory (the statistics rows name offices by id). */
export async function officeIds(deps: CasesDeps): Promise<(code: string) => number | undefined> {
  const { byCode } = await deps.units.maps();
  return (code) => byCode.get(code)?.id;
}

/** The domain's rule errors as the 422 answer, their fields under `prefix` (e.g. `event.on`). */
export const ruleError = (errors: CaseRuleError[], prefix = '') =>
  new AppError('CASE_RULE_VIOLATION', errors.map((e) => ({ ...e, field: prefix && e.field ? `${prefix}.${e.field}` : e.field || prefix })));

/** The projection of a state: what lists, filters and deadline queues read without replaying events. */
export async function caseProjection(deps: CasesDeps, facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], version: number): Promise<Projection> {
  const holding = await deps.units.byCode(state.office);
  const next = nextDeadline(facts, state, events, today(deps));
  return {
    status: state.status,
    statusSince: state.statusSince,
    holdingOfficeId: holding!.id,
    enforcer: state.enforcer,
    lastEventOn: state.lastEventOn,
    outstanding: totalOutstanding(facts, state),
    nextStep: next?.code ?? null,
    nextDue: next?.due ?? null,
    state,
    version,
  };
}
