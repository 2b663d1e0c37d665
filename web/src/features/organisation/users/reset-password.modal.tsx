import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '../../../api/types';
import { resetPassword } from '../users.api';
import {
  NewPasswordFields,
  PasswordFailureAlert,
  passwordFailure,
  type PasswordFailure,
} from '../../../components/password-fields';
import { useT } from '../../../i18n/i18n.context';
import { applyFieldErrors } from '../../../util/form-errors';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const [failure, setFailure] = useState<PasswordFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ newPassword }: ResetValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await resetPassword(user.id, newPassword);
      message.success(t('users.passwordReset', { username: user.username }));
      onDone();
    } catch (error) {
      if (!applyFieldErrors(form, error)) setFailure(passwordFailure(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { username: user.username })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
      {failure && <PasswordFailureAlert failure={failure} />}
      <Form<ResetValues> form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
