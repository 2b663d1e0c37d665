import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan, useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatCount, formatDate, formatMoney } from '../../i18n/format';
import { paths } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { createCampaign, listCampaigns, type CampaignSummary } from './campaigns.api';
import './mobilisation.css';
import './campaigns.css';

interface FormValues {
  name: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  signer: string;
  decidedBy: 'committee' | 'office';
  dates: [Dayjs, Dayjs];
  cases?: number | null;
  money?: number | null;
  casesRate?: number | null;
  moneyRate?: number | null;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The form a head fills to open a peak campaign over the unit they work in. */
function OpenCampaignModal({ unit, onClose, onOpened }: { unit: string; onClose: () => void; onOpened: (id: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const r = await createCampaign({
        unit, name: v.name, decidedBy: v.decidedBy, from: day(v.dates[0]), to: day(v.dates[1]),
        decision: { number: v.decisionNumber, date: day(v.decisionDate), signer: v.signer },
        targets: { cases: v.cases ?? null, money: v.money ? String(v.money) : null, casesRate: v.casesRate ?? null, moneyRate: v.moneyRate ?? null },
      });
      onOpened(r.campaign.id);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('camp.open')} onCancel={onClose} onOk={() => form.submit()} okText={t('camp.openSubmit')} confirmLoading={busy} width={560}>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ decidedBy: 'office' }}>
        <Form.Item name="name" label={t('camp.name')} rules={[{ required: true, message: t('camp.required') }]}>
          <Input maxLength={300} placeholder={t('camp.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="decidedBy" label={t('camp.decidedBy')}>
          <Select options={(['committee', 'office'] as const).map((d) => ({ value: d, label: t(`camp.decidedBy.${d}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="decisionNumber" label={t('camp.decisionNumber')} rules={[{ required: true, message: t('camp.required') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('camp.decisionDate')} rules={[{ required: true, message: t('camp.required') }]}>
            <DatePicker format={DATE_INPUT_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="signer" label={t('camp.signer')} rules={[{ required: true, message: t('camp.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dates" label={t('camp.dates')} rules={[{ required: true, message: t('camp.required') }]}>
          <DatePicker.RangePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="cases" label={t('camp.target.cases')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="money" label={t('camp.target.money')}>
            <InputNumber min={1} precision={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="casesRate" label={t('camp.target.casesRate')}>
            <InputNumber min={0.01} max={100} step={0.01} />
          </Form.Item>
          <Form.Item name="moneyRate" label={t('camp.target.moneyRate')}>
            <InputNumber min={0.01} max={100} step={0.01} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The peak campaigns (đợt cao điểm) over, above or inside the active unit, newest first. */
export function CampaignsPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const unit = me.activeUnit.code;
  const [opening, setOpening] = useState(false);
  const list = useAsync(() => listCampaigns(unit), [unit]);
  const status = (c: CampaignSummary) =>
    c.status === 'closed' ? <Tag>{t('camp.status.closed')}</Tag> : c.running ? <Tag color="green">{t('camp.status.running')}</Tag> : <Tag color="blue">{t('camp.status.open')}</Tag>;
  const target = (c: CampaignSummary) =>
    [c.targets.cases !== null ? t('camp.targetCases', { n: formatCount(c.targets.cases) }) : null, c.targets.money !== null ? formatMoney(c.targets.money) : null].filter(Boolean).join(' · ') || '—';
  return (
    <div className="page campaigns-page">
      <Typography.Title level={3}>{t('camp.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('camp.intro')}</Typography.Paragraph>
      {can('campaigns.manage') ? (
        <Button type="primary" onClick={() => setOpening(true)} style={{ marginBottom: 12 }}>
          {t('camp.open')}
        </Button>
      ) : null}
      {list.error ? <Alert type="error" showIcon message={errorMessage(list.error, t)} /> : null}
      {list.loading && !list.data ? <Spin /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Typography.Paragraph>{t('camp.none')}</Typography.Paragraph>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {list.data.items.map((c) => (
              <Card key={c.id} size="small" className="campaign-card" title={<Link to={`${paths.campaigns}/${c.id}`}>{c.name}</Link>} extra={status(c)}>
                <Typography.Text>
                  {formatDate(c.from)} – {formatDate(c.to)} · {c.unit.name}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t('camp.decisionLine', { number: c.decision.number, date: formatDate(c.decision.date), by: t(`camp.decidedBy.${c.decidedBy}`) })}
                </Typography.Text>
                <br />
                <Typography.Text>{t('camp.targets')}: {target(c)}</Typography.Text>
              </Card>
            ))}
          </Space>
        )
      ) : null}
      {opening ? <OpenCampaignModal unit={unit} onClose={() => setOpening(false)} onOpened={(id) => navigate(`${paths.campaigns}/${id}`)} /> : null}
    </div>
  );
}
