import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { getCalendar, getTargets, setTarget, type Rates } from './statistics.api';
import { useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { errorMessage } from '../../util/error-message';
import { applyFieldErrors } from '../../util/form-errors';
import { useAsync } from '../../util/use-async';
import { formatRate } from './stat-format';
import './statistics.css';

interface TargetRow {
  code: string;
  name: string;
  own: boolean;
  former: boolean;
  target: Rates | null;
  editable: boolean;
}

/**
 * "Chỉ tiêu": the yearly targets of the units below the active unit (statistics.md §5), set by the unit
 * above; the active unit's own target is shown, and only an administrator may set it.
 */
export function TargetsPage() {
  const t = useT();
  const me = useMe();
  const unit = me.activeUnit.code;
  // today's fiscal year, and the chosen one's first day, are the server's
  const calendar = useAsync(() => getCalendar(unit), [unit]);
  const current = calendar.data?.currentFiscalYear;
  const [chosen, setFiscalYear] = useState<number | null>(null);
  const fiscalYear = chosen ?? current;
  const [editing, setEditing] = useState<TargetRow | null>(null);
  const targets = useAsync(
    async () => (fiscalYear === undefined ? null : Promise.all([getTargets(unit, fiscalYear), getCalendar(unit, { fiscalYear })])),
    [unit, fiscalYear],
  );
  const isAdmin = me.role === 'admin';
  const [list, year] = targets.data ?? [null, null];
  const yearStart = year?.year?.from ?? '';

  const rows: TargetRow[] = list
    ? [
        { code: list.unit.code, name: list.unit.name, own: true, former: false, target: list.target, editable: isAdmin },
        ...list.children
          .filter((c) => c.validTo === null || c.validTo >= yearStart)
          .map((c) => ({ code: c.code, name: c.name, own: false, former: c.validTo !== null, target: c.target, editable: true })),
      ]
    : [];

  const columns: TableColumnsType<TargetRow> = [
    {
      title: t('stat.col.unit'),
      key: 'name',
      render: (_, r) => (
        <span>
          {r.own ? <strong>{r.name}</strong> : r.name} <Typography.Text type="secondary">({r.code})</Typography.Text>
          {r.own && <Tag className="stat-tag-gap">{t('stat.targets.ownUnit')}</Tag>}
          {r.former && <Tag className="stat-tag-gap">{t('units.inactive')}</Tag>}
        </span>
      ),
    },
    { title: t('stat.targets.cases'), key: 'cases', align: 'right', render: (_, r) => (r.target ? formatRate(r.target.cases) : '—') },
    { title: t('stat.targets.money'), key: 'money', align: 'right', render: (_, r) => (r.target ? formatRate(r.target.money) : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.editable ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('stat.targets.editFor', { unit: r.name })}>
            {r.target ? t('common.edit') : t('stat.targets.set')}
          </Button>
        ) : (
          <Typography.Text type="secondary" className="small-note">
            {t('stat.targets.setAbove')}
          </Typography.Text>
        ),
    },
  ];

  const years = current === undefined ? [] : Array.from({ length: 8 }, (_, i) => current + 1 - i);

  return (
    <section className="page page-wide stat-page">
      <div className="page-heading">
        <div>
          <Typography.Title level={2}>{t('stat.targets.title')}</Typography.Title>
          <Typography.Text type="secondary">{me.activeUnit.name}</Typography.Text>
        </div>
        <Select
          aria-label={t('stat.targets.fiscalYear')}
          className="stat-year-select"
          value={fiscalYear}
          onChange={setFiscalYear}
          options={years.map((y) => ({ value: y, label: t('stat.targets.yearOption', { year: y }) }))}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('stat.targets.intro')}</Typography.Paragraph>
      {calendar.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(calendar.error, t)} />}
      {targets.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(targets.error, t)} />}
      <Table<TargetRow>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={targets.loading || calendar.loading}
        pagination={false}
        aria-label={t('stat.targets.title')}
      />
      {list && list.children.length === 0 && !isAdmin && (
        <Alert className="form-alert" type="info" showIcon title={t('stat.targets.noChildren')} />
      )}
      {editing && fiscalYear !== undefined && (
        <TargetModal
          row={editing}
          fiscalYear={fiscalYear}
          onClose={(saved) => {
            setEditing(null);
            if (saved) targets.reload();
          }}
        />
      )}
    </section>
  );
}

interface TargetValues {
  cases: number | null;
  money: number | null;
}

function TargetModal({ row, fiscalYear, onClose }: { row: TargetRow; fiscalYear: number; onClose: (saved: boolean) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: TargetValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await setTarget({ unit: row.code, fiscalYear, cases: values.cases as number, money: values.money as number });
      message.success(t('stat.targets.saved', { unit: row.name, year: fiscalYear }));
      onClose(true);
    } catch (error) {
      if (!applyFieldErrors(form, error)) setFailure(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('stat.targets.modalTitle', { unit: row.name, year: fiscalYear })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {failure && <Alert className="form-alert" type="error" showIcon role="alert" title={failure} />}
      <Form<TargetValues>
        form={form}
        layout="vertical"
        name="target"
        initialValues={{ cases: row.target?.cases ?? null, money: row.target?.money ?? null }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('stat.targets.cases')} name="cases" rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber className="full-width" decimalSeparator="," suffix="%" autoFocus />
        </Form.Item>
        <Form.Item label={t('stat.targets.money')} name="money" rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber className="full-width" decimalSeparator="," suffix="%" />
        </Form.Item>
        <Typography.Text type="secondary" className="small-note">
          {t('stat.targets.hint')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
