/**
 * The official statistics of an enforcement office (statistics.md): periods, episodes, each case's
 * contribution to the case and money forms, report assembly, rates, targets and the §7 JSON. Pure.
 */
export { type Period, type PeriodError, fiscalYearOf, fiscalYearBounds, defaultFrom, resolvePeriod } from './periods.js';
export {
  type Episode, type TerminalEventType, TERMINAL_EVENTS, isTerminalEvent, episodesOf, isOpenAt, episodeForPeriod, holdingOfficeAt,
} from './episodes.js';
export {
  type CaseBaseKey, type MoneyBaseKey, type CaseKey, type MoneyKey, type OpenBucket,
  CASE_BASE_KEYS, MONEY_BASE_KEYS, CASE_KEYS, MONEY_KEYS, FORM_LABELS_VI,
} from './form-keys.js';
export {
  type MoneyResolvedPart, type StatisticsPolicies, MONEY_RESOLVED_PARTS, DEFAULT_POLICIES, POLICY_LABELS_VI, PARTIAL_PERFORMANCE_EVENTS, groundMatches, validatePolicies,
} from './policies.js';
export { type CaseCounts, type MoneyAmounts, deriveCaseForm, deriveMoneyForm } from './forms.js';
export { type CaseContribution, caseContribution, caseContributionsAt } from './case-contribution.js';
export {
  type DerivedCase, type DerivedEpisode, type DerivedFlow, type DerivedOffice, type DerivedState, bucketOf, deriveCase, normalizeGround,
} from './case-derivation.js';
export {
  type CaseHistoryWrite, type DerivedRowSet, type DerivedTableName, DERIVED_TABLE_NAMES, changedSnapshotRange, derivedRowsChange, firstDifferenceOn,
} from './case-statistics-change.js';
export {
  HALF_ROUNDING, divideHalfUp, rateHundredths, rateOf, toHundredths, fromHundredths, formatPercentVi, toThousandDong, formatAmountVi,
} from './rates.js';
export { type Target, type Excess, STANDARD_TARGET, targetFor, excessOf, excessOfRates, formatExcessVi } from './targets.js';
export {
  type CaseForm, type MoneyForm, type StatisticsReport, type ReportInput, type IdentityViolation,
  sumContributions, assembleReport, combineReports, withTarget, checkIdentities, contributionsHeldBy,
} from './report.js';
export { type ReportJson, toReportJson, stringifyReport } from './report-json.js';
export {
  type PeriodCloseSnapshot, type PeriodCloseSnapshotJson, periodCloseSnapshotOf, periodCloseSnapshotToJson, readPeriodCloseSnapshot, reportOfSnapshot,
} from './period-close-snapshot.js';
export {
  type YearResult, type RateAgainstTarget, type NarrativeInput, formatDateVi, yearResultsOf, yearLabelVi, resultPhraseVi, yearSentenceVi,
  narrativeParagraphVi, spanLabelVi, narrativeTitleVi, narrativeTextVi,
} from './narrative.js';
export {
  type ForecastInput, type FormPair, type YearIndicators, type AgeBand, FORECAST_MIN_DAYS, AGE_BANDS, fiscalYearReportEnd, fiscalYearMonthEnds,
  periodDays, forecastYearEndRate, clearanceRate, dispositionTime, indicatorsOf, forecastAt, ageBandOf, ageBands,
} from './indicators.js';
export { type SuccessionUnit, type TargetInForce, predecessorsOf, existedInFiscalYear, targetInForce, yearsWithData } from './indicators-targets.js';
