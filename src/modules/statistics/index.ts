/**
 * The official statistics (statistics.md): the engine over SQL kept current by every case write, reports,
 * breakdowns and drill-down, targets and policies, the period close and the exported forms.
 */
export { BulkStatistics } from './app/bulk-statistics.js';
export { PeriodCloseService } from './app/close/period-close.service.js';
export { ReportExportsService } from './app/close/report-exports.service.js';
export { appendRows, caseStatisticsWrite, derivedRowsOf, statisticsWriterStateSql, writerStateOf } from './app/statistics-maintenance.js';
export { StatisticsService, type TotalsUpkeep } from './app/statistics.service.js';
export { reportCommand } from './cli/report.command.js';
export { periodCloseRoutes } from './http/period-close.routes.js';
export { statisticsExportsRoutes } from './http/statistics-exports.routes.js';
export { statisticsRoutes } from './http/statistics.routes.js';
export { type DerivedRows, deleteDerivedRowsOf, derivedRowsCtes } from './infra/statistics.repository.js';
export * from './domain/index.js';
