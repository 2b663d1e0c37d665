import type { Db } from '../../../platform/db/database.js';
import type { RequestContext } from '../../../platform/audit/audit-log.js';
import type { CaseEvent, CaseFacts, CaseState } from '../domain/case-types.js';
import type { Projection } from '../infra/cases.repository.js';
import type { Actor, Reader, UnitDirectory } from '../../organisation/index.js';
import { type Clock, systemClock } from '../../../platform/clock.js';
import { createCase, reassignCases, recordEvent, reverseEvent, type NewCaseInput } from './case-commands.js';
import { deadlineQueue, deadlineSummary } from './case-deadlines.js';
import { caseDetail, caseForModule, effectiveHistory, type CaseForModule } from './case-detail.js';
import type { CaseList } from './case-list.js';
import { searchCases, type CaseSearch } from './case-search.js';
import { caseProjection, type CasesDeps } from './case-support.js';

export type { NewCaseInput } from './case-commands.js';
export type { CaseForModule } from './case-detail.js';
export type { CaseList, CaseListItem } from './case-list.js';
export { caseSearchIndex, type CaseSearch } from './case-search.js';
export { maskIdNumber } from '../domain/personal-data.js';

/**
 * The enforcement case register: creating cases, recording events, reading and searching them. One entry
 * object for the platform, the routes and the tests; each use case lives in its own file of app/:
 * case-commands.ts (writes, with case-registry-checks.ts), case-detail.ts (one case), case-search.ts and
 * case-name-search.ts (lists), case-deadlines.ts (the deadline queue).
 */
export class CasesService {
  private readonly deps: CasesDeps;

  constructor(db: Db, units: UnitDirectory, clock: Clock = systemClock) {
    this.deps = { db, units, clock };
  }

  /** The projection of a state: what lists, filters and deadline queues read without replaying events. */
  projection(facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], version: number): Promise<Projection> {
    return caseProjection(this.deps, facts, state, events, version);
  }

  /** Accepts a case (thụ lý), under the domain's and the registry's rules (case-commands.ts). */
  create(ctx: RequestContext, input: NewCaseInput): Promise<{ id: string; version: number }> {
    return createCase(this.deps, ctx, input);
  }

  /** Records one event, if the case is still at the version the caller saw. */
  recordEvent(actor: Actor, caseId: string, expectedVersion: number, event: CaseEvent): Promise<{ version: number; status: string }> {
    return recordEvent(this.deps, actor, caseId, expectedVersion, event);
  }

  /** Cancels a recorded event by a reversing event. */
  reverseEvent(actor: Actor, caseId: string, seq: number, expectedVersion: number, reason: string): Promise<{ version: number; status: string }> {
    return reverseEvent(this.deps, actor, caseId, seq, expectedVersion, reason);
  }

  /** The case as the detail screen shows it; personal data masked unless the role needs it (then logged). */
  detail(actor: Actor, caseId: string) {
    return caseDetail(this.deps, actor, caseId);
  }

  /** One case for another module's use case (scope checked; that module whitelists what it shows). */
  forModule(reader: Reader, caseId: string): Promise<CaseForModule> {
    return caseForModule(this.deps, reader, caseId);
  }

  /** Search and list over the user's units with filters, newest first. */
  search(actor: Actor, f: CaseSearch): Promise<CaseList> {
    return searchCases(this.deps, actor, f);
  }

  /** Overdue and due-this-week steps, for an enforcer ("Việc của tôi") or the whole office. */
  deadlines(actor: Actor, opts: { mine: boolean; enforcer?: string | undefined }) {
    return deadlineQueue(this.deps, actor, opts);
  }

  /** The deadline queue counted by enforcer and by step (the home page), for an enforcer or a unit in scope. */
  deadlineSummary(actor: Actor, opts: { mine: boolean; unitCode?: string | undefined }) {
    return deadlineSummary(this.deps, actor, opts);
  }

  /** The head of office moves cases to another enforcer: one `enforcer_assigned` event per case, today. */
  reassign(actor: Actor, caseIds: string[], enforcerCode: string) {
    return reassignCases(this.deps, actor, caseIds, enforcerCode);
  }

  /** Every effective event of a case in order, rebuilt from the log (used by export and checks). */
  effectiveHistory(caseId: string) {
    return effectiveHistory(this.deps, caseId);
  }
}
