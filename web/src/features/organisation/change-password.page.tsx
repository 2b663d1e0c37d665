import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { changePassword } from './auth.api';
import { useSession } from '../../auth/session.context';
import {
  NewPasswordFields,
  PasswordFailureAlert,
  passwordFailure,
  type PasswordFailure,
} from '../../components/password-fields';
import { useT } from '../../i18n/i18n.context';
import { LanguageSwitch } from '../../layout/language-switch';
import { paths } from '../../routes';
import { applyFieldErrors } from '../../util/form-errors';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [failure, setFailure] = useState<PasswordFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setFailure(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
    } catch (error) {
      if (!applyFieldErrors(form, error)) setFailure(passwordFailure(error, t));
      setBusy(false);
      return;
    }
    message.success(t('password.changed'));
    await refresh();
    onDone();
  };

  return (
    <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} disabled={busy}>
      {failure && <PasswordFailureAlert failure={failure} />}
      <Form.Item
        label={t('password.current')}
        name="currentPassword"
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}

/** "Đổi mật khẩu" inside the shell. */
export function ChangePasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <section className="page">
      <Typography.Title level={2}>{t('password.title')}</Typography.Title>
      <Card className="narrow-card">
        <ChangePasswordForm onDone={() => void navigate(paths.home)} />
      </Card>
    </section>
  );
}

/** The only page a user whose password must change can reach. */
export function ForcedPasswordChangePage() {
  const t = useT();
  const navigate = useNavigate();
  const { logout } = useSession();
  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card login-card-wide">
        <Typography.Title level={1} className="login-product">
          {t('password.forcedTitle')}
        </Typography.Title>
        <Alert className="form-alert" type="info" showIcon title={t('password.forcedNotice')} />
        <ChangePasswordForm onDone={() => void navigate(paths.home, { replace: true })} />
        <div className="forced-logout">
          <Button type="link" onClick={() => void logout().catch(() => undefined)}>
            {t('header.logout')}
          </Button>
        </div>
      </Card>
    </main>
  );
}
