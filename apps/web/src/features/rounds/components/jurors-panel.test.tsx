import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ERROR_MESSAGES } from '@tahkim/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';
import { JurorsPanel } from './jurors-panel';


const ROUND_ID = '7d1f3c2a-1b4e-4a51-9c57-2f1f3d6c7a10';
const CALL_ID = '0b6a9f3e-3c1d-4d8e-9a3f-5e2c7b1d4a20';
const topic = (key: string, fr: string) => ({ key, label: { ar: fr, fr, en: fr } });
const topics = {
  topics: [topic('agriculture', 'Agriculture'), topic('olive_oil', "Huile d'olive"), topic('water', 'Eau')],
  fieldKey: 'sector',
  counts: { applications: 12, withTopic: 10 },
};
const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const amina = {
  id: 'j1', userId: 'u9', displayName: 'Amina', email: 'amina@expert.ma', organisation: null, joinedAt: '2026-03-01T10:00:00.000Z',
  progress: { assigned: 0, draft: 0, submitted: 0 },
  expertise: ['agriculture'],
};

function renderPanel(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  const api = mockApi({
    'GET /api/auth/session': () => json(200, { user: staff }),
    [`GET /api/rounds/${ROUND_ID}/jurors`]: () => json(200, { items: [amina], pendingInvitations: [] }),
    [`GET /api/calls/${CALL_ID}/topics`]: () => json(200, topics),
    ...extra,
  });
  renderApp('/panel', [{ path: '/panel', element: <JurorsPanel roundId={ROUND_ID} callId={CALL_ID} /> }]);
  return api;
}

afterEach(() => vi.restoreAllMocks());

describe('the jurors panel', () => {
  it('sends invitations in the page language unless staff pick the juror’s', async () => {
    const bodies: unknown[] = [];
    renderPanel({
      [`POST /api/rounds/${ROUND_ID}/jurors`]: async (request) => {
        bodies.push(await request.json());
        return json(200, { added: [], invited: ['nadia@expert.ma'], alreadyMembers: [] });
      },
    });
    const language = await screen.findByLabelText("Langue de l'invitation");
    expect(language).toHaveValue('fr');
    fireEvent.change(screen.getByLabelText('Ajouter des jurés par e-mail'), { target: { value: 'nadia@expert.ma' } });
    fireEvent.change(language, { target: { value: 'ar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    await waitFor(() => expect(bodies).toEqual([{ emails: ['nadia@expert.ma'], locale: 'ar' }]));
  });

  it('says why a juror with submitted work cannot be removed', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPanel({
      [`DELETE /api/rounds/${ROUND_ID}/jurors/j1`]: () =>
        json(409, { statusCode: 409, code: 'JUROR_HAS_WORK', message: ERROR_MESSAGES.JUROR_HAS_WORK.fr, details: { scorecards: 0, ballot: true }, requestId: 'r1' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer' }));
    expect(await screen.findByText(ERROR_MESSAGES.JUROR_HAS_WORK.fr)).toBeInTheDocument();
  });

  it('shows each juror’s expertise by its topic names and edits it with the call’s topics', async () => {
    const bodies: unknown[] = [];
    let expertise = amina.expertise;
    renderPanel({
      [`GET /api/rounds/${ROUND_ID}/jurors`]: () => json(200, { items: [{ ...amina, expertise }], pendingInvitations: [] }),
      [`PUT /api/rounds/${ROUND_ID}/jurors/j1/expertise`]: async (request) => {
        const body = (await request.json()) as { topics: string[] };
        bodies.push(body);
        expertise = body.topics;
        return json(200, { jurorId: 'j1', topics: body.topics });
      },
    });
    expect(await screen.findByText('Agriculture')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: "Modifier l'expertise du juré Amina" }));

    const dialog = await screen.findByRole('dialog', { name: "Domaines d'expertise du juré" });
    expect(within(dialog).getByRole('checkbox', { name: 'Agriculture' })).toBeChecked();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Agriculture' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Eau' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: "Huile d'olive" }));
    fireEvent.click(within(dialog).getByRole('button', { name: "Enregistrer l'expertise" }));

    // Sent in the call's order, whatever the order they were ticked in.
    await waitFor(() => expect(bodies).toEqual([{ topics: ['olive_oil', 'water'] }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Eau')).toBeInTheDocument();
    expect(screen.getByText("Huile d'olive")).toBeInTheDocument();
  });
});
