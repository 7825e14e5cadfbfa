import type { TProgressReport } from '@tahkim/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { applicant, EVIDENCE_ID, reportFixture } from '../test-fixtures';

// jsdom's CSS has no `supports`: the long-text box asks whether the browser sizes it to its text.
if (typeof CSS.supports !== 'function') Object.defineProperty(CSS, 'supports', { value: () => true, configurable: true });

const PATH = '/api/applications/app1/reports/midterm_report';
const URL_OF_PAGE = '/portal/applications/app1/reports/midterm_report';

type Answer = { status: number; body: unknown };
type Sent = { method: string; path: string; body: unknown };

/**
 * The report page with the given report. Saves answer the report as saved (one version more) unless the
 * test says otherwise; submitting answers it as sent.
 */
function show(report: TProgressReport, options: { locale?: string; save?: (body: unknown, count: number) => Answer | undefined; submit?: (body: unknown) => Answer | undefined } = {}) {
  const sent: Sent[] = [];
  let current = report;
  let saves = 0;
  const record = async (request: Request) => {
    const body: unknown = await request.json();
    sent.push({ method: request.method, path: new URL(request.url).pathname, body });
    return body;
  };
  mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...applicant, locale: options.locale ?? 'fr' } }),
    [`GET ${PATH}`]: () => json(200, current),
    [`PUT ${PATH}`]: async (request) => {
      const body = (await record(request)) as { version: number; answers: Record<string, unknown>; indicatorValues: Record<string, number | null> };
      saves += 1;
      const answer = options.save?.(body, saves);
      if (answer) return json(answer.status, answer.body);
      current = { ...current, version: body.version + 1, answers: body.answers, indicatorValues: body.indicatorValues };
      return json(200, current);
    },
    [`POST ${PATH}/submit`]: async (request) => {
      const body = await record(request);
      const answer = options.submit?.(body);
      if (answer) return json(answer.status, answer.body);
      current = {
        ...current,
        status: 'SUBMITTED',
        state: 'SUBMITTED',
        editable: false,
        version: current.version + 1,
        submittedAt: '2027-01-28T14:05:00.000Z',
        history: [{ action: 'submitted', at: '2027-01-28T14:05:00.000Z', comment: null }],
      };
      return json(200, current);
    },
  });
  const view = renderApp(URL_OF_PAGE);
  return { ...view, sent };
}

const saves = (sent: Sent[]) => sent.filter((request) => request.method === 'PUT');

