import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';
import { APPLICATION_ID, CALL_ID, reportFixture } from '../test-fixtures';


const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const REPORT = `/api/applications/${APPLICATION_ID}/reports/final_report`;
const URL = `/admin/applications/${APPLICATION_ID}/reports/final_report`;
const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '').replace(/[\u00A0\u202F]/gu, ' ');

type Handler = (request: Request) => Response | Promise<Response>;

function api(review: Handler, report = reportFixture) {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: staff }),
    [`GET ${REPORT}`]: () => json(200, report()),
    [`POST ${REPORT}/review`]: review,
  });
}

async function reviewBody(calls: Request[]) {
  await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(true));
  return (await calls.find((request) => request.method === 'POST')!.clone().json()) as { version: number; decision: string; comment: string };
}

describe("staff's review of a progress report", { timeout: 20_000 }, () => {
  it('shows the project, the milestone, its state, lateness, answers with the report’s files, indicators and history', async () => {
    api(() => json(500, {}));
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: "Rapport d'avancement · Rapport final" })).toBeInTheDocument();
    expect(screen.getByText('FIS-2026-0001')).toBeInTheDocument();
    expect(screen.getByText('Traiteur solidaire')).toHaveAttribute('dir', 'auto');
    expect(screen.getByRole('link', { name: '← Suivi des projets' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/follow-up`);
    expect(screen.getAllByText('À examiner').length).toBeGreaterThan(0);
    expect(screen.getByText("Envoyé après l'échéance")).toBeInTheDocument();
    expect(screen.getByText('Deux cohortes formées, un deuxième local ouvert.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'feuilles-presence.pdf' })).toHaveAttribute(
      'href',
      `${REPORT}/attachments/9f4a1b7d-6e8b-4c2f-9da5-4a6b7c8d9e0f`,
    );
    const indicators = within(screen.getByTestId('report-indicators')).getAllByRole('row').map((row) => plain(row.textContent));
    expect(indicators).toEqual(['IndicateurValeur du rapportCible du projet', 'Femmes formées18 femmes40 femmes', 'Chiffre d’affaires mensuelNon mesuréSans cible']);
    expect(within(screen.getByTestId('report-history')).getByText('Rapport envoyé')).toBeInTheDocument();
  });

  it('accepts the report with the version read', async () => {
    const { calls } = api(async () => json(200, reportFixture({ status: 'ACCEPTED', state: 'DONE', history: [] })));
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Accepter le rapport' }));
    expect(await reviewBody(calls)).toEqual({ version: 3, decision: 'ACCEPT', comment: '' });
    expect(await screen.findByText('Rapport accepté.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Accepter le rapport' })).not.toBeInTheDocument());
  });

  it('asks for changes only with a comment', async () => {
    const { calls } = api(() => json(200, reportFixture({ status: 'CHANGES_REQUESTED', state: 'CHANGES_REQUESTED', reviewComment: 'Joignez les factures.' })));
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Demander des modifications' }));
    const comment = screen.getByRole('textbox', { name: /^Ce qui doit changer/u });
    expect(comment).toHaveAttribute('maxlength', '5000');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(calls.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(comment, { target: { value: '  Joignez les factures.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    expect(await reviewBody(calls)).toEqual({ version: 3, decision: 'REQUEST_CHANGES', comment: 'Joignez les factures.' });
    expect(await screen.findByText('Modifications demandées au projet')).toBeInTheDocument();
  });

  it('says so and reads the report again when someone reviewed it meanwhile', async () => {
    let reads = 0;
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET ${REPORT}`]: () => {
        reads += 1;
        return json(200, reads === 1 ? reportFixture() : reportFixture({ status: 'ACCEPTED', state: 'DONE' }));
      },
      [`POST ${REPORT}/review`]: () => json(409, { statusCode: 409, code: 'CONFLICT', message: 'Conflit.', requestId: 'r' }),
    });
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Accepter le rapport' }));
    await reviewBody(calls);
    expect(await screen.findByText("Ce rapport n'attend plus d'examen : il a été modifié entre-temps. Voici sa version actuelle.")).toBeInTheDocument();
    await waitFor(() => expect(reads).toBe(2));
    expect(await screen.findByText('Accepté')).toBeInTheDocument();
    // The reason stays once the buttons are gone.
    expect(screen.getByText("Ce rapport n'attend plus d'examen : il a été modifié entre-temps. Voici sa version actuelle.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accepter le rapport' })).not.toBeInTheDocument();
  });
});
