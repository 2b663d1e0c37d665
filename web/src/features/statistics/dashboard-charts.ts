// ECharts options of the dashboard: rates per fiscal year against targets, this year month by month with
// the forecast, offices of a province, ages of pending cases. Labels come in already translated.
import type { ChartOption } from './echart';
import { formatCount, formatRate } from './stat-format';

export const COLOURS = {
  cases: '#1f4e8c',
  money: '#d4880f',
  casesLight: '#8fa9cf',
  moneyLight: '#ecc383',
  withoutMeans: '#bfbfbf',
} as const;

const rateAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } };
const rateTooltip = {
  trigger: 'axis',
  valueFormatter: (v: unknown) => (typeof v === 'number' ? formatRate(v) : '—'),
};
const grid = { left: 48, right: 24, top: 48, bottom: 32, containLabel: false };

export interface YearPoint {
  label: string;
  cases: number | null;
  money: number | null;
  casesTarget: number | null;
  moneyTarget: number | null;
  current: boolean;
}

export interface YearChartLabels {
  cases: string;
  money: string;
  casesTarget: string;
  moneyTarget: string;
}

/** Bars of the two rates per fiscal year, the targets as dashed lines; the year in progress paler. */
export function yearChart(points: YearPoint[], l: YearChartLabels): ChartOption {
  const bar = (key: 'cases' | 'money') =>
    points.map((p) => ({ value: p[key], itemStyle: p.current ? { opacity: 0.45 } : undefined }));
  const target = (name: string, data: (number | null)[], color: string) => ({
    name,
    type: 'line',
    data,
    symbol: 'diamond',
    symbolSize: 8,
    lineStyle: { type: 'dashed', width: 2, color },
    itemStyle: { color },
    connectNulls: false,
  });
  return {
    color: [COLOURS.cases, COLOURS.money],
    tooltip: rateTooltip,
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: rateAxis,
    series: [
      { name: l.cases, type: 'bar', data: bar('cases'), itemStyle: { color: COLOURS.cases }, barGap: '10%' },
      { name: l.money, type: 'bar', data: bar('money'), itemStyle: { color: COLOURS.money } },
      target(l.casesTarget, points.map((p) => p.casesTarget), '#0b2a55'),
      target(l.moneyTarget, points.map((p) => p.moneyTarget), '#8a5300'),
    ],
  };
}

export interface MonthSeries {
  /** One per month of the fiscal year (October … September); null for months not reached. */
  cases: (number | null)[];
  money: (number | null)[];
  previousCases: (number | null)[];
  previousMoney: (number | null)[];
  /** The forecast line: from the last month reached to September. */
  forecastCases: (number | null)[];
  forecastMoney: (number | null)[];
  targetCases: number | null;
  targetMoney: number | null;
}

export interface MonthChartLabels {
  cases: string;
  money: string;
  previousCases: string;
  previousMoney: string;
  forecastCases: string;
  forecastMoney: string;
  target: (rate: string) => string;
}

/** The current year's cumulative rates month by month, last year's beside them, the forecast dotted. */
export function monthChart(months: string[], s: MonthSeries, l: MonthChartLabels): ChartOption {
  const targetLine = (value: number | null, color: string) =>
    value === null
      ? undefined
      : {
          silent: true,
          symbol: 'none',
          lineStyle: { color, type: 'solid', width: 1 },
          label: { formatter: l.target(formatRate(value)), position: 'insideEndTop', color },
          data: [{ yAxis: value }],
        };
  const line = (name: string, data: (number | null)[], color: string, extra: Record<string, unknown> = {}) => ({
    name,
    type: 'line',
    data,
    itemStyle: { color },
    lineStyle: { color, width: 2 },
    connectNulls: false,
    ...extra,
  });
  return {
    tooltip: rateTooltip,
    legend: { top: 0, type: 'scroll' },
    grid: { ...grid, top: 56 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: rateAxis,
    series: [
      line(l.cases, s.cases, COLOURS.cases, { markLine: targetLine(s.targetCases, COLOURS.cases), symbolSize: 7 }),
      line(l.money, s.money, COLOURS.money, { markLine: targetLine(s.targetMoney, COLOURS.money), symbolSize: 7 }),
      line(l.previousCases, s.previousCases, COLOURS.casesLight, { lineStyle: { color: COLOURS.casesLight, type: 'dashed', width: 1.5 }, symbol: 'none' }),
      line(l.previousMoney, s.previousMoney, COLOURS.moneyLight, { lineStyle: { color: COLOURS.moneyLight, type: 'dashed', width: 1.5 }, symbol: 'none' }),
      line(l.forecastCases, s.forecastCases, COLOURS.cases, { lineStyle: { color: COLOURS.cases, type: 'dotted', width: 2 }, symbol: 'emptyCircle' }),
      line(l.forecastMoney, s.forecastMoney, COLOURS.money, { lineStyle: { color: COLOURS.money, type: 'dotted', width: 2 }, symbol: 'emptyCircle' }),
    ],
  };
}

/** Rates of the offices of a province side by side, the province's targets as lines. */
export function officeChart(
  offices: { label: string; cases: number | null; money: number | null }[],
  l: { cases: string; money: string; target: (rate: string) => string },
  target: { cases: number; money: number } | null,
): ChartOption {
  const mark = (value: number | undefined, color: string) =>
    value === undefined
      ? undefined
      : { silent: true, symbol: 'none', lineStyle: { color, type: 'dashed' }, label: { formatter: l.target(formatRate(value)), color }, data: [{ yAxis: value }] };
  return {
    tooltip: rateTooltip,
    legend: { top: 0 },
    grid: { ...grid, bottom: 64 },
    xAxis: { type: 'category', data: offices.map((o) => o.label), axisLabel: { interval: 0, width: 140, overflow: 'break' } },
    yAxis: rateAxis,
    series: [
      { name: l.cases, type: 'bar', barMaxWidth: 56, data: offices.map((o) => o.cases), itemStyle: { color: COLOURS.cases }, markLine: mark(target?.cases, COLOURS.cases) },
      { name: l.money, type: 'bar', barMaxWidth: 56, data: offices.map((o) => o.money), itemStyle: { color: COLOURS.money }, markLine: mark(target?.money, COLOURS.money) },
    ],
  };
}

/** Pending cases by age band, stacked: with means, without means. */
export function ageChart(bands: string[], withMeans: number[], withoutMeans: number[], l: { withMeans: string; withoutMeans: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatCount(v) : '—') },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: bands },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v) } },
    series: [
      { name: l.withMeans, type: 'bar', stack: 'age', data: withMeans, itemStyle: { color: COLOURS.cases } },
      { name: l.withoutMeans, type: 'bar', stack: 'age', data: withoutMeans, itemStyle: { color: COLOURS.withoutMeans } },
    ],
  };
}
