import { Layout, Menu, Typography, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCan, useMe } from '../auth/session.context';
import { useT } from '../i18n/i18n.context';
import { UnitsProvider } from '../util/units.context';
import { paths } from '../routes';
import { LanguageSwitch } from './language-switch';
import { NAV_ITEMS, selectedNavPath, visibleNavItems, type NavItem } from './nav-items';
import { UnitSwitcher } from './unit-switcher';
import { UserMenu } from './user-menu';

type MenuItem = Required<MenuProps>['items'][number];

/** The signed-in frame: menu by permission on the left, product, unit, language and account on top. */
export function AppShell() {
  const me = useMe();
  const can = useCan();
  const t = useT();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo(() => visibleNavItems(NAV_ITEMS, can), [can]);
  const toMenu = (item: NavItem): MenuItem =>
    item.children
      ? { key: item.path, icon: item.icon, label: t(item.label), children: item.children.map(toMenu) }
      : { key: item.path, icon: item.icon, label: <Link to={item.path}>{t(item.label)}</Link> };
  const selected = selectedNavPath(items, location.pathname);
  const openGroup = items.find((item) => item.children?.some((child) => child.path === selected));

  return (
    <UnitsProvider>
      <Layout className="shell">
        <Layout.Header className="shell-header">
          <Link to={paths.home} className="shell-brand">
            <span className="shell-logo" aria-hidden>
              {t('app.shortName')}
            </span>
            <Typography.Text strong className="shell-product">
              {t('app.productName')}
            </Typography.Text>
          </Link>
          <div className="shell-header-tools">
            <UnitSwitcher />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout>
          <Layout.Sider
            theme="light"
            width={240}
            breakpoint="lg"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="shell-sider"
          >
            <nav aria-label={t('nav.menu')}>
              <Menu
                mode="inline"
                items={items.map(toMenu)}
                selectedKeys={selected ? [selected] : []}
                defaultOpenKeys={openGroup ? [openGroup.path] : []}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content className="shell-content">
            {/* a new working unit means new data everywhere: remount the page */}
            <Outlet key={me.activeUnit.code} />
          </Layout.Content>
        </Layout>
      </Layout>
    </UnitsProvider>
  );
}
