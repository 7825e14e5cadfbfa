import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { outcomeFixture } from '../test-fixtures';
import { ApplicationOutcome } from './application-outcome';

const applicant = { id: 'u9', email: 'amina@example.ma', displayName: 'Amina Idrissi', locale: 'fr', roles: ['APPLICANT'] };

function show(outcome: unknown, locale = 'fr') {
  const { calls } = mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...applicant, locale } }),
    'GET /api/applications/app1/outcome': () => json(200, outcome),
  });
  const view = renderApp('/outcome', [{ path: '/outcome', element: <ApplicationOutcome applicationId="app1" /> }]);
  return { ...view, calls };
}

describe("the applicant's outcome", { timeout: 20_000 }, () => {
  it('tells a winner warmly, with the personal message and the jury feedback, without any juror name (French)', async () => {
    show(outcomeFixture());
    const card = await screen.findByTestId('application-outcome');
    expect(within(card).getByRole('heading', { name: 'Félicitations, votre projet est lauréat !' })).toBeInTheDocument();
    expect(within(card).getByText(/Le jury a retenu votre projet/u)).toBeInTheDocument();
    expect(within(card).getByText(/^Décision communiquée le/u)).toBeInTheDocument();
    expect(within(card).getByText('Nous avons hâte de vous rencontrer.')).toBeInTheDocument();

    const [impact, viability] = within(card).getAllByTestId('feedback-criterion') as [HTMLElement, HTMLElement];
    expect(within(impact).getByText('Impact social')).toBeInTheDocument();
    expect(within(impact).getByText('3,7 / 5')).toBeInTheDocument();
    expect(within(impact).getByRole('progressbar', { name: 'Impact social : 3,7 sur une échelle de 0 à 5' })).toHaveAttribute('aria-valuenow', '73.32');
    expect(within(viability).getByText('8,0 / 10')).toBeInTheDocument();
    expect(within(viability).getByRole('progressbar')).toHaveAttribute('aria-valuenow', `${(7 / 9) * 100}`);

    const comments = within(card).getByTestId('feedback-comments');
    expect(within(comments).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Modèle économique solide.', 'تأثير واضح على النساء']);
    expect(within(card).getByText('Commentaires partagés par les jurés, sans leur nom.')).toBeInTheDocument();
  });

  it('tells a not-selected applicant respectfully, in Arabic, right to left', async () => {
    await i18n.changeLanguage('ar');
    show(outcomeFixture({ outcome: 'NOT_SELECTED', message: null }), 'ar');
    const card = await screen.findByTestId('application-outcome');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(within(card).getByRole('heading', { name: 'لم يقع الاختيار على مشروعكم' })).toBeInTheDocument();
    expect(within(card).getByText(/نشكركم على الوقت والعناية/u)).toBeInTheDocument();
    expect(within(card).queryByText('رسالة من الفريق')).not.toBeInTheDocument();
    expect(within(card).getByText('الأثر الاجتماعي')).toBeInTheDocument();
    expect(within(card).getByText('3,7 / 5')).toBeInTheDocument();
  });

  it('shows no feedback section when the call does not share it', async () => {
    show(outcomeFixture({ feedback: null }));
    const card = await screen.findByTestId('application-outcome');
    expect(within(card).queryByText('Retour du jury')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('feedback-criterion')).not.toBeInTheDocument();
  });

  it('says nothing about the decision before publication', async () => {
    const { calls } = show({ published: false, outcome: null, publishedAt: null, message: null, feedback: null });
    await waitFor(() => expect(calls.some((request) => request.url.endsWith('/api/applications/app1/outcome'))).toBe(true));
    // Let the answer arrive and render.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('application-outcome')).not.toBeInTheDocument();
    expect(screen.queryByText(/lauréat|retenu/iu)).not.toBeInTheDocument();
  });
});
