import { Alert, App, AutoComplete, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  NO_MEANS_REASONS,
  recordEvent,
  reverseEvent,
  type CaseDetail,
  type CaseEventInput,
  type CaseEventType,
  type CaseObligationView,
  type TimelineEntry,
} from './cases.api';
import { ApiError, type FieldIssue } from '../../api/client';
import { useT, type Translate } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatDate, formatMoney } from '../../i18n/format';
import { errorMessage } from '../../util/error-message';
import { useUnits } from '../../util/units.context';
import { AmountInput, AmountWords } from './amount-input';
import { codeLabel, eventLabel } from './case-labels';
import { showIssuesOnForm } from './field-issues';
import type { OfficeEnforcer } from './office-directory';


/** The fields each event type asks for besides its date (case-schemas.ts `eventSchema`). */
type Field = 'enforcer' | 'result' | 'noMeansReason' | 'reason' | 'ground' | 'obligation' | 'amount' | 'proceeds' | 'transferTo' | 'officeTo';

export const EVENT_FIELDS: Record<CaseEventType, Field[]> = {
  enforcer_assigned: ['enforcer'],
  verified: ['result'],
  no_means_decided: ['noMeansReason'],
  resumed: [],
  postponed: ['ground'],
  suspended: ['ground'],
  other_status: ['reason'],
  payment: ['obligation', 'amount'],
  performed: ['obligation'],
  reduced: ['obligation', 'amount'],
  disbursed: ['obligation', 'amount'],
  coercion_decided: [],
  distrained: [],
  auctioned: ['proceeds'],
  completed: [],
  terminated: ['ground'],
  transferred_out: ['transferTo'],
  withdrawn: [],
  separate_ledger: [],
  request_returned: [],
  office_changed: ['officeTo'],
};

/** API field names of a form field (the no-means reason is `reason`, both offices are `to`). */
const API_NAMES: Record<Field, string[]> = {
  enforcer: ['enforcer'],
  result: ['result'],
  noMeansReason: ['reason'],
  reason: ['reason'],
  ground: ['ground'],
  obligation: ['obligation'],
  amount: ['amount'],
  proceeds: ['proceeds'],
  transferTo: ['to', 'partiallyPerformed'],
  officeTo: ['to'],
};

interface EventValues {
  on?: Dayjs;
  enforcer?: string;
  result?: 'has_means' | 'no_means';
  reason?: string;
  ground?: string;
  obligation?: string;
  amount?: string;
  proceeds?: string;
  to?: string;
  partiallyPerformed?: boolean;
}

/** The obligations an event may name: what can still be paid, reduced, paid out or performed. */
export function obligationsFor(type: CaseEventType, obligations: CaseObligationView[]): CaseObligationView[] {
  const money = obligations.filter((o) => o.kind === 'money');
  switch (type) {
    case 'payment':
      return money.filter((o) => BigInt(o.outstanding) > 0n);
    case 'reduced':
      return money.filter((o) => o.beneficiary === 'state_budget' && BigInt(o.outstanding) > 0n);
    case 'disbursed':
      return money.filter((o) => o.beneficiary === 'party' && BigInt(o.paid) - BigInt(o.disbursed) > 0n);
    case 'performed':
      return obligations.filter((o) => o.kind === 'non_money' && !o.performed);
    default:
      return [];
  }
}

/** The request body of an event from the form's values. */
export function eventFromValues(type: CaseEventType, values: EventValues): CaseEventInput {
  const on = (values.on ?? dayjs()).format('YYYY-MM-DD');
  const event: CaseEventInput = { type, on };
  for (const field of EVENT_FIELDS[type]) {
    switch (field) {
      case 'enforcer':
        event.enforcer = values.enforcer;
        break;
      case 'result':
        event.result = values.result;
        break;
      case 'noMeansReason':
      case 'reason':
        event.reason = values.reason?.trim();
        break;
      case 'ground':
        event.ground = values.ground?.trim();
        break;
      case 'obligation':
        event.obligation = values.obligation;
        break;
      case 'amount':
        event.amount = values.amount ?? '';
        break;
      case 'proceeds':
        event.proceeds = values.proceeds ? values.proceeds : null;
        break;
      case 'transferTo':
        event.to = values.to?.trim();
        event.partiallyPerformed = values.partiallyPerformed ?? false;
        break;
      case 'officeTo':
        event.to = values.to?.trim();
        break;
    }
  }
  return event;
}

