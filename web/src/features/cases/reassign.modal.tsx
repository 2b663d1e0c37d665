import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { reassignCases, type ReassignResult } from './cases.api';
import { useT } from '../../i18n/i18n.context';
import { errorMessage } from '../../util/error-message';
import type { OfficeEnforcer } from './office-directory';

/** The head of office moves the selected cases to another enforcer and sees what happened to each. */
export function ReassignModal(props: { caseIds: string[]; enforcers: OfficeEnforcer[]; onClose: (changed: boolean) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ enforcer: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ReassignResult | null>(null);
  const count = props.caseIds.length;

  const submit = async ({ enforcer }: { enforcer: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await reassignCases(props.caseIds, enforcer);
      setResult(r);
      message.success(t('cases.reassignDone', { assigned: r.assigned, count }));
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('cases.reassignTitle', { count })}
      onCancel={() => props.onClose(result !== null)}
      mask={{ closable: false }}
      footer={
        result ? (
          <Button type="primary" onClick={() => props.onClose(true)}>
            {t('cases.close')}
          </Button>
        ) : (
          <>
            <Button onClick={() => props.onClose(false)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t('cases.reassignSubmit')}
            </Button>
          </>
        )
      }
    >
      {failure && <Alert className="form-alert" type="error" showIcon role="alert" title={failure} />}
      {result ? (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={result.results}
          columns={[
            { title: t('case.id'), dataIndex: 'id', key: 'id' },
            {
              title: t('cases.reassignResult'),
              key: 'result',
              render: (_, r) =>
                r.ok ? (
                  <span>
                    <CheckCircleTwoTone twoToneColor="#389e0d" /> {t('cases.reassignOk')}
                  </span>
                ) : (
                  <span>
                    <CloseCircleTwoTone twoToneColor="#cf1322" /> {r.error}
                  </span>
                ),
            },
          ]}
        />
      ) : (
        <Form form={form} name="reassign" layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item label={t('cases.reassignTo')} name="enforcer" rules={[{ required: true, message: t('form.choose') }]}>
            <Select
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              options={props.enforcers
                .filter((e) => e.active)
                .map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
