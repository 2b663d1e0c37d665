import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { closePeriod, getCalendar, listCloses, type PeriodClose } from './statistics.api';
import { useCan, useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fieldIssues } from '../../api/client';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { CloseDiffCard } from './close-diff';
import { formatRate } from './stat-format';
import './statistics.css';

/** The last day of the month of a picked date. */
function monthEndOfPick(d: Dayjs): string {
  return d.endOf('month').format('YYYY-MM-DD');
}

/** "Chốt số liệu": the closed months of the active unit, closing a month, the difference report of one. */
export function PeriodClosePage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message, modal } = App.useApp();
  const unit = me.activeUnit.code;
  const [params, setParams] = useSearchParams();
  const selected = params.get('thang');
  const closes = useAsync(() => listCloses(unit), [unit]);
  // the month proposed (the last one ended before today) and a month's fiscal year are the server's
  const calendar = useAsync(() => getCalendar(unit), [unit]);
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? calendar.data?.previousMonthEnd ?? null;
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayClose = can('statistics.close') && me.activeUnit.level !== 'national';

  const doClose = async () => {
    setBusy(true);
    setFieldError(null);
    try {
      if (!month) return;
      await closePeriod(unit, month);
      message.success(t('stat.close.done', { date: formatDate(month) }));
      closes.reload();
    } catch (error) {
      const issue = fieldIssues(error).find((i) => i.field === 'monthEnd');
      if (issue) setFieldError(issue.message);
      else message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!month) return;
    let from: string;
    try {
      from = (await getCalendar(unit, { at: month })).year!.from;
    } catch (error) {
      message.error(errorMessage(error, t));
      return;
    }
    modal.confirm({
      title: t('stat.close.confirmTitle', { date: formatDate(month) }),
      content: t('stat.close.confirmText', { unit: me.activeUnit.name, from: formatDate(from), to: formatDate(month) }),
      okText: t('stat.close.submit'),
      cancelText: t('common.cancel'),
      onOk: doClose,
    });
  };

  const columns: TableColumnsType<PeriodClose> = [
    {
      title: t('stat.close.period'),
      key: 'period',
      render: (_, c) => (
        <span>
          <strong>{t('stat.close.upTo', { date: formatDate(c.monthEnd) })}</strong>
          <div className="small-note">
            {formatDate(c.period.from)} – {formatDate(c.period.to)}
          </div>
        </span>
      ),
    },
    { title: t('stat.close.fiscalYear'), key: 'fy', dataIndex: 'fiscalYear' },
    { title: t('stat.dash.casesRate'), key: 'cases', align: 'right', render: (_, c) => formatRate(c.rates?.cases ?? null) },
    { title: t('stat.dash.moneyRate'), key: 'money', align: 'right', render: (_, c) => formatRate(c.rates?.money ?? null) },
    { title: t('stat.close.closedAt'), key: 'at', render: (_, c) => formatDateTime(c.closedAt) },
    { title: t('stat.close.closedBy'), key: 'by', render: (_, c) => c.closedBy.fullName || c.closedBy.username },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Link to={`?thang=${c.monthEnd}`} aria-label={t('stat.close.diffFor', { date: formatDate(c.monthEnd) })}>
          {t('stat.close.diff')}
        </Link>
      ),
    },
  ];

  return (
    <section className="page page-wide stat-page">
      <div className="page-heading">
        <div>
          <Typography.Title level={2}>{t('stat.close.title')}</Typography.Title>
          <Typography.Text type="secondary">{me.activeUnit.name}</Typography.Text>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('stat.close.intro')}</Typography.Paragraph>

      {mayClose && (
        <Card size="small" title={t('stat.close.newTitle')} className="stat-card">
          <Form layout="inline" className="stat-controls">
            <Form.Item
              label={t('stat.close.month')}
              htmlFor="close-month"
              validateStatus={fieldError ? 'error' : undefined}
              help={fieldError ?? (month ? t('stat.close.monthHelp', { date: formatDate(month) }) : undefined)}
            >
              <DatePicker
                id="close-month"
                picker="month"
                format="MM/YYYY"
                allowClear={false}
                value={month ? dayjs(month) : null}
                onChange={(d: Dayjs | null) => {
                  if (d) setMonth(monthEndOfPick(d));
                  setFieldError(null);
                }}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" icon={<LockOutlined />} loading={busy} disabled={!month} onClick={() => void confirm()}>
                {t('stat.close.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}

      <Card size="small" title={t('stat.close.listTitle')} className="stat-card">
        {closes.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(closes.error, t)} />}
        <Table<PeriodClose>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={closes.data ?? []}
          loading={closes.loading}
          locale={{ emptyText: t('stat.close.empty') }}
          pagination={{ pageSize: 12, hideOnSinglePage: true }}
          rowClassName={(c) => (c.monthEnd === selected ? 'stat-selected-row' : '')}
          aria-label={t('stat.close.listTitle')}
        />
      </Card>

      {selected && <CloseDiffCard unit={unit} monthEnd={selected} onClose={() => setParams(new URLSearchParams())} />}
    </section>
  );
}