/** Focuses the first field of a dialog's form once it is open. */
function focusFirstField(container: HTMLElement | null) {
  const first = container?.querySelector<HTMLElement>(
    'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button.ant-btn:not([disabled])',
  );
  first?.focus();
}

/**
 * Enter records (except in a text area or while a drop-down is open, where Enter belongs to the control);
 * the native implicit submission is replaced so that a form is sent once. In a date field Enter only
 * confirms the date typed: a date is the field most often typed last, and Enter there saved the same
 * event again and again (issue 13).
 */
function submitOnEnter(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement) return;
    if (target.closest('.ant-picker')) {
      event.preventDefault();
      return;
    }
    if (target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    submit();
  };
}

/** A recorded event of the timeline (not one derived from the case's facts): it has a number. */
export type RecordedEntry = TimelineEntry & { seq: number };

interface DialogProps {
  detail: CaseDetail;
  onClose: () => void;
  /** After a successful write: close and reload. */
  onDone: (message: string) => void;
  /** The case changed under us (409): reload it; the dialog stays open with a notice. */
  onConflict: () => void;
}

/** Shared handling of a write's failure: conflict notice, rule messages on fields, the rest above the form. */
function useWriteFailure() {
  const t = useT();
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldIssue[]>([]);
  const reset = () => {
    setConflict(false);
    setFailure(null);
    setProblems([]);
  };
  const handle = (error: unknown, place: (error: unknown) => FieldIssue[], onConflict: () => void) => {
    if (error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || (error.status === 409 && error.code === 'CONFLICT'))) {
      setConflict(true);
      onConflict();
      return;
    }
    if (error instanceof ApiError && (error.code === 'CASE_RULE_VIOLATION' || error.code === 'VALIDATION_FAILED')) {
      const rest = place(error);
      setProblems(rest);
      if (rest.length > 0 || !Array.isArray(error.details)) setFailure(errorMessage(error, t));
      return;
    }
    setFailure(errorMessage(error, t));
  };
  const alerts: ReactNode = (
    <>
      {conflict && <Alert className="form-alert" type="warning" showIcon role="alert" title={t('caseDetail.conflict')} />}
      {failure && (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          role="alert"
          title={problems.length === 1 ? problems[0]!.message : failure}
          description={
            problems.length > 1 ? (
              <ul className="problem-list">
                {problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </>
  );
  return { reset, handle, alerts };
}

/** The form of one event type, in a dialog: first field focused, Enter records, Esc closes. */
export function EventDialog({ type, enforcers, ...props }: DialogProps & { type: CaseEventType; enforcers: OfficeEnforcer[] }) {
  const t = useT();
  const { units } = useUnits();
  const { detail } = props;
  const { modal } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const failure = useWriteFailure();
  const fields = EVENT_FIELDS[type];
  const label = eventLabel({ type }, t);
  const choices = obligationsFor(type, detail.obligations);
  const obligationId = Form.useWatch('obligation', form);
  const amount = Form.useWatch('amount', form);
  const proceeds = Form.useWatch('proceeds', form);
  const chosen = detail.obligations.find((o) => o.id === obligationId);
  const rendered = new Set(['on', ...fields.flatMap((f) => API_NAMES[f])]);

  const send = async (values: EventValues) => {
    setBusy(true);
    failure.reset();
    try {
      await recordEvent(detail.id, detail.version, eventFromValues(type, values));
      props.onDone(t('caseDetail.recorded', { label }));
    } catch (error) {
      failure.handle(
        error,
        (e) => showIssuesOnForm(form, e, (path) => path.length === 1 && rendered.has(String(path[0])), 'event.'),
        props.onConflict,
      );
      setBusy(false);
    }
  };

  // The same event on the same day (same obligation, amount, result…) is most often a second press, not a
  // second event: ask before sending.
  const submit = (values: EventValues) => {
    const event = eventFromValues(type, values);
    const sameData = (data: Record<string, unknown>) =>
      Object.entries(event).every(([k, v]) => k === 'type' || k === 'on' || String(v ?? '') === String(data[k] ?? ''));
    const same = detail.timeline.some((e) => !e.derived && !e.reversed && e.type === type && e.on === event.on && sameData(e.data));
    if (!same) return send(values);
    modal.confirm({
      title: t('event.duplicateTitle', { label, date: formatDate(event.on) }),
      content: t('event.duplicateHint'),
      okText: t('event.duplicateOk'),
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  const offices = units.filter((u) => u.level === 'office' && u.active && u.code !== detail.holdingOffice.code);
  const officeOptions = offices.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }));
  const holdingEnforcers = enforcers.filter((e) => e.active && (e.office === detail.holdingOffice.code || enforcers.every((x) => x.office !== detail.holdingOffice.code)));

  const required = { required: true, whitespace: true, message: t('form.required') };
  const choose = { required: true, message: t('form.choose') };

  const items: Record<Field, ReactNode> = {
    enforcer: (
      <Form.Item key="enforcer" label={t('event.enforcer')} name="enforcer" rules={[choose]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={holdingEnforcers.map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))}
        />
      </Form.Item>
    ),
    result: (
      <Form.Item key="result" label={t('event.result')} name="result" rules={[choose]}>
        <Radio.Group
          options={(['has_means', 'no_means'] as const).map((r) => ({ value: r, label: t(`case.result.${r}`) }))}
        />
      </Form.Item>
    ),
    noMeansReason: (
      <Form.Item key="noMeansReason" label={t('event.noMeansReason')} name="reason" rules={[choose]}>
        <Radio.Group
          className="radio-column"
          options={NO_MEANS_REASONS.map((r) => ({ value: r, label: codeLabel('case.noMeans.', r, t) }))}
        />
      </Form.Item>
    ),
    reason: (
      <Form.Item key="reason" label={t('event.reason')} name="reason" rules={[required]}>
        <Input autoComplete="off" maxLength={500} />
      </Form.Item>
    ),
    ground: (
      <Form.Item key="ground" label={t('event.ground')} name="ground" rules={[required]}>
        <Input autoComplete="off" maxLength={500} />
      </Form.Item>
    ),
    obligation: (
      <Form.Item key="obligation" label={t('event.obligation')} name="obligation" rules={[choose]}>
        <Select
          options={choices.map((o) => ({
            value: o.id,
            label: o.kind === 'money' ? `${o.label} – ${formatMoney(o.amount ?? '0')}` : o.label,
          }))}
        />
      </Form.Item>
    ),
    amount: (
      <Form.Item
        key="amount"
        label={t('event.amount')}
        name="amount"
        rules={[
          { required: true, message: t('caseNew.amountRequired') },
          { validator: (_, v?: string) => (v && /^0*$/.test(v) ? Promise.reject(new Error(t('event.amountPositive'))) : Promise.resolve()) },
        ]}
        extra={
          <div className="amount-extra">
            <AmountWords value={amount} />
            {chosen && <ObligationBalance type={type} obligation={chosen} t={t} />}
          </div>
        }
      >
        <AmountInput />
      </Form.Item>
    ),
    proceeds: (
      <Form.Item key="proceeds" label={t('event.proceeds')} name="proceeds" extra={<AmountWords value={proceeds} />}>
        <AmountInput />
      </Form.Item>
    ),
    transferTo: (
      <div key="transferTo">
        <Form.Item label={t('event.transferTo')} name="to" rules={[required]}>
          <AutoComplete options={officeOptions} filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())} />
        </Form.Item>
        <Form.Item name="partiallyPerformed" valuePropName="checked">
          <Checkbox>{t('event.partiallyPerformed')}</Checkbox>
        </Form.Item>
      </div>
    ),
    officeTo: (
      <Form.Item key="officeTo" label={t('event.officeTo')} name="to" rules={[required]}>
        <AutoComplete options={officeOptions} filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())} />
      </Form.Item>
    ),
  };

  return (
    <Modal
      open
      title={label}
      onCancel={props.onClose}
      footer={null}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirstField(body.current)}
    >
      <div ref={body} onKeyDown={submitOnEnter(() => form.submit())}>
        {failure.alerts}
        <Form<EventValues>
          form={form}
          name={`event_${type}`}
          layout="vertical"
          onFinish={submit}
          disabled={busy}
          initialValues={{ on: dayjs(), obligation: choices.length === 1 ? choices[0]!.id : undefined, partiallyPerformed: false }}
          aria-label={label}
        >
          {fields.map((f) => items[f])}
          <Form.Item label={t('event.on')} name="on" rules={[choose]}>
            <DatePicker format={DATE_INPUT_FORMAT} className="full-width" allowClear={false} />
          </Form.Item>
          <div className="dialog-actions">
            <Typography.Text type="secondary" className="small-note">
              {t('event.keyboardHint')}
            </Typography.Text>
            <Space>
              <Button onClick={props.onClose} disabled={false}>
                {t('common.cancel')}
              </Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('event.submit')}
              </Button>
            </Space>
          </div>
        </Form>
      </div>
    </Modal>
  );
}

