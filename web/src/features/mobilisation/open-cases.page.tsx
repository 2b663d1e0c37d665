import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Modal, Radio, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatDate, formatMoney, todayInOfficeZone } from '../../i18n/format';
import { errorMessage } from '../../util/error-message';
import { applyFieldErrors } from '../../util/form-errors';
import { useAsync } from '../../util/use-async';
import { AmountInput } from '../cases/amount-input';
import { caseMobilisation, openCases, recordVisit, type OpenCase, type VisitOutcome, type VisitPlace } from './mobilisation.api';
import { PromiseTag } from './promise-tag';
import './mobilisation.css';

const PLACES: VisitPlace[] = ['home', 'commune_office', 'phone'];
const OUTCOMES: VisitOutcome[] = ['agreed', 'paid_on_spot', 'refused', 'not_home', 'moved_away', 'hardship'];

interface VisitForm {
  on: Dayjs;
  place: VisitPlace;
  outcome: VisitOutcome;
  memberIds: string[];
  instalments?: { due?: Dayjs; amount?: string }[];
  paidOnSpot?: string;
  notes?: string;
}

/** The visit form: members of the team valid today, a schedule only for an agreement, an amount only when paid on the spot. */
function VisitModal({ item, onClose, onSaved }: { item: OpenCase; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const detail = useAsync(() => caseMobilisation(item.case.id), [item.case.id]);
  const outcome = Form.useWatch('outcome', form);
  const members = detail.data?.assignments.find((a) => a.to === null)?.members ?? [];

  const submit = async (v: VisitForm) => {
    setBusy(true);
    setError(null);
    try {
      await recordVisit(item.case.id, {
        on: v.on.format('YYYY-MM-DD'), place: v.place, outcome: v.outcome, memberIds: v.memberIds ?? [],
        ...(v.outcome === 'agreed' ? { instalments: (v.instalments ?? []).map((i) => ({ due: i.due ? i.due.format('YYYY-MM-DD') : '', amount: i.amount ?? '0' })) } : {}),
        ...(v.outcome === 'paid_on_spot' ? { paidOnSpot: v.paidOnSpot ?? '0' } : {}),
        notes: v.notes?.trim() || null,
      });
      message.success(t('mob.visit.saved'));
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('mob.visit.title', { case: item.case.obligors[0]?.name ?? item.case.id })} onCancel={onClose} footer={null} destroyOnHidden>
      {detail.loading ? <Spin /> : null}
      {error ? <Alert className="form-alert" type="error" showIcon message={errorMessage(error, t)} /> : null}
      <Form<VisitForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ on: dayjs(), place: 'home', outcome: 'agreed', memberIds: [], instalments: [{}] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="on" label={t('mob.visit.on')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker format={DATE_INPUT_FORMAT} allowClear={false} className="full-width" />
        </Form.Item>
        <Form.Item name="place" label={t('mob.visit.place')}>
          <Radio.Group options={PLACES.map((p) => ({ value: p, label: t(`mob.place.${p}`) }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('mob.visit.outcome')}>
          <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`mob.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('mob.visit.members')} rules={[{ required: true, message: t('form.choose') }]}>
          <Checkbox.Group className="visit-members" options={members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        {outcome === 'agreed' && (
          <Form.List name="instalments">
            {(fields, { add, remove }) => (
              <Form.Item label={t('mob.visit.instalments')}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap className="visit-instalment">
                    <Form.Item name={[f.name, 'due']} rules={[{ required: true, message: t('form.required') }]}>
                      <DatePicker format={DATE_INPUT_FORMAT} placeholder={t('mob.visit.due')} aria-label={`${t('mob.visit.due')} ${i + 1}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: t('form.required') }]}>
                      <AmountInput aria-label={`${t('mob.visit.amount')} ${i + 1}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="×" />}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('mob.visit.addInstalment')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        )}
        {outcome === 'paid_on_spot' && (
          <Form.Item name="paidOnSpot" label={t('mob.visit.paidOnSpot')} rules={[{ required: true, message: t('form.required') }]}>
            <AmountInput />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('mob.visit.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** The cases in the hands of the team: what a commune team member works from, on a phone. */
type Show = 'all' | 'week' | 'broken';

/** YYYY-MM-DD plus n days (calendar days, no time zone involved). */
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The cases in the hands of the team, on a phone: all, the promises due this week, the broken ones. */
export function OpenCasesPage() {
  const t = useT();
  const list = useAsync(() => openCases(), []);
  const [visiting, setVisiting] = useState<OpenCase | null>(null);
  const [show, setShow] = useState<Show>('all');
  const today = list.data?.today ?? todayInOfficeZone();
  const weekEnd = addDays(today, 6);
  const items = (list.data?.items ?? []).filter((i) =>
    show === 'all' ? true : show === 'week' ? i.nextDue !== null && i.nextDue.due <= weekEnd : i.brokenPromises > 0);
  return (
    <div className="page open-cases-page">
      <Typography.Title level={3}>{t('mob.cases.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mob.cases.intro')}</Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon message={errorMessage(list.error, t)} /> : null}
      {list.loading && !list.data ? <Spin /> : null}
      {list.data && list.data.items.length > 0 ? (
        <Segmented<Show>
          block
          className="open-cases-filter"
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('mob.cases.showAll', { count: list.data.items.length }) },
            { value: 'week', label: t('mob.cases.showWeek', { count: list.data.items.filter((i) => i.nextDue !== null && i.nextDue.due <= weekEnd).length }) },
            { value: 'broken', label: t('mob.cases.showBroken', { count: list.data.items.filter((i) => i.brokenPromises > 0).length }) },
          ]}
        />
      ) : null}
      {list.data && items.length === 0 ? <Empty description={t(show === 'all' ? 'mob.cases.none' : 'mob.cases.noneShown')} /> : null}
      <div className="teams-grid">
        {items.map((item) => (
          <Card key={item.case.id} className="open-case-card" title={<span className="team-card-title">{item.case.obligors.map((o) => o.name).join(', ')}</span>} extra={<Typography.Text type="secondary">{item.assignment.team.commune}</Typography.Text>}>
            <Typography.Paragraph>
              {item.case.obligors[0]?.address}
              <br />
              <strong>{t('mob.cases.outstanding', { amount: formatMoney(item.case.outstanding) })}</strong>
              <br />
              <Typography.Text type="secondary">
                {item.lastVisit ? t('mob.cases.lastVisit', { date: formatDate(item.lastVisit.on), outcome: t(`mob.outcome.${item.lastVisit.outcome}`) }) : t('mob.cases.noVisit')}
              </Typography.Text>
            </Typography.Paragraph>
            {item.nextPromise && (
              <Typography.Paragraph>
                {t('mob.cases.nextPromise', { amount: formatMoney(item.nextPromise.amount), date: formatDate(item.nextPromise.due) })}{' '}
                <PromiseTag state={item.nextPromise.state} />
                {item.nextDue && item.nextPromise.state === 'broken' ? (
                  <>
                    <br />
                    {t('mob.cases.nextPromise', { amount: formatMoney(item.nextDue.amount), date: formatDate(item.nextDue.due) })} <PromiseTag state="due" />
                  </>
                ) : null}
              </Typography.Paragraph>
            )}
            <Button type="primary" block className="touch-button" onClick={() => setVisiting(item)}>
              {t('mob.cases.record')}
            </Button>
          </Card>
        ))}
      </div>
      {visiting && (
        <VisitModal
          item={visiting}
          onClose={() => setVisiting(null)}
          onSaved={() => {
            setVisiting(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
