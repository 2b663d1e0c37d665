// Loading the dashboard's figures. The rules behind them (years with data, the target a predecessor was
// given, indicators, forecast, ages of pending cases, fiscal years) are the server's (indicators.routes.ts):
// the web only displays them.
import { getBreakdown, type BreakdownResponse, type YearRow } from './statistics.api';

export interface MonthProgress {
  current: BreakdownResponse;
  previous: BreakdownResponse | null;
}

/** This fiscal year month by month (to the current year's end, today), and the previous one for comparison. */
export async function loadMonths(unit: string, current: YearRow, previous: YearRow | null): Promise<MonthProgress> {
  const [thisYear, lastYear] = await Promise.all([
    getBreakdown(unit, current.to, undefined, 'month'),
    previous ? getBreakdown(unit, previous.to, undefined, 'month') : Promise.resolve(null),
  ]);
  return { current: thisYear, previous: lastYear };
}
