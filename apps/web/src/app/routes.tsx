import { useEffect, useReducer, useState, type ComponentType } from 'react';
import { PageLoader } from '../components/page-state';
import type { QueryClient } from '@tanstack/react-query';
import { useRoutes, type Params, type RouteObject } from 'react-router';
import { applicationQuery } from '../features/applications/queries';
import { RequireRole } from '../features/auth/components/require-role';
import { callFormQuery } from '../features/calls/queries';
import { NotFoundPage } from '../features/system/routes/not-found-page';
import { RouteErrorBoundary } from '../features/system/routes/route-error-page';
import { loadNamespaces } from './i18n';
import type { Namespace } from './i18n-resources';
import { AppLayout } from './layout/app-layout';
import { loadMantineArea } from './mantine-area-loader';

/**
 * A page loaded on demand: its code (a chunk of its own, with what only it uses) and its translations
 * in the current language arrive together, before it shows, so it never paints untranslated keys.
 * Visitors of the public site never download the applicant's, the jury's or the back office's code.
 */
function page<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  namespaces: readonly Namespace[] = [],
  area?: 'plain' | 'staff' | 'jury',
  prefetch?: RouteHandle['prefetch'],
): Pick<RouteObject, 'element' | 'handle'> {
  let Loaded: ComponentType | undefined;
  let loading: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (loading ??= Promise.all([
      load(),
      loadNamespaces(namespaces, { allLanguages: area === 'staff' }),
      // The back office's and the jury's extra component styles come with their pages.
      area === 'staff' || area === 'jury' ? import('./styles-staff') : undefined,
      // The public site's pages and the applicant's form are plain; every other page is built with Mantine.
      area === 'plain' ? undefined : loadMantineArea(),
    ]).then(
      ([module]) => {
        Loaded = pick(module);
      },
      (error: unknown) => {
        loading = undefined; // a failed download is tried again on the next visit
        throw error;
      },
    ));
  function Page() {
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [, loaded] = useReducer((count: number) => count + 1, 0);
    useEffect(() => {
      if (!Loaded) preload().then(loaded, (error: unknown) => setFailure({ error }));
    }, []);
    // A page that cannot be downloaded goes to the route's error boundary.
    if (failure) throw failure.error;
    // Already loaded (the start-up loads the first page's before rendering): render at once.
    if (!Loaded) return <PageLoader />;
    return <Loaded />;
  }
  const handle: RouteHandle = { preload, prefetch };
  return { element: <Page />, handle };
}

/** What a route carries for the start-up (and the server) to load before rendering it. */
export interface RouteHandle {
  preload: () => Promise<void>;
  /** Starts fetching the page's data at start-up, while its code downloads (the page reads it from the cache). */
  prefetch?: (params: Params, queryClient: QueryClient) => void;
}

/**
 * Loads the code and translations of every route matched by a URL, so the first render has them all;
 * with a query client, also starts fetching their data meanwhile.
 */
export async function preloadRoutes(matches: ReadonlyArray<{ route: RouteObject; params: Params }>, queryClient?: QueryClient): Promise<void> {
  if (queryClient) for (const { route, params } of matches) (route.handle as RouteHandle | undefined)?.prefetch?.(params, queryClient);
  await Promise.all(matches.map(({ route }) => (route.handle as RouteHandle | undefined)?.preload()));
}

/** An application and its call's form, fetched together with the form's code (they are its first paint). */
function prefetchApplication({ id }: Params, queryClient: QueryClient): void {
  if (!id) return;
  void queryClient
    .fetchQuery(applicationQuery(id))
    .then((application) => queryClient.prefetchQuery(callFormQuery(application.callId)))
    .catch(() => undefined); // the page shows the error when it asks again
}

const STAFF: readonly Namespace[] = ['admin', 'callAdmin', 'callHome', 'screening', 'rounds', 'results', 'decisions', 'programme', 'audit', 'ballot', 'auth'];

