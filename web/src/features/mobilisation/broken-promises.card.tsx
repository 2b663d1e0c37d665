import { Alert, Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatMoney } from '../../i18n/format';
import { casePath } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { openCases, type OpenCase } from './mobilisation.api';

/**
 * "Việc của tôi" for the enforcer (or the office): the promises an obligor made to a commune team whose date
 * has passed without the payment (issue #14 item 3: they appear in the enforcer's queue as in the team's).
 */
export function BrokenPromisesCard({ mine }: { mine: boolean }) {
  const t = useT();
  const list = useAsync(() => openCases({ mine }), [mine]);
  const items = (list.data?.items ?? []).filter((i) => i.brokenPromises > 0);
  return (
    <Card className="broken-promises" style={{ marginTop: 16 }} title={t('mob.broken.title', { count: items.length })} size="small">
      {list.error ? <Alert type="error" showIcon message={errorMessage(list.error, t)} /> : null}
      <Table<OpenCase>
        size="small"
        rowKey={(i) => i.case.id}
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('mob.broken.none') }}
        scroll={{ x: true }}
        columns={[
          { title: t('myWork.case'), key: 'case', render: (_, i) => <Link to={casePath(i.case.id)}>{i.case.id}</Link> },
          { title: t('case.obligors'), key: 'obligors', render: (_, i) => i.case.obligors.map((o) => o.name).join(', ') },
          { title: t('mob.broken.team'), key: 'team', render: (_, i) => i.assignment.team.commune },
          {
            title: t('mob.broken.promise'),
            key: 'promise',
            render: (_, i) =>
              i.nextPromise ? (
                <Typography.Text type="danger">{t('mob.cases.nextPromise', { amount: formatMoney(i.nextPromise.amount), date: formatDate(i.nextPromise.due) })}</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
