import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { Commune, Enforcer } from '../../../api/types';
import { getUnit } from '../units.api';
import { useT } from '../../../i18n/i18n.context';
import { formatValidity } from '../../../i18n/format';
import { errorMessage } from '../../../util/error-message';
import { useAsync } from '../../../util/use-async';
import { useUnits } from '../../../util/units.context';
import { levelLabel } from './unit-labels';

/** One unit: its record, the communes it serves and its enforcers (GET /api/units/:code). */
export function UnitDetail({ code }: { code: string }) {
  const t = useT();
  const { byCode } = useUnits();
  const { data, error, loading } = useAsync(() => getUnit(code), [code]);

  if (error !== null) return <Alert type="error" showIcon role="alert" title={errorMessage(error, t)} />;
  if (!data) return <Card loading={loading} />;

  const { unit, communes, enforcers } = data;
  const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
  const successor = unit.successorCode ? byCode.get(unit.successorCode) : undefined;

  return (
    <div className="unit-detail">
      <Card title={unit.name}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('units.code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('units.level')}>{levelLabel(unit.level, t)}</Descriptions.Item>
          <Descriptions.Item label={t('units.parent')}>
            {parent ? parent.name : (unit.parentCode ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.validity')}>
            {formatValidity(unit.validFrom, unit.validTo, t('units.present'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.status')}>
            {unit.active ? <Tag color="green">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.successor')}>
            {successor ? `${successor.name} (${successor.code})` : (unit.successorCode ?? '—')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`${t('units.communes')} (${communes.length})`}>
        <Table<Commune>
          rowKey="code"
          size="small"
          dataSource={communes}
          pagination={communes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('units.communeCode'), dataIndex: 'code', key: 'code' },
            { title: t('units.communeName'), dataIndex: 'name', key: 'name' },
            { title: t('units.district'), key: 'district', render: (_, c) => c.districtName ?? '—' },
            { title: t('units.province'), key: 'province', render: (_, c) => c.provinceName ?? c.provinceCode ?? '—' },
            {
              title: t('units.validity'),
              key: 'validity',
              render: (_, c) => formatValidity(c.validFrom, c.validTo, t('units.present')),
            },
          ]}
        />
      </Card>
      <Card title={`${t('units.enforcers')} (${enforcers.length})`}>
        <Table<Enforcer>
          rowKey="id"
          size="small"
          dataSource={enforcers}
          pagination={false}
          columns={[
            { title: t('units.enforcerCode'), dataIndex: 'code', key: 'code' },
            { title: t('units.enforcerName'), dataIndex: 'name', key: 'name' },
            {
              title: t('units.status'),
              key: 'active',
              render: (_, e) =>
                e.active ? (
                  <Tag color="green">{t('units.enforcerActive')}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('units.enforcerInactive')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
