import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppError } from '../../core/errors/app-error.ts';
import type { TSessionInfo } from './api/types.ts';
import { ErrorAlert } from './components/alert.tsx';
import { Button } from './components/button.tsx';
import { AppLayout, PublicLayout } from './components/layout.tsx';
import { usePageTitle } from './components/page.tsx';
import { PageErrorBoundary } from './components/page-error-boundary.tsx';
import { PasswordChangeRequiredPage } from './features/account/password-change-required-page.tsx';
import { ActiveOrgProvider } from './features/session/active-org.tsx';
import { sessionKeys, useSession, useSetupStatus, wasSignedOutByUser } from './features/session/queries.ts';
import { matchPath, Redirect, usePath } from './router.tsx';
import { AccountPage } from './routes/account-page.tsx';
import { AuditPage } from './routes/audit-page.tsx';
import { HomePage } from './routes/home-page.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { MembersPage } from './routes/members-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { OrganisationsPage } from './routes/organisations-page.tsx';
import { SetupPage } from './routes/setup-page.tsx';

// The NRM pages load on first use: they bring the shared domain rules (and zod) along, which
// the sign-in and administration pages do not need on a slow phone connection.
const CasesPage = lazy(() => import('./routes/cases-page.tsx').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./routes/case-page.tsx').then((m) => ({ default: m.CasePage })));
const IntakePage = lazy(() => import('./routes/intake-page.tsx').then((m) => ({ default: m.IntakePage })));
const DeadlinesPage = lazy(() => import('./routes/deadlines-page.tsx').then((m) => ({ default: m.DeadlinesPage })));
// The criminal-justice pages, likewise on first use (with their own `justice` strings).
const InvestigationsPage = lazy(() => import('./routes/investigations-page.tsx').then((m) => ({ default: m.InvestigationsPage })));
const NewInvestigationPage = lazy(() => import('./routes/investigations-page.tsx').then((m) => ({ default: m.NewInvestigationPage })));
const InvestigationPage = lazy(() => import('./routes/investigation-page.tsx').then((m) => ({ default: m.InvestigationPage })));
const JusticeFunnelPage = lazy(() => import('./routes/justice-funnel-page.tsx').then((m) => ({ default: m.JusticeFunnelPage })));
// Statistics bring ECharts (bars, lines, SVG renderer) and the `stats` strings; NRM settings the shared profile schema.
const StatsPage = lazy(() => import('./routes/stats-page.tsx').then((m) => ({ default: m.StatsPage })));
// Statistical releases (prepare, approve, download) share the `stats` strings.
const ReleasesPage = lazy(() => import('./features/stats/releases-page.tsx').then((m) => ({ default: m.ReleasesPage })));
const ReleasePage = lazy(() => import('./features/stats/releases-page.tsx').then((m) => ({ default: m.ReleasePage })));
const NrmSettingsPage = lazy(() => import('./routes/nrm-settings-page.tsx').then((m) => ({ default: m.NrmSettingsPage })));
// Population denominators (platform administrators import; statistics readers browse).
const PopulationsPage = lazy(() => import('./features/populations/populations-page.tsx').then((m) => ({ default: m.PopulationsPage })));
// Protect and assist: the service directory and the service-referral inboxes (with the `protection` strings).
const ServicesPage = lazy(() => import('./routes/protection-services-page.tsx').then((m) => ({ default: m.ServicesPage })));
const ServicePage = lazy(() => import('./routes/protection-services-page.tsx').then((m) => ({ default: m.ServicePage })));
const ReferralsInboxPage = lazy(() => import('./routes/protection-referrals-page.tsx').then((m) => ({ default: m.ReferralsInboxPage })));
const ReferralPage = lazy(() => import('./routes/protection-referrals-page.tsx').then((m) => ({ default: m.ReferralPage })));
const DuplicatesPage = lazy(() => import('./features/linkage/duplicates-page.tsx').then((m) => ({ default: m.DuplicatesPage })));
const LinkageProjectsPage = lazy(() => import('./features/linkage-projects/projects-page.tsx').then((m) => ({ default: m.LinkageProjectsPage })));
const LinkageProjectPage = lazy(() => import('./features/linkage-projects/project-page.tsx').then((m) => ({ default: m.LinkageProjectPage })));
// Case transfers between organisations (their strings are in `protection` too) and the user's notifications.
const TransfersPage = lazy(() => import('./routes/case-transfers-page.tsx').then((m) => ({ default: m.TransfersPage })));
const TransferPage = lazy(() => import('./routes/case-transfers-page.tsx').then((m) => ({ default: m.TransferPage })));
const SecuritySettingsPage = lazy(() => import('./features/security/security-settings-page.tsx').then((m) => ({ default: m.SecuritySettingsPage })));
const NotificationsPage = lazy(() => import('./routes/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })));
// Monitoring and evaluation: programmes, indicators and progress reports (with the `programmes` strings).
const ProgrammesPage = lazy(() => import('./features/programmes/programmes-list.tsx').then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import('./features/programmes/programme-page.tsx').then((m) => ({ default: m.ProgrammePage })));
const ProgressReportPage = lazy(() => import('./features/programmes/progress-report-page.tsx').then((m) => ({ default: m.ProgressReportPage })));

/** Signed-in pages by path. */
const ROUTES: Record<string, () => ReactNode> = {
  '/': () => <HomePage />,
  '/members': () => <MembersPage />,
  '/organisations': () => <OrganisationsPage />,
  '/audit': () => <AuditPage />,
  '/account': () => <AccountPage />,
  '/cases': () => <CasesPage />,
  '/cases/new': () => <IntakePage />,
  '/deadlines': () => <DeadlinesPage />,
  '/investigations': () => <InvestigationsPage />,
  '/investigations/new': () => <NewInvestigationPage />,
  '/justice/funnel': () => <JusticeFunnelPage />,
  '/statistics': () => <StatsPage />,
  '/statistics/releases': () => <ReleasesPage />,
  '/settings/nrm': () => <NrmSettingsPage />,
  '/settings/security': () => <SecuritySettingsPage />,
  '/settings/populations': () => <PopulationsPage />,
  '/services': () => <ServicesPage />,
  '/service-referrals': () => <ReferralsInboxPage />,
  '/duplicates': () => <DuplicatesPage />,
  '/linkage-projects': () => <LinkageProjectsPage />,
  '/case-transfers': () => <TransfersPage />,
  '/notifications': () => <NotificationsPage />,
  '/programmes': () => <ProgrammesPage />,
};

/** Signed-in pages with parameters, tried in order after the exact paths above. */
const PARAM_ROUTES: [pattern: string, render: (params: Record<string, string>) => ReactNode][] = [
  ['/cases/:caseId', (params) => <CasePage caseId={params.caseId ?? ''} />],
  ['/statistics/releases/:releaseId', (params) => <ReleasePage releaseId={params.releaseId ?? ''} />],
  ['/investigations/:investigationId', (params) => <InvestigationPage investigationId={params.investigationId ?? ''} />],
  ['/services/:serviceId', (params) => <ServicePage serviceId={params.serviceId ?? ''} />],
  ['/service-referrals/:referralId', (params) => <ReferralPage referralId={params.referralId ?? ''} />],
  ['/case-transfers/:transferId', (params) => <TransferPage transferId={params.transferId ?? ''} />],
  ['/programmes/:programmeId', (params) => <ProgrammePage programmeId={params.programmeId ?? ''} />],
  ['/linkage-projects/:projectId', (params) => <LinkageProjectPage projectId={params.projectId ?? ''} />],
  ['/programmes/:programmeId/reports/:period', (params) => <ProgressReportPage programmeId={params.programmeId ?? ''} period={params.period ?? ''} />],
];

function renderRoute(path: string): ReactNode {
  const exact = ROUTES[path];
  if (exact) return exact();
  for (const [pattern, render] of PARAM_ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return render(params);
  }
  return <NotFoundPage />;
}

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers will not change by asking again; only retry what may be transient.
        retry: (failureCount, error) => failureCount < 2 && !(isAppError(error) && error.httpStatus < 500),
        refetchOnWindowFocus: true,
      },
    },
    // A 401 anywhere else means the session ended (expiry, logout in another tab): re-check it,
    // and the guard below shows the login page if it is really gone.
    queryCache: new QueryCache({ onError: (error, query) => recheckSession(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => recheckSession(error, mutation.options.mutationKey ?? []) }),
  });

  function recheckSession(error: unknown, key: readonly unknown[]) {
    if (!isAppError(error)) return;
    // A rejected CSRF token means the session changed under us: fetching it again brings the new token.
    const sessionChanged = error.code === 'UNAUTHENTICATED' || error.details.reason === 'CSRF_TOKEN_INVALID';
    if (!sessionChanged) return;
    if (key[0] === sessionKeys.session[0]) return;
    void client.invalidateQueries({ queryKey: sessionKeys.session });
  }
  return client;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}

