import { DATE_INPUT_FORMAT } from '../../i18n/format';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  CATEGORIES,
  INITIATIONS,
  createCase,
  type Beneficiary,
  type Category,
  type Initiation,
  type NewCase,
  type PartyKind,
  type PartyRole,
} from './cases.api';
import { ApiError, type FieldIssue } from '../../api/client';
import { useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { casePath } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { AmountInput, AmountWords } from './amount-input';
import { codeLabel } from './case-labels';
import { showIssuesOnForm, type NamePath } from './field-issues';
import { useOfficeDirectory } from './office-directory';
import './cases.css';


interface PartyValues {
  role: PartyRole;
  kind: PartyKind;
  name?: string;
  idNumber?: string;
  address?: string;
}

interface ObligationValues {
  kind: 'money' | 'non_money';
  beneficiary: Beneficiary;
  label?: string;
  amount?: string;
  value?: string;
}

interface NewCaseValues {
  office: string;
  decision: { number: string; date: Dayjs };
  acceptedOn: Dayjs;
  initiation: Initiation;
  category: Category;
  judgment: { number: string; date: Dayjs; court: string };
  commune?: string;
  enforcer?: string;
  parties: PartyValues[];
  obligations: ObligationValues[];
}

const PARTY_FIELDS = new Set(['role', 'kind', 'name', 'idNumber', 'address']);
const FLAT_FIELDS = new Set(['office', 'acceptedOn', 'initiation', 'category', 'commune', 'enforcer', 'parties', 'obligations']);
const NESTED_FIELDS: Record<string, Set<string>> = {
  decision: new Set(['number', 'date']),
  judgment: new Set(['number', 'date', 'court']),
};

/** Whether a server error's field is one the form shows (so the message goes under it). */
function formHasField(form: FormInstance<NewCaseValues>, path: NamePath): boolean {
  const [head, second, third] = path;
  if (typeof head !== 'string') return false;
  if (path.length === 1) return FLAT_FIELDS.has(head);
  if (path.length === 2 && typeof second === 'string') return NESTED_FIELDS[head]?.has(second) ?? false;
  if (path.length === 3 && typeof second === 'number' && typeof third === 'string') {
    const rows = ((form.getFieldsValue(true) as Record<string, unknown>)[head] as unknown[] | undefined) ?? [];
    if (second >= rows.length) return false;
    if (head === 'parties') return PARTY_FIELDS.has(third);
    if (head === 'obligations') {
      const kind = (rows[second] as ObligationValues).kind;
      return ['kind', 'beneficiary', 'label'].includes(third) || third === (kind === 'money' ? 'amount' : 'value');
    }
  }
  return false;
}

const emptyToNull = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function toRequest(values: NewCaseValues): NewCase {
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  return {
    office: values.office,
    decision: { number: values.decision.number.trim(), date: day(values.decision.date) },
    acceptedOn: day(values.acceptedOn),
    initiation: values.initiation,
    category: values.category,
    judgment: { number: values.judgment.number.trim(), date: day(values.judgment.date), court: values.judgment.court.trim() },
    commune: values.commune ?? null,
    enforcer: values.enforcer ?? null,
    parties: values.parties.map((p) => ({
      role: p.role,
      kind: p.kind,
      name: (p.name ?? '').trim(),
      idNumber: emptyToNull(p.idNumber?.toUpperCase()),
      address: emptyToNull(p.address),
    })),
    obligations: values.obligations.map((o) =>
      o.kind === 'money'
        ? { kind: 'money', beneficiary: o.beneficiary, label: (o.label ?? '').trim(), amount: o.amount ?? '' }
        : { kind: 'non_money', beneficiary: o.beneficiary, label: (o.label ?? '').trim(), value: o.value ? o.value : null },
    ),
  };
}

/** The server's answer that the decision was already accepted (409 duplicate_decision), if it is one. */
function duplicateOf(error: unknown): { message: string; caseIds: string[] } | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !Array.isArray(error.details)) return null;
  const d = (error.details as { rule?: string; message?: string; caseIds?: unknown }[]).find((x) => x.rule === 'duplicate_decision');
  if (!d) return null;
  return { message: d.message ?? '', caseIds: Array.isArray(d.caseIds) ? d.caseIds.map(String) : [] };
}

