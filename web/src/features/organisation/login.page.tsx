import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { FullPageSpinner } from '../../auth/route-guards';
import { useSession } from '../../auth/session.context';
import { useT, type Translate } from '../../i18n/i18n.context';
import { formatDateTime } from '../../i18n/format';
import { LanguageSwitch } from '../../layout/language-switch';
import { paths } from '../../routes';
import { errorMessage } from '../../util/error-message';

interface Credentials {
  username: string;
  password: string;
}

/** The server's message, plus when a lock ends or how long to wait if the server gives it in details. */
function loginFailure(error: unknown, t: Translate): string[] {
  const lines = [errorMessage(error, t)];
  if (error instanceof ApiError && typeof error.details === 'object' && error.details !== null) {
    const details = error.details as { lockedUntil?: unknown; retryAfterSeconds?: unknown };
    if (error.code === 'AUTH_ACCOUNT_LOCKED' && typeof details.lockedUntil === 'string') {
      const time = formatDateTime(details.lockedUntil);
      if (!lines[0]!.includes(time)) lines.push(t('error.lockedUntil', { time }));
    }
    if (error.code === 'RATE_LIMITED' && typeof details.retryAfterSeconds === 'number') {
      if (!lines[0]!.includes(String(details.retryAfterSeconds))) {
        lines.push(t('error.retryAfter', { seconds: details.retryAfterSeconds }));
      }
    }
  }
  return lines;
}

export function LoginPage() {
  const { state, login } = useSession();
  const location = useLocation();
  const t = useT();
  const [failure, setFailure] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading') return <FullPageSpinner />;
  if (state.status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== paths.login ? from : paths.home} replace />;
  }
  const notice = state.status === 'anonymous' && !failure ? state.notice : null;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setFailure(null);
    try {
      await login(username.trim(), password);
    } catch (error) {
      setFailure(loginFailure(error, t));
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-heading">
          <span className="shell-logo login-logo" aria-hidden>
            {t('app.shortName')}
          </span>
          <Typography.Title level={1} className="login-product">
            {t('app.productName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        <Typography.Title level={2} className="login-title">
          {t('login.title')}
        </Typography.Title>
        {notice && (
          <Alert
            className="form-alert"
            type={notice === 'login.loggedOut' ? 'success' : 'warning'}
            showIcon
            title={t(notice)}
          />
        )}
        {failure && (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            role="alert"
            title={failure[0]}
            description={failure.length > 1 ? failure.slice(1).join(' ') : undefined}
          />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
