import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Select, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { AGE_BANDS, getBreakdown, getPendingAges, type BreakdownRow, type Report, type YearRow, type YearsResponse } from './statistics.api';
import { useT } from '../../i18n/i18n.context';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { ageChart, monthChart, officeChart } from './dashboard-charts';
import { loadMonths } from './dashboard-data';
import { EChart } from './echart';
import { formatCount, formatRate, formatThousand, monthLabel } from './stat-format';

interface MonthRow {
  key: string;
  label: string;
  report: Report;
}

/**
 * (b) This year month by month (cumulative from 1 October), last year beside it, the forecast to September
 * (the server's, at each month end after the current month).
 */
export function MonthsSection({
  unit,
  current,
  previous,
  monthEnds: ends,
  forecast,
}: {
  unit: string;
  current: YearRow;
  previous: YearRow | null;
  monthEnds: string[];
  forecast: YearsResponse['forecast'];
}) {
  const t = useT();
  const months = useAsync(() => loadMonths(unit, current, previous), [unit, current, previous]);
  const labels = ends.map(monthLabel);
  const indexOf = (date: string) => ends.findIndex((e) => e.slice(0, 7) === date.slice(0, 7));

  const view = useMemo(() => {
    if (!months.data) return null;
    const series = (rows: BreakdownRow[], form: 'cases' | 'money') => {
      const out: (number | null)[] = ends.map(() => null);
      for (const r of rows) {
        const i = indexOf(r.key ?? '');
        if (i >= 0) out[i] = r.report[form].rate;
      }
      return out;
    };
    const cases = series(months.data.current.rows, 'cases');
    const money = series(months.data.current.rows, 'money');
    const last = indexOf(current.to);
    const forecastCases: (number | null)[] = ends.map(() => null);
    const forecastMoney: (number | null)[] = ends.map(() => null);
    if (last >= 0 && forecast && forecast.months.length > 0) {
      forecastCases[last] = cases[last] ?? null;
      forecastMoney[last] = money[last] ?? null;
      for (const f of forecast.months) {
        const i = ends.indexOf(f.to);
        if (i < 0) continue;
        forecastCases[i] = f.cases;
        forecastMoney[i] = f.money;
      }
    }
    const previousRows = months.data.previous?.rows ?? [];
    const byMonth = (form: 'cases' | 'money') =>
      ends.map((e) => previousRows.find((r) => (r.key ?? '').slice(5, 7) === e.slice(5, 7))?.report[form].rate ?? null);
    const option = monthChart(
      labels,
      {
        cases,
        money,
        previousCases: byMonth('cases'),
        previousMoney: byMonth('money'),
        forecastCases,
        forecastMoney,
        targetCases: current.target?.cases ?? null,
        targetMoney: current.target?.money ?? null,
      },
      {
        cases: t('stat.dash.casesRate'),
        money: t('stat.dash.moneyRate'),
        previousCases: t('stat.months.previousCases', { year: current.fiscalYear - 1 }),
        previousMoney: t('stat.months.previousMoney', { year: current.fiscalYear - 1 }),
        forecastCases: t('stat.months.forecastCases'),
        forecastMoney: t('stat.months.forecastMoney'),
        target: (rate) => t('stat.dash.targetShort', { rate }),
      },
    );
    const rows: MonthRow[] = months.data.current.rows.map((r) => {
      const key = r.key ?? '';
      const partial = key === current.to && !ends.includes(key);
      return { key, label: partial ? t('stat.months.partial', { month: monthLabel(key), date: key.slice(8, 10) }) : monthLabel(key), report: r.report };
    });
    return { option, rows };
  }, [months.data, current, forecast, ends, t]);

  const columns: TableColumnsType<MonthRow> = [
    { title: t('stat.months.month'), key: 'month', dataIndex: 'label' },
    { title: t('stat.months.resolvedCases'), key: 'rc', align: 'right', render: (_, r) => formatCount(r.report.cases.resolved) },
    { title: t('stat.months.withMeansCases'), key: 'wc', align: 'right', render: (_, r) => formatCount(r.report.cases.with_means) },
    { title: t('stat.dash.casesRate'), key: 'cr', align: 'right', render: (_, r) => formatRate(r.report.cases.rate) },
    { title: t('stat.months.resolvedMoney'), key: 'rm', align: 'right', render: (_, r) => formatThousand(r.report.money.resolved) },
    { title: t('stat.months.withMeansMoney'), key: 'wm', align: 'right', render: (_, r) => formatThousand(r.report.money.with_means) },
    { title: t('stat.dash.moneyRate'), key: 'mr', align: 'right', render: (_, r) => formatRate(r.report.money.rate) },
  ];

  return (
    <Card
      title={t('stat.months.title', { year: current.fiscalYear })}
      className="stat-card"
      extra={
        <Tooltip title={t('stat.forecast.method')}>
          <Tag color="purple" icon={<InfoCircleOutlined />}>
            {t('stat.months.forecastLegend')}
          </Tag>
        </Tooltip>
      }
    >
      {months.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(months.error, t)} />}
      {!view && months.loading && <Skeleton active />}
      {view && (
        <>
          <EChart option={view.option} height={320} label={t('stat.months.chart', { year: current.fiscalYear })} />
          <Table<MonthRow>
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={view.rows}
            aria-label={t('stat.months.title', { year: current.fiscalYear })}
          />
        </>
      )}
    </Card>
  );
}

