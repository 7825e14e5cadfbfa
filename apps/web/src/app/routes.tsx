import type { RouteObject } from 'react-router';
import { AdminLayout } from '../features/admin/components/admin-layout';
import { AdminDashboardPage } from '../features/admin/routes/admin-dashboard-page';
import { EditCallPage, NewCallPage } from '../features/call-admin/routes/call-editor-page';
import { AdminCallsPage } from '../features/call-admin/routes/calls-page';
import { CallHomePage } from '../features/call-admin/routes/call-home-page';
import { FormBuilderPage } from '../features/call-admin/routes/form-builder-page';
import { StaffApplicationPage } from '../features/screening/routes/application-page';
import { CallApplicationsPage } from '../features/screening/routes/call-applications-page';
import { ApplicationPage } from '../features/applications/routes/application-page';
import { ApplicationSubmittedPage } from '../features/applications/routes/application-submitted-page';
import { RequireRole } from '../features/auth/components/require-role';
import { ForgotPasswordPage } from '../features/auth/routes/forgot-password-page';
import { LoginPage } from '../features/auth/routes/login-page';
import { RegisterPage } from '../features/auth/routes/register-page';
import { ResetPasswordPage } from '../features/auth/routes/reset-password-page';
import { CallPage } from '../features/calls/routes/call-page';
import { CallsPage } from '../features/calls/routes/calls-page';
import { AuditPage } from '../features/audit/routes/audit-page';
import { BallotPage } from '../features/ballot/routes/ballot-page';
import { BallotResultPage } from '../features/ballot/routes/ballot-result-page';
import { AdminEmailsPage } from '../features/emails/routes/admin-emails-page';
import { AcceptInvitationPage } from '../features/invitations/routes/accept-invitation-page';
import { AdminInvitationsPage } from '../features/invitations/routes/admin-invitations-page';
import { JuryAssignmentPage } from '../features/jury/routes/assignment-page';
import { JuryPage } from '../features/jury/routes/jury-page';
import { JuryRankingPage } from '../features/jury/routes/ranking-page';
import { PortalPage } from '../features/portal/routes/portal-page';
import { CallRoundsPage } from '../features/rounds/routes/call-rounds-page';
import { RoundPage } from '../features/rounds/routes/round-page';
import { RankingPage } from '../features/results/routes/ranking-page';
import { DecisionsPage } from '../features/decisions/routes/decisions-page';
import { DecisionTemplatesPage } from '../features/decisions/routes/decision-templates-page';
import { HomePage } from '../features/public/routes/home-page';
import { NotFoundPage } from '../features/system/routes/not-found-page';
import { RouteErrorPage } from '../features/system/routes/route-error-page';
import { AppLayout } from './layout/app-layout';

/** Every page of the app, under one layout (header, language switcher, footer). */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'invitations/:token', element: <AcceptInvitationPage /> },
          {
            path: 'portal',
            element: <RequireRole area="portal" />,
            children: [
              { index: true, element: <PortalPage /> },
              { path: 'applications/:id', element: <ApplicationPage /> },
              { path: 'applications/:id/submitted', element: <ApplicationSubmittedPage /> },
            ],
          },
          { path: 'calls', element: <CallsPage /> },
          { path: 'calls/:slug', element: <CallPage /> },
          {
            path: 'jury',
            element: <RequireRole area="jury" />,
            children: [
              { index: true, element: <JuryPage /> },
              { path: 'assignments/:id', element: <JuryAssignmentPage /> },
              { path: 'rounds/:roundId/ranking', element: <JuryRankingPage /> },
              { path: 'ballots/:roundId', element: <BallotPage /> },
            ],
          },
          {
            path: 'admin',
            element: <RequireRole area="admin" />,
            children: [
              {
                element: <AdminLayout />,
                children: [
                  { index: true, element: <AdminDashboardPage /> },
                  { path: 'calls', element: <AdminCallsPage /> },
                  { path: 'calls/new', element: <NewCallPage /> },
                  { path: 'calls/:id', element: <CallHomePage /> },
                  { path: 'calls/:id/settings', element: <EditCallPage /> },
                  { path: 'calls/:id/form', element: <FormBuilderPage /> },
                  { path: 'calls/:id/applications', element: <CallApplicationsPage /> },
                  { path: 'applications/:id', element: <StaffApplicationPage /> },
                  { path: 'calls/:id/rounds', element: <CallRoundsPage /> },
                  { path: 'rounds/:id', element: <RoundPage /> },
                  { path: 'rounds/:id/ranking', element: <RankingPage /> },
                  { path: 'calls/:id/decisions', element: <DecisionsPage /> },
                  { path: 'calls/:id/decisions/templates', element: <DecisionTemplatesPage /> },
                  { path: 'rounds/:id/ballot', element: <BallotResultPage /> },
                  { path: 'invitations', element: <AdminInvitationsPage /> },
                  { path: 'emails', element: <AdminEmailsPage /> },
                  { path: 'audit', element: <AuditPage /> },
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
