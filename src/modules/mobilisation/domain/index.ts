/** The pure part of the mobilisation module's face: teams, visits, promises and the attribution rules. */
export * from './mobilisation-types.js';
export {
  type AttributedEvent, type AttributionPolicy, type InstalmentStatus, type PromiseState,
  DEFAULT_ATTRIBUTION_POLICY, MAX_ATTRIBUTION_WINDOW_DAYS, attributedEvents, coercionAvoided, instalmentStatuses, persuadingVisitFor,
} from './attribution.js';
export { type MobilisationRuleError, instalmentErrors, validateAssignment, validateTeam, validateVisit } from './mobilisation-rules.js';
export { actsAsTeamMember, canAssignToTeam, canManageTeams } from './team-access.js';
export {
  type OfficialResults, type ResultFigure, type ResultFigures, type ResultGrouping, type ResultItem, type Share,
  MONEY_FIGURES, RESULT_FIGURES, RESULT_GROUPINGS, addFigures, figuresOfItems, shareOf, zeroFigures,
} from './results.js';
export * from './campaign-types.js';
export { campaignTargetErrors, closeErrors, editErrors, namedCaseErrors, validateCampaign } from './campaign-rules.js';
export * from './campaign-leaderboard.js';
export * from './campaign-snapshot.js';
