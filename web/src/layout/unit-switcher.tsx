import { App, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { switchActiveUnit } from '../features/organisation/auth.api';
import { useMe, useSession } from '../auth/session.context';
import { useT } from '../i18n/i18n.context';
import { errorMessage } from '../util/error-message';
import { unitTreeOptions } from '../util/unit-tree';
import { useUnits } from '../util/units.context';

/** The active unit; users allowed to work for several units choose it here. */
export function UnitSwitcher() {
  const me = useMe();
  const { update } = useSession();
  const { units, tree, loading } = useUnits();
  const { message } = App.useApp();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => unitTreeOptions(tree, true), [tree]);

  if (!me.canSwitchUnit || (!loading && units.length === 0)) {
    return (
      <Typography.Text className="header-unit" title={t('header.activeUnit')}>
        {me.activeUnit.name}
      </Typography.Text>
    );
  }

  const choose = async (code: string) => {
    if (code === me.activeUnit.code) return;
    setBusy(true);
    try {
      const next = await switchActiveUnit(code);
      update(next);
      message.success(t('header.unitSwitched', { unit: next.activeUnit.name }));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <TreeSelect
      aria-label={t('header.activeUnit')}
      className="header-unit-select"
      value={loading ? undefined : me.activeUnit.code}
      placeholder={me.activeUnit.name}
      treeData={options}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={loading || busy}
      disabled={busy}
      onChange={(code: string) => void choose(code)}
      popupMatchSelectWidth={420}
    />
  );
}
