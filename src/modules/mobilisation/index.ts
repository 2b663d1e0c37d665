/**
 * Commune mobilisation teams (Tổ vận động THADS): teams and members so far; assignments, visits, promises
 * and the attribution figures build on the rules in domain/.
 */
export { TeamsService, type NewTeamInput, type TeamView } from './app/teams.service.js';
export { teamsRoutes } from './http/teams.routes.js';
export { CaseMobilisationService, type NewVisitInput } from './app/case-mobilisation.service.js';
export { caseMobilisationRoutes } from './http/case-mobilisation.routes.js';
export { MobilisationResultsService } from './app/results.service.js';
export { MOBILISATION_POLICY_KEY } from './infra/policy.repository.js';
export { resultsRoutes } from './http/results.routes.js';
export { insertTeam, type NewTeamRow } from './infra/teams.repository.js';
export * from './domain/index.js';
export { CampaignsService, type CampaignInput, type CampaignReader } from './app/campaigns.service.js';
export { campaignsRoutes } from './http/campaigns.routes.js';
export { insertCampaign, replaceParticipants, upsertNamedCases, type NewCampaignRow } from './infra/campaigns.repository.js';
