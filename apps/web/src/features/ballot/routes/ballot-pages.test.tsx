import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';


const ROUND = '0190aaaa-0000-7000-8000-000000000001';
const [A, B, C] = ['0190aaaa-0000-7000-8000-00000000000a', '0190aaaa-0000-7000-8000-00000000000b', '0190aaaa-0000-7000-8000-00000000000c'];
const text = (fr: string, ar = fr) => ({ fr, ar, en: fr });
const juror = { id: 'u3', email: 'nadia@expert.ma', displayName: 'Nadia', locale: 'fr', roles: ['JUROR'] };
const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };

function ballot(overrides: { order?: string[]; version?: number; status?: 'DRAFT' | 'SUBMITTED'; submittedAt?: string | null; saved?: boolean } = {}) {
  return {
    round: { id: ROUND, name: text('Finale', 'النهائي'), instructions: text('Pensez à l’impact durable.', 'فكّروا في الأثر المستدام.'), closesAt: null, blind: true },
    call: { id: 'call1', title: text('Innovation sociale 2026', 'الابتكار الاجتماعي 2026') },
    candidates: [
      { applicationId: A, applicationLabel: 'FAB-2026-0001', title: 'Atelier solidaire' },
      { applicationId: B, applicationLabel: 'FAB-2026-0002', title: 'Coopérative d’argan' },
      { applicationId: C, applicationLabel: 'FAB-2026-0003', title: null },
    ],
    ballot: { status: 'DRAFT', version: 1, order: [A, B, C], comment: null, submittedAt: null, saved: false, ...overrides },
    conflicts: [] as Array<{ applicationId: string; applicationLabel: string; reason: string | null }>,
  };
}

function renderBallot(locale: 'fr' | 'ar', handlers: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  const bodies: unknown[] = [];
  const api = mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...juror, locale } }),
    [`GET /api/jury/ballots/${ROUND}`]: () => json(200, ballot()),
    [`PUT /api/jury/ballots/${ROUND}`]: async (request) => {
      const body = (await request.json()) as { order: string[]; version: number };
      bodies.push(body);
      return json(200, ballot({ order: body.order, version: body.version + 1, saved: true }));
    },
    ...handlers,
  });
  renderApp(`/jury/ballots/${ROUND}`);
  return { ...api, bodies };
}

const rows = () => within(screen.getByRole('list', { name: /classement|ترتيبكم/u })).getAllByRole('listitem');
const labels = () => rows().map((row) => within(row).getByText(/^FAB-/u).textContent);

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

