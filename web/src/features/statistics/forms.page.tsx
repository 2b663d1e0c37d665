import { CheckCircleOutlined, CloseCircleOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Form, Select, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  BREAKDOWNS,
  downloadForms,
  getBreakdown,
  getCalendar,
  getReport,
  getTargetInForce,
  saveFile,
  type Breakdown,
  type BreakdownResponse,
  type FormKind,
  type ReportResponse,
  type TargetInForceResponse,
  type UnitSummary,
} from './statistics.api';
import { useMe } from '../../auth/session.context';
import { useLanguage, useT, type Translate } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { codeLabel } from '../cases/case-labels';
import { CellDrawer } from './cell-drawer';
import { FormTable, policiesText, type FormColumn, type FormRow } from './form-table';
import { NarrativeModal } from './narrative.modal';
import { ExcessText } from './excess';
import { formatRate } from './stat-format';
import './statistics.css';

const FORMS: FormKind[] = ['cases', 'money'];

/** The label of a breakdown row in the UI language (codes of the register through the catalogue). */
function groupLabel(by: Breakdown, key: string | null, label: string | null, t: Translate): string {
  if (key === null) return t(by === 'enforcer' ? 'stat.row.noEnforcer' : 'stat.row.none');
  switch (by) {
    case 'initiation':
      return codeLabel('case.initiation.', key, t);
    case 'category':
      return codeLabel('case.category.', key, t);
    case 'month':
      return t('stat.row.month', { month: key.slice(5, 7).replace(/^0/, ''), year: key.slice(0, 4) });
    case 'enforcer':
      return label && label !== key ? `${label} (${key})` : key;
    default:
      return label ?? key;
  }
}

interface Data {
  report: ReportResponse;
  breakdown: BreakdownResponse | null;
  /**
   * The target in force and whose it is (a predecessor's when the unit had none of its own that fiscal
   * year, as on the dashboard), with the fiscal year of `to` and its start (the default `from`).
   */
  inForce: TargetInForceResponse;
}

