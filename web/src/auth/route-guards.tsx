import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/i18n.context';
import { errorMessage } from '../util/error-message';
import { useCan, useSession } from './session.context';
import { paths } from '../routes';

export function FullPageSpinner() {
  const t = useT();
  return (
    <div className="full-page-center" role="status" aria-live="polite">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

/** Everything behind it needs a session; a password that must change comes before anything else. */
export function RequireSession({ forcedPasswordChange }: { forcedPasswordChange: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  const t = useT();

  switch (state.status) {
    case 'loading':
      return <FullPageSpinner />;
    case 'unavailable':
      return (
        <Result
          status="error"
          title={errorMessage(state.error, t)}
          extra={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      );
    case 'anonymous': {
      // after an explicit logout the next person starts at home, not on the page the last one left open
      const from = state.notice === 'login.loggedOut' ? undefined : location.pathname + location.search;
      return <Navigate to={paths.login} replace state={{ from }} />;
    }
    case 'authenticated':
      if (state.me.mustChangePassword) {
        return location.pathname === paths.changePassword ? (
          forcedPasswordChange
        ) : (
          <Navigate to={paths.changePassword} replace />
        );
      }
      return <Outlet />;
  }
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan();
  const t = useT();
  if (can(permission)) return children;
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenText')}
      extra={<Link to={paths.home}>{t('error.backHome')}</Link>}
    />
  );
}
