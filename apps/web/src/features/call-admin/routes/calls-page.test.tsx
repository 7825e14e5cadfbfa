import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const CALL_ID = '01a235ae-dade-766b-b521-972acf49b372';

const review = {
  dataVersion: '2026f',
  changedAt: '2026-09-20T01:00:00.000Z',
  items: [
    {
      callId: CALL_ID,
      slug: 'innovation-sociale-2027',
      title: { ar: 'الابتكار الاجتماعي', fr: 'Innovation sociale 2027', en: 'Social innovation 2027' },
      status: 'PUBLISHED',
      dates: [
        {
          roundId: null, roundNumber: null, field: 'closesAt', at: '2027-01-15T17:00:00.000Z',
          now: { dateTime: '2027-01-15T17:00', offset: '+00:00' }, underOldRule: { dateTime: '2027-01-15T18:00', offset: '+01:00' }, movedAt: '2027-01-15T18:00:00.000Z',
        },
      ],
    },
  ],
};

describe('calls list: dates to review after Morocco’s move to UTC+0', { timeout: 15_000 }, () => {
  it('shows how each date reads now and under the old rule, and sends the staff’s choice', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      'GET /api/admin/calls': () => json(200, { items: [] }),
      'GET /api/admin/deadline-reviews': () => json(200, review),
      [`POST /api/admin/calls/${CALL_ID}/deadline-review`]: () => json(200, { ...review, items: [] }),
    });
    renderApp('/admin/calls');
    const notice = await screen.findByTestId('deadline-review');
    expect(within(notice).getByText('Dates d’un appel à vérifier (changement d’heure du Maroc)')).toBeInTheDocument();
    expect(within(notice).getByText('Innovation sociale 2027')).toBeInTheDocument();
    expect(within(notice).getByText(/17:00 \(heure du Maroc, UTC\+00:00\)$/u)).toBeInTheDocument();
    expect(within(notice).getByText(/18:00 \(heure du Maroc, UTC\+01:00\)$/u)).toBeInTheDocument();

    fireEvent.click(within(notice).getByRole('button', { name: 'Décaler d’une heure plus tard' }));
    await waitFor(() => expect(screen.queryByTestId('deadline-review')).not.toBeInTheDocument());
    const post = calls.find((request) => request.method === 'POST');
    expect(await post!.clone().json()).toEqual({ action: 'MOVE_LATER' });
  });

  it('shows nothing when no date needs review', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      'GET /api/admin/calls': () => json(200, { items: [] }),
      'GET /api/admin/deadline-reviews': () => json(200, { ...review, items: [] }),
    });
    renderApp('/admin/calls');
    expect(await screen.findByText(/Aucun appel/u)).toBeInTheDocument();
    expect(screen.queryByTestId('deadline-review')).not.toBeInTheDocument();
  });
});
