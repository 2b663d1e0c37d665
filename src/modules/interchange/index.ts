/** `thads import` / `thads export`: the JSON Lines interchange format (shared/spec/interchange.md). */
export { ExportService } from './app/export.service.js';
export { type ImportCounts, type ImportProgress, ImportService } from './app/import.service.js';
export { caseToRecord } from './app/interchange-mapping.js';
export { formatIssue } from './app/issues.js';
export { toJsonLine } from './app/json-line.js';
export { exportCommand } from './cli/export.command.js';
export { importCommand } from './cli/import.command.js';
