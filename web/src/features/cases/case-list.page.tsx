import { PlusOutlined, SettingOutlined, UserSwitchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  Popover,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  CASE_STATUSES,
  CATEGORIES,
  INITIATIONS,
  searchCases,
  type CaseListItem,
  type CaseQuery,
  type CaseStatus,
  type Category,
  type Initiation,
} from './cases.api';
import { useCan } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import type { MessageKey } from '../../i18n/messages';
import { formatCount, formatDate, formatMoney } from '../../i18n/format';
import { casePath, paths } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { PAGE_SIZES, paramsFromQuery, queryFromParams } from './case-filters';
import { StatusTag, codeLabel, statusLabel, stepTitle } from './case-labels';
import { useOfficeDirectory } from './office-directory';
import './cases.css';
import { ReassignModal } from './reassign.modal';

const COLUMNS_KEY = 'thads.cases.columns';

const COLUMN_KEYS = [
  'id',
  'decision',
  'acceptedOn',
  'obligors',
  'status',
  'enforcer',
  'commune',
  'initiation',
  'category',
  'total',
  'outstanding',
  'nextStep',
  'office',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

const DEFAULT_COLUMNS: ColumnKey[] = ['id', 'decision', 'obligors', 'status', 'enforcer', 'total', 'outstanding', 'nextStep'];

const COLUMN_TITLES: Record<ColumnKey, MessageKey> = {
  id: 'case.id',
  decision: 'case.decision',
  acceptedOn: 'case.acceptedOn',
  obligors: 'case.obligors',
  status: 'case.status',
  enforcer: 'case.enforcer',
  commune: 'case.commune',
  initiation: 'case.initiation',
  category: 'case.category',
  total: 'case.total',
  outstanding: 'case.outstanding',
  nextStep: 'case.nextStep',
  office: 'case.holdingOffice',
};

function storedColumns(): ColumnKey[] {
  try {
    const raw = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const keys = raw.filter((k): k is ColumnKey => (COLUMN_KEYS as readonly string[]).includes(k as string));
      if (keys.length > 0) return keys;
    }
  } catch {
    // unreadable or unavailable storage: defaults
  }
  return DEFAULT_COLUMNS;
}

interface FilterValues {
  q?: string;
  idNumber?: string;
  status?: CaseStatus[];
  initiation?: Initiation;
  category?: Category;
  enforcer?: string;
  commune?: string;
  overdue?: boolean;
}

