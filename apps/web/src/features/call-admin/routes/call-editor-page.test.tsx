import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };

// jsdom has no font loading API; Mantine's autosizing textareas listen to it.
beforeAll(() => {
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener: () => undefined, removeEventListener: () => undefined } });
  }
});

// Whole pages in jsdom: slow on a loaded machine.
describe('new call', { timeout: 15_000 }, () => {
  it('sends the dates as typed in Morocco time (the API converts them), and shows the API refusal on its field', async () => {
    const { calls } = mockApi({
      'GET /api/auth/me': () => json(200, staff),
      'POST /api/calls': () =>
        json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Certaines données envoyées ne sont pas valides.',
          details: [{ path: ['slug'], message: 'Cet identifiant est déjà pris.', code: 'custom' }],
          requestId: 'r',
        }),
    });
    renderApp('/admin/calls/new');
    expect(await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 })).toBeInTheDocument();

    fireEvent.change(screen.getAllByLabelText('Titre')[1]!, { target: { value: 'Innovation sociale 2026' } });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'innovation-sociale-2026' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'fis' } });
    // 1 March 2026 is in Ramadan (UTC+0); 30 June is UTC+1.
    fireEvent.change(screen.getByLabelText(/^Ouverture des candidatures/u), { target: { value: '2026-03-01T09:00' } });
    fireEvent.change(screen.getByLabelText(/^Date limite de dépôt/u), { target: { value: '2026-06-30T23:59' } });
    expect(screen.getByText('Heure du Maroc (Africa/Casablanca), soit UTC+00:00 à cette date.')).toBeInTheDocument();
    expect(screen.getByText('Heure du Maroc (Africa/Casablanca), soit UTC+01:00 à cette date.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));

    expect(await screen.findByText('Cet identifiant est déjà pris.')).toBeInTheDocument();
    const post = calls.find((request) => request.method === 'POST');
    const body = (await post!.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      slug: 'innovation-sociale-2026',
      referencePrefix: 'FIS',
      opensAt: '2026-03-01T09:00',
      closesAt: '2026-06-30T23:59',
      title: { ar: '', fr: 'Innovation sociale 2026', en: '' },
    });
  });

  it('refuses a deadline before the opening without calling the API', async () => {
    const { calls } = mockApi({ 'GET /api/auth/me': () => json(200, staff) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    fireEvent.change(screen.getByLabelText(/^Ouverture des candidatures/u), { target: { value: '2026-06-30T10:00' } });
    fireEvent.change(screen.getByLabelText(/^Date limite de dépôt/u), { target: { value: '2026-06-01T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));
    expect(await screen.findByText("La date limite doit être postérieure à l'ouverture.")).toBeInTheDocument();
    await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(false));
  });
});
