import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Grid, Segmented, Select, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCan, useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatCount, formatDate, formatMoney, todayInOfficeZone } from '../../i18n/format';
import { casePath } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { getResultItems, getResults, RESULT_FIGURES, type ResultFigure, type ResultGrouping, type Results, type ResultsRow } from './results.api';
import './mobilisation.css';

const FIRST_FISCAL_YEAR = 2015;

/** Fiscal year N runs 01/10/N−1 – 30/09/N (statistics.md §1); the current one is counted to today. */
function fiscalYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 10 ? y + 1 : y;
}

const percent = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`);
const figureText = (f: ResultFigure, v: number | string) => (f === 'moneyResolved' ? formatMoney(v) : formatCount(v));

interface Opened {
  figure: ResultFigure;
  label: string;
  link: string;
}

/** The cases behind one figure, with the date and the value of each item; they add up to the figure. */
function ItemsDrawer({ opened, onClose, canOpenCase }: { opened: Opened; onClose: () => void; canOpenCase: boolean }) {
  const t = useT();
  const items = useAsync(() => getResultItems(opened.link), [opened.link]);
  const money = opened.figure === 'moneyResolved';
  return (
    <Drawer open onClose={onClose} width={560} title={`${t(`mob.results.figure.${opened.figure}`)} – ${opened.label}`} className="results-drawer">
      {items.error ? <Alert type="error" showIcon message={errorMessage(items.error, t)} /> : null}
      {items.loading && !items.data ? <Spin /> : null}
      {items.data ? (
        <>
          <Typography.Paragraph>
            {t('mob.results.itemsTotal', { count: formatCount(items.data.count), total: figureText(opened.figure, items.data.total) })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(i) => `${i.caseId}|${i.on}|${i.visitId ?? ''}|${String(i.value)}`}
            // newest first: what a team checks is usually what it did last
            dataSource={[...items.data.items].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.caseId.localeCompare(b.caseId)))}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              { title: t('mob.results.case'), dataIndex: 'caseId', render: (id: string) => (canOpenCase ? <Link to={casePath(id)}>{id}</Link> : id) },
              { title: t('mob.results.on'), dataIndex: 'on', render: (d: string) => formatDate(d) },
              ...(money ? [{ title: t('mob.results.amount'), dataIndex: 'value', align: 'right' as const, render: (v: string) => formatMoney(v) }] : []),
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

/**
 * What the commune teams achieved (issue #14 item 4): by team, commune or enforcer, for a fiscal year or any
 * dates; each figure opens the list of cases it counts; the share is of the office's official results.
 * On a phone each row is a card (a team member sees their own team's).
 */
export function ResultsPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const today = todayInOfficeZone();
  const currentYear = fiscalYearOf(today);
  const isMember = me.role === 'mobilisation_member';
  const [year, setYear] = useState<number | 'custom'>(currentYear);
  const [range, setRange] = useState<[string, string]>([`${currentYear - 1}-10-01`, today]);
  const [by, setBy] = useState<ResultGrouping>('team');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [from, to] = year === 'custom' ? range : [`${year - 1}-10-01`, year === currentYear ? today : `${year}-09-30`];
  const unit = me.activeUnit.code;
  const results = useAsync(() => getResults(unit, from, to, by), [unit, from, to, by]);
  const years = useMemo(() => Array.from({ length: currentYear - FIRST_FISCAL_YEAR + 1 }, (_, i) => currentYear - i), [currentYear]);

  const open = (row: ResultsRow | null, figure: ResultFigure, data: Results) => {
    const link = row ? row.drillDown[figure] : data.total.drillDown?.[figure];
    if (link) setOpened({ figure, label: row ? (row.label ?? t('mob.results.none')) : t('mob.results.total'), link });
  };
  const figureLink = (row: ResultsRow | null, f: ResultFigure, data: Results) => {
    const v = row ? row.figures[f] : data.total.figures[f];
    const clickable = row ? true : data.total.drillDown !== null;
    return clickable ? (
      <Button type="link" size="small" className="results-figure" onClick={() => open(row, f, data)} aria-label={`${t(`mob.results.figure.${f}`)}: ${figureText(f, v)}`}>
        {figureText(f, v)}
      </Button>
    ) : (
      figureText(f, v)
    );
  };

  const columns = (data: Results): TableColumnsType<ResultsRow> => [
    { title: t(`mob.results.by.${by}`), dataIndex: 'label', fixed: 'left', width: 220, render: (l: string | null) => l ?? t('mob.results.none') },
    ...RESULT_FIGURES.map((f) => ({ title: t(`mob.results.figure.${f}`), key: f, align: 'right' as const, render: (_: unknown, r: ResultsRow) => figureLink(r, f, data) })),
    { title: t('mob.results.shareCases'), key: 'shareCases', align: 'right' as const, render: (_: unknown, r: ResultsRow) => percent(r.share.cases) },
    { title: t('mob.results.shareMoney'), key: 'shareMoney', align: 'right' as const, render: (_: unknown, r: ResultsRow) => percent(r.share.money) },
  ];

  const card = (row: ResultsRow | null, data: Results) => {
    const share = row ? row.share : data.total.share;
    return (
      <Card key={row?.key ?? 'total'} size="small" className="results-card" title={row ? (row.label ?? t('mob.results.none')) : t('mob.results.total')}>
        <Descriptions size="small" column={1}>
          {RESULT_FIGURES.map((f) => (
            <Descriptions.Item key={f} label={t(`mob.results.figure.${f}`)}>
              {figureLink(row, f, data)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('mob.results.shareCases')}>{percent(share.cases)}</Descriptions.Item>
          <Descriptions.Item label={t('mob.results.shareMoney')}>{percent(share.money)}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  };

  const data = results.data;
  return (
    <div className="page results-page">
      <Typography.Title level={3}>{t('mob.results.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mob.results.intro')}</Typography.Paragraph>
      <Space wrap className="results-filter">
        <Select
          aria-label={t('mob.results.year')}
          value={year}
          onChange={setYear}
          style={{ minWidth: 170 }}
          options={[
            ...years.map((y) => ({ value: y, label: y === currentYear ? t('mob.results.yearCurrent', { year: y }) : t('mob.results.yearLabel', { year: y }) })),
            { value: 'custom' as const, label: t('mob.results.custom') },
          ]}
        />
        {year === 'custom' ? (
          <DatePicker.RangePicker
            format={DATE_INPUT_FORMAT}
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          />
        ) : null}
        {!isMember ? (
          <Segmented<ResultGrouping>
            value={by}
            onChange={setBy}
            options={(['team', 'commune', 'enforcer'] as const).map((b) => ({ value: b, label: t(`mob.results.by.${b}`) }))}
          />
        ) : null}
      </Space>
      {results.error ? <Alert type="error" showIcon message={errorMessage(results.error, t)} /> : null}
      {results.loading && !data ? <Spin /> : null}
      {data ? (
        <>
          <Typography.Paragraph className="results-summary">
            {t('mob.results.summary', {
              from: formatDate(data.period.from), to: formatDate(data.period.to),
              resolved: formatCount(data.total.figures.casesResolved), official: formatCount(data.official.casesResolved), share: percent(data.total.share.cases),
              money: formatMoney(data.total.figures.moneyResolved), collected: formatMoney(data.official.moneyCollected), moneyShare: percent(data.total.share.money),
            })}
            <br />
            <Typography.Text type="secondary">{t('mob.results.policy', { days: data.policy.windowDays })}</Typography.Text>
          </Typography.Paragraph>
          {screens.md ? (
            <Table<ResultsRow>
              size="small"
              rowKey={(r) => r.key ?? '—'}
              dataSource={data.rows}
              columns={columns(data)}
              pagination={false}
              scroll={{ x: 1200 }}
              summary={() => (
                <Table.Summary.Row className="results-total">
                  <Table.Summary.Cell index={0}>
                    <strong>{t('mob.results.total')}</strong>
                  </Table.Summary.Cell>
                  {RESULT_FIGURES.map((f, i) => (
                    <Table.Summary.Cell key={f} index={i + 1} align="right">
                      <strong>{figureLink(null, f, data)}</strong>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={8} align="right">{percent(data.total.share.cases)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={9} align="right">{percent(data.total.share.money)}</Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          ) : (
            <Space direction="vertical" className="results-cards" style={{ width: '100%' }}>
              {data.rows.map((r) => card(r, data))}
              {!isMember ? card(null, data) : null}
            </Space>
          )}
        </>
      ) : null}
      {opened ? <ItemsDrawer opened={opened} onClose={() => setOpened(null)} canOpenCase={can('cases.read')} /> : null}
    </div>
  );
}