export function CaseListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const queryKey = paramsFromQuery(query).toString();
  const [form] = Form.useForm<FilterValues>();
  const directory = useOfficeDirectory();
  const [columns, setColumns] = useState<ColumnKey[]>(storedColumns);
  const [selected, setSelected] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const mayAssign = can('cases.assign');
  const mayWrite = can('cases.write');

  const cases = useAsync(() => searchCases(query), [queryKey]);

  // the form follows the address (back/forward, a bookmark)
  useEffect(() => {
    const { page: _p, pageSize: _s, ...filters } = query;
    form.resetFields();
    form.setFieldsValue(filters);
    // the query is read through queryKey, its stable form
  }, [queryKey]);

  const go = (next: CaseQuery) => setParams(paramsFromQuery(next));

  const apply = (values: FilterValues) => {
    setSelected([]);
    go({
      q: values.q?.trim() || undefined,
      idNumber: values.idNumber?.trim().toUpperCase() || undefined,
      status: values.status?.length ? values.status : undefined,
      initiation: values.initiation,
      category: values.category,
      enforcer: values.enforcer,
      commune: values.commune,
      overdue: values.overdue || undefined,
      page: 1,
      pageSize: query.pageSize,
    });
  };

  const chooseColumns = (keys: ColumnKey[]) => {
    const ordered = COLUMN_KEYS.filter((k) => keys.includes(k));
    const next = ordered.length ? ordered : (['id'] as ColumnKey[]);
    setColumns(next);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
    } catch {
      // not remembered
    }
  };

  const all: Record<ColumnKey, TableColumnsType<CaseListItem>[number]> = {
    id: {
      title: t('case.id'),
      key: 'id',
      fixed: 'left',
      render: (_, c) => (
        <>
          <Link to={casePath(c.id)} onClick={(e) => e.stopPropagation()} className="nowrap">
            {c.id}
          </Link>
          {!columns.includes('obligors') && <SearchMatch item={c} />}
        </>
      ),
    },
    decision: {
      title: t('case.decision'),
      key: 'decision',
      render: (_, c) => (
        <>
          <span className="nowrap">{c.decisionNumber}</span>
          <div>
            <Typography.Text type="secondary" className="small-note">
              {formatDate(c.decisionDate)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    acceptedOn: { title: t('case.acceptedOn'), key: 'acceptedOn', render: (_, c) => formatDate(c.acceptedOn) },
    obligors: {
      title: t('case.obligors'),
      key: 'obligors',
      render: (_, c) => (
        <>
          {c.obligors ?? '—'}
          <SearchMatch item={c} />
        </>
      ),
    },
    status: { title: t('case.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} fallback={c.statusLabel} /> },
    enforcer: {
      title: t('case.enforcer'),
      key: 'enforcer',
      render: (_, c) => c.enforcer?.name ?? c.enforcer?.code ?? <Typography.Text type="secondary">{t('case.unassigned')}</Typography.Text>,
    },
    commune: { title: t('case.commune'), key: 'commune', render: (_, c) => directory.communeName(c.commune) || '—' },
    initiation: { title: t('case.initiation'), key: 'initiation', render: (_, c) => codeLabel('case.initiation.', c.initiation, t) },
    category: { title: t('case.category'), key: 'category', render: (_, c) => codeLabel('case.category.', c.category, t) },
    total: { title: t('case.total'), key: 'total', align: 'right', render: (_, c) => formatMoney(c.total) },
    outstanding: {
      title: t('case.outstanding'),
      key: 'outstanding',
      align: 'right',
      render: (_, c) => <strong>{formatMoney(c.outstanding)}</strong>,
    },
    nextStep: {
      title: t('case.nextStep'),
      key: 'nextStep',
      width: 240,
      render: (_, c) =>
        c.nextStep ? (
          <>
            {stepTitle(c.nextStep, t)}
            <div>
              <Typography.Text type={c.overdue ? 'danger' : 'secondary'} className="small-note" strong={c.overdue}>
                {formatDate(c.nextDue)}
                {c.overdue ? ` – ${t('case.overdueTag')}` : ''}
              </Typography.Text>
            </div>
          </>
        ) : (
          '—'
        ),
    },
    office: { title: t('case.holdingOffice'), key: 'office', dataIndex: 'office' },
  };

  const total = cases.data?.total ?? 0;
  const totalText = cases.data?.totalIsLowerBound
    ? t('cases.totalMore', { total: formatCount(total) })
    : t('cases.total', { total: formatCount(total) });

  const enforcerOptions = directory.enforcers.map((e) => ({
    value: e.code,
    label: `${e.name} (${e.code})`,
  }));

  return (
    <section className="page page-wide">
      <div className="page-heading">
        <Typography.Title level={2}>{t('cases.title')}</Typography.Title>
        {mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(paths.caseNew)}>
            {t('nav.caseNew')}
          </Button>
        )}
      </div>
      <Form<FilterValues> form={form} name="caseFilters" layout="vertical" onFinish={apply} className="case-filters" role="search">
        <Form.Item label={t('cases.q')} name="q">
          <Input allowClear placeholder={t('cases.qPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('cases.idNumber')} name="idNumber">
          <Input allowClear />
        </Form.Item>
        <Form.Item label={t('case.status')} name="status" className="case-filters-wide">
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('case.initiation')} name="initiation">
          <Select allowClear options={INITIATIONS.map((i) => ({ value: i, label: codeLabel('case.initiation.', i, t) }))} />
        </Form.Item>
        <Form.Item label={t('case.category')} name="category">
          <Select allowClear options={CATEGORIES.map((c) => ({ value: c, label: codeLabel('case.category.', c, t) }))} />
        </Form.Item>
        <Form.Item label={t('case.enforcer')} name="enforcer">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={enforcerOptions} />
        </Form.Item>
        <Form.Item label={t('case.commune')} name="commune">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={directory.communes.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked" className="case-filters-check">
          <Checkbox>{t('cases.overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item className="case-filters-buttons">
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <div className="table-toolbar">
        <Typography.Text type="secondary" aria-live="polite">
          {cases.data ? totalText : ''}
        </Typography.Text>
        <Space>
          {mayAssign && (
            <Button icon={<UserSwitchOutlined />} disabled={selected.length === 0} onClick={() => setReassigning(true)}>
              {t('cases.reassign', { count: selected.length })}
            </Button>
          )}
          <Popover
            trigger="click"
            placement="bottomRight"
            title={t('cases.columns')}
            content={
              <Checkbox.Group
                className="column-chooser"
                value={columns}
                onChange={(keys) => chooseColumns(keys as ColumnKey[])}
                options={COLUMN_KEYS.map((k) => ({ value: k, label: t(COLUMN_TITLES[k]) }))}
              />
            }
          >
            <Button icon={<SettingOutlined />}>{t('cases.columns')}</Button>
          </Popover>
        </Space>
      </div>
      {cases.error !== null && (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(cases.error, t)} />
      )}
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        columns={columns.map((k) => all[k])}
        dataSource={cases.data?.items ?? []}
        loading={cases.loading}
        locale={{ emptyText: t('cases.empty') }}
        rowSelection={
          mayAssign
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true }
            : undefined
        }
        onRow={(c) => ({
          className: 'clickable-row',
          onClick: (event) => {
            const target = event.target as HTMLElement;
            if (target.closest('a, button, input, label, .ant-checkbox-wrapper, .ant-table-selection-column')) return;
            void navigate(casePath(c.id));
          },
        })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: () => totalText,
          onChange: (page, pageSize) => go({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
        }}
        scroll={{ x: 1100 }}
      />
      {reassigning && (
        <ReassignModal
          caseIds={selected}
          enforcers={directory.enforcers}
          onClose={(changed) => {
            setReassigning(false);
            if (changed) {
              setSelected([]);
              cases.reload();
            }
          }}
        />
      )}
    </section>
  );
}

/** The party the search found a case by, when it is not the obligor the row shows (role and name only). */
function SearchMatch({ item }: { item: CaseListItem }) {
  const t = useT();
  if (!item.match) return null;
  return (
    <Typography.Text type="secondary" className="small-note search-match">
      {t('cases.match', { role: t(`case.role.${item.match.role}`), name: item.match.name })}
    </Typography.Text>
  );
}
