import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const APPLICATION_ID = '3f1c2a7b-5d4e-4c3b-9a8f-1e2d3c4b5a69';
const ROUND_ID = '0190a2b4-0000-7000-8000-00000000000a';
const CONFLICT_ID = '0190a2b4-0000-7000-8000-00000000000c';
const callTitle = { fr: 'Appel à projets 2026', ar: 'طلب المشاريع 2026', en: 'Call for projects 2026' };
/** The text as read, without the invisible isolates around names and references. */
const plain = (element: HTMLElement) => (element.textContent ?? '').replace(/[\u2066-\u2069]/gu, '');
const reference = { name: null, person: null, application: null, roundNumber: null, callTitle: null };

const page = {
  items: [
    {
      id: '12',
      at: '2026-05-02T10:30:00.000Z',
      actor: { id: 'u2', displayName: 'Karim Benali', email: 'karim@fondation.ma' },
      action: 'application.screened',
      entityType: 'Application',
      entityId: APPLICATION_ID,
      before: { status: 'SUBMITTED', screeningNote: null },
      after: { status: 'ELIGIBLE', screeningNote: null },
      requestId: 'req-1',
      ip: '10.0.0.1',
    },
    {
      id: '11',
      at: '2026-05-02T09:00:00.000Z',
      actor: null,
      action: 'round.updated',
      entityType: 'Round',
      entityId: ROUND_ID,
      before: { number: 1, status: 'OPEN' },
      after: { number: 1, status: 'CLOSED', reason: 'decisions.published' },
      requestId: null,
      ip: null,
    },
    {
      id: '10',
      at: '2026-05-01T08:00:00.000Z',
      actor: { id: 'u9', displayName: 'Amina', email: 'amina@jury.example' },
      action: 'ledger.future_action',
      entityType: 'Ballot',
      entityId: 'b1',
      before: null,
      after: null,
      requestId: null,
      ip: null,
    },
  ],
  total: 3,
  page: 1,
  pageSize: 50,
  actions: ['application.screened', 'ledger.future_action', 'round.updated', 'scorecard.submitted'],
  entityTypes: ['Application', 'Ballot', 'Round'],
  references: {
    [APPLICATION_ID]: { ...reference, kind: 'application', name: 'FAB-2026-0042', application: 'FAB-2026-0042', callTitle },
    [ROUND_ID]: { ...reference, kind: 'round', roundNumber: 1, callTitle },
    [CONFLICT_ID]: { ...reference, kind: 'conflict', person: 'Driss', application: 'FAB-2026-0042', callTitle },
  },
};

function api(onList: (url: URL) => void = () => undefined, locale = 'fr') {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    'GET /api/audit': (request) => {
      onList(new URL(request.url));
      return json(200, page);
    },
  });
}

