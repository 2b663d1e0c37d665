/**
 * Commune mobilisation teams (Tổ vận động THADS): teams and members so far; assignments, visits, promises
 * and the attribution figures build on the rules in domain/.
 */
export { TeamsService, type NewTeamInput, type TeamView } from './app/teams.service.js';
export { teamsRoutes } from './http/teams.routes.js';
export { CaseMobilisationService, type NewVisitInput } from './app/case-mobilisation.service.js';
export { caseMobilisationRoutes } from './http/case-mobilisation.routes.js';
export { insertTeam, type NewTeamRow } from './infra/teams.repository.js';
export * from './domain/index.js';
