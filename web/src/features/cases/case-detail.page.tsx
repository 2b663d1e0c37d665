import { ArrowLeftOutlined, EyeInvisibleOutlined, InfoCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Result, Space, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { eventsInStatus } from '@domain/cases';
import { getCase, type CaseDetail, type CaseEventType, type CaseObligationView, type CaseParty, type EventAvailability, type LegalStep, type TimelineEntry } from './cases.api';
import { ApiError } from '../../api/client';
import { useCan } from '../../auth/session.context';
import { CaseMobilisationCard } from '../mobilisation/case-mobilisation.card';
import { useLanguage, useT, type Translate } from '../../i18n/i18n.context';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format';
import { paths } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { StatusTag, codeLabel, eventLabel, useStepTitle } from './case-labels';
import { EventDialog, ReverseDialog, type RecordedEntry } from './event-forms';
import { useOfficeDirectory, type OfficeEnforcer } from './office-directory';
import './cases.css';

type Dialog = { kind: 'event'; type: CaseEventType } | { kind: 'reverse'; entry: RecordedEntry } | null;

export function CaseDetailPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const id = useParams()['*'] ?? '';
  const loaded = useAsync(() => getCase(id), [id]);
  const directory = useOfficeDirectory();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayWrite = can('cases.write');

  if (loaded.error !== null && !loaded.data) {
    if (loaded.error instanceof ApiError && loaded.error.code === 'NOT_FOUND') {
      return (
        <Result
          status="404"
          title={t('error.notFoundTitle')}
          extra={<Link to={paths.caseList}>{t('nav.caseList')}</Link>}
        />
      );
    }
    return <Alert type="error" showIcon role="alert" title={errorMessage(loaded.error, t)} />;
  }
  if (!loaded.data) return <Spin className="page-spinner" description={t('app.loading')} />;

  const { case: detail, personalDataMasked } = loaded.data;
  const done = (text: string) => {
    setDialog(null);
    message.success(text);
    loaded.reload();
  };
  const dialogProps = { detail, onClose: () => setDialog(null), onDone: done, onConflict: loaded.reload };

  return (
    <section className="page page-wide case-detail">
      <Link to={paths.caseList} className="back-link">
        <ArrowLeftOutlined /> {t('nav.caseList')}
      </Link>
      <div className="page-heading">
        <Space align="center" wrap>
          <Typography.Title level={2} className="case-title">
            {t('caseDetail.title', { id: detail.id })}
          </Typography.Title>
          <StatusTag status={detail.status} fallback={detail.statusLabel} />
          <Typography.Text type="secondary">{t('case.statusSince', { date: formatDate(detail.statusSince) })}</Typography.Text>
        </Space>
      </div>
      {loaded.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(loaded.error, t)} />}

      <Card className="case-card">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('case.decision')}>
            {t('caseDetail.decisionLine', { number: detail.decision.number, date: formatDate(detail.decision.date) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.acceptedOn')}>{formatDate(detail.acceptedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('case.holdingOffice')}>{detail.holdingOffice.name}</Descriptions.Item>
          <Descriptions.Item label={t('case.enforcer')}>
            {detail.enforcer ? (detail.enforcer.name ?? `${detail.enforcer.code} ${t('caseDetail.unknownEnforcer')}`) : (
              <Typography.Text type="warning">{t('case.unassigned')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.initiation')}>{codeLabel('case.initiation.', detail.initiation, t)}</Descriptions.Item>
          <Descriptions.Item label={t('case.category')}>{codeLabel('case.category.', detail.category, t)}</Descriptions.Item>
          <Descriptions.Item label={t('case.judgment')}>
            {`${detail.judgment.number} (${formatDate(detail.judgment.date)}), ${detail.judgment.court}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.commune')}>{detail.commune ? (detail.commune.name ?? detail.commune.code) : '—'}</Descriptions.Item>
          {detail.office.code !== detail.holdingOffice.code && (
            <Descriptions.Item label={t('case.office')}>{detail.office.name}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <div className="case-layout">
        <div className="case-main">
          <PartiesCard parties={detail.parties} masked={personalDataMasked} />
          <ObligationsCard detail={detail} />
          <TimelineCard
            detail={detail}
            enforcers={directory.enforcers}
            onReverse={mayWrite ? (entry) => setDialog({ kind: 'reverse', entry }) : undefined}
          />
        </div>
        <div className="case-side">
          {mayWrite && <ActionsCard detail={detail} onRecord={(type) => setDialog({ kind: 'event', type })} />}
          <DeadlinesCard steps={detail.deadlines} />
          {can('mobilisation.read') && (
            <CaseMobilisationCard caseId={detail.id} office={detail.holdingOffice.code} mayAssign={mayWrite && can('mobilisation.write')} />
          )}
        </div>
      </div>

      {dialog?.kind === 'event' && <EventDialog key={dialog.type} type={dialog.type} enforcers={directory.enforcers} {...dialogProps} />}
      {dialog?.kind === 'reverse' && <ReverseDialog entry={dialog.entry} {...dialogProps} />}
    </section>
  );
}

/**
 * The events the law allows now (the domain's allowedEvents, from the transition table and the ledger's
 * guards) as buttons; the others disabled with their reason: first those of the case's status that a guard
 * holds back (completion with money left), then, folded, those the status does not take at all.
 */
function ActionsCard({ detail, onRecord }: { detail: CaseDetail; onRecord: (type: CaseEventType) => void }) {
  const t = useT();
  const [language] = useLanguage();
  const allowed = detail.actions.filter((a) => a.allowed);
  const inStatus: readonly string[] = eventsInStatus(detail.status);
  const held = detail.actions.filter((a) => !a.allowed && inStatus.includes(a.type));
  const other = detail.actions.filter((a) => !a.allowed && !inStatus.includes(a.type));
  const unavailable = (a: EventAvailability) => {
    const reasonId = `action-reason-${a.type}`;
    return (
      <li key={a.type} className="action-unavailable">
        <Button disabled aria-describedby={reasonId}>
          {eventLabel({ type: a.type }, t)}
        </Button>
        <Typography.Text type="secondary" className="small-note" id={reasonId}>
          {a.reason ? (language === 'vi' ? a.reason.vi : a.reason.en) : ''}
        </Typography.Text>
      </li>
    );
  };
  return (
    <Card title={t('caseDetail.actions')} className="case-card" size="small">
      {allowed.length === 0 ? (
        <Typography.Text type="secondary">{t('caseDetail.noActions')}</Typography.Text>
      ) : (
        <div className="action-buttons">
          {allowed.map((a) => (
            <Button key={a.type} onClick={() => onRecord(a.type)}>
              {eventLabel({ type: a.type }, t)}
            </Button>
          ))}
        </div>
      )}
      {held.length > 0 && (
        <ul className="action-unavailable-list" aria-label={t('caseDetail.heldActions')}>
          {held.map(unavailable)}
        </ul>
      )}
      {other.length > 0 && (
        <details className="action-more">
          <summary>{t('caseDetail.unavailableActions', { count: other.length })}</summary>
          <ul className="action-unavailable-list">{other.map(unavailable)}</ul>
        </details>
      )}
    </Card>
  );
}

function PartiesCard({ parties, masked }: { parties: CaseParty[]; masked: boolean }) {
  const t = useT();
  const columns: TableColumnsType<CaseParty> = [
    { title: t('case.party.role'), key: 'role', render: (_, p) => t(`case.role.${p.role}`) },
    { title: t('case.party.name'), key: 'name', render: (_, p) => <strong>{p.name}</strong> },
    { title: t('case.party.kind'), key: 'kind', render: (_, p) => t(`case.kind.${p.kind}`) },
    { title: t('case.party.idNumber'), key: 'idNumber', render: (_, p) => <span className="mono">{p.idNumber ?? '—'}</span> },
    { title: t('case.party.address'), key: 'address', render: (_, p) => p.address ?? '—' },
  ];
  return (
    <Card
      title={t('case.parties')}
      className="case-card"
      size="small"
      extra={
        masked ? (
          <Tooltip title={t('caseDetail.maskedHint')}>
            <Tag icon={<EyeInvisibleOutlined />} className="masked-note">
              {t('caseDetail.masked')}
            </Tag>
          </Tooltip>
        ) : undefined
      }
    >
      <Table<CaseParty> rowKey={(_, i) => String(i)} size="small" pagination={false} columns={columns} dataSource={parties} scroll={{ x: 640 }} />
    </Card>
  );
}

function ObligationsCard({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const money = (v: string | null) => (v === null ? '—' : formatMoney(v));
  const columns: TableColumnsType<CaseObligationView> = [
    {
      title: t('case.obligation.label'),
      key: 'label',
      render: (_, o) => (
        <>
          {o.label}
          <div>
            <Typography.Text type="secondary" className="small-note">
              {t(`case.obligationKind.${o.kind}`)} · {t(`case.beneficiary.${o.beneficiary}`)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('case.total'), key: 'amount', align: 'right', render: (_, o) => money(o.kind === 'money' ? o.amount : o.value) },
    {
      title: t('case.paid'),
      key: 'paid',
      align: 'right',
      render: (_, o) =>
        o.kind === 'money' ? (
          formatMoney(o.paid)
        ) : (
          <Tag color={o.performed ? 'green' : 'default'}>{o.performed ? t('case.obligation.performed') : t('case.obligation.notPerformed')}</Tag>
        ),
    },
    { title: t('case.reduced'), key: 'reduced', align: 'right', render: (_, o) => (o.kind === 'money' ? formatMoney(o.reduced) : '—') },
    { title: t('case.disbursed'), key: 'disbursed', align: 'right', render: (_, o) => (o.kind === 'money' && o.beneficiary === 'party' ? formatMoney(o.disbursed) : '—') },
    { title: t('case.outstanding'), key: 'outstanding', align: 'right', render: (_, o) => <strong>{formatMoney(o.outstanding)}</strong> },
  ];
  const m = detail.money;
  return (
    <Card title={t('case.obligations')} className="case-card" size="small">
      <Table<CaseObligationView> rowKey="id" size="small" pagination={false} columns={columns} dataSource={detail.obligations} scroll={{ x: 640 }} />
      <div className="money-summary" aria-label={t('caseDetail.money')}>
        <MoneyFigure label={t('case.total')} value={m.total} />
        <MoneyFigure label={t('case.paid')} value={m.paid} />
        <MoneyFigure label={t('case.reduced')} value={m.reduced} />
        <MoneyFigure label={t('case.disbursed')} value={m.disbursed} />
        <MoneyFigure label={t('case.outstanding')} value={m.outstanding} strong />
      </div>
    </Card>
  );
}

function MoneyFigure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'money-figure money-figure-strong' : 'money-figure'}>
      <div className="money-figure-label">{label}</div>
      <div className="money-figure-value">{formatMoney(value)}</div>
    </div>
  );
}

function DeadlinesCard({ steps }: { steps: LegalStep[] }) {
  const t = useT();
  const title = useStepTitle();
  return (
    <Card title={t('caseDetail.deadlines')} className="case-card" size="small">
      {steps.length === 0 ? (
        <Typography.Text type="secondary">{t('caseDetail.noDeadlines')}</Typography.Text>
      ) : (
        <ul className="deadline-list" aria-label={t('caseDetail.deadlines')}>
          {steps.map((step) => {
            const tone = step.overdue ? 'overdue' : step.dueThisWeek ? 'week' : 'later';
            return (
              <li key={`${step.code}:${step.due}`} className={`deadline-step deadline-step-${tone}`}>
                <div className="deadline-step-title">
                  {title(step)}{' '}
                  <Tooltip title={t('caseDetail.basis', { basis: step.basis })}>
                    <InfoCircleOutlined aria-label={t('caseDetail.basis', { basis: step.basis })} className="basis-icon" tabIndex={0} />
                  </Tooltip>
                </div>
                <div className="deadline-step-due">
                  {formatDate(step.due)}
                  {step.overdue && <Tag color="red">{t('case.overdueTag')}</Tag>}
                  {!step.overdue && step.dueThisWeek && <Tag color="orange">{t('case.dueThisWeekTag')}</Tag>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** What an event says besides its type: the amount, the obligation, the result, the ground… */
function eventDetails(entry: TimelineEntry, detail: CaseDetail, enforcers: OfficeEnforcer[], t: Translate): ReactNode[] {
  const d = entry.data;
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const obligation = detail.obligations.find((o) => o.id === text('obligation'));
  const parts: ReactNode[] = [];
  if (obligation) parts.push(obligation.label);
  if (text('amount')) parts.push(<strong key="amount">{formatMoney(text('amount')!)}</strong>);
  if (text('proceeds')) parts.push(formatMoney(text('proceeds')!));
  if (entry.type === 'verified' && text('result')) parts.push(codeLabel('case.result.', text('result'), t));
  if (entry.type === 'no_means_decided' && text('reason')) parts.push(codeLabel('case.noMeans.', text('reason'), t));
  if (entry.type === 'other_status' && text('reason')) parts.push(text('reason'));
  if (text('ground')) parts.push(text('ground'));
  if (text('to')) parts.push(`→ ${text('to')}`);
  if (d.partiallyPerformed === true) parts.push(t('event.partiallyPerformed'));
  if (entry.type === 'accepted') {
    parts.push(t('caseDetail.decisionLine', { number: detail.decision.number, date: formatDate(detail.decision.date) }));
  }
  if (entry.type === 'enforcer_assigned' && text('enforcer')) {
    const e = enforcers.find((x) => x.code === text('enforcer'));
    parts.push(e ? `${e.name} (${e.code})` : text('enforcer'));
  }
  if (entry.type === 'reversal') {
    parts.push(t('caseDetail.reverses', { seq: entry.reversesSeq ?? '?' }));
    if (text('reason')) parts.push(t('caseDetail.reason', { reason: text('reason')! }));
  }
  return parts;
}

function TimelineCard(props: { detail: CaseDetail; enforcers: OfficeEnforcer[]; onReverse?: ((entry: RecordedEntry) => void) | undefined }) {
  const t = useT();
  const { detail } = props;
  const reversals = new Map(detail.timeline.filter((e) => e.type === 'reversal').map((e) => [e.reversesSeq, e]));
  const label = (entry: TimelineEntry) => (entry.type === 'accepted' ? t('caseDetail.accepted') : eventLabel(entry, t));
  return (
    <Card title={t('caseDetail.timeline')} className="case-card" size="small">
      {detail.timeline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseDetail.noEvents')} />
      ) : (
        <ol className="timeline" aria-label={t('caseDetail.timeline')}>
          {detail.timeline.map((entry, index) => {
            const reversal = entry.seq === null ? undefined : reversals.get(entry.seq);
            const details = eventDetails(entry, detail, props.enforcers, t);
            const classes = [
              'timeline-entry',
              entry.reversed ? 'timeline-entry-reversed' : '',
              entry.type === 'reversal' ? 'timeline-entry-reversal' : '',
              entry.derived ? 'timeline-entry-derived' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <li key={entry.seq ?? `derived-${index}`} className={classes}>
                <div className="timeline-head">
                  {entry.seq !== null && <span className="timeline-seq">#{entry.seq}</span>}
                  <span className="timeline-date">{formatDate(entry.on)}</span>
                  <span className="timeline-label">{label(entry)}</span>
                  {entry.derived && <Tag className="timeline-tag">{t('caseDetail.derivedTag')}</Tag>}
                  {entry.reversed && (
                    <Tag color="red" className="timeline-tag">
                      {t('caseDetail.reversedNote')}
                      {reversal ? ` (#${reversal.seq})` : ''}
                    </Tag>
                  )}
                  {props.onReverse && entry.seq !== null && entry.type !== 'reversal' && !entry.reversed && (
                    <Button
                      size="small"
                      type="link"
                      danger
                      icon={<UndoOutlined />}
                      onClick={() => entry.seq !== null && props.onReverse!({ ...entry, seq: entry.seq })}
                      aria-label={`${t('caseDetail.reverse')} #${entry.seq}`}
                    >
                      {t('caseDetail.reverse')}
                    </Button>
                  )}
                </div>
                {details.length > 0 && (
                  <div className="timeline-details">
                    {details.map((part, i) => (
                      <span key={i} className="timeline-part">
                        {part}
                      </span>
                    ))}
                  </div>
                )}
                <div className="timeline-meta">
                  {entry.derived || entry.recordedAt === null
                    ? t('caseDetail.derivedNote')
                    : t('caseDetail.recordedBy', { name: entry.recordedBy ?? '—', at: formatDateTime(entry.recordedAt) })}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
