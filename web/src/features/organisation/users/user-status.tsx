import { Space, Tag } from 'antd';
import type { User } from '../../../api/types';
import { useT } from '../../../i18n/i18n.context';
import { formatDateTime } from '../../../i18n/format';

export function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

/** hoạt động / đã khóa đến … / vô hiệu hóa, and a note when the password must change. */
export function UserStatus({ user }: { user: User }) {
  const t = useT();
  const main = user.disabled ? (
    <Tag>{t('users.statusDisabled')}</Tag>
  ) : isLocked(user) ? (
    <Tag color="orange">{t('users.statusLocked', { time: formatDateTime(user.lockedUntil) })}</Tag>
  ) : (
    <Tag color="green">{t('users.statusActive')}</Tag>
  );
  return (
    <Space size={4} wrap>
      {main}
      {user.mustChangePassword && <Tag color="blue">{t('users.mustChangePassword')}</Tag>}
    </Space>
  );
}
