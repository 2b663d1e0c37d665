import { Alert, Button, DatePicker, Form, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { listAudit } from '../audit.api';
import type { AuditEntry } from '../../../api/types';
import { useT } from '../../../i18n/i18n.context';
import { formatDateTime } from '../../../i18n/format';
import { errorMessage } from '../../../util/error-message';
import { useAsync } from '../../../util/use-async';
import { AuditDiff } from './audit-diff';
import { casePath } from '../../../routes';
import { ENTITY_TYPES, actionLabel, actionOptions, entityReference, entityTypeLabel } from './audit-labels';

interface FilterForm {
  period?: [Dayjs | null, Dayjs | null] | null;
  user?: string;
  action?: string;
  entityType?: string;
}

interface Filters {
  from?: string;
  to?: string;
  user?: string;
  action?: string;
  entityType?: string;
}

function toFilters({ period, user, action, entityType }: FilterForm): Filters {
  return {
    from: period?.[0]?.format('YYYY-MM-DD'),
    to: period?.[1]?.format('YYYY-MM-DD'),
    user: user?.trim() || undefined,
    action,
    entityType,
  };
}

export function AuditPage() {
  const t = useT();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const audit = useAsync(() => listAudit({ ...filters, ...paging }), [filters, paging]);

  const apply = (values: FilterForm) => {
    setFilters(toFilters(values));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), key: 'at', render: (_, e) => formatDateTime(e.at), width: 150 },
    { title: t('audit.user'), dataIndex: 'username', key: 'username', render: (u: string | null) => u ?? '—' },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_, e) => actionLabel(e.action, t),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, e) =>
        e.entityType ? (
          <>
            {entityTypeLabel(e.entityType, t)}
            {e.entityId && e.entityType === 'case' ? (
              <> <Link to={casePath(e.entityId)}>{e.entityId}</Link></>
            ) : (
              e.entityId && <Typography.Text type="secondary"> {entityReference(e.entityType, e.entityId, t)}</Typography.Text>
            )}
          </>
        ) : (
          '—'
        ),
    },
    { title: t('audit.unit'), dataIndex: 'unitCode', key: 'unitCode', render: (u: string | null) => u ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <section className="page">
      <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      <Form<FilterForm> form={form} layout="inline" onFinish={apply} className="filters filters-form" role="search">
        <Form.Item label={t('audit.dateRange')} name="period">
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            allowEmpty={[true, true]}
            placeholder={[t('audit.from'), t('audit.to')]}
          />
        </Form.Item>
        <Form.Item label={t('audit.user')} name="user">
          <Input allowClear className="filter" />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="filter-wide"
            options={actionOptions(t)}
            virtual={false}
          />
        </Form.Item>
        <Form.Item label={t('audit.entityType')} name="entityType">
          <Select
            allowClear
            className="filter"
            options={ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type, t) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Form.Item>
      </Form>
      {audit.error !== null && (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(audit.error, t)} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.loading}
        expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
}
