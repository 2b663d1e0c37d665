/**
 * The official statistics (statistics.md): the engine over SQL kept current by every case write, reports,
 * breakdowns and drill-down, targets and policies, the period close and the exported forms.
 */
export { BulkStatistics } from './app/bulk-statistics.js';
export { PeriodCloseService } from './app/close/period-close.service.js';
export { ReportExportsService } from './app/close/report-exports.service.js';
export { caseStatisticsWrite, statisticsWriterStateSql, writerStateOf } from './app/case-statistics-write.js';
export { StatisticsService, type TotalsUpkeep } from './app/statistics.service.js';
export {
  IndicatorsService, type PendingAges, type StatisticsCalendar, type UnitYears, type YearForecast, type YearResult as UnitYearResult,
} from './app/indicators.service.js';
export { reportCommand } from './cli/report.command.js';
export { indicatorsRoutes } from './http/indicators.routes.js';
export { periodCloseRoutes } from './http/period-close.routes.js';
export { statisticsExportsRoutes } from './http/statistics-exports.routes.js';
export { statisticsRoutes } from './http/statistics.routes.js';
export { type DerivedRows, deleteDerivedRowsOf, derivedRowsCtes } from './infra/statistics.repository.js';
export { appendRows, derivedRowsOf } from './infra/derived-rows.js';
export * from './domain/index.js';
