import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  GlobalOutlined,
  HomeOutlined,
  LockOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages';
import { paths } from '../routes';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission; none = every signed-in user. */
  permission?: string;
  children?: NavItem[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: paths.home, label: 'nav.home', icon: <HomeOutlined /> },
  {
    path: paths.cases,
    label: 'nav.cases',
    icon: <FileTextOutlined />,
    permission: 'cases.read',
    children: [
      { path: paths.myWork, label: 'nav.myWork', icon: <ScheduleOutlined />, permission: 'cases.read' },
      { path: paths.caseList, label: 'nav.caseList', icon: <FileSearchOutlined />, permission: 'cases.read' },
      { path: paths.caseNew, label: 'nav.caseNew', icon: <FileAddOutlined />, permission: 'cases.write' },
    ],
  },
  {
    path: paths.statistics,
    label: 'nav.statistics',
    icon: <BarChartOutlined />,
    permission: 'statistics.read',
    children: [
      { path: paths.statisticsOverview, label: 'nav.statisticsOverview', icon: <DashboardOutlined />, permission: 'statistics.read' },
      { path: paths.statisticsForms, label: 'nav.statisticsForms', icon: <TableOutlined />, permission: 'statistics.read' },
      { path: paths.statisticsTargets, label: 'nav.statisticsTargets', icon: <AimOutlined />, permission: 'statistics.close' },
      { path: paths.statisticsClose, label: 'nav.statisticsClose', icon: <LockOutlined />, permission: 'statistics.read' },
    ],
  },
  {
    path: paths.mobilisation,
    label: 'nav.mobilisation',
    icon: <TeamOutlined />,
    permission: 'mobilisation.read',
    children: [
      { path: paths.mobilisationCases, label: 'nav.mobilisationCases', icon: <ScheduleOutlined />, permission: 'mobilisation.read' },
      { path: paths.mobilisationTeams, label: 'nav.mobilisationTeams', icon: <TeamOutlined />, permission: 'mobilisation.read' },
      { path: paths.mobilisationResults, label: 'nav.mobilisationResults', icon: <RiseOutlined />, permission: 'mobilisation.read' },
      { path: paths.campaigns, label: 'nav.campaigns', icon: <FlagOutlined />, permission: 'mobilisation.read' },
      { path: paths.steering, label: 'nav.steering', icon: <ApartmentOutlined />, permission: 'steering.read' },
    ],
  },
  { path: paths.emulation, label: 'nav.emulation', icon: <TrophyOutlined />, permission: 'emulation.read' },
  { path: paths.portal, label: 'nav.portal', icon: <GlobalOutlined />, permission: 'portal.manage' },
  {
    path: '/quan-tri',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    children: [
      { path: paths.users, label: 'nav.users', icon: <UserOutlined />, permission: 'users.read' },
      { path: paths.units, label: 'nav.units', icon: <ClusterOutlined />, permission: 'units.read' },
      { path: paths.audit, label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
    ],
  },
];

/** The menu a user may see: items they lack the permission for are dropped, and so are empty groups. */
export function visibleNavItems(items: NavItem[], can: (permission: string) => boolean): NavItem[] {
  return items.flatMap((item) => {
    if (item.permission && !can(item.permission)) return [];
    if (!item.children) return [item];
    const children = visibleNavItems(item.children, can);
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

/** The menu key to highlight for an address: the longest item path that prefixes it. */
export function selectedNavPath(items: NavItem[], pathname: string): string | undefined {
  const all = items.flatMap((item) => [item, ...(item.children ?? [])]);
  return all
    .map((item) => item.path)
    .filter((path) => pathname === path || (path !== '/' && pathname.startsWith(path + '/')))
    .sort((a, b) => b.length - a.length)[0];
}
