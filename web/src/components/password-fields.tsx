import { Alert, Form, Input } from 'antd';
import { ApiError } from '../api/client';
import { useT, type Translate } from '../i18n/i18n.context';
import { errorMessage } from '../util/error-message';

export interface PasswordFailure {
  text: string;
  /** The PASSWORD_POLICY rules the new password broke, as the server words them. */
  rules: string[];
}

/** What to show when setting a password failed; PASSWORD_POLICY details (strings or {message}) become a list. */
export function passwordFailure(error: unknown, t: Translate): PasswordFailure {
  let rules: unknown[] = [];
  if (error instanceof ApiError && error.code === 'PASSWORD_POLICY') {
    const details = error.details as { rules?: unknown } | unknown[] | null;
    rules = Array.isArray(details) ? details : details && Array.isArray(details.rules) ? details.rules : [];
  }
  return {
    text: errorMessage(error, t),
    rules: rules.map((rule) => {
      if (typeof rule === 'string') return rule;
      if (rule && typeof rule === 'object' && 'message' in rule) return String(rule.message);
      return JSON.stringify(rule);
    }),
  };
}

export function PasswordFailureAlert({ failure }: { failure: PasswordFailure }) {
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      role="alert"
      title={failure.text}
      description={
        failure.rules.length > 0 ? (
          <ul className="policy-rules">
            {failure.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** "Mật khẩu mới" and "Nhập lại mật khẩu mới", the second checked against the first. */
export function NewPasswordFields() {
  const t = useT();
  return (
    <>
      <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true, message: t('form.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