/** "Biểu thống kê": the official forms of a period; without `to` in the address, the last month end (the server's). */
export function FormsPage() {
  const t = useT();
  const me = useMe();
  const [params] = useSearchParams();
  const explicit = params.get('to');
  const calendar = useAsync(() => (explicit ? Promise.resolve(null) : getCalendar(me.activeUnit.code)), [me.activeUnit.code, explicit === null]);
  const to = explicit ?? calendar.data?.lastMonthEnd;
  if (to) return <FormsContent to={to} />;
  return (
    <section className="page page-wide stat-page">
      <Typography.Title level={2}>{t('stat.forms.title')}</Typography.Title>
      {calendar.error !== null ? (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(calendar.error, t)} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </section>
  );
}

function FormsContent({ to }: { to: string }) {
  const t = useT();
  const me = useMe();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unit = me.activeUnit.code;
  const from = params.get('from') ?? undefined;
  const byParam = params.get('by');
  const by = BREAKDOWNS.includes(byParam as Breakdown) ? (byParam as Breakdown) : undefined;
  const form: FormKind = params.get('form') === 'money' ? 'money' : 'cases';
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [narrative, setNarrative] = useState(false);

  const data = useAsync<Data>(async () => {
    const [report, breakdown, inForce] = await Promise.all([
      getReport(unit, to, from),
      by ? getBreakdown(unit, to, from, by) : Promise.resolve(null),
      getTargetInForce(unit, to),
    ]);
    return { report, breakdown, inForce };
  }, [unit, to, from, by]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const rows = useMemo<FormRow[]>(() => {
    if (!data.data) return [];
    const { report, breakdown } = data.data;
    const own: FormRow = { value: null, label: <strong>{report.unit.name}</strong>, labelText: report.unit.name, report: report.report, total: true };
    if (!breakdown || !by) return [own];
    const totalText = t('stat.row.total');
    return [
      { ...own, label: <strong>{totalText}</strong>, labelText: totalText },
      ...breakdown.rows.map((r) => {
        const text = groupLabel(by, r.key, r.label, t);
        return { value: r.key ?? '', label: text, labelText: text, report: r.report };
      }),
    ];
  }, [data.data, by, t]);

  const cellHref = (row: FormRow, key: FormColumn) => {
    const next = new URLSearchParams(params);
    next.set('form', form);
    next.set('cell', key);
    if (row.value === null) next.delete('row');
    else next.set('row', row.value);
    return `?${next.toString()}`;
  };

  // the open drill-down (?cell=…&row=…)
  const cell = params.get('cell') as FormColumn | null;
  const rowValue = params.get('row');
  const openRow = cell ? rows.find((r) => r.value === rowValue) : undefined;

  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      saveFile(await downloadForms(unit, to, from, format, language));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const report = data.data?.report;
  const inForce = data.data?.inForce;
  const policies = report ? policiesText(report.report.policies, t) : null;
  const byOptions = BREAKDOWNS.filter((b) => b !== 'province' || me.activeUnit.level === 'national').map((b) => ({
    value: b,
    label: t(`stat.by.${b}` as MessageKey),
  }));

  return (
    <section className="page page-wide stat-page">
      <div className="page-heading">
        <div>
          <Typography.Title level={2}>{t('stat.forms.title')}</Typography.Title>
          <Typography.Text type="secondary">{me.activeUnit.name}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
            {t('stat.forms.excel')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')}>
            {t('stat.forms.pdf')}
          </Button>
          <Button icon={<FileTextOutlined />} onClick={() => setNarrative(true)}>
            {t('stat.forms.narrative')}
          </Button>
        </Space>
      </div>

      <Form layout="inline" className="stat-controls" aria-label={t('stat.forms.period')}>
        <Form.Item label={t('stat.forms.from')} htmlFor="stat-from">
          <DatePicker
            id="stat-from"
            className="stat-from-picker"
            format={DATE_INPUT_FORMAT}
            placeholder={inForce ? t('stat.forms.fromDefault', { date: formatDate(inForce.period.from) }) : undefined}
            value={from ? dayjs(from) : null}
            onChange={(d: Dayjs | null) => update({ from: d ? d.format('YYYY-MM-DD') : undefined, cell: undefined, row: undefined })}
          />
        </Form.Item>
        <Form.Item label={t('stat.forms.to')} htmlFor="stat-to">
          <DatePicker
            id="stat-to"
            format={DATE_INPUT_FORMAT}
            allowClear={false}
            value={dayjs(to)}
            onChange={(d: Dayjs | null) => d && update({ to: d.format('YYYY-MM-DD'), cell: undefined, row: undefined })}
          />
        </Form.Item>
        <Form.Item label={t('stat.forms.by')} htmlFor="stat-by">
          <Select
            id="stat-by"
            className="stat-by-select"
            allowClear
            placeholder={t('stat.by.none')}
            value={by}
            options={byOptions}
            onChange={(v?: Breakdown) => update({ by: v, cell: undefined, row: undefined })}
          />
        </Form.Item>
      </Form>

      {data.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(data.error, t)} />}

      {report && policies && (
        <Descriptions size="small" column={{ xs: 1, lg: 2 }} className="stat-facts" bordered>
          <Descriptions.Item label={t('stat.forms.periodLabel')}>
            {t('stat.forms.periodText', { from: formatDate(report.report.period.from), to: formatDate(report.report.period.to) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('stat.forms.identities')}>
            {report.identities.ok ? (
              <Tooltip title={t('stat.forms.identitiesHelp')}>
                <Tag color="success" icon={<CheckCircleOutlined />}>
                  {t('stat.forms.identitiesOk')}
                </Tag>
              </Tooltip>
            ) : (
              <Tag color="error" icon={<CloseCircleOutlined />}>
                {t('stat.forms.identitiesBroken', { count: report.identities.violations.length })}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('stat.policy.moneyResolved')}>{policies.resolved}</Descriptions.Item>
          <Descriptions.Item label={t('stat.policy.grounds')}>{policies.grounds}</Descriptions.Item>
          {(['cases', 'money'] as const).map((kind) => (
            <Descriptions.Item key={kind} label={t(kind === 'money' ? 'stat.forms.targetMoney' : 'stat.forms.targetCases')}>
              <TargetLine
                rate={report.report[kind].rate}
                target={(report.report.target ?? inForce?.target)?.[kind] ?? null}
                targetOf={report.report.target ? null : (inForce?.targetOf ?? null)}
              />
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {report && !report.identities.ok && (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          role="alert"
          title={t('stat.forms.identitiesBrokenTitle')}
          description={
            <ul className="problem-list">
              {report.identities.violations.map((v) => (
                <li key={`${v.form}:${v.identity}`}>
                  {t(v.form === 'money' ? 'stat.form.money' : 'stat.form.cases')}: {v.identity} ({v.left} ≠ {v.right})
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Tabs
        activeKey={form}
        onChange={(k) => update({ form: k })}
        items={FORMS.map((kind) => ({
          key: kind,
          label: t(kind === 'money' ? 'stat.forms.tabMoney' : 'stat.forms.tabCases'),
          children: (
            <FormTable
              kind={kind}
              rows={rows}
              rowHeader={by ? t(`stat.by.${by}` as MessageKey) : t('stat.col.unit')}
              cellHref={cellHref}
              caption={t(kind === 'money' ? 'stat.forms.captionMoney' : 'stat.forms.captionCases')}
            />
          ),
        }))}
      />
      {data.loading && !data.data && <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>}

      {cell && openRow && (
        <CellDrawer
          query={{
            unit,
            to,
            from,
            form,
            key: cell === 'rate' ? 'resolved' : cell,
            by: openRow.value !== null ? by : undefined,
            value: openRow.value ?? undefined,
          }}
          column={cell}
          rowLabel={openRow.labelText}
          report={openRow.report}
          onClose={() => update({ cell: undefined, row: undefined })}
        />
      )}
      {narrative && inForce && <NarrativeModal unit={unit} toYear={inForce.fiscalYear} onClose={() => setNarrative(false)} />}
    </section>
  );
}

function TargetLine({ rate, target, targetOf }: { rate: number | null; target: number | null; targetOf: UnitSummary | null }) {
  const t = useT();
  if (target === null) return <Typography.Text type="secondary">{t('stat.target.none')}</Typography.Text>;
  return (
    <span>
      {t('stat.target.line', { rate: formatRate(rate), target: formatRate(target) })} — <ExcessText rate={rate} target={target} />
      {targetOf && (
        <div className="small-note">
          <Typography.Text type="secondary">{t('stat.dash.targetOf', { unit: targetOf.name })}</Typography.Text>
        </div>
      )}
    </span>
  );
}