describe("a milestone's progress report, as the supported project writes it", { timeout: 30_000 }, () => {
  it('shows the milestone, its due date, the report form and one number per indicator (French)', async () => {
    show(reportFixture());
    expect(await screen.findByRole('heading', { level: 1, name: 'Rapport à mi-parcours' })).toBeInTheDocument();
    expect(screen.getByText(/31 janv\. 2027, 23:59 \(heure du Maroc, UTC\+00:00\)/u)).toBeInTheDocument();
    expect(screen.getByTestId('milestone-state')).toHaveTextContent('À rendre bientôt');
    expect(screen.getByText('Traiteur solidaire de Tanger')).toBeInTheDocument();
    expect(screen.queryByTestId('report-late')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Retour à ma candidature' })).toHaveAttribute('href', '/portal/applications/app1');

    const form = screen.getByRole('form', { name: "Rapport d'étape" });
    expect(within(form).getByRole('heading', { level: 2, name: "Rapport d'étape" })).toBeInTheDocument();
    expect(within(form).getByLabelText(/Qu’avez-vous réalisé pendant cette période/u)).toBeRequired();
    expect(within(form).getByLabelText(/Quelles difficultés avez-vous rencontrées/u)).not.toBeRequired();
    expect(within(form).getByRole('group', { name: /Pièces justificatives/u })).toBeInTheDocument();

    const indicators = within(form).getByRole('group', { name: 'Indicateurs pour cette période' });
    const women = within(indicators).getByLabelText('Femmes formées (femmes)');
    expect(women).toHaveValue('');
    expect(women).toHaveAccessibleDescription(/Objectif à la fin du programme : 40 femmes\./u);
    expect(women).toHaveAccessibleDescription(/pendant cette période seulement/u);
    expect(within(indicators).getByLabelText('Chiffre d’affaires mensuel (MAD)')).toHaveAccessibleDescription('Indiquez la valeur à la fin de cette période.');

    expect(screen.getByRole('status')).toHaveTextContent('Vos réponses sont enregistrées automatiquement.');
    expect(screen.getByRole('button', { name: 'Envoyer le rapport' })).toBeEnabled();
  });

  it('saves by itself, sending the version with the answers and every indicator’s value (null when empty)', async () => {
    const { sent } = show(reportFixture());
    const achievements = await screen.findByLabelText(/Qu’avez-vous réalisé/u);
    fireEvent.change(achievements, { target: { value: 'Deux ateliers de cuisine.' } });
    fireEvent.change(screen.getByLabelText('Femmes formées (femmes)'), { target: { value: '12' } });

    await waitFor(() => expect(saves(sent)).toHaveLength(1), { timeout: 6000 });
    expect(saves(sent)[0]).toEqual({
      method: 'PUT',
      path: PATH,
      body: {
        version: 0,
        answers: { achievements: 'Deux ateliers de cuisine.', difficulties: '' },
        indicatorValues: { women_trained: 12, monthly_revenue: null },
      },
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Enregistré à \d\d:\d\d/u));

    // The next save is based on the version the API answered.
    fireEvent.change(screen.getByLabelText('Femmes formées (femmes)'), { target: { value: '' } });
    await waitFor(() => expect(saves(sent)).toHaveLength(2), { timeout: 6000 });
    expect(saves(sent)[1]!.body).toMatchObject({ version: 1, indicatorValues: { women_trained: null, monthly_revenue: null } });
  });

  it('asks for the required answers before sending, then sends and turns read-only', async () => {
    const { sent } = show(reportFixture({ version: 3, answers: { achievements: '' }, indicatorValues: { women_trained: 8, monthly_revenue: null } }));
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer le rapport' }));
    expect(await screen.findByTestId('report-submit-error')).toHaveTextContent('Certaines réponses manquent ou sont à corriger');
    const achievements = screen.getByLabelText(/Qu’avez-vous réalisé/u);
    expect(achievements).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);

    fireEvent.change(achievements, { target: { value: 'Deux ateliers de cuisine.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le rapport' }));
    await waitFor(() => expect(sent.map((request) => request.method)).toEqual(['PUT', 'POST']));
    expect(sent[1]).toEqual({ method: 'POST', path: `${PATH}/submit`, body: { version: 4 } });

    const notice = await screen.findByTestId('report-notice');
    expect(notice).toHaveTextContent(/^Envoyé le 28 janv\. 2027, 14:05, en attente de la relecture de la fondation\.$/u);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('milestone-state')).toHaveTextContent('Envoyé, en relecture');
    expect(screen.getByText('Deux ateliers de cuisine.')).toBeInTheDocument();
    expect(within(screen.getByTestId('report-history')).getByText('Rapport envoyé')).toBeInTheDocument();
  });

  it("shows the API's refusal of a missing answer on its field, in the person's words", async () => {
    const { sent } = show(reportFixture({ version: 2, answers: { achievements: 'Fait.' } }), {
      submit: () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Certaines valeurs sont invalides.',
          details: [{ path: ['answers', 'evidence'], code: 'custom', message: 'Obligatoire' }],
          requestId: 'r1',
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer le rapport' }));
    await waitFor(() => expect(sent.map((request) => request.path)).toEqual([`${PATH}/submit`]));
    expect(await screen.findByTestId('report-submit-error')).toHaveTextContent('Certaines réponses manquent');
    const evidence = screen.getByRole('group', { name: /Pièces justificatives/u });
    expect(within(evidence).getByText('Ce champ est obligatoire.')).toBeInTheDocument();
  });

  it("shows staff's request for changes prominently, in its own direction, with the history", async () => {
    show(
      reportFixture({
        version: 5,
        state: 'CHANGES_REQUESTED',
        status: 'CHANGES_REQUESTED',
        answers: { achievements: 'Deux ateliers.' },
        reviewComment: 'أضيفوا لوائح الحضور من فضلكم.',
        reviewedAt: '2027-02-03T09:00:00.000Z',
        history: [
          { action: 'submitted', at: '2027-01-28T14:05:00.000Z', comment: null },
          { action: 'changes_requested', at: '2027-02-03T09:00:00.000Z', comment: 'أضيفوا لوائح الحضور من فضلكم.' },
        ],
      }),
    );
    const request = await screen.findByTestId('report-changes-requested');
    expect(within(request).getByText('La fondation vous demande des modifications')).toBeInTheDocument();
    expect(within(request).getByText('أضيفوا لوائح الحضور من فضلكم.')).toHaveAttribute('dir', 'auto');
    expect(screen.getByTestId('milestone-state')).toHaveTextContent('Modifications demandées');
    // Still editable: the form is there, with the answers given.
    expect(screen.getByLabelText(/Qu’avez-vous réalisé/u)).toHaveValue('Deux ateliers.');

    const history = screen.getByTestId('report-history');
    expect(within(history).getAllByRole('listitem').map((item) => item.dataset.action)).toEqual(['submitted', 'changes_requested']);
    expect(within(history).getByText('Modifications demandées')).toBeInTheDocument();
    expect(within(history).getByText('3 févr. 2027, 09:00')).toBeInTheDocument();
  });

  it('says plainly when the report is late', async () => {
    show(reportFixture({ state: 'LATE', late: true }));
    const late = await screen.findByTestId('report-late');
    expect(late).toHaveTextContent("L'échéance est passée et ce rapport n'a pas encore été envoyé.");
    expect(screen.getByTestId('milestone-state')).toHaveTextContent('En retard');
  });

  it('offers to keep mine or take theirs when the report was saved elsewhere meanwhile (409 VERSION_CONFLICT)', async () => {
    const theirs = reportFixture({ version: 4, answers: { achievements: 'Écrit sur un autre appareil.', difficulties: '' }, indicatorValues: { women_trained: 9, monthly_revenue: null } });
    const { sent } = show(reportFixture({ version: 3, answers: { achievements: 'Début.', difficulties: '' }, indicatorValues: { women_trained: null, monthly_revenue: null } }), {
      save: (_body, count) =>
        count === 1
          ? {
              status: 409,
              body: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Ces données ont été modifiées ailleurs.', details: { current: theirs }, requestId: 'r1' },
            }
          : undefined,
    });
    fireEvent.change(await screen.findByLabelText(/Qu’avez-vous réalisé/u), { target: { value: 'Écrit ici.' } });
    fireEvent.change(screen.getByLabelText('Femmes formées (femmes)'), { target: { value: '12' } });

    const conflict = await screen.findByRole('region', { name: 'Ce rapport a été modifié ailleurs' }, { timeout: 6000 });
    expect(screen.getByRole('status')).toHaveTextContent('Enregistrement suspendu');
    expect(within(conflict).getByText('Écrit ici.')).toBeInTheDocument();
    expect(within(conflict).getByText('Écrit sur un autre appareil.')).toBeInTheDocument();
    // The indicators' values are compared as the answers are.
    expect(within(conflict).getByRole('radiogroup', { name: 'Femmes formées (femmes)' })).toBeInTheDocument();

    fireEvent.click(within(conflict).getByRole('button', { name: 'Tout garder de ma version' }));
    await waitFor(() => expect(saves(sent)).toHaveLength(2));
    expect(saves(sent)[1]!.body).toEqual({
      version: 4,
      answers: { achievements: 'Écrit ici.', difficulties: '' },
      indicatorValues: { women_trained: 12, monthly_revenue: null },
    });
    expect(await screen.findByLabelText(/Qu’avez-vous réalisé/u)).toHaveValue('Écrit ici.');
  });

  it('lists a sent report read-only, its files downloadable', async () => {
    show(
      reportFixture({
        version: 6,
        state: 'SUBMITTED',
        status: 'SUBMITTED',
        editable: false,
        submittedAt: '2027-01-28T14:05:00.000Z',
        answers: { achievements: 'Deux ateliers.', difficulties: '' },
        indicatorValues: { women_trained: 1250.5, monthly_revenue: null },
        attachments: [{ id: EVIDENCE_ID, fieldKey: 'evidence', fileName: 'présences.pdf', mediaType: 'application/pdf', size: 2048, uploadedAt: '2027-01-20T10:00:00.000Z' }],
      }),
    );
    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Envoyé le 28 janv. 2027, 14:05');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByText('Deux ateliers.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'présences.pdf' })).toHaveAttribute('href', `${PATH}/attachments/${EVIDENCE_ID}`);
    expect(screen.getByRole('heading', { level: 2, name: 'Indicateurs pour cette période' })).toBeInTheDocument();
    expect(screen.getByText('1 250,5')).toBeInTheDocument();
  });

  it('reads right to left in Arabic, an indicator without Arabic wording falling back to French', async () => {
    await i18n.changeLanguage('ar');
    show(reportFixture(), { locale: 'ar' });
    expect(await screen.findByRole('heading', { level: 1, name: 'تقرير منتصف المدة' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    const indicators = screen.getByRole('group', { name: 'مؤشرات هذه الفترة' });
    expect(within(indicators).getByLabelText('النساء المستفيدات من التكوين (امرأة)')).toHaveAccessibleDescription(/الهدف في نهاية البرنامج: 40 امرأة\./u);
    expect(within(indicators).getByLabelText('Chiffre d’affaires mensuel (MAD)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'إرسال التقرير' })).toBeInTheDocument();
  });
});
