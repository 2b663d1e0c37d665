import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, InputNumber, Modal, Popconfirm, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseStatus } from '@domain/cases';
import { useCan } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatCount, formatDate, formatMoney } from '../../i18n/format';
import { casePath, paths } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { EChart, type ChartOption } from '../statistics/echart';
import {
  addNamedCases, closeCampaign, closingReportUrl, getCampaign, getCandidates, getDrillItems, getLeaderboard, getProgress,
  type Candidate, type CaseReason, type LeaderboardBy, type LeaderboardRow, type Progress,
} from './campaigns.api';
import './mobilisation.css';
import './campaigns.css';

const percent = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`);

interface Opened { title: string; link: string; money: boolean }

/** The cases behind a leaderboard figure; they add up to it. */
function CasesDrawer({ opened, onClose, canOpenCase }: { opened: Opened; onClose: () => void; canOpenCase: boolean }) {
  const t = useT();
  const items = useAsync(() => getDrillItems(opened.link), [opened.link]);
  return (
    <Drawer open onClose={onClose} width={Math.min(560, window.innerWidth)} title={opened.title}>
      {items.error ? <Alert type="error" showIcon message={errorMessage(items.error, t)} /> : null}
      {items.loading && !items.data ? <Spin /> : null}
      {items.data ? (
        <>
          <Typography.Paragraph>{t('camp.drillTotal', { n: formatCount(items.data.items.length), total: opened.money ? formatMoney(items.data.total) : formatCount(items.data.total) })}</Typography.Paragraph>
          <Table
            size="small"
            rowKey={(i) => i.caseId}
            dataSource={items.data.items}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              { title: t('camp.case'), dataIndex: 'caseId', render: (id: string) => (canOpenCase ? <Link to={casePath(id)}>{id}</Link> : id) },
              ...(opened.money ? [{ title: t('camp.amount'), dataIndex: 'value', align: 'right' as const, render: (v: string) => formatMoney(v) }] : []),
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

/** Day-by-day cumulative results against the targets (a straight line from 0 at the start to the target at the end). */
function ProgressChart({ progress, to, label }: { progress: Progress; to: string; label: string }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const days = progress.points.map((p) => p.on);
    const series: ChartOption[] = [
      { name: t('camp.chart.cases'), type: 'line', yAxisIndex: 0, showSymbol: false, data: progress.points.map((p) => p.cases) },
      { name: t('camp.chart.money'), type: 'line', yAxisIndex: 1, showSymbol: false, data: progress.points.map((p) => Number(p.money) / 1e6) },
    ];
    const from = progress.counted?.from;
    if (from && progress.targets.cases !== null) {
      const total = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
      series.push({
        name: t('camp.chart.target'), type: 'line', yAxisIndex: 0, showSymbol: false, lineStyle: { type: 'dashed' },
        data: days.map((d) => Math.round((((Date.parse(d) - Date.parse(from)) / 86_400_000 + 1) / total) * progress.targets.cases! * 100) / 100),
      });
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 56, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: days.map((d) => formatDate(d).slice(0, 5)) },
      yAxis: [{ type: 'value', name: t('camp.chart.casesAxis') }, { type: 'value', name: t('camp.chart.moneyAxis') }],
      series,
    };
  }, [progress, to, t]);
  return <EChart option={option} height={300} label={label} />;
}

/** Candidate difficult cases of the campaign's scope, filtered, selected and saved as its named cases. */
function CandidatesModal({ id, onClose, onSaved }: { id: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [min, setMin] = useState<number | null>(100_000_000);
  const [before, setBefore] = useState<Dayjs | null>(null);
  const [coercion, setCoercion] = useState(false);
  const [selected, setSelected] = useState<Candidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const list = useAsync(() => getCandidates(id, { minOutstanding: min ? String(min) : undefined, pendingSinceBefore: before?.format('YYYY-MM-DD'), coercion }), [id, min, before, coercion]);
  const save = async () => {
    try {
      await addNamedCases(id, selected.map((c) => ({ caseId: c.caseId, reason: c.coercion ? 'coercion_needed' : before ? 'long_pending' : 'large_amount' })));
      onSaved();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };
  return (
    <Modal open title={t('camp.candidates')} onCancel={onClose} onOk={() => void save()} okText={t('camp.saveSelected')} okButtonProps={{ disabled: selected.length === 0 }} width={720}>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('camp.minOutstanding')} addonBefore={t('camp.minOutstanding')} value={min} min={0} step={10_000_000} onChange={setMin} style={{ width: 260 }} />
        <DatePicker aria-label={t('camp.pendingSinceBefore')} placeholder={t('camp.pendingSinceBefore')} format={DATE_INPUT_FORMAT} value={before} onChange={setBefore} />
        <Checkbox checked={coercion} onChange={(e) => setCoercion(e.target.checked)}>{t('camp.coercion')}</Checkbox>
      </Space>
      {list.loading && !list.data ? <Spin /> : null}
      <Table<Candidate>
        size="small"
        rowKey="caseId"
        dataSource={list.data?.items ?? []}
        rowSelection={{ onChange: (_k, rows) => setSelected(rows) }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }}
        columns={[
          { title: t('camp.decision'), dataIndex: 'decisionNumber' },
          { title: t('camp.acceptedOn'), dataIndex: 'acceptedOn', render: (d: string) => formatDate(d) },
          { title: t('camp.status'), dataIndex: 'status', render: (x: CaseStatus) => t(`case.status.${x}`) },
          { title: t('camp.outstanding'), dataIndex: 'outstanding', align: 'right', render: (v: string) => formatMoney(v) },
        ]}
      />
    </Modal>
  );
}

/** A peak campaign: its live (or frozen) leaderboard, progress day by day, named cases, the close and the report. */
export function CampaignPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const [by, setBy] = useState<LeaderboardBy>('office');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [version, setVersion] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const detail = useAsync(() => getCampaign(id), [id, version]);
  const board = useAsync(() => getLeaderboard(id, by), [id, by, version]);
  const progress = useAsync(() => getProgress(id), [id, version]);
  const c = detail.data?.campaign;
  const manage = can('campaigns.manage') && c?.canManage && c.status === 'open';

  const close = async () => {
    setActionError(null);
    try {
      await closeCampaign(id);
      setVersion((v) => v + 1);
    } catch (e) {
      setActionError(errorMessage(e, t));
    }
  };
  const figure = (row: LeaderboardRow, money: boolean) => (
    <Button
      type="link"
      size="small"
      className="results-figure"
      onClick={() => setOpened({ title: `${row.label ?? '—'} – ${t(money ? 'camp.moneyResolved' : 'camp.casesResolved')}`, link: money ? row.drillDown.money : row.drillDown.cases, money })}
    >
      {money ? formatMoney(row.moneyResolved) : formatCount(row.casesResolved)}
    </Button>
  );

  if (detail.error) return <Alert type="error" showIcon message={errorMessage(detail.error, t)} />;
  if (!c) return <Spin />;
  const b = board.data;
  return (
    <div className="page campaign-page">
      <Typography.Paragraph>
        <Link to={paths.campaigns}>{t('camp.back')}</Link>
      </Typography.Paragraph>
      <Typography.Title level={3}>{c.name}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {c.status === 'closed' ? <Tag>{t('camp.status.closed')}</Tag> : <Tag color="green">{t('camp.status.open')}</Tag>}
        <Button href={closingReportUrl(id)} download>{t('camp.report')}</Button>
        {manage ? (
          <>
            <Button onClick={() => setChoosing(true)}>{t('camp.chooseCases')}</Button>
            <Popconfirm title={t('camp.closeConfirm')} onConfirm={() => void close()} okText={t('camp.close')} cancelText={t('camp.cancel')}>
              <Button danger>{t('camp.close')}</Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
      {actionError ? <Alert type="error" showIcon message={actionError} style={{ marginBottom: 12 }} /> : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered className="campaign-facts">
        <Descriptions.Item label={t('camp.unit')}>{c.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('camp.dates')}>{formatDate(c.from)} – {formatDate(c.to)}</Descriptions.Item>
        <Descriptions.Item label={t('camp.decision')}>
          {t('camp.decisionLine', { number: c.decision.number, date: formatDate(c.decision.date), by: t(`camp.decidedBy.${c.decidedBy}`) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('camp.counted')}>{c.counted ? `${formatDate(c.counted.from)} – ${formatDate(c.counted.to)}` : t('camp.notStarted')}</Descriptions.Item>
      </Descriptions>

      <Card size="small" title={t('camp.leaderboard')} style={{ marginTop: 16 }} extra={b?.frozen ? <Tag color="purple">{t('camp.frozen')}</Tag> : null}>
        <Segmented<LeaderboardBy> block value={by} onChange={setBy} options={(['office', 'enforcer', 'team', 'commune'] as const).map((x) => ({ value: x, label: t(`camp.by.${x}`) }))} />
        {board.error ? <Alert type="error" showIcon message={errorMessage(board.error, t)} /> : null}
        {board.loading && !b ? <Spin /> : null}
        {b ? (
          <>
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t('camp.totalLine', { cases: formatCount(b.total.casesResolved), money: formatMoney(b.total.moneyResolved), rate: percent(b.total.rate) })}
              {b.targets.cases.target !== null ? <><br />{t('camp.progressCases', { target: formatCount(b.targets.cases.target), p: percent(b.targets.cases.progress) })}</> : null}
              {b.targets.money.target !== null ? <><br />{t('camp.progressMoney', { target: formatMoney(b.targets.money.target), p: percent(b.targets.money.progress) })}</> : null}
              {by === 'team' ? <><br /><Typography.Text type="secondary">{t('camp.teamPolicy')}</Typography.Text></> : null}
            </Typography.Paragraph>
            <Table<LeaderboardRow>
              size="small"
              rowKey={(r) => r.key ?? '—'}
              dataSource={b.rows}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { title: '#', dataIndex: 'rank', width: 44 },
                { title: t(`camp.by.${by}`), dataIndex: 'label', render: (l: string | null) => l ?? '—' },
                { title: t('camp.casesResolved'), key: 'c', align: 'right', render: (_: unknown, r) => figure(r, false) },
                { title: t('camp.moneyResolved'), key: 'm', align: 'right', render: (_: unknown, r) => figure(r, true) },
                ...(by === 'team' ? [] : [{ title: t('camp.rate'), dataIndex: 'rate', align: 'right' as const, render: (v: number | null) => percent(v) }]),
              ]}
            />
          </>
        ) : null}
      </Card>

      <Card size="small" title={t('camp.progress')} style={{ marginTop: 16 }}>
        {progress.data && progress.data.points.length > 0 ? <ProgressChart progress={progress.data} to={c.to} label={t('camp.progress')} /> : <Typography.Text>{t('camp.notStarted')}</Typography.Text>}
      </Card>

      <Card size="small" title={t('camp.namedCases')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="caseId"
          dataSource={detail.data?.namedCases ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('camp.decision'), dataIndex: 'decisionNumber', render: (n: string | null, r) => (n && can('cases.read') ? <Link to={casePath(r.caseId)}>{n}</Link> : (n ?? r.caseId)) },
            { title: t('camp.reason'), dataIndex: 'reason', render: (x: CaseReason) => t(`camp.reason.${x}`) },
            { title: t('camp.status'), dataIndex: 'status', render: (x: CaseStatus) => t(`case.status.${x}`) },
            { title: t('camp.outstanding'), dataIndex: 'outstanding', align: 'right', render: (v: string | null) => (v === null ? '—' : formatMoney(v)) },
          ]}
        />
      </Card>
      {opened ? <CasesDrawer opened={opened} onClose={() => setOpened(null)} canOpenCase={can('cases.read')} /> : null}
      {choosing ? <CandidatesModal id={id} onClose={() => setChoosing(false)} onSaved={() => { setChoosing(false); setVersion((v) => v + 1); }} /> : null}
    </div>
  );
}
