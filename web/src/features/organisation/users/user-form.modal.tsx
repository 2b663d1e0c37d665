import { Alert, App, Checkbox, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { ROLES, type Role, type User } from '../../../api/types';
import { createUser, updateUser, type UserChanges } from '../users.api';
import { useT } from '../../../i18n/i18n.context';
import { errorMessage } from '../../../util/error-message';
import { applyFieldErrors } from '../../../util/form-errors';
import { unitTreeOptions } from '../../../util/unit-tree';
import { useUnits } from '../../../util/units.context';

interface UserFormValues {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  password: string;
  disabled: boolean;
}

/** "Thêm người dùng" when `user` is null, otherwise the edit form of that user. */
export function UserFormModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { tree } = useUnits();
  const [form] = Form.useForm<UserFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unitOptions = useMemo(() => unitTreeOptions(tree, false), [tree]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

  const submit = async (values: UserFormValues) => {
    setBusy(true);
    setFailure(null);
    try {
      if (user) {
        const changes: UserChanges = {};
        if (values.fullName !== user.fullName) changes.fullName = values.fullName;
        if (values.role !== user.role) changes.role = values.role;
        if (values.unitCode !== user.unit.code) changes.unitCode = values.unitCode;
        if (values.disabled !== user.disabled) changes.disabled = values.disabled;
        if (Object.keys(changes).length > 0) await updateUser(user.id, changes);
        message.success(t('users.updated', { username: user.username }));
      } else {
        const { username, fullName, role, unitCode, password } = values;
        await createUser({ username: username.trim(), fullName: fullName.trim(), role, unitCode, password });
        message.success(t('users.created', { username: username.trim() }));
      }
      onSaved();
    } catch (error) {
      // A taken username (CONFLICT) comes, like a validation failure, with its message on the field.
      if (!applyFieldErrors(form, error)) {
        setFailure(errorMessage(error, t));
      }
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { username: user.username }) : t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      mask={{ closable: false }}
    >
      {failure && <Alert className="form-alert" type="error" showIcon role="alert" title={failure} />}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={
          user
            ? { fullName: user.fullName, role: user.role, unitCode: user.unit.code, disabled: user.disabled }
            : { disabled: false }
        }
      >
        {!user && (
          <Form.Item
            label={t('users.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.fullName')}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('form.choose') }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item label={t('users.unit')} name="unitCode" rules={[{ required: true, message: t('form.choose') }]}>
          <TreeSelect treeData={unitOptions} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        {!user && (
          <Form.Item
            label={t('users.initialPassword')}
            name="password"
            extra={t('users.initialPasswordHint')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="disabled" valuePropName="checked">
            <Checkbox>{t('users.disabled')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
