import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../auth/session.context';
import { useT } from '../i18n/i18n.context';
import { paths } from '../routes';

export function UserMenu() {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const t = useT();

  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') void navigate(paths.changePassword);
    if (key === 'logout') {
      // the session is gone locally whatever the server answers; the guard then shows the login page
      void logout()
        .catch(() => undefined)
        .then(() => navigate(paths.login, { replace: true }));
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        onClick,
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
      }}
    >
      <Button type="text" aria-label={t('header.userMenu')} className="header-user">
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span className="header-user-text">
            <Typography.Text strong>{me.fullName}</Typography.Text>
            <Typography.Text type="secondary" className="header-user-role">
              {t(`role.${me.role}`)}
            </Typography.Text>
          </span>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}
