/** The pure part of the case register's face: the case, its events and ledger, codecs, ids, deadlines. */
export { eventData, eventFromRow, stateToJson } from './case-codec.js';
export { CASE_ID_RULE_VI, isValidCaseId } from './case-id.js';
export { type CaseFactsRow, type ObligationRow, type PartyRow, caseFactsFromRows } from './case-rows.js';
export { applyEvent, initialState, outstandingOf, replay, separateLedgerEligibleFrom, totalOutstanding } from './case-ledger.js';
/** The Vietnamese labels of the statuses and events: the one copy (the web's vi catalogue derives from it). */
export { EVENT_VI, STATUS_VI } from './case-ledger.js';
export {
  CASE_STATUSES, CATEGORIES, INITIATIONS, NO_MEANS_REASONS, isTerminal,
  type CaseEvent, type CaseEventType, type CaseFacts, type CaseState, type CaseStatus, type Category, type Initiation, type NoMeansReason, type Obligation, type Party,
} from './case-types.js';
export { validateNewCase } from './case-validation.js';
/** The transition table's events in a status (the web groups the unavailable actions by it). */
export { eventsInStatus } from './case-state-machine.js';
export { allowedEvents, type EventAvailability } from './allowed-events.js';
export { nextDeadline } from './deadlines.js';
export { LAW_106_IN_FORCE } from './law-regime.js';
export { effectiveEvents, type StoredEvent } from './stored-event.js';