interface IndicatorRow {
  key: string;
  label: MessageKey;
  help: MessageKey;
  previous: string;
  current: string;
}

/** (d) CEPEJ indicators from the report numbers, and the ages of pending cases: for reference only. */
export function IndicatorsSection({ unit, current, previous }: { unit: string; current: YearRow; previous: YearRow | null }) {
  const t = useT();
  const ages = useAsync(() => getPendingAges(unit, current.to), [unit, current.to]);

  const values = (r: YearRow | null) =>
    r && {
      clearanceCases: r.indicators.clearance.cases,
      clearanceMoney: r.indicators.clearance.money,
      dispositionCases: r.indicators.disposition.cases,
      dispositionMoney: r.indicators.disposition.money,
    };
  const prev = values(previous);
  const cur = values(current)!;
  const days = (d: number | null | undefined) => (d === null || d === undefined ? '—' : t('stat.ind.days', { days: formatCount(d) }));
  const rows: IndicatorRow[] = [
    { key: 'cc', label: 'stat.ind.clearanceCases', help: 'stat.ind.clearanceHelp', previous: formatRate(prev?.clearanceCases), current: formatRate(cur.clearanceCases) },
    { key: 'cm', label: 'stat.ind.clearanceMoney', help: 'stat.ind.clearanceHelp', previous: formatRate(prev?.clearanceMoney), current: formatRate(cur.clearanceMoney) },
    { key: 'dc', label: 'stat.ind.dispositionCases', help: 'stat.ind.dispositionHelp', previous: days(prev?.dispositionCases), current: days(cur.dispositionCases) },
    { key: 'dm', label: 'stat.ind.dispositionMoney', help: 'stat.ind.dispositionHelp', previous: days(prev?.dispositionMoney), current: days(cur.dispositionMoney) },
  ];
  const columns: TableColumnsType<IndicatorRow> = [
    {
      title: t('stat.ind.indicator'),
      key: 'label',
      render: (_, r) => (
        <span>
          {t(r.label)}{' '}
          <Tooltip title={t(r.help)}>
            <InfoCircleOutlined className="basis-icon" aria-label={t(r.help)} />
          </Tooltip>
        </span>
      ),
    },
    ...(previous ? [{ title: t('stat.ind.year', { year: previous.fiscalYear }), key: 'previous', align: 'right' as const, dataIndex: 'previous' }] : []),
    { title: t('stat.ind.yearToDate', { year: current.fiscalYear }), key: 'current', align: 'right', dataIndex: 'current' },
  ];

  const bandLabels = AGE_BANDS.map((b) => t(`stat.age.${b}` as MessageKey));
  const ageOption = useMemo(
    () =>
      ages.data
        ? ageChart(
            bandLabels,
            AGE_BANDS.map((b) => ages.data!.withMeans[b]),
            AGE_BANDS.map((b) => ages.data!.withoutMeans[b]),
            { withMeans: t('stat.age.withMeans'), withoutMeans: t('stat.age.withoutMeans') },
          )
        : null,
    [ages.data, t],
  );

  return (
    <Card title={t('stat.ind.title')} className="stat-card" extra={<Tag>{t('stat.ind.reference')}</Tag>}>
      <Typography.Paragraph type="secondary" className="small-note">
        {t('stat.ind.intro')}
      </Typography.Paragraph>
      <div className="stat-two-columns">
        <Table<IndicatorRow> rowKey="key" size="small" bordered pagination={false} columns={columns} dataSource={rows} aria-label={t('stat.ind.title')} />
        <div>
          <Typography.Text strong>
            {t('stat.age.title', { date: formatDate(current.to) })}{' '}
            <Tooltip title={t('stat.age.help')}>
              <InfoCircleOutlined className="basis-icon" aria-label={t('stat.age.help')} />
            </Tooltip>
          </Typography.Text>
          {ages.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(ages.error, t)} />}
          {ages.loading && !ages.data && <Skeleton active />}
          {ageOption && ages.data && (
            <>
              <EChart option={ageOption} height={240} label={t('stat.age.title', { date: formatDate(current.to) })} />
              <table className="stat-mini-table" aria-label={t('stat.age.tableLabel')}>
                <thead>
                  <tr>
                    <th />
                    {bandLabels.map((l) => (
                      <th key={l}>{l}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(['withMeans', 'withoutMeans'] as const).map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`stat.age.${k}`)}</th>
                      {AGE_BANDS.map((b) => (
                        <td key={b}>{formatCount(ages.data![k][b])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {!ages.data.complete && <Typography.Text type="warning">{t('stat.age.partial')}</Typography.Text>}
            </>
          )}
        </div>
      </div>
    </Card>
  );
}

/** (e) A province's (or the nation's) offices side by side for a fiscal year. */
export function OfficesSection({ unit, years }: { unit: string; years: YearRow[] }) {
  const t = useT();
  const [year, setYear] = useState(years[years.length - 1]!.fiscalYear);
  const row = years.find((y) => y.fiscalYear === year) ?? years[years.length - 1]!;
  const offices = useAsync(() => getBreakdown(unit, row.to, undefined, 'office'), [unit, row.to]);
  const option = useMemo(
    () =>
      offices.data
        ? officeChart(
            offices.data.rows.map((r) => ({ label: r.label ?? r.key ?? '', cases: r.report.cases.rate, money: r.report.money.rate })),
            { cases: t('stat.dash.casesRate'), money: t('stat.dash.moneyRate'), target: (rate) => t('stat.dash.targetShort', { rate }) },
            row.target,
          )
        : null,
    [offices.data, row.target, t],
  );
  return (
    <Card
      title={t('stat.offices.title')}
      className="stat-card"
      extra={
        <Select
          aria-label={t('stat.offices.year')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y.fiscalYear, label: y.current ? t('stat.dash.yearToDate', { year: y.fiscalYear, date: formatDate(y.to) }) : String(y.fiscalYear) }))}
          className="stat-year-select"
        />
      }
    >
      {offices.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(offices.error, t)} />}
      {!option && offices.loading && <Skeleton active />}
      {option && offices.data && (
        <>
          <EChart option={option} height={320} label={t('stat.offices.title')} />
          {offices.data.rows.length === 0 && <Typography.Text type="secondary">{t('stat.offices.none')}</Typography.Text>}
        </>
      )}
    </Card>
  );
}
