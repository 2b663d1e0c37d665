import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { getCloseDiff, type CellDifference, type FormKind } from './statistics.api';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format';
import { casePath } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { codeLabel } from '../cases/case-labels';
import { keyLabel, type FormColumn } from './form-table';
import { policiesText } from './form-table';
import { formatCount, formatPercentNumber, formatRate } from './stat-format';
import type { Translate } from '../../i18n/i18n.context';

/** A cell value of the difference report: a count, đồng, or a rate (its difference in percentage points). */
function valueText(t: Translate, form: FormKind, key: string, v: number | string | null, signed = false): string {
  if (v === null) return '—';
  const sign = signed && (typeof v === 'number' ? v > 0 : !String(v).startsWith('-') && v !== '0') ? '+' : '';
  if (key === 'rate') return signed ? t('stat.diff.points', { value: `${sign}${formatPercentNumber(Number(v))}` }) : formatRate(Number(v));
  if (form === 'money') return `${sign}${formatMoney(String(v))}`;
  return `${sign}${formatCount(Number(v))}`;
}

/** The difference report of a closed month: every cell changed since, frozen against current, and the cases behind. */
export function CloseDiffCard({ unit, monthEnd, onClose }: { unit: string; monthEnd: string; onClose: () => void }) {
  const t = useT();
  const diff = useAsync(() => getCloseDiff(unit, monthEnd), [unit, monthEnd]);
  const d = diff.data;

  const columns = (form: FormKind): TableColumnsType<CellDifference> => [
    { title: t('stat.diff.cell'), key: 'key', render: (_, c) => keyLabel(c.key as FormColumn, t) },
    { title: t('stat.diff.frozen'), key: 'frozen', align: 'right', render: (_, c) => valueText(t, form, c.key, c.frozen) },
    { title: t('stat.diff.current'), key: 'current', align: 'right', render: (_, c) => valueText(t, form, c.key, c.current) },
    {
      title: t('stat.diff.difference'),
      key: 'difference',
      align: 'right',
      render: (_, c) => <strong>{valueText(t, form, c.key, c.difference, true)}</strong>,
    },
    {
      title: t('stat.diff.cases'),
      key: 'cases',
      render: (_, c) =>
        c.key === 'rate' ? (
          <Typography.Text type="secondary" className="small-note">
            {t('stat.diff.rateNote')}
          </Typography.Text>
        ) : (
          <div className="stat-diff-cases">
            {(c.cases ?? []).map((x) => (
              <div key={x.caseId}>
                <Link to={casePath(x.caseId)}>{x.caseId}</Link>: {valueText(t, form, c.key, x.difference, true)}
              </div>
            ))}
            {c.explained === false && (
              <Typography.Text type="warning" className="small-note">
                {t('stat.diff.unexplained')}
              </Typography.Text>
            )}
          </div>
        ),
    },
  ];

  return (
    <Card
      className="stat-card"
      title={t('stat.diff.title', { date: formatDate(monthEnd) })}
      extra={<Button onClick={onClose}>{t('stat.closeButton')}</Button>}
      aria-label={t('stat.diff.title', { date: formatDate(monthEnd) })}
    >
      {diff.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(diff.error, t)} />}
      {diff.loading && !d && <Skeleton active />}
      {d && (
        <>
          <Descriptions size="small" column={{ xs: 1, lg: 3 }} className="stat-facts">
            <Descriptions.Item label={t('stat.forms.periodLabel')}>
              {formatDate(d.period.from)} – {formatDate(d.period.to)}
            </Descriptions.Item>
            <Descriptions.Item label={t('stat.close.closedAt')}>{formatDateTime(d.closedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('stat.close.closedBy')}>{d.closedBy.fullName || d.closedBy.username}</Descriptions.Item>
          </Descriptions>
          {!d.changed ? (
            <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('stat.diff.unchanged')} />
          ) : (
            <>
              <Alert className="form-alert" type="warning" showIcon title={t('stat.diff.changed')} />
              {d.differences.target && (
                <Alert
                  className="form-alert"
                  type="info"
                  showIcon
                  title={t('stat.diff.targetChanged', {
                    frozen: d.differences.target.frozen ? `${formatRate(d.differences.target.frozen.cases)} / ${formatRate(d.differences.target.frozen.money)}` : '—',
                    current: d.differences.target.current ? `${formatRate(d.differences.target.current.cases)} / ${formatRate(d.differences.target.current.money)}` : '—',
                  })}
                />
              )}
              {d.differences.policies && (
                <Alert
                  className="form-alert"
                  type="info"
                  showIcon
                  title={t('stat.diff.policiesChanged', {
                    frozen: policiesText(d.differences.policies.frozen, t).resolved,
                    current: policiesText(d.differences.policies.current, t).resolved,
                  })}
                />
              )}
              {(['cases', 'money'] as const).map((form) =>
                d.differences[form].length ? (
                  <div key={form} className="stat-diff-form">
                    <Typography.Title level={5}>
                      {t(form === 'money' ? 'stat.form.money' : 'stat.form.cases')}
                      {form === 'money' && <Typography.Text type="secondary"> ({t('stat.unit.dong')})</Typography.Text>}
                    </Typography.Title>
                    <Table<CellDifference>
                      rowKey="key"
                      size="small"
                      bordered
                      pagination={false}
                      columns={columns(form)}
                      dataSource={d.differences[form]}
                      aria-label={t(form === 'money' ? 'stat.form.money' : 'stat.form.cases')}
                    />
                  </div>
                ) : null,
              )}
              {d.corrections.cases.length > 0 && (
                <div className="stat-diff-form">
                  <Typography.Title level={5}>{t('stat.diff.corrections')}</Typography.Title>
                  <ul className="problem-list">
                    {d.corrections.cases.map((c) => (
                      <li key={c.caseId}>
                        <Link to={casePath(c.caseId)}>{c.caseId}</Link>
                        {c.createdAfterClose && <Tag className="stat-tag-gap">{t('stat.diff.createdAfter')}</Tag>}
                        {c.events.length > 0 && (
                          <span className="small-note">
                            {' — '}
                            {c.events
                              .map((e) => `${codeLabel('case.event.', e.type, t)} ${formatDate(e.on)} (${t('stat.diff.recordedAt', { at: formatDateTime(e.recordedAt) })})`)
                              .join('; ')}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                  {!d.corrections.complete && <Typography.Text type="warning">{t('stat.diff.incomplete')}</Typography.Text>}
                </div>
              )}
            </>
          )}
        </>
      )}
    </Card>
  );
}
