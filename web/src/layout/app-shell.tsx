import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
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

/**
 * The signed-in frame: menu by permission on the left, product, unit, language and account on top. On a
 * phone (narrower than antd's `md`, 768 px) the menu moves into a drawer opened from the header, and the
 * header keeps the logo, the unit (shortened), the language and the account's avatar: nothing scrolls
 * sideways at 360 px.
 */
export function AppShell() {
  const me = useMe();
  const can = useCan();
  const t = useT();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  // `md` is undefined until the first measurement: the desktop frame until then
  const phone = screens.md === false;

  const items = useMemo(() => visibleNavItems(NAV_ITEMS, can), [can]);
  const toMenu = (item: NavItem): MenuItem =>
    item.children
      ? { key: item.path, icon: item.icon, label: t(item.label), children: item.children.map(toMenu) }
      : { key: item.path, icon: item.icon, label: <Link to={item.path}>{t(item.label)}</Link> };
  const selected = selectedNavPath(items, location.pathname);
  const openGroup = items.find((item) => item.children?.some((child) => child.path === selected));

  const menu = (onNavigate?: () => void) => (
    <nav aria-label={t('nav.menu')}>
      <Menu
        mode="inline"
        items={items.map(toMenu)}
        selectedKeys={selected ? [selected] : []}
        defaultOpenKeys={openGroup ? [openGroup.path] : []}
        onClick={onNavigate}
      />
    </nav>
  );

  return (
    <UnitsProvider>
      <Layout className="shell">
        <Layout.Header className="shell-header">
          {phone && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} className="shell-menu-button" />
          )}
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
          {phone ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={300}
              title={t('app.shortName')}
              className="shell-drawer"
              styles={{ body: { padding: 0 } }}
            >
              {menu(() => setDrawerOpen(false))}
            </Drawer>
          ) : (
            <Layout.Sider
              theme="light"
              width={240}
              breakpoint="lg"
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              className="shell-sider"
            >
              {menu()}
            </Layout.Sider>
          )}
          <Layout.Content className="shell-content">
            {/* a new working unit means new data everywhere: remount the page */}
            <Outlet key={me.activeUnit.code} />
          </Layout.Content>
        </Layout>
      </Layout>
    </UnitsProvider>
  );
}