describe('the audit trail', { timeout: 15_000 }, () => {
  it('shows who did what, when, to which record, and what changed', async () => {
    api();
    renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: "Journal d'audit" })).toBeInTheDocument();
    expect(screen.getByText(/personne, pas même un administrateur, ne peut modifier ou supprimer une entrée/u)).toBeInTheDocument();
    expect(await screen.findByText('3 entrées')).toBeInTheDocument();

    const [screened, closed, unknown] = screen.getAllByTestId('audit-row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(screened).getByText('Karim Benali')).toBeInTheDocument();
    expect(within(screened).getByText('karim@fondation.ma')).toBeInTheDocument();
    expect(plain(within(screened).getByTestId('audit-sentence'))).toBe(`Karim Benali a contrôlé la recevabilité du dossier FAB-2026-0042 : ${i18n.t('applications:status.ELIGIBLE')}`);
    expect(within(screened).getByText('2 mai 2026 à 11:30')).toBeInTheDocument();
    const link = within(screened).getByRole('link', { name: 'Ouvrir : dossier \u2068FAB-2026-0042\u2069' });
    expect(link).toHaveAttribute('href', `/admin/applications/${APPLICATION_ID}`);
    const changes = within(screened).getByTestId('audit-changes');
    expect(within(changes).getAllByRole('listitem')).toHaveLength(1);
    expect(changes).toHaveTextContent(`Statut : ${i18n.t('applications:status.SUBMITTED')} devient ${i18n.t('applications:status.ELIGIBLE')}`);
    expect(screened).not.toHaveTextContent(/SUBMITTED|ELIGIBLE|screeningNote|3f1c2a7b/u);

    // Done by the platform itself, with its reason in words.
    expect(within(closed).getByText('Système')).toBeInTheDocument();
    expect(plain(within(closed).getByTestId('audit-sentence'))).toBe('La plateforme a clôturé le tour 1 de « Appel à projets 2026 »');
    expect(within(closed).getByRole('link', { name: /^Ouvrir : tour 1/u })).toHaveAttribute('href', `/admin/rounds/${ROUND_ID}`);
    expect(within(closed).getByTestId('audit-changes')).toHaveTextContent('Statut : Ouvert devient Clôturé');
    expect(within(closed).getByTestId('audit-changes')).toHaveTextContent('Motif : (absent) devient publication des décisions');

    // An action this version has no words for yet still reads as a sentence, never hidden nor raw.
    expect(plain(within(unknown).getByTestId('audit-sentence'))).toBe('Amina a effectué une action sur cet élément : classement supprimé depuis');
    expect(within(unknown).getByText('Aucun changement enregistré')).toBeInTheDocument();
    expect(within(unknown).queryByRole('link')).toBeNull();
    expect(unknown).not.toHaveTextContent('ledger.future_action');
  });

  it('opens the whole record before and after, read left to right', async () => {
    api();
    renderApp('/admin/audit');
    const [screened] = (await screen.findAllByTestId('audit-row')) as [HTMLElement];
    const toggle = within(screened).getByRole('button', { name: "Voir l'enregistrement tel que stocké" });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(within(screened).getByRole('button', { name: "Masquer l'enregistrement" })).toHaveAttribute('aria-expanded', 'true');
    const blocks = screened.querySelectorAll('pre');
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toHaveAttribute('dir', 'ltr');
    expect(JSON.parse(blocks[1]!.textContent ?? '')).toEqual({ status: 'ELIGIBLE', screeningNote: null });
    expect(within(screened).getByText("Code de l'action : \u2068application.screened\u2069")).toBeInTheDocument();
    expect(within(screened).getByText('Requête : \u2068req-1\u2069')).toBeInTheDocument();
  });

  it('sends the filters in the URL to the API, days read in Casablanca time', async () => {
    const seen: URL[] = [];
    api((url) => seen.push(url));
    const { router } = renderApp('/admin/audit?action=scorecard.&from=2026-05-01&to=2026-05-31&page=2');
    await screen.findAllByTestId('audit-row');
    const first = seen[0]!.searchParams;
    expect(first.get('action')).toBe('scorecard.');
    expect(first.get('from')).toBe('2026-04-30T23:00:00.000Z');
    expect(first.get('to')).toBe('2026-05-31T22:59:59.999Z');
    expect(first.get('page')).toBe('2');

    const action = screen.getByLabelText('Action');
    expect(action).toHaveValue('scorecard.');
    expect(within(action).getByRole('option', { name: "Grilles d'évaluation : toutes les actions" })).toBeInTheDocument();
    expect(within(action).getByRole('option', { name: 'ledger.* : toutes les actions' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Type d'élément"), { target: { value: 'Application' } });
    await waitFor(() => expect(router.state.location.search).toBe('?action=scorecard.&entityType=Application&from=2026-05-01&to=2026-05-31'));

    fireEvent.change(screen.getByRole('searchbox', { name: /Auteur/u }), { target: { value: 'amina' } });
    await waitFor(() => expect(router.state.location.search).toContain('actor=amina'), { timeout: 3000 });
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('actor')).toBe('amina'));

    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('reads the days typed day/month/year, shows them so, and keeps an impossible day out of the search', async () => {
    const seen: URL[] = [];
    api((url) => seen.push(url));
    const { router } = renderApp('/admin/audit?from=2026-05-01');
    await screen.findAllByTestId('audit-row');
    const from = screen.getByRole('textbox', { name: /^Du/u });
    const to = screen.getByRole('textbox', { name: /^Au \(inclus\)/u });
    expect(from).toHaveValue('01/05/2026');

    fireEvent.change(to, { target: { value: '٣١/٠٥/٢٠٢٦' } });
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-05-01&to=2026-05-31'));
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('to')).toBe('2026-05-31T22:59:59.999Z'));

    fireEvent.change(from, { target: { value: '31/04/2026' } });
    fireEvent.blur(from);
    expect(await screen.findByText("Cette date n'existe pas. Saisissez le jour, le mois et l'année, par exemple 01/03/2025.")).toBeInTheDocument();
    expect(from).toHaveValue('31/04/2026');
    expect(router.state.location.search).toBe('?from=2026-05-01&to=2026-05-31');

    fireEvent.change(from, { target: { value: '' } });
    await waitFor(() => expect(router.state.location.search).toBe('?to=2026-05-31'));
    expect(screen.queryByText(/Cette date n'existe pas/u)).not.toBeInTheDocument();
  });

  it('narrows the trail to one record from its row', async () => {
    api();
    const { router } = renderApp('/admin/audit?action=application.screened');
    const [screened] = (await screen.findAllByTestId('audit-row')) as [HTMLElement];
    // The button's name starts with its visible words and says which record.
    const target = 'dossier \u2068FAB-2026-0042\u2069';
    const filterButton = within(screened).getByRole('button', { name: i18n.t('audit:entity.historyOf', { target }) });
    expect(filterButton.getAttribute('aria-label')?.startsWith(i18n.t('audit:entity.history'))).toBe(true);
    fireEvent.click(filterButton);
    await waitFor(() => expect(router.state.location.search).toBe(`?entityType=Application&entityId=${APPLICATION_ID}`));
    expect(await screen.findByText('Un seul élément : dossier \u2068FAB-2026-0042\u2069')).toBeInTheDocument();
  });

  it('reads right to left in Arabic', async () => {
    api(undefined, 'ar');
    await i18n.changeLanguage('ar');
    renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'سجل التدقيق' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    const [screened, closed] = (await screen.findAllByTestId('audit-row')) as [HTMLElement, HTMLElement];
    expect(within(screened).getByText('Karim Benali')).toBeInTheDocument();
    expect(plain(within(screened).getByTestId('audit-sentence'))).toBe(`فحص Karim Benali أهلية الملف FAB-2026-0042: ${i18n.t('applications:status.ELIGIBLE', { lng: 'ar' })}`);
    expect(within(screened).getByTestId('audit-changes')).toHaveTextContent(/^الحالة: /u);
    expect(screened).not.toHaveTextContent(/SUBMITTED|ELIGIBLE|status/u);
    expect(within(closed).getByText('النظام')).toBeInTheDocument();
    expect(plain(within(closed).getByTestId('audit-sentence'))).toBe('أغلق النظام الجولة 1 من «طلب المشاريع 2026»');
    expect(screen.getByRole('link', { name: 'سجل التدقيق' })).toHaveAttribute('href', '/admin/audit');
  });
});