/** What is left on the chosen obligation: outstanding (payment, reduction) or collected not paid out. */
function ObligationBalance({ type, obligation, t }: { type: CaseEventType; obligation: CaseObligationView; t: Translate }) {
  if (type === 'disbursed') {
    const available = (BigInt(obligation.paid) - BigInt(obligation.disbursed)).toString();
    return <Typography.Text className="balance-note">{t('event.available', { amount: formatMoney(available) })}</Typography.Text>;
  }
  return (
    <Typography.Text className="balance-note">{t('event.outstanding', { amount: formatMoney(obligation.outstanding) })}</Typography.Text>
  );
}

/** "Hủy sự kiện": a reversing entry with its reason (at least 5 characters). */
export function ReverseDialog({ entry, ...props }: DialogProps & { entry: RecordedEntry }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const failure = useWriteFailure();
  const label = eventLabel(entry, t);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    failure.reset();
    try {
      await reverseEvent(props.detail.id, entry.seq, props.detail.version, reason.trim());
      props.onDone(t('caseDetail.reversed', { seq: entry.seq }));
    } catch (error) {
      failure.handle(error, (e) => showIssuesOnForm(form, e, (path) => path.length === 1 && path[0] === 'reason'), props.onConflict);
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('caseDetail.reverseTitle', { seq: entry.seq, label })}
      onCancel={props.onClose}
      footer={null}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirstField(body.current)}
    >
      <div ref={body} onKeyDown={submitOnEnter(() => form.submit())}>
        {failure.alerts}
        <Typography.Paragraph type="secondary">{t('caseDetail.reverseHint')}</Typography.Paragraph>
        <Form form={form} name="reverse" layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item
            label={t('caseDetail.reverseReason')}
            name="reason"
            rules={[
              { required: true, whitespace: true, message: t('form.required') },
              { min: 5, message: t('caseDetail.reverseReasonMin') },
            ]}
          >
            <Input autoComplete="off" maxLength={500} />
          </Form.Item>
          <div className="dialog-actions">
            <Typography.Text type="secondary" className="small-note">
              {t('event.keyboardHint')}
            </Typography.Text>
            <Space>
              <Button onClick={props.onClose} disabled={false}>
                {t('common.cancel')}
              </Button>
              <Button type="primary" danger htmlType="submit" loading={busy}>
                {t('caseDetail.reverse')}
              </Button>
            </Space>
          </div>
        </Form>
      </div>
    </Modal>
  );
}
