import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const CALL_ID = '4b0c2a9e-8d3f-4f51-9a57-2f1f3d6c7a10';
const text = (fr: string) => ({ ar: '', fr, en: '' });
const field = (key: string, label: string, type = 'SHORT_TEXT') => ({
  key,
  type,
  label: text(label),
  required: false,
  identifying: false,
  hidden: false,
  limits: {},
  options: [],
});
const call = {
  id: CALL_ID,
  slug: 'innovation-sociale-2026',
  title: text('Innovation sociale 2026'),
  summary: text(''),
  description: text(''),
  eligibility: text(''),
  opensAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-04-30T22:59:00.000Z',
  timezone: 'Africa/Casablanca',
  status: 'DRAFT',
  acceptingApplications: false,
  maxApplicationsPerApplicant: 1,
  referencePrefix: 'FIS',
  formVersion: 3,
  feedbackEnabled: false,
  eligibilityRules: [],
  applicationCounts: { draft: 0, submitted: 2 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
  closedAt: null,
};
const form = (locked: boolean) => ({
  callId: CALL_ID,
  version: 3,
  locked,
  definition: {
    sections: [
      {
        key: 'projet',
        title: text('Le projet'),
        hidden: false,
        fields: [field('nom_projet', 'Nom du projet'), field('resume', 'Résumé', 'LONG_TEXT'), field('montant', 'Montant demandé', 'MONEY')],
      },
    ],
  },
});

function fieldOrder(): string[] {
  const list = screen.getByRole('list', { name: "Questions de l'étape Le projet" });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => within(item).getAllByText(/./u)[0]!.textContent ?? '');
}

// Whole pages in jsdom: slow on a loaded machine.
describe('form builder', { timeout: 15_000 }, () => {
  it('moves a question with the move up/down buttons and saves the new order with the version it started from', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form(false)),
      [`PUT /api/calls/${CALL_ID}/form`]: async (request) => {
        const body = (await request.clone().json()) as { definition: unknown };
        return json(200, { callId: CALL_ID, version: 4, locked: false, definition: body.definition });
      },
    });
    renderApp(`/admin/calls/${CALL_ID}/form`);

    expect(await screen.findByRole('heading', { name: 'Formulaire de candidature', level: 1 })).toBeInTheDocument();
    expect(fieldOrder()).toEqual(['Nom du projet', 'Résumé', 'Montant demandé']);
    // The first question cannot go further up.
    expect(screen.getByRole('button', { name: 'Monter la question Nom du projet' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Descendre la question Nom du projet' }));
    expect(fieldOrder()).toEqual(['Résumé', 'Nom du projet', 'Montant demandé']);
    fireEvent.click(screen.getByRole('button', { name: 'Monter la question Montant demandé' }));
    expect(fieldOrder()).toEqual(['Résumé', 'Montant demandé', 'Nom du projet']);
    expect(screen.getByText('Modifications non enregistrées.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le formulaire' }));
    await waitFor(() => expect(screen.getByText('Toutes les modifications sont enregistrées.')).toBeInTheDocument());
    const put = calls.find((request) => request.method === 'PUT');
    const body = (await put!.clone().json()) as { version: number; definition: { sections: { fields: { key: string }[] }[] } };
    expect(body.version).toBe(3);
    expect(body.definition.sections[0]!.fields.map((item) => item.key)).toEqual(['resume', 'montant', 'nom_projet']);
    expect(screen.getByText('Version 4')).toBeInTheDocument();
  });

  it('adds questions in one line each: Enter adds a required question with a key from its label, and the label is ready for the next', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form(false)),
      [`PUT /api/calls/${CALL_ID}/form`]: async (request) => {
        const body = (await request.clone().json()) as { definition: unknown };
        return json(200, { callId: CALL_ID, version: 4, locked: false, definition: body.definition });
      },
    });
    renderApp(`/admin/calls/${CALL_ID}/form`);

    const line = await screen.findByRole('form', { name: /^Ajouter une question à l'étape/u });
    const label = within(line).getByRole('textbox', { name: /^Libellé de la question/u });
    fireEvent.change(label, { target: { value: 'Ville du siège' } });
    fireEvent.submit(line);
    expect(fieldOrder()).toEqual(['Nom du projet', 'Résumé', 'Montant demandé', 'Ville du siège']);
    expect(label).toHaveValue('');
    expect(label).toHaveFocus();

    // An empty label is refused with a message, and nothing is added.
    fireEvent.submit(line);
    expect(within(line).getByText('Saisissez le libellé de la question.')).toBeInTheDocument();
    expect(fieldOrder()).toHaveLength(4);

    // Unticked, the next one is optional.
    fireEvent.click(within(line).getByRole('checkbox', { name: 'Réponse obligatoire' }));
    fireEvent.change(label, { target: { value: 'Site web' } });
    fireEvent.submit(line);

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le formulaire' }));
    await waitFor(() => expect(calls.some((request) => request.method === 'PUT')).toBe(true));
    const put = calls.find((request) => request.method === 'PUT');
    const body = (await put!.clone().json()) as { definition: { sections: { fields: { key: string; type: string; required: boolean; label: { fr: string } }[] }[] } };
    const added = body.definition.sections[0]!.fields.slice(3);
    expect(added.map(({ key, type, required, label: text }) => ({ key, type, required, fr: text.fr }))).toEqual([
      { key: 'ville_du_siege', type: 'SHORT_TEXT', required: true, fr: 'Ville du siège' },
      { key: 'site_web', type: 'SHORT_TEXT', required: false, fr: 'Site web' },
    ]);
  });

  it('offers to hide, never to delete, a saved question once applications exist', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form(true)),
    });
    renderApp(`/admin/calls/${CALL_ID}/form`);

    expect(await screen.findByText('Des candidatures existent déjà')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Supprimer la question Nom du projet' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Masquer la question Nom du projet' }));
    expect(screen.getByRole('button', { name: 'Afficher la question Nom du projet' })).toBeInTheDocument();
  });

  it('answers a stale save with a prompt to reload', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form(false)),
      [`PUT /api/calls/${CALL_ID}/form`]: () =>
        json(409, { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit de version.', requestId: 'r' }),
    });
    renderApp(`/admin/calls/${CALL_ID}/form`);
    fireEvent.click(await screen.findByRole('button', { name: 'Descendre la question Nom du projet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le formulaire' }));
    expect(await screen.findByText('Le formulaire a été modifié entre-temps')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recharger la version enregistrée' })).toBeInTheDocument();
  });
});