/**
 * Decides what the user may see: first-run setup until the platform is set up, the login page
 * while signed out, and the signed-in pages otherwise. Everything else is decided by the server.
 */
function Shell() {
  const path = usePath();
  const setup = useSetupStatus();
  const session = useSession();

  if (setup.isPending || session.isPending) return <Loading />;
  // Only a first load that failed: a failed background re-read keeps what is on screen (a form
  // half filled, recovery codes shown once) rather than replacing the whole app with an error.
  if (setup.data === undefined || session.data === undefined) {
    return <LoadFailed error={setup.error ?? session.error} onRetry={() => void (setup.isError ? setup.refetch() : session.refetch())} />;
  }

  if (setup.data.needsSetup) {
    if (path !== '/setup') return <Redirect to="/setup" />;
    return (
      <PublicLayout>
        <SetupPage />
      </PublicLayout>
    );
  }

  if (!session.data) {
    if (path !== '/login') return <Redirect to={loginPathFor(path)} />;
    return (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    );
  }

  if (path === '/login' || path === '/setup') return <Redirect to="/" />;
  return <SignedIn session={session.data} path={path} />;
}

function SignedIn({ session, path }: { session: TSessionInfo; path: string }) {
  if (session.passwordChangeRequired) {
    return (
      <PublicLayout>
        <PasswordChangeRequiredPage />
      </PublicLayout>
    );
  }
  return (
    <ActiveOrgProvider session={session}>
      {/* Keyed by path so each page mounts fresh (its heading takes focus, its forms reset). */}
      <AppLayout key={path}>
        <PageErrorBoundary>
          <Suspense fallback={<PageLoading />}>{renderRoute(path)}</Suspense>
        </PageErrorBoundary>
      </AppLayout>
    </ActiveOrgProvider>
  );
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="splash" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Sends a signed-out visitor to the login page, returning to where they were afterwards. */
function loginPathFor(path: string): string {
  if (wasSignedOutByUser() || path === '/' || path === '/setup') return '/login';
  return `/login?next=${encodeURIComponent(path + window.location.search)}`;
}

function Loading() {
  const { t } = useTranslation();
  usePageTitle(t('app.loading'));
  return (
    <p className="splash" role="status">
      {t('app.loading')}
    </p>
  );
}

function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('errors.title'));
  return (
    <PublicLayout>
      <h1 className="page-title">{t('errors.title')}</h1>
      <p>{t('app.loadFailed')}</p>
      <ErrorAlert error={error} />
      <Button onClick={onRetry}>{t('app.retry')}</Button>
    </PublicLayout>
  );
}
