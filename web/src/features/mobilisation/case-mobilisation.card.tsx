import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatDate, formatMoney } from '../../i18n/format';
import { errorMessage } from '../../util/error-message';
import { applyFieldErrors } from '../../util/form-errors';
import { useAsync } from '../../util/use-async';
import { PromiseTag } from './promise-tag';
import { assignToTeam, caseMobilisation, endTeamAssignment, listTeams } from './mobilisation.api';


interface AssignForm {
  teamId: string;
  from: Dayjs;
  coercionPlanned: boolean;
}

function AssignModal({ caseId, office, onClose, onDone }: { caseId: string; office: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AssignForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const teams = useAsync(() => listTeams(office, dayjs().format('YYYY-MM-DD')), [office]);
  const submit = async (v: AssignForm) => {
    setBusy(true);
    setError(null);
    try {
      await assignToTeam(caseId, { teamId: v.teamId, from: v.from.format('YYYY-MM-DD'), coercionPlanned: v.coercionPlanned });
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('mob.assign.title')} onCancel={onClose} footer={null} destroyOnHidden>
      {error ? <Alert className="form-alert" type="error" showIcon message={errorMessage(error, t)} /> : null}
      <Form<AssignForm> form={form} layout="vertical" requiredMark={false} initialValues={{ from: dayjs(), coercionPlanned: false }} onFinish={(v) => void submit(v)}>
        <Form.Item name="teamId" label={t('mob.assign.team')} rules={[{ required: true, message: t('form.choose') }]}>
          <Select loading={teams.loading} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.commune.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="from" label={t('mob.assign.from')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker format={DATE_INPUT_FORMAT} allowClear={false} className="full-width" />
        </Form.Item>
        <Form.Item name="coercionPlanned" valuePropName="checked">
          <Checkbox>{t('mob.assign.coercionPlanned')}</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('mob.assign.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/**
 * Mobilisation on the case detail: the team the case is in the hands of, its visits and promises; heads of
 * office and enforcers hand the case to a commune team or take it back.
 */
export function CaseMobilisationCard({ caseId, office, mayAssign }: { caseId: string; office: string; mayAssign: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const data = useAsync(() => caseMobilisation(caseId), [caseId]);
  const [assigning, setAssigning] = useState(false);
  const open = data.data?.assignments.find((a) => a.to === null) ?? null;
  const visits = data.data?.visits ?? [];
  const end = async () => {
    try {
      await endTeamAssignment(caseId, dayjs().format('YYYY-MM-DD'));
      message.success(t('mob.assign.ended'));
      data.reload();
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };
  return (
    <Card title={t('mob.card.title')} className="case-card" size="small">
      {data.error ? <Alert type="error" showIcon message={errorMessage(data.error, t)} /> : null}
      {open ? (
        <Typography.Paragraph>
          {t('mob.card.assigned', { team: open.team.commune ?? open.team.name, date: formatDate(open.from) })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('mob.card.notAssigned')}</Typography.Paragraph>
      )}
      {visits.length > 0 && (
        <ul className="case-visits">
          {visits.map((v) => (
            <li key={v.id}>
              {formatDate(v.on)} – {t(`mob.outcome.${v.outcome}`)}
              {v.instalments.map((i) => (
                <div key={`${v.id}-${i.due}`}>
                  {t('mob.cases.nextPromise', { amount: formatMoney(i.amount), date: formatDate(i.due) })}{' '}
                  <PromiseTag state={i.state} />
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      {mayAssign && (
        <Space wrap>
          {open ? (
            <Button onClick={() => void end()}>{t('mob.assign.end')}</Button>
          ) : (
            <Button onClick={() => setAssigning(true)}>{t('mob.assign.open')}</Button>
          )}
        </Space>
      )}
      {assigning && (
        <AssignModal
          caseId={caseId}
          office={office}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            message.success(t('mob.assign.done'));
            data.reload();
          }}
        />
      )}
    </Card>
  );
}
