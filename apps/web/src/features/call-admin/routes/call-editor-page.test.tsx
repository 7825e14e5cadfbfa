import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };

// jsdom has no font loading API; Mantine's autosizing textareas listen to it.
beforeAll(() => {
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener: () => undefined, removeEventListener: () => undefined } });
  }
});

/** Types a date and a time of day into the date-time field named `label`, as a person types them. */
function typeDateTime(label: RegExp, date: string, time: string) {
  const group = screen.getByRole('group', { name: label });
  fireEvent.change(within(group).getByRole('textbox', { name: /^Date \(jj\/mm\/aaaa\)/u }), { target: { value: date } });
  fireEvent.change(within(group).getByRole('textbox', { name: /^Heure \(hh:mm, 24 h\)/u }), { target: { value: time } });
}

// Whole pages in jsdom: slow on a loaded machine.
describe('new call', { timeout: 15_000 }, () => {
  it('sends the dates as typed in Morocco time (the API converts them), and shows the API refusal on its field', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
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
    // Day/month/year and a 24-hour time on the French page, whatever the browser's language.
    typeDateTime(/^Ouverture des candidatures/u, '01/03/2026', '09:00');
    typeDateTime(/^Date limite de dépôt/u, '30/06/2026', '23:59');
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
    const { calls } = mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    typeDateTime(/^Ouverture des candidatures/u, '30/06/2026', '10:00');
    typeDateTime(/^Date limite de dépôt/u, '01/06/2026', '10:00');
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));
    expect(await screen.findByText("La date limite doit être postérieure à l'ouverture.")).toBeInTheDocument();
    await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(false));
  });

  it('reads Arabic-Indic digits as the same date and time', async () => {
    const { calls } = mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }), 'POST /api/calls': () => json(500, {}) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getAllByLabelText('Titre')[1]!, { target: { value: 'Appel test' } });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    typeDateTime(/^Ouverture des candidatures/u, '٠١/٠٣/٢٠٢٥', '١٨:٠٠');
    typeDateTime(/^Date limite de dépôt/u, '۳۱/۰۳/۲۰۲۵', '۲۳:۵۹');
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));
    await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(true));
    const body = (await calls.find((request) => request.method === 'POST')!.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ opensAt: '2025-03-01T18:00', closesAt: '2025-03-31T23:59' });
  });

  it('says which part cannot exist, an impossible date or time, and saves nothing', async () => {
    const { calls } = mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    typeDateTime(/^Ouverture des candidatures/u, '31/02/2026', '09:00');
    typeDateTime(/^Date limite de dépôt/u, '30/06/2026', '24:30');
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));

    const opens = screen.getByRole('group', { name: /^Ouverture des candidatures/u });
    expect(await within(opens).findByText("Cette date n'existe pas. Saisissez le jour, le mois et l'année, par exemple 01/03/2025.")).toBeInTheDocument();
    expect(within(opens).getByRole('textbox', { name: /^Date/u })).toHaveAttribute('aria-invalid', 'true');
    expect(within(opens).getByRole('textbox', { name: /^Heure/u })).not.toHaveAttribute('aria-invalid', 'true');
    const closes = screen.getByRole('group', { name: /^Date limite de dépôt/u });
    expect(within(closes).getByText('Cette heure n\'existe pas. Saisissez les heures et les minutes sur 24 h, par exemple 18:00.')).toBeInTheDocument();
    expect(within(closes).getByRole('textbox', { name: /^Heure/u })).toHaveAttribute('aria-invalid', 'true');

    // Corrected, the error goes; the other one stays until it is corrected too. Nothing was sent.
    typeDateTime(/^Ouverture des candidatures/u, '28/02/2026', '09:00');
    await waitFor(() => expect(within(opens).queryByText(/Cette date n'existe pas/u)).not.toBeInTheDocument());
    expect(within(closes).getByText(/Cette heure n'existe pas/u)).toBeInTheDocument();
    expect(calls.some((request) => request.method === 'POST')).toBe(false);
  });
});
