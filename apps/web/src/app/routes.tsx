import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../features/auth/components/require-role';
import { NotFoundPage } from '../features/system/routes/not-found-page';
import { RouteErrorPage } from '../features/system/routes/route-error-page';
import { loadNamespaces } from './i18n';
import type { Namespace } from './i18n-resources';
import { AppLayout } from './layout/app-layout';

/**
 * A page loaded on demand: its code (a chunk of its own, with what only it uses) and its translations
 * in the current language arrive together, before it shows, so it never paints untranslated keys.
 * Visitors of the public site never download the applicant's, the jury's or the back office's code.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, namespaces: readonly Namespace[] = [], area?: 'staff' | 'jury'): RouteObject['lazy'] {
  return async () => {
    const [module] = await Promise.all([
      load(),
      loadNamespaces(namespaces, { allLanguages: area === 'staff' }),
      // The back office's and the jury's extra component styles come with their pages.
      area ? import('./styles-staff') : undefined,
    ]);
    return { Component: pick(module) };
  };
}

const STAFF: readonly Namespace[] = ['admin', 'callAdmin', 'callHome', 'screening', 'rounds', 'results', 'decisions', 'audit', 'ballot', 'auth'];

/** Every page of the app, under one layout (header, language switcher, footer). */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, lazy: page(() => import('../features/public/routes/home-page'), (m) => m.HomePage, ['public']) },
          { path: 'login', lazy: page(() => import('../features/auth/routes/login-page'), (m) => m.LoginPage, ['auth']) },
          { path: 'register', lazy: page(() => import('../features/auth/routes/register-page'), (m) => m.RegisterPage, ['auth']) },
          { path: 'forgot-password', lazy: page(() => import('../features/auth/routes/forgot-password-page'), (m) => m.ForgotPasswordPage, ['auth']) },
          { path: 'reset-password', lazy: page(() => import('../features/auth/routes/reset-password-page'), (m) => m.ResetPasswordPage, ['auth']) },
          {
            path: 'invitations/:token',
            lazy: page(() => import('../features/invitations/routes/accept-invitation-page'), (m) => m.AcceptInvitationPage, ['auth', 'admin'], 'jury'),
          },
          {
            path: 'portal',
            element: <RequireRole area="portal" />,
            children: [
              { index: true, lazy: page(() => import('../features/portal/routes/portal-page'), (m) => m.PortalPage, ['portal', 'applications', 'decisions']) },
              { path: 'applications/:id', lazy: page(() => import('../features/applications/routes/application-page'), (m) => m.ApplicationPage, ['applications']) },
              {
                path: 'applications/:id/submitted',
                lazy: page(() => import('../features/applications/routes/application-submitted-page'), (m) => m.ApplicationSubmittedPage, ['applications']),
              },
            ],
          },
          { path: 'calls', lazy: page(() => import('../features/calls/routes/calls-page'), (m) => m.CallsPage) },
          { path: 'calls/:slug', lazy: page(() => import('../features/calls/routes/call-page'), (m) => m.CallPage, ['applications']) },
          {
            path: 'jury',
            element: <RequireRole area="jury" />,
            children: [
              { index: true, lazy: page(() => import('../features/jury/routes/jury-page'), (m) => m.JuryPage, ['jury', 'ballot'], 'jury') },
              { path: 'assignments/:id', lazy: page(() => import('../features/jury/routes/assignment-page'), (m) => m.JuryAssignmentPage, ['jury', 'applications'], 'jury') },
              { path: 'rounds/:roundId/ranking', lazy: page(() => import('../features/jury/routes/ranking-page'), (m) => m.JuryRankingPage, ['jury'], 'jury') },
              { path: 'ballots/:roundId', lazy: page(() => import('../features/ballot/routes/ballot-page'), (m) => m.BallotPage, ['ballot', 'jury'], 'jury') },
            ],
          },
          {
            path: 'admin',
            element: <RequireRole area="admin" />,
            children: [
              {
                lazy: page(() => import('../features/admin/components/admin-layout'), (m) => m.AdminLayout, ['admin'], 'staff'),
                children: [
                  { index: true, lazy: page(() => import('../features/admin/routes/admin-dashboard-page'), (m) => m.AdminDashboardPage, STAFF, 'staff') },
                  { path: 'calls', lazy: page(() => import('../features/call-admin/routes/calls-page'), (m) => m.AdminCallsPage, STAFF, 'staff') },
                  { path: 'calls/new', lazy: page(() => import('../features/call-admin/routes/call-editor-page'), (m) => m.NewCallPage, STAFF, 'staff') },
                  { path: 'calls/:id', lazy: page(() => import('../features/call-admin/routes/call-home-page'), (m) => m.CallHomePage, STAFF, 'staff') },
                  { path: 'calls/:id/settings', lazy: page(() => import('../features/call-admin/routes/call-editor-page'), (m) => m.EditCallPage, STAFF, 'staff') },
                  { path: 'calls/:id/form', lazy: page(() => import('../features/call-admin/routes/form-builder-page'), (m) => m.FormBuilderPage, [...STAFF, 'applications'], 'staff') },
                  { path: 'calls/:id/applications', lazy: page(() => import('../features/screening/routes/call-applications-page'), (m) => m.CallApplicationsPage, STAFF, 'staff') },
                  { path: 'applications/:id', lazy: page(() => import('../features/screening/routes/application-page'), (m) => m.StaffApplicationPage, [...STAFF, 'applications'], 'staff') },
                  { path: 'calls/:id/rounds', lazy: page(() => import('../features/rounds/routes/call-rounds-page'), (m) => m.CallRoundsPage, STAFF, 'staff') },
                  { path: 'rounds/:id', lazy: page(() => import('../features/rounds/routes/round-page'), (m) => m.RoundPage, STAFF, 'staff') },
                  { path: 'rounds/:id/ranking', lazy: page(() => import('../features/results/routes/ranking-page'), (m) => m.RankingPage, STAFF, 'staff') },
                  { path: 'calls/:id/decisions', lazy: page(() => import('../features/decisions/routes/decisions-page'), (m) => m.DecisionsPage, STAFF, 'staff') },
                  { path: 'calls/:id/decisions/templates', lazy: page(() => import('../features/decisions/routes/decision-templates-page'), (m) => m.DecisionTemplatesPage, STAFF, 'staff') },
                  { path: 'rounds/:id/ballot', lazy: page(() => import('../features/ballot/routes/ballot-result-page'), (m) => m.BallotResultPage, STAFF, 'staff') },
                  { path: 'invitations', lazy: page(() => import('../features/invitations/routes/admin-invitations-page'), (m) => m.AdminInvitationsPage, STAFF, 'staff') },
                  { path: 'emails', lazy: page(() => import('../features/emails/routes/admin-emails-page'), (m) => m.AdminEmailsPage, STAFF, 'staff') },
                  { path: 'audit', lazy: page(() => import('../features/audit/routes/audit-page'), (m) => m.AuditPage, STAFF, 'staff') },
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