/** "Thụ lý việc mới": the facts of a new case; the server checks them and gives it its id. */
export function CaseNewPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewCaseValues>();
  const directory = useOfficeDirectory();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // The server found the same enforcement decision already accepted: what it said, and the cases it named.
  const [duplicate, setDuplicate] = useState<{ values: NewCaseValues; message: string; caseIds: string[] } | null>(null);
  const [duplicateReason, setDuplicateReason] = useState('');
  const office = Form.useWatch('office', form) as string | undefined;
  const activeIsOffice = me.activeUnit.level === 'office';

  const communes = useMemo(
    () => directory.communes.filter((c) => c.office === office && !c.validTo),
    [directory.communes, office],
  );
  const enforcers = useMemo(
    () => directory.enforcers.filter((e) => e.office === office && e.active),
    [directory.enforcers, office],
  );

  const today = dayjs();
  const initialValues: Partial<NewCaseValues> = {
    office: activeIsOffice ? me.activeUnit.code : undefined,
    decision: { number: '', date: today },
    acceptedOn: today,
    parties: [{ role: 'obligor', kind: 'person' }],
    obligations: [{ kind: 'money', beneficiary: 'state_budget' }],
  };

  const submit = async (values: NewCaseValues, confirmDuplicate?: { reason: string }) => {
    setBusy(true);
    setProblems([]);
    setFailure(null);
    try {
      const created = await createCase({ ...toRequest(values), ...(confirmDuplicate ? { confirmDuplicate } : {}) });
      setDuplicate(null);
      message.success(t('caseNew.created', { id: created.id }));
      void navigate(casePath(created.id));
    } catch (error) {
      setBusy(false);
      const dup = duplicateOf(error);
      if (dup) {
        setDuplicateReason('');
        setDuplicate({ values, ...dup });
        return;
      }
      if (error instanceof ApiError && (error.code === 'VALIDATION_FAILED' || error.code === 'CASE_RULE_VIOLATION' || error.code === 'CONFLICT')) {
        const rest = showIssuesOnForm(form, error, (path) => formHasField(form, path));
        setProblems(rest);
        if (rest.length > 0 || !Array.isArray(error.details)) setFailure(errorMessage(error, t));
        const first = form.getFieldsError().find((f) => f.errors.length > 0);
        if (first) form.scrollToField(first.name, { block: 'center' });
      } else {
        setFailure(errorMessage(error, t));
      }
    }
  };

  const partyOptions = {
    role: (['obligor', 'obligee'] as const).map((r) => ({ value: r, label: t(`case.role.${r}`) })),
    kind: (['person', 'organisation'] as const).map((k) => ({ value: k, label: t(`case.kind.${k}`) })),
  };
  const obligationOptions = {
    kind: (['money', 'non_money'] as const).map((k) => ({ value: k, label: t(`case.obligationKind.${k}`) })),
    beneficiary: (['state_budget', 'party'] as const).map((b) => ({ value: b, label: t(`case.beneficiary.${b}`) })),
  };
  const required = { required: true, whitespace: true, message: t('form.required') };
  const choose = { required: true, message: t('form.choose') };

  return (
    <section className="page">
      <Typography.Title level={2}>{t('caseNew.title')}</Typography.Title>
      {!activeIsOffice && directory.offices.length === 0 && !directory.loading && (
        <Alert className="form-alert" type="info" showIcon title={t('caseNew.noOffice')} />
      )}
      {failure && (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          role="alert"
          title={failure}
          description={
            problems.length > 0 ? (
              <ul className="problem-list">
                {problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Modal
        open={duplicate !== null}
        title={t('caseNew.duplicate.title')}
        okText={t('caseNew.duplicate.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: duplicateReason.trim().length < 10, loading: busy }}
        onOk={() => duplicate && void submit(duplicate.values, { reason: duplicateReason.trim() })}
        onCancel={() => setDuplicate(null)}
      >
        <Typography.Paragraph>{duplicate?.message}</Typography.Paragraph>
        <Typography.Paragraph>
          {duplicate?.caseIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={casePath(id)} target="_blank" rel="noreferrer">{id}</a>
            </span>
          ))}
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('caseNew.duplicate.reason')} extra={t('caseNew.duplicate.reasonHelp')} required>
            <Input.TextArea aria-label={t('caseNew.duplicate.reason')} rows={3} maxLength={500} value={duplicateReason} onChange={(e) => setDuplicateReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
      <Form<NewCaseValues>
        form={form}
        name="newCase"
        layout="vertical"
        onFinish={(values) => submit(values)}
        disabled={busy}
        initialValues={initialValues}
        scrollToFirstError={{ block: 'center' }}
        className="case-form"
      >
        <Card title={t('caseNew.sectionDecision')} className="case-form-card">
          <div className="form-grid">
            <Form.Item label={t('case.office')} name="office" rules={[choose]}>
              <Select
                disabled={activeIsOffice}
                options={
                  activeIsOffice
                    ? [{ value: me.activeUnit.code, label: me.activeUnit.name }]
                    : directory.offices.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))
                }
                onChange={() => form.setFieldsValue({ commune: undefined, enforcer: undefined })}
              />
            </Form.Item>
            <Form.Item label={t('case.decisionNumber')} name={['decision', 'number']} rules={[required]}>
              <Input autoFocus autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('case.decisionDate')} name={['decision', 'date']} rules={[choose]}>
              <DatePicker format={DATE_INPUT_FORMAT} className="full-width" />
            </Form.Item>
            <Form.Item label={t('case.acceptedOn')} name="acceptedOn" rules={[choose]}>
              <DatePicker format={DATE_INPUT_FORMAT} className="full-width" />
            </Form.Item>
            <Form.Item label={t('case.initiation')} name="initiation" rules={[choose]}>
              <Select options={INITIATIONS.map((i) => ({ value: i, label: codeLabel('case.initiation.', i, t) }))} />
            </Form.Item>
            <Form.Item label={t('case.category')} name="category" rules={[choose]}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: codeLabel('case.category.', c, t) }))} />
            </Form.Item>
          </div>
        </Card>

        <Card title={t('caseNew.sectionJudgment')} className="case-form-card">
          <div className="form-grid">
            <Form.Item label={t('case.judgmentNumber')} name={['judgment', 'number']} rules={[required]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('case.judgmentDate')} name={['judgment', 'date']} rules={[choose]}>
              <DatePicker format={DATE_INPUT_FORMAT} className="full-width" />
            </Form.Item>
            <Form.Item label={t('case.court')} name={['judgment', 'court']} rules={[required]} className="form-grid-wide">
              <Input autoComplete="off" />
            </Form.Item>
          </div>
        </Card>

        <Card title={t('caseNew.sectionAssignment')} className="case-form-card">
          <div className="form-grid">
            <Form.Item label={t('case.commune')} name="commune">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={directory.loading}
                options={communes.map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
            <Form.Item label={t('case.enforcer')} name="enforcer">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={directory.loading}
                options={enforcers.map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))}
              />
            </Form.Item>
          </div>
        </Card>

        <Card title={t('case.parties')} className="case-form-card">
          <Form.List name="parties">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <fieldset key={field.key} className="list-row" aria-label={t('caseNew.partyN', { n: index + 1 })}>
                    <div className="list-row-title" aria-hidden>{t('caseNew.partyN', { n: index + 1 })}</div>
                    <div className="form-grid">
                      <Form.Item label={t('case.party.role')} name={[field.name, 'role']} rules={[choose]}>
                        <Select options={partyOptions.role} />
                      </Form.Item>
                      <Form.Item label={t('case.party.kind')} name={[field.name, 'kind']} rules={[choose]}>
                        <Select options={partyOptions.kind} />
                      </Form.Item>
                      <Form.Item label={t('case.party.name')} name={[field.name, 'name']} rules={[required]}>
                        <Input autoComplete="off" />
                      </Form.Item>
                      <Form.Item
                        label={t('case.party.idNumber')}
                        name={[field.name, 'idNumber']}
                        normalize={(v: string | undefined) => v?.toUpperCase()}
                        rules={[{ pattern: /^[0-9A-Z]{6,20}$/, message: t('caseNew.idNumberFormat') }]}
                      >
                        <Input autoComplete="off" />
                      </Form.Item>
                      <Form.Item label={t('case.party.address')} name={[field.name, 'address']} className="form-grid-wide">
                        <Input autoComplete="off" />
                      </Form.Item>
                    </div>
                    {fields.length > 1 && (
                      <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        {t('caseNew.remove')}
                      </Button>
                    )}
                  </fieldset>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ role: 'obligee', kind: 'person' })}>
                  {t('caseNew.addParty')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('case.obligations')} className="case-form-card">
          <Form.List name="obligations">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <fieldset key={field.key} className="list-row" aria-label={t('caseNew.obligationN', { n: index + 1 })}>
                    <div className="list-row-title" aria-hidden>{t('caseNew.obligationN', { n: index + 1 })}</div>
                    <div className="form-grid">
                      <Form.Item label={t('case.obligation.kind')} name={[field.name, 'kind']} rules={[choose]}>
                        <Select options={obligationOptions.kind} />
                      </Form.Item>
                      <Form.Item label={t('case.obligation.beneficiary')} name={[field.name, 'beneficiary']} rules={[choose]}>
                        <Select options={obligationOptions.beneficiary} />
                      </Form.Item>
                      <Form.Item label={t('case.obligation.label')} name={[field.name, 'label']} rules={[required]} className="form-grid-wide">
                        <Input autoComplete="off" />
                      </Form.Item>
                      <ObligationAmount form={form} index={field.name} />
                    </div>
                    {fields.length > 1 && (
                      <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        {t('caseNew.remove')}
                      </Button>
                    )}
                  </fieldset>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'money', beneficiary: 'party' })}>
                  {t('caseNew.addObligation')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Space className="form-actions">
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('caseNew.submit')}
          </Button>
          <Button onClick={() => navigate(-1)} disabled={false}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </section>
  );
}

/** The amount of a money obligation (with the amount in words) or the optional value of a non-money one. */
function ObligationAmount({ form, index }: { form: FormInstance<NewCaseValues>; index: number }) {
  const t = useT();
  const kind = Form.useWatch(['obligations', index, 'kind'], form) as ObligationValues['kind'] | undefined;
  const amount = Form.useWatch(['obligations', index, 'amount'], form) as string | undefined;
  const value = Form.useWatch(['obligations', index, 'value'], form) as string | undefined;
  if (kind === 'non_money') {
    return (
      <Form.Item label={t('case.obligation.value')} name={[index, 'value']} extra={<AmountWords value={value} />}>
        <AmountInput />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label={t('case.obligation.amount')}
      name={[index, 'amount']}
      rules={[{ required: true, message: t('caseNew.amountRequired') }]}
      extra={<AmountWords value={amount} />}
    >
      <AmountInput />
    </Form.Item>
  );
}
