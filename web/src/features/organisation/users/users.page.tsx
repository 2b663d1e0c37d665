import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Table, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ROLES, type Role, type User } from '../../../api/types';
import { listUsers, unlockUser } from '../users.api';
import { useCan } from '../../../auth/session.context';
import { useT } from '../../../i18n/i18n.context';
import { formatDateTime } from '../../../i18n/format';
import { errorMessage } from '../../../util/error-message';
import { unitTreeOptions } from '../../../util/unit-tree';
import { useAsync } from '../../../util/use-async';
import { useUnits } from '../../../util/units.context';
import { ResetPasswordModal } from './reset-password.modal';
import { UserFormModal } from './user-form.modal';
import { UserStatus, isLocked } from './user-status';

interface Filters {
  q?: string;
  role?: Role;
  unit?: string;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersPage() {
  const t = useT();
  const can = useCan();
  const { modal, message } = App.useApp();
  const { tree } = useUnits();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = can('users.manage');

  const users = useAsync(() => listUsers({ ...filters, ...paging }), [filters, paging]);
  const unitOptions = useMemo(() => unitTreeOptions(tree, true), [tree]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

  const filter = (change: Filters) => {
    setFilters((current) => ({ ...current, ...change }));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const closeAndReload = () => {
    setDialog(null);
    users.reload();
  };

  const unlock = (user: User) =>
    modal.confirm({
      title: t('users.unlockConfirm', { username: user.username }),
      okText: t('users.unlock'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await unlockUser(user.id);
          message.success(t('users.unlocked', { username: user.username }));
          users.reload();
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      },
    });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.fullName'), dataIndex: 'fullName', key: 'fullName' },
    { title: t('users.role'), key: 'role', render: (_, user) => t(`role.${user.role}`) },
    { title: t('users.unit'), key: 'unit', render: (_, user) => user.unit.name },
    { title: t('users.status'), key: 'status', render: (_, user) => <UserStatus user={user} /> },
    {
      title: t('users.lastLogin'),
      key: 'lastLogin',
      render: (_, user) =>
        user.lastLoginAt ? (
          formatDateTime(user.lastLoginAt)
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user })}>
            {t('users.resetPassword')}
          </Button>
          {isLocked(user) && (
            <Button type="link" size="small" onClick={() => unlock(user)}>
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <section className="page">
      <div className="page-heading">
        <Typography.Title level={2}>{t('users.title')}</Typography.Title>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.add')}
          </Button>
        )}
      </div>
      <div className="filters" role="search">
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          allowClear
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          className="filter-wide"
        />
        <Select<Role>
          aria-label={t('users.role')}
          placeholder={t('users.role')}
          allowClear
          options={roleOptions}
          value={filters.role}
          onChange={(role) => filter({ role })}
          className="filter"
        />
        <TreeSelect
          aria-label={t('users.unit')}
          placeholder={t('users.unit')}
          allowClear
          treeData={unitOptions}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          value={filters.unit}
          onChange={(unit: string | undefined) => filter({ unit })}
          className="filter-wide"
          popupMatchSelectWidth={420}
        />
      </div>
      {users.error !== null && (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(users.error, t)} />
      )}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.loading}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        scroll={{ x: 1100 }}
      />
      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={() => setDialog(null)} onSaved={closeAndReload} />}
      {dialog?.kind === 'edit' && (
        <UserFormModal user={dialog.user} onClose={() => setDialog(null)} onSaved={closeAndReload} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} onDone={closeAndReload} />
      )}
    </section>
  );
}
