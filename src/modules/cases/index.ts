/**
 * The case register (domain.md §2–3): accepting cases, recording and reversing events under the lifecycle
 * table and the registry rules, reading, searching and the deadline queues. Other modules and the
 * platform reach it only through this face (and its pure part, domain/index.ts).
 */
export { CasesService, caseSearchIndex, type CaseForModule } from './app/cases.service.js';
export { casesRoutes } from './http/cases.routes.js';
export * from './domain/index.js';
