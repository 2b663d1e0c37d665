import { Alert, Card, Empty, Input, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../api/types';
import { useMe } from '../../../auth/session.context';
import { useT, type Translate } from '../../../i18n/i18n.context';
import { formatValidity } from '../../../i18n/format';
import { errorMessage } from '../../../util/error-message';
import type { UnitNode } from '../../../util/unit-tree';
import { useUnits } from '../../../util/units.context';
import { levelLabel } from './unit-labels';
import { UnitDetail } from './unit-detail';

function matches(unit: Unit, text: string): boolean {
  return unit.code.toLowerCase().includes(text) || unit.name.toLowerCase().includes(text);
}

/** Tree nodes; with a search text, only matching units and the branches leading to them. */
function toTreeData(
  nodes: UnitNode[],
  text: string,
  t: Translate,
  byCode: Map<string, Unit>,
): TreeDataNode[] {
  return nodes.flatMap(({ unit, children }) => {
    const kids = toTreeData(children, text, t, byCode);
    if (text && !matches(unit, text) && kids.length === 0) return [];
    const successor = unit.successorCode ? byCode.get(unit.successorCode) : undefined;
    return [
      {
        key: unit.code,
        children: kids,
        title: (
          <span className={unit.active ? 'unit-node' : 'unit-node unit-node-inactive'}>
            <Tag color={unit.active ? 'blue' : 'default'}>{levelLabel(unit.level, t)}</Tag>{' '}
            <Typography.Text code>{unit.code}</Typography.Text> <span className="unit-node-name">{unit.name}</span>{' '}
            <Typography.Text type="secondary" className="unit-node-validity">
              {formatValidity(unit.validFrom, unit.validTo, t('units.present'))}
            </Typography.Text>
            {unit.successorCode && (
              <Typography.Text type="secondary" className="unit-node-successor">
                {' → '}
                {successor ? successor.name : unit.successorCode}
              </Typography.Text>
            )}
          </span>
        ),
      },
    ];
  });
}

export function UnitsPage() {
  const t = useT();
  const me = useMe();
  const { tree, byCode, loading, error } = useUnits();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string>(me.activeUnit.code);
  const treeData = useMemo(
    () => toTreeData(tree, search.trim().toLowerCase(), t, byCode),
    [tree, search, t, byCode],
  );

  return (
    <section className="page">
      <Typography.Title level={2}>{t('units.title')}</Typography.Title>
      {error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(error, t)} />}
      <div className="units-layout">
        <Card title={t('units.tree')} loading={loading} className="units-tree">
          <Input.Search
            aria-label={t('units.search')}
            placeholder={t('units.search')}
            allowClear
            onChange={(e) => setSearch(e.target.value)}
            className="units-search"
          />
          {treeData.length > 0 ? (
            <Tree
              treeData={treeData}
              defaultExpandAll
              key={search /* re-expand after a search */}
              blockNode
              selectedKeys={[selected]}
              onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
            />
          ) : (
            !loading && <Empty />
          )}
        </Card>
        <div className="units-detail">
          {byCode.has(selected) ? <UnitDetail code={selected} /> : <Empty description={t('units.selectHint')} />}
        </div>
      </div>
    </section>
  );
}
