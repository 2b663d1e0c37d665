import { App as AntApp } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { FullPageSpinner, RequirePermission, RequireSession } from './auth/route-guards';
import { SessionProvider } from './auth/session.context';
import { I18nProvider } from './i18n/i18n.context';
import { AppShell } from './layout/app-shell';
import { AreaPage, NotFoundPage } from './layout/area.page';
import { ChangePasswordPage, ForcedPasswordChangePage } from './features/organisation/change-password.page';
import { LoginPage } from './features/organisation/login.page';
import { paths } from './routes';

// The home page: each role's day of work (web/src/features/home); no chart, no ECharts.
const HomePage = lazy(() => import('./features/home/home.page').then((m) => ({ default: m.HomePage })));
// Administration pages are loaded when first opened.
const UsersPage = lazy(() => import('./features/organisation/users/users.page').then((m) => ({ default: m.UsersPage })));
const UnitsPage = lazy(() => import('./features/organisation/units/units.page').then((m) => ({ default: m.UnitsPage })));
const AuditPage = lazy(() => import('./features/organisation/audit/audit.page').then((m) => ({ default: m.AuditPage })));
// The case register (web/src/pages/cases).
const MyWorkPage = lazy(() => import('./features/cases/my-work.page').then((m) => ({ default: m.MyWorkPage })));
const CaseListPage = lazy(() => import('./features/cases/case-list.page').then((m) => ({ default: m.CaseListPage })));
const CaseNewPage = lazy(() => import('./features/cases/case-new.page').then((m) => ({ default: m.CaseNewPage })));
const CaseDetailPage = lazy(() => import('./features/cases/case-detail.page').then((m) => ({ default: m.CaseDetailPage })));
// Statistics (web/src/pages/statistics).
const StatisticsDashboardPage = lazy(() => import('./features/statistics/dashboard.page').then((m) => ({ default: m.DashboardPage })));
const StatisticsFormsPage = lazy(() => import('./features/statistics/forms.page').then((m) => ({ default: m.FormsPage })));
const StatisticsTargetsPage = lazy(() => import('./features/statistics/targets.page').then((m) => ({ default: m.TargetsPage })));
// Mobilisation (web/src/features/mobilisation).
const TeamsPage = lazy(() => import('./features/mobilisation/teams.page').then((m) => ({ default: m.TeamsPage })));
const OpenCasesPage = lazy(() => import('./features/mobilisation/open-cases.page').then((m) => ({ default: m.OpenCasesPage })));
const ResultsPage = lazy(() => import('./features/mobilisation/results.page').then((m) => ({ default: m.ResultsPage })));
const CampaignsPage = lazy(() => import('./features/mobilisation/campaigns.page').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./features/mobilisation/campaign.page').then((m) => ({ default: m.CampaignPage })));
// The steering committee (web/src/features/steering).
const SteeringPage = lazy(() => import('./features/steering/steering.page').then((m) => ({ default: m.SteeringPage })));
const PeriodClosePage = lazy(() => import('./features/statistics/period-close.page').then((m) => ({ default: m.PeriodClosePage })));

function guarded(permission: string, page: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<FullPageSpinner />}>{page}</Suspense>
    </RequirePermission>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path={paths.login} element={<LoginPage />} />
              <Route element={<RequireSession forcedPasswordChange={<ForcedPasswordChangePage />} />}>
                <Route element={<AppShell />}>
                  <Route index element={<Suspense fallback={<FullPageSpinner />}><HomePage /></Suspense>} />
                  <Route path={paths.changePassword} element={<ChangePasswordPage />} />
                  <Route path={paths.cases} element={<Navigate to={paths.myWork} replace />} />
                  <Route path={paths.myWork} element={guarded('cases.read', <MyWorkPage />)} />
                  <Route path={paths.caseList} element={guarded('cases.read', <CaseListPage />)} />
                  <Route path={`${paths.caseList}/*`} element={guarded('cases.read', <CaseDetailPage />)} />
                  <Route path={paths.caseNew} element={guarded('cases.write', <CaseNewPage />)} />
                  <Route path={paths.statistics} element={<Navigate to={paths.statisticsOverview} replace />} />
                  <Route path={paths.statisticsOverview} element={guarded('statistics.read', <StatisticsDashboardPage />)} />
                  <Route path={paths.statisticsForms} element={guarded('statistics.read', <StatisticsFormsPage />)} />
                  <Route path={paths.statisticsTargets} element={guarded('statistics.close', <StatisticsTargetsPage />)} />
                  <Route path={paths.statisticsClose} element={guarded('statistics.read', <PeriodClosePage />)} />
                  <Route path={paths.mobilisation} element={<Navigate to={paths.mobilisationCases} replace />} />
                  <Route path={paths.mobilisationCases} element={guarded('mobilisation.read', <OpenCasesPage />)} />
                  <Route path={paths.mobilisationTeams} element={guarded('mobilisation.read', <TeamsPage />)} />
                  <Route path={paths.mobilisationResults} element={guarded('mobilisation.read', <ResultsPage />)} />
                  <Route path={paths.campaigns} element={guarded('mobilisation.read', <CampaignsPage />)} />
                  <Route path={`${paths.campaigns}/:id`} element={guarded('mobilisation.read', <CampaignPage />)} />
                  <Route path={paths.steering} element={guarded('steering.read', <SteeringPage />)} />
                  <Route
                    path={paths.emulation}
                    element={guarded(
                      'emulation.read',
                      <AreaPage title="nav.emulation" description="area.emulation.description" />,
                    )}
                  />
                  <Route
                    path={paths.portal}
                    element={guarded('portal.manage', <AreaPage title="nav.portal" description="area.portal.description" />)}
                  />
                  <Route path={paths.users} element={guarded('users.read', <UsersPage />)} />
                  <Route path={paths.units} element={guarded('units.read', <UnitsPage />)} />
                  <Route path={paths.audit} element={guarded('audit.read', <AuditPage />)} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </I18nProvider>
  );
}
