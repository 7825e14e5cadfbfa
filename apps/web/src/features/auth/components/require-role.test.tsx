import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const applicant = { id: 'u1', email: 'amina@example.ma', displayName: 'Amina', locale: 'fr', roles: ['APPLICANT'] };
const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const unauthenticated = () => json(200, { user: null });
const emptyInbox = () => json(200, { items: [], total: 0, page: 1, pageSize: 20 });

describe('area guard', () => {
  it('sends an anonymous visitor to sign in, then back to the page they asked for', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': unauthenticated,
      'POST /api/auth/login': () => json(200, staff),
      'GET /api/admin/emails': emptyInbox,
    });
    const { router } = renderApp('/admin/emails?status=FAILED');

    expect(await screen.findByRole('heading', { name: 'Se connecter' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fadmin%2Femails%3Fstatus%3DFAILED');

    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/u), { target: { value: 'Karim@Fondation.ma' } });
    fireEvent.change(screen.getByLabelText(/^Mot de passe/u), { target: { value: 'secret-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('heading', { name: 'E-mails envoyés', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/emails');
    expect(router.state.location.search).toBe('?status=FAILED');

    const login = calls.find((request) => request.method === 'POST' && request.url.endsWith('/api/auth/login'));
    // The form sends the contracts' output: the email trimmed and lower-cased.
    expect(await login?.clone().json()).toEqual({ email: 'karim@fondation.ma', password: 'secret-password' });
    expect(login?.headers.get('accept-language')).toBe('fr');
    const inbox = calls.find((request) => new URL(request.url).pathname === '/api/admin/emails');
    expect(new URL(inbox!.url).searchParams.get('status')).toBe('FAILED');
  });

  it('shows a localised "no access" page to an applicant opening the back office', async () => {
    mockApi({ 'GET /api/auth/session': () => json(200, { user: applicant }) });
    const { router } = renderApp('/admin');

    expect(await screen.findByRole('heading', { name: "Vous n'avez pas accès à cet espace" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin');
    expect(document.title).toBe('Accès refusé · Tahkim');
    expect(screen.getByRole('link', { name: 'Aller à mon espace' })).toHaveAttribute('href', '/portal');
  });

  it('lets staff into the juror workspace', async () => {
    mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }) });
    renderApp('/jury');
    expect(await screen.findByRole('heading', { name: 'Mes évaluations', level: 1 })).toBeInTheDocument();
  });

  it('sends a person who signs in without `next` to the home of their role', async () => {
    mockApi({
      'GET /api/auth/session': unauthenticated,
      'POST /api/auth/login': () => json(200, applicant),
    });
    const { router } = renderApp('/login');

    fireEvent.change(await screen.findByLabelText(/^Adresse e-mail/u), { target: { value: 'amina@example.ma' } });
    fireEvent.change(screen.getByLabelText(/^Mot de passe/u), { target: { value: 'secret-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/portal'));
    expect(await screen.findByRole('heading', { name: 'Mes candidatures', level: 1 })).toBeInTheDocument();
  });

  it('shows the API’s message for wrong credentials on the form', async () => {
    mockApi({
      'GET /api/auth/session': unauthenticated,
      'POST /api/auth/login': () =>
        json(401, {
          statusCode: 401,
          code: 'INVALID_CREDENTIALS',
          message: 'Adresse e-mail ou mot de passe incorrect.',
          requestId: 'r',
        }),
    });
    renderApp('/login');

    fireEvent.change(await screen.findByLabelText(/^Adresse e-mail/u), { target: { value: 'amina@example.ma' } });
    fireEvent.change(screen.getByLabelText(/^Mot de passe/u), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
  });

  it('validates with the contracts’ schema before sending, focusing the first invalid field', async () => {
    const { calls } = mockApi({ 'GET /api/auth/session': unauthenticated });
    renderApp('/login');

    fireEvent.change(await screen.findByLabelText(/^Adresse e-mail/u), { target: { value: 'pas-une-adresse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    const email = screen.getByLabelText(/^Adresse e-mail/u);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Saisissez une adresse e-mail valide, par exemple nom@exemple.ma.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText(/^Mot de passe/u)).toHaveAccessibleDescription('Ce champ est obligatoire.');
    expect(calls.some((request) => request.method === 'POST')).toBe(false);
  });
});
