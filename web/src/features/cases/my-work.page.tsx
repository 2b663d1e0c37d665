import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { listDeadlines, type DeadlineItem } from './cases.api';
import { useCan, useMe } from '../../auth/session.context';
import { BrokenPromisesCard } from '../mobilisation/broken-promises.card';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatMoney } from '../../i18n/format';
import { casePath } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { StatusTag, stepTitle } from './case-labels';
import { useOfficeDirectory } from './office-directory';
import './cases.css';

const DAY = 86_400_000;

/** Whole calendar days from `due` to `today` (both YYYY-MM-DD). */
function daysBetween(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY);
}

/**
 * "Việc của tôi": an enforcer's overdue steps and those due this week. Other roles (head of office, clerk,
 * inspector) see the whole working unit, with a filter by enforcer.
 */
export function MyWorkPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const mine = me.role === 'enforcer';
  const [enforcer, setEnforcer] = useState<string | undefined>();
  const directory = useOfficeDirectory();
  const deadlines = useAsync(() => listDeadlines({ mine, enforcer: mine ? undefined : enforcer }), [mine, enforcer]);
  const today = deadlines.data?.today ?? '';

  const columns = (overdue: boolean): TableColumnsType<DeadlineItem> => [
    {
      title: t('myWork.case'),
      key: 'case',
      render: (_, item) => (
        <>
          <Link to={casePath(item.id)}>{item.id}</Link>
          <div>
            <Typography.Text type="secondary">{item.decisionNumber}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('case.obligors'), dataIndex: 'obligors', key: 'obligors', render: (v: string | null) => v ?? '—' },
    { title: t('myWork.step'), key: 'step', render: (_, item) => stepTitle(item.step, t) },
    {
      title: t('myWork.due'),
      key: 'due',
      width: 150,
      render: (_, item) => (
        <>
          <Typography.Text type={overdue ? 'danger' : 'warning'} strong>
            {formatDate(item.due)}
          </Typography.Text>
          {overdue && today && (
            <div>
              <Typography.Text type="danger" className="small-note">
                {t('myWork.daysOverdue', { days: daysBetween(item.due, today) })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: t('case.status'), key: 'status', render: (_, item) => <StatusTag status={item.status} fallback={item.statusLabel} /> },
    ...(mine
      ? []
      : [
          {
            title: t('case.enforcer'),
            key: 'enforcer',
            render: (_: unknown, item: DeadlineItem) => item.enforcer?.name ?? item.enforcer?.code ?? t('case.unassigned'),
          },
        ]),
    {
      title: t('case.outstanding'),
      key: 'outstanding',
      align: 'right',
      render: (_, item) => formatMoney(item.outstanding),
    },
  ];

  return (
    <section className="page">
      <div className="page-heading">
        <Typography.Title level={2}>{mine ? t('myWork.title') : t('myWork.officeTitle')}</Typography.Title>
        {!mine && (
          <Select
            aria-label={t('myWork.enforcerFilter')}
            placeholder={t('myWork.allEnforcers')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="enforcer-filter"
            value={enforcer}
            onChange={(value: string | undefined) => setEnforcer(value)}
            options={directory.enforcers
              .filter((e) => e.active)
              .map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))}
          />
        )}
      </div>
      {deadlines.data && (
        <Typography.Paragraph type="secondary">
          {t('myWork.intro', { today: formatDate(deadlines.data.today), weekEnds: formatDate(deadlines.data.weekEnds) })}
        </Typography.Paragraph>
      )}
      {deadlines.error !== null && (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(deadlines.error, t)} />
      )}
      <div className="my-work">
        <DeadlineList
          kind="overdue"
          title={t('myWork.overdue')}
          empty={t('myWork.emptyOverdue')}
          items={deadlines.data?.overdue ?? []}
          loading={deadlines.loading}
          columns={columns(true)}
        />
        <DeadlineList
          kind="week"
          title={t('myWork.dueThisWeek')}
          empty={t('myWork.emptyWeek')}
          items={deadlines.data?.dueThisWeek ?? []}
          loading={deadlines.loading}
          columns={columns(false)}
        />
      </div>
      {can('mobilisation.read') ? <BrokenPromisesCard mine={mine} /> : null}
    </section>
  );
}

function DeadlineList(props: {
  kind: 'overdue' | 'week';
  title: string;
  empty: string;
  items: DeadlineItem[];
  loading: boolean;
  columns: TableColumnsType<DeadlineItem>;
}) {
  const headingId = useId();
  const overdue = props.kind === 'overdue';
  return (
    <section aria-labelledby={headingId}>
      <Card
        className={overdue ? 'deadline-card deadline-card-overdue' : 'deadline-card deadline-card-week'}
        title={
          <span className="deadline-card-title">
            {overdue ? <WarningOutlined /> : <ClockCircleOutlined />}
            <span id={headingId}>{props.title}</span>
            <Badge count={props.items.length} showZero color={overdue ? '#cf1322' : '#d46b08'} />
          </span>
        }
      >
        <Table<DeadlineItem>
          rowKey={(item) => `${item.id}:${item.step}`}
          size="middle"
          columns={props.columns}
          dataSource={props.items}
          loading={props.loading}
          pagination={props.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: props.empty }}
          scroll={{ x: 900 }}
        />
      </Card>
    </section>
  );
}
