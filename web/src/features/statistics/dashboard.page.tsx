import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { getYears, type FormKind, type FormPair, type YearRow } from './statistics.api';
import { useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { formatDate } from '../../i18n/format';
import { paths } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { yearChart } from './dashboard-charts';
import { IndicatorsSection, MonthsSection, OfficesSection } from './dashboard-sections';
import { EChart } from './echart';
import { ExcessText } from './excess';
import { formatRate } from './stat-format';
import './statistics.css';

/** The address of the official forms of a period, opened on one form. */
export function formsHref(to: string, form: FormKind, from?: string): string {
  const q = new URLSearchParams({ to, form });
  if (from) q.set('from', from);
  return `${paths.statisticsForms}?${q.toString()}`;
}

/** "Tổng quan": the active unit's rates per fiscal year against targets, this year's progress, indicators. */
export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const unit = me.activeUnit.code;
  // the years, their targets in force (a predecessor's included), indicators and forecast: the server's
  const years = useAsync(() => getYears(unit), [unit]);
  const rows = years.data?.years ?? [];
  const today = years.data?.today;
  const current = rows.find((r) => r.current) ?? null;
  const previous = current ? (rows.find((r) => r.fiscalYear === current.fiscalYear - 1) ?? null) : null;

  const yearLabel = (r: YearRow) => (r.current ? t('stat.dash.yearToDate', { year: r.fiscalYear, date: formatDate(r.to) }) : String(r.fiscalYear));
  const chart = useMemo(
    () =>
      yearChart(
        rows.map((r) => ({
          label: r.current ? `${r.fiscalYear}*` : String(r.fiscalYear),
          cases: r.report.cases.rate,
          money: r.report.money.rate,
          casesTarget: r.target?.cases ?? null,
          moneyTarget: r.target?.money ?? null,
          current: r.current,
        })),
        {
          cases: t('stat.dash.casesRate'),
          money: t('stat.dash.moneyRate'),
          casesTarget: t('stat.dash.casesTarget'),
          moneyTarget: t('stat.dash.moneyTarget'),
        },
      ),
    [rows, t],
  );

  const rateLink = (r: YearRow, form: FormKind) => (
    <Link to={formsHref(r.to, form)} aria-label={t('stat.dash.rateLink', { form: t(form === 'money' ? 'stat.form.money' : 'stat.form.cases'), year: r.fiscalYear })}>
      {formatRate(r.report[form].rate)}
    </Link>
  );
  const targetCell = (r: YearRow, form: FormKind) =>
    r.target ? (
      <span>
        {formatRate(r.target[form])}
        {r.targetOf && <sup title={t('stat.dash.targetOf', { unit: r.targetOf.name })}>*</sup>}
      </span>
    ) : (
      '—'
    );
  const columns: TableColumnsType<YearRow> = [
    { title: t('stat.dash.year'), key: 'year', render: (_, r) => <strong>{yearLabel(r)}</strong> },
    { title: t('stat.dash.casesRate'), key: 'casesRate', align: 'right', render: (_, r) => rateLink(r, 'cases') },
    { title: t('stat.dash.target'), key: 'casesTarget', align: 'right', render: (_, r) => targetCell(r, 'cases') },
    { title: t('stat.dash.excess'), key: 'casesExcess', render: (_, r) => <ExcessText rate={r.report.cases.rate} target={r.target?.cases} /> },
    { title: t('stat.dash.moneyRate'), key: 'moneyRate', align: 'right', render: (_, r) => rateLink(r, 'money') },
    { title: t('stat.dash.target'), key: 'moneyTarget', align: 'right', render: (_, r) => targetCell(r, 'money') },
    { title: t('stat.dash.excess'), key: 'moneyExcess', render: (_, r) => <ExcessText rate={r.report.money.rate} target={r.target?.money} /> },
  ];
  const borrowed = rows.find((r) => r.targetOf);

  return (
    <section className="page page-wide stat-page">
      <div className="page-heading">
        <div>
          <Typography.Title level={2}>{t('stat.dash.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {me.activeUnit.name}
            {today && ` · ${t('stat.dash.asOf', { date: formatDate(today) })}`}
          </Typography.Text>
        </div>
      </div>
      {years.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(years.error, t)} />}
      {years.loading && !years.data && <Skeleton active paragraph={{ rows: 8 }} />}
      {years.data && rows.length === 0 && <Alert type="info" showIcon title={t('stat.dash.noData')} />}

      {current && <CurrentYearCards current={current} forecast={years.data?.forecast?.yearEnd ?? NO_FORECAST} />}

      {rows.length > 0 && (
        <Card title={t('stat.dash.yearsTitle')} className="stat-card">
          <EChart option={chart} height={340} label={t('stat.dash.yearsChart')} />
          <Table<YearRow>
            className="stat-years-table"
            rowKey="fiscalYear"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={rows}
            aria-label={t('stat.dash.yearsTitle')}
            footer={() => (
              <Typography.Text type="secondary" className="small-note">
                {t('stat.dash.yearsNote')}
                {borrowed?.targetOf && ` ${t('stat.dash.targetOfNote', { unit: borrowed.targetOf.name })}`}
              </Typography.Text>
            )}
          />
        </Card>
      )}

      {current && years.data && (
        <MonthsSection unit={unit} current={current} previous={previous} monthEnds={years.data.monthEnds} forecast={years.data.forecast} />
      )}
      {current && <IndicatorsSection unit={unit} current={current} previous={previous} />}
      {me.activeUnit.level !== 'office' && rows.length > 0 && <OfficesSection unit={unit} years={rows} />}
    </section>
  );
}

const NO_FORECAST: FormPair = { cases: null, money: null };

function CurrentYearCards({ current, forecast }: { current: YearRow; forecast: FormPair }) {
  const t = useT();
  const method = t('stat.forecast.method');
  const card = (form: FormKind) => (
    <Card size="small" className="stat-kpi" key={form}>
      <div className="stat-kpi-label">{t(form === 'money' ? 'stat.dash.moneyRate' : 'stat.dash.casesRate')}</div>
      <div className="stat-kpi-value">{formatRate(current.report[form].rate)}</div>
      <div className="stat-kpi-note">
        {current.target ? (
          <>
            {t('stat.dash.targetShort', { rate: formatRate(current.target[form]) })} · <ExcessText rate={current.report[form].rate} target={current.target[form]} />
          </>
        ) : (
          t('stat.target.none')
        )}
      </div>
    </Card>
  );
  const forecastCard = (form: FormKind) => (
    <Card size="small" className="stat-kpi stat-kpi-forecast" key={`f-${form}`}>
      <div className="stat-kpi-label">
        <Tag color="purple">{t('stat.forecast.tag')}</Tag>
        {t(form === 'money' ? 'stat.forecast.money' : 'stat.forecast.cases', { year: current.fiscalYear })}
        <Tooltip title={method}>
          <InfoCircleOutlined className="basis-icon" aria-label={method} />
        </Tooltip>
      </div>
      <div className="stat-kpi-value">{forecast[form] === null ? '—' : formatRate(forecast[form])}</div>
      <div className="stat-kpi-note">
        {forecast[form] === null ? (
          t('stat.forecast.tooEarly')
        ) : current.target ? (
          <>
            {t('stat.dash.targetShort', { rate: formatRate(current.target[form]) })} · <ExcessText rate={forecast[form]} target={current.target[form]} />
          </>
        ) : (
          t('stat.forecast.note')
        )}
      </div>
    </Card>
  );
  return (
    <div className="stat-current">
      <Typography.Title level={4} className="stat-section-title">
        {t('stat.dash.currentTitle', { year: current.fiscalYear, from: formatDate(current.report.period.from), to: formatDate(current.to) })}
      </Typography.Title>
      <div className="stat-kpis">
        {card('cases')}
        {card('money')}
        {forecastCard('cases')}
        {forecastCard('money')}
      </div>
    </div>
  );
}
