import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { outcomeFixture } from '../../decisions/test-fixtures';
import { applicant, reportsFixture } from '../test-fixtures';
import { ProgressReportsSection } from './progress-reports-card';

type Answer = { status: number; body: unknown };

/** The winner's page with the given programme (or the API's answer), after the given outcome. */
function show(reports: Answer, options: { locale?: string; outcome?: unknown } = {}) {
  const { calls } = mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...applicant, locale: options.locale ?? 'fr' } }),
    'GET /api/applications/app1/outcome': () => json(200, options.outcome ?? outcomeFixture()),
    'GET /api/applications/app1/reports': () => json(reports.status, reports.body),
  });
  const view = renderApp('/suivi', [{ path: '/suivi', element: <ProgressReportsSection applicationId="app1" /> }]);
  return { ...view, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const asked = (calls: Request[], path: string) => calls.some((request) => new URL(request.url).pathname === path);

describe("the winner's progress reports card", { timeout: 20_000 }, () => {
  it('lists the milestones in order with their due date in Morocco’s time, their state in words, and what to do (French)', async () => {
    show({ status: 200, body: reportsFixture() });
    const card = await screen.findByTestId('progress-reports');
    expect(within(card).getByRole('heading', { level: 2, name: "Suivi du programme d'accompagnement" })).toBeInTheDocument();
    expect(within(card).getByTestId('progress-reports-summary')).toHaveTextContent('Un rapport est à envoyer maintenant.');

    const rows = within(card).getAllByTestId('milestone');
    expect(rows.map((row) => row.dataset.milestone)).toEqual(['first_cohort', 'midterm_report', 'final_report']);
    const [cohort, midterm, final] = rows as [HTMLElement, HTMLElement, HTMLElement];

    expect(within(cohort).getByText('Formation de la première cohorte')).toBeInTheDocument();
    expect(within(cohort).getByTestId('milestone-state')).toHaveTextContent('Terminé');
    expect(within(cohort).getByText('Pas de rapport demandé pour cette étape.')).toBeInTheDocument();
    expect(within(cohort).queryByRole('link')).not.toBeInTheDocument();

    expect(within(midterm).getByText(/31 janv\. 2027, 23:59 \(heure du Maroc, UTC\+00:00\)/u)).toBeInTheDocument();
    expect(within(midterm).getByTestId('milestone-state')).toHaveTextContent('À rendre bientôt');
    const resume = within(midterm).getByRole('link', { name: 'Continuer' });
    expect(resume).toHaveAttribute('href', '/portal/applications/app1/reports/midterm_report');
    // Which milestone the button is about, for a screen reader going from button to button.
    expect(resume).toHaveAccessibleDescription('Rapport à mi-parcours');

    expect(within(final).getByTestId('milestone-state')).toHaveTextContent('À venir');
    expect(within(final).getByRole('link', { name: 'Rédiger le rapport' })).toHaveAttribute('href', '/portal/applications/app1/reports/final_report');
  });

  it('offers to amend a report sent back, to read one sent or accepted, and tells when one is late', async () => {
    const base = reportsFixture();
    const [cohort, midterm, final] = base.milestones as [(typeof base.milestones)[number], (typeof base.milestones)[number], (typeof base.milestones)[number]];
    show({
      status: 200,
      body: {
        ...base,
        milestones: [
          cohort,
          { ...midterm, state: 'CHANGES_REQUESTED', status: 'CHANGES_REQUESTED', reviewComment: 'Ajoutez les feuilles de présence.' },
          { ...final, state: 'LATE', status: null },
        ],
      },
    });
    const card = await screen.findByTestId('progress-reports');
    const [, amended, late] = within(card).getAllByTestId('milestone') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(amended).getByTestId('milestone-state')).toHaveTextContent('Modifications demandées');
    expect(within(amended).getByRole('link', { name: 'Modifier' })).toBeInTheDocument();
    expect(within(late).getByTestId('milestone-state')).toHaveTextContent('En retard');
    expect(within(card).getByTestId('progress-reports-summary')).toHaveTextContent('2 rapports sont à envoyer maintenant.');

    const states = within(card).getAllByTestId('milestone-state').map((badge) => badge.dataset.state);
    expect(states).toEqual(['DONE', 'CHANGES_REQUESTED', 'LATE']);
  });

  it('reads a report once sent', async () => {
    const base = reportsFixture();
    show({ status: 200, body: { ...base, milestones: base.milestones.map((entry) => (entry.milestone.reportDue ? { ...entry, state: 'SUBMITTED', status: 'SUBMITTED' } : entry)) } });
    const card = await screen.findByTestId('progress-reports');
    expect(within(card).getAllByRole('link', { name: 'Lire' })).toHaveLength(2);
    expect(within(card).getByTestId('progress-reports-summary')).toHaveTextContent("Aucun rapport à envoyer pour l'instant.");
  });

  it('does not even ask before the decision is published, nor for a project not selected', async () => {
    const { calls } = show({ status: 200, body: reportsFixture() }, { outcome: { published: false, outcome: null, publishedAt: null, message: null, feedback: null } });
    await waitFor(() => expect(asked(calls, '/api/applications/app1/outcome')).toBe(true));
    await settle();
    expect(asked(calls, '/api/applications/app1/reports')).toBe(false);
    expect(screen.queryByTestId('progress-reports')).not.toBeInTheDocument();
  });

  it('shows nothing when the call has no programme (404)', async () => {
    const { calls } = show({ status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'Introuvable', requestId: 'r1' } });
    await waitFor(() => expect(asked(calls, '/api/applications/app1/reports')).toBe(true));
    await settle();
    expect(screen.queryByTestId('progress-reports')).not.toBeInTheDocument();
  });

  it('reads right to left in Arabic', async () => {
    await i18n.changeLanguage('ar');
    show({ status: 200, body: reportsFixture() }, { locale: 'ar' });
    const card = await screen.findByTestId('progress-reports');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(within(card).getByRole('heading', { name: 'تتبّع برنامج المواكبة' })).toBeInTheDocument();
    expect(within(card).getByText('تقرير منتصف المدة')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'متابعة' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'كتابة التقرير' })).toBeInTheDocument();
  });
});