describe('the juror’s final ballot', { timeout: 20_000 }, () => {
  it('moves projects with one tap or key press, keeps the focus on the moved project, announces it and autosaves (French)', async () => {
    const api = renderBallot('fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vote final' })).toBeInTheDocument();
    expect(screen.getByText('Classez les projets du meilleur au moins bon.')).toBeInTheDocument();
    expect(screen.getByText('Pensez à l’impact durable.')).toBeInTheDocument();
    expect(labels()).toEqual(['FAB-2026-0001', 'FAB-2026-0002', 'FAB-2026-0003']);

    const down = screen.getByRole('button', { name: 'Descendre FAB-2026-0001 – Atelier solidaire' });
    down.focus();
    fireEvent.click(down);
    expect(labels()).toEqual(['FAB-2026-0002', 'FAB-2026-0001', 'FAB-2026-0003']);
    expect(screen.getByTestId('ballot-announcement')).toHaveTextContent('FAB-2026-0001 – Atelier solidaire est maintenant à la position 2 sur 3.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Descendre FAB-2026-0001 – Atelier solidaire' })));
    expect(within(rows()[1]!).getByRole('button', { name: /^Descendre FAB-2026-0001/u })).toHaveFocus();

    fireEvent.click(screen.getByRole('button', { name: 'Placer FAB-2026-0003 tout en haut' }));
    expect(labels()).toEqual(['FAB-2026-0003', 'FAB-2026-0002', 'FAB-2026-0001']);
    expect(screen.getByTestId('ballot-announcement')).toHaveTextContent('FAB-2026-0003 est maintenant à la position 1 sur 3.');
    // At the top, "up" is marked unavailable but stays focusable; pressing it changes nothing.
    const up = screen.getByRole('button', { name: 'Monter FAB-2026-0003' });
    expect(up).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(up);
    expect(labels()).toEqual(['FAB-2026-0003', 'FAB-2026-0002', 'FAB-2026-0001']);

    // One save ~1.5 s after the last move, with the whole order and the version the page holds.
    expect(await screen.findByText(/^Brouillon enregistré à/u, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(api.bodies).toEqual([{ version: 1, order: [C, B, A], comment: null }]);
  });

  it('reloads the saved order after a version conflict and tells the juror', async () => {
    renderBallot('fr', {
      [`PUT /api/jury/ballots/${ROUND}`]: () =>
        json(409, { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit de version', requestId: 't', details: { current: ballot({ order: [B, C, A], version: 4, saved: true }) } }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Vote final' });
    fireEvent.click(screen.getByRole('button', { name: 'Placer FAB-2026-0003 tout en haut' }));
    expect(await screen.findByText(/le classement enregistré a été rechargé/u, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(labels()).toEqual(['FAB-2026-0002', 'FAB-2026-0003', 'FAB-2026-0001']);
  });

  it('submits after a confirmation, saving a never-saved order first, then shows it read-only', async () => {
    const submitted: number[] = [];
    const api = renderBallot('fr', {
      [`POST /api/jury/ballots/${ROUND}/submit`]: async (request) => {
        const { version } = (await request.json()) as { version: number };
        submitted.push(version);
        return json(200, ballot({ version, status: 'SUBMITTED', submittedAt: '2026-06-01T10:30:00.000Z', saved: true }));
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Vote final' });
    fireEvent.click(screen.getByRole('button', { name: 'Soumettre mon vote' }));
    const dialog = await screen.findByRole('dialog', { name: 'Soumettre votre vote ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Soumettre' }));
    expect(await screen.findByText(/^Vote soumis le/u)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Descendre/u })).not.toBeInTheDocument();
    const methods = api.calls.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(methods).toEqual([`PUT /api/jury/ballots/${ROUND}`, `POST /api/jury/ballots/${ROUND}/submit`]);
    expect(api.bodies).toEqual([{ version: 1, order: [A, B, C], comment: null }]);
    expect(submitted).toEqual([2]);
  });

  it('declares a conflict of interest with a finalist after a confirmation with a reason: it leaves the ballot', async () => {
    const declared: unknown[] = [];
    const api = renderBallot('fr', {
      [`POST /api/jury/ballots/${ROUND}/conflicts`]: async (request) => {
        declared.push(await request.json());
        const after = ballot({ order: [A, C], version: 2, saved: true });
        return json(200, { ...after, candidates: after.candidates.filter((c) => c.applicationId !== B), conflicts: [{ applicationId: B, applicationLabel: 'FAB-2026-0002', reason: 'Je conseille cette coopérative.' }] });
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Vote final' });
    fireEvent.click(screen.getByRole('button', { name: 'Déclarer un conflit d’intérêts avec FAB-2026-0002 – Coopérative d’argan' }));
    const dialog = await screen.findByRole('dialog', { name: /^Conflit d’intérêts : .*FAB-2026-0002 – Coopérative d’argan/u });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déclarer le conflit' }));
    expect(await within(dialog).findByText('Indiquez le motif du conflit.')).toBeInTheDocument();
    expect(declared).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/u }), { target: { value: '  Je conseille cette coopérative. ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déclarer le conflit' }));
    await waitFor(() => expect(labels()).toEqual(['FAB-2026-0001', 'FAB-2026-0003']));
    expect(declared).toEqual([{ applicationId: B, reason: 'Je conseille cette coopérative.' }]);
    expect(within(screen.getByTestId('ballot-conflicts')).getByText('FAB-2026-0002')).toBeInTheDocument();
    // The page goes on from the new version: the next move saves version 2.
    fireEvent.click(screen.getByRole('button', { name: 'Placer FAB-2026-0003 tout en haut' }));
    await waitFor(() => expect(api.bodies).toEqual([{ version: 2, order: [C, A], comment: null }]), { timeout: 5000 });
  });

  it('reads right to left in Arabic, with the move buttons and the announcement in Arabic', async () => {
    renderBallot('ar');
    await i18n.changeLanguage('ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'الاقتراع النهائي' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('رتّبوا المشاريع من الأفضل إلى الأقل.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'رفع FAB-2026-0002 – Coopérative d’argan مرتبة واحدة' }));
    expect(labels()).toEqual(['FAB-2026-0002', 'FAB-2026-0001', 'FAB-2026-0003']);
    expect(screen.getByTestId('ballot-announcement')).toHaveTextContent('أصبح FAB-2026-0002 – Coopérative d’argan في المرتبة 1 من 3.');
  });
});

describe('the ballot result (staff)', { timeout: 20_000 }, () => {
  it('shows shared Schulze ranks, Borda points and who wins each pair in words', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/rounds/${ROUND}/ballot-result`]: () =>
        json(200, {
          round: { id: ROUND, callId: 'call1', name: text('Finale'), status: 'OPEN' },
          candidates: [
            { applicationId: A, reference: 'FAB-2026-0001', title: 'Atelier solidaire' },
            { applicationId: B, reference: 'FAB-2026-0002', title: 'Coopérative d’argan' },
          ],
          pairwise: [
            [0, 1],
            [1, 0],
          ],
          strongest: [
            [0, 0],
            [0, 0],
          ],
          ranking: [
            { applicationId: A, reference: 'FAB-2026-0001', title: 'Atelier solidaire', rank: 1, borda: 1, wins: 0 },
            { applicationId: B, reference: 'FAB-2026-0002', title: 'Coopérative d’argan', rank: 1, borda: 1, wins: 0 },
          ],
          submitted: 2,
          jurors: [
            { jurorId: 'j1', displayName: 'Amina', status: 'SUBMITTED', submittedAt: '2026-06-01T10:30:00.000Z', order: [A, B], conflicts: [] },
            { jurorId: 'j2', displayName: 'Omar', status: 'SUBMITTED', submittedAt: '2026-06-01T11:30:00.000Z', order: [B, A], conflicts: [] },
            { jurorId: 'j3', displayName: 'Leila', status: 'DRAFT', submittedAt: null, order: [A, B], conflicts: [] },
          ],
        }),
    });
    renderApp(`/admin/rounds/${ROUND}/ballot`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Résultat du vote final' })).toBeInTheDocument();
    expect(screen.getByText('2 bulletin(s) soumis sur 3')).toBeInTheDocument();
    expect(screen.getAllByText('ex æquo')).toHaveLength(2);
    // A 1:1 tie: nobody wins, so no cell says so.
    expect(screen.queryByText('l’emporte')).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Rouvrir le bulletin de/u })).toHaveLength(2);
    expect(screen.getByText(/Méthode de Schulze/u)).toBeInTheDocument();
  });
});