/** Every page of the app, under one layout (header, language switcher, footer). */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        element: <RouteErrorBoundary />,
        children: [
          { index: true, ...page(() => import('../features/public/routes/home-page'), (m) => m.HomePage, ['public'], 'plain') },
          { path: 'login', ...page(() => import('../features/auth/routes/login-page'), (m) => m.LoginPage, ['auth']) },
          { path: 'register', ...page(() => import('../features/auth/routes/register-page'), (m) => m.RegisterPage, ['auth']) },
          { path: 'forgot-password', ...page(() => import('../features/auth/routes/forgot-password-page'), (m) => m.ForgotPasswordPage, ['auth']) },
          { path: 'reset-password', ...page(() => import('../features/auth/routes/reset-password-page'), (m) => m.ResetPasswordPage, ['auth']) },
          {
            path: 'invitations/:token',
            ...page(() => import('../features/invitations/routes/accept-invitation-page'), (m) => m.AcceptInvitationPage, ['auth', 'admin'], 'jury'),
          },
          {
            path: 'portal',
            element: <RequireRole area="portal" />,
            children: [
              { index: true, ...page(() => import('../features/portal/routes/portal-page'), (m) => m.PortalPage, ['portal', 'applications', 'decisions']) },
              { path: 'applications/:id', ...page(() => import('../features/applications/routes/application-page'), (m) => m.ApplicationPage, ['applications'], 'plain', prefetchApplication) },
              {
                path: 'applications/:id/submitted',
                ...page(() => import('../features/applications/routes/application-submitted-page'), (m) => m.ApplicationSubmittedPage, ['applications']),
              },
              {
                path: 'applications/:id/reports/:milestoneKey',
                ...page(() => import('../features/reports/routes/report-page'), (m) => m.ReportPage, ['reports', 'applications']),
              },
            ],
          },
          { path: 'calls', ...page(() => import('../features/calls/routes/calls-page'), (m) => m.CallsPage, [], 'plain') },
          { path: 'calls/:slug', ...page(() => import('../features/calls/routes/call-page'), (m) => m.CallPage, ['applications'], 'plain') },
          { path: 'calls/:slug/results', ...page(() => import('../features/calls/routes/call-results-page'), (m) => m.CallResultsPage, [], 'plain') },
          {
            path: 'jury',
            element: <RequireRole area="jury" />,
            children: [
              { index: true, ...page(() => import('../features/jury/routes/jury-page'), (m) => m.JuryPage, ['jury', 'ballot'], 'jury') },
              { path: 'assignments/:id', ...page(() => import('../features/jury/routes/assignment-page'), (m) => m.JuryAssignmentPage, ['jury', 'applications'], 'jury') },
              { path: 'rounds/:roundId/ranking', ...page(() => import('../features/jury/routes/ranking-page'), (m) => m.JuryRankingPage, ['jury'], 'jury') },
              { path: 'rounds/:roundId/bidding', ...page(() => import('../features/jury/routes/bidding-page'), (m) => m.JuryBiddingPage, ['jury'], 'jury') },
              { path: 'ballots/:roundId', ...page(() => import('../features/ballot/routes/ballot-page'), (m) => m.BallotPage, ['ballot', 'jury'], 'jury') },
            ],
          },
          {
            path: 'admin',
            element: <RequireRole area="admin" />,
            children: [
              {
                ...page(() => import('../features/admin/components/admin-layout'), (m) => m.AdminLayout, ['admin'], 'staff'),
                children: [
                  { index: true, ...page(() => import('../features/admin/routes/admin-dashboard-page'), (m) => m.AdminDashboardPage, STAFF, 'staff') },
                  { path: 'calls', ...page(() => import('../features/call-admin/routes/calls-page'), (m) => m.AdminCallsPage, STAFF, 'staff') },
                  { path: 'calls/new', ...page(() => import('../features/call-admin/routes/call-editor-page'), (m) => m.NewCallPage, STAFF, 'staff') },
                  { path: 'calls/:id', ...page(() => import('../features/call-admin/routes/call-home-page'), (m) => m.CallHomePage, STAFF, 'staff') },
                  { path: 'calls/:id/settings', ...page(() => import('../features/call-admin/routes/call-editor-page'), (m) => m.EditCallPage, STAFF, 'staff') },
                  { path: 'calls/:id/form', ...page(() => import('../features/call-admin/routes/form-builder-page'), (m) => m.FormBuilderPage, [...STAFF, 'applications'], 'staff') },
                  { path: 'calls/:id/applications', ...page(() => import('../features/screening/routes/call-applications-page'), (m) => m.CallApplicationsPage, STAFF, 'staff') },
                  { path: 'applications/:id', ...page(() => import('../features/screening/routes/application-page'), (m) => m.StaffApplicationPage, [...STAFF, 'applications'], 'staff') },
                  { path: 'calls/:id/rounds', ...page(() => import('../features/rounds/routes/call-rounds-page'), (m) => m.CallRoundsPage, STAFF, 'staff') },
                  { path: 'rounds/:id', ...page(() => import('../features/rounds/routes/round-page'), (m) => m.RoundPage, STAFF, 'staff') },
                  { path: 'rounds/:id/ranking', ...page(() => import('../features/results/routes/ranking-page'), (m) => m.RankingPage, STAFF, 'staff') },
                  { path: 'calls/:id/decisions', ...page(() => import('../features/decisions/routes/decisions-page'), (m) => m.DecisionsPage, STAFF, 'staff') },
                  { path: 'calls/:id/decisions/templates', ...page(() => import('../features/decisions/routes/decision-templates-page'), (m) => m.DecisionTemplatesPage, STAFF, 'staff') },
                  { path: 'calls/:id/announcement', ...page(() => import('../features/decisions/routes/announcement-page'), (m) => m.AnnouncementPage, STAFF, 'staff') },
                  { path: 'calls/:id/programme', ...page(() => import('../features/programme/routes/programme-page'), (m) => m.ProgrammePage, STAFF, 'staff') },
                  { path: 'calls/:id/programme/report-form', ...page(() => import('../features/follow-up/routes/report-form-page'), (m) => m.ReportFormPage, [...STAFF, 'followUp', 'applications'], 'staff') },
                  { path: 'calls/:id/follow-up', ...page(() => import('../features/follow-up/routes/follow-up-page'), (m) => m.FollowUpPage, [...STAFF, 'followUp'], 'staff') },
                  { path: 'applications/:id/reports/:milestoneKey', ...page(() => import('../features/follow-up/routes/report-review-page'), (m) => m.ReportReviewPage, [...STAFF, 'followUp', 'applications'], 'staff') },
                  { path: 'rounds/:id/ballot', ...page(() => import('../features/ballot/routes/ballot-result-page'), (m) => m.BallotResultPage, STAFF, 'staff') },
                  { path: 'invitations', ...page(() => import('../features/invitations/routes/admin-invitations-page'), (m) => m.AdminInvitationsPage, STAFF, 'staff') },
                  { path: 'emails', ...page(() => import('../features/emails/routes/admin-emails-page'), (m) => m.AdminEmailsPage, STAFF, 'staff') },
                  { path: 'audit', ...page(() => import('../features/audit/routes/audit-page'), (m) => m.AuditPage, STAFF, 'staff') },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The page for the current address, within the app's layout. */
export function AppRoutes() {
  return useRoutes(routes);
}
