import { screen, within } from '@testing-library/react';
import type { TPublicResults } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const anonymous = () => json(200, { user: null });
const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });

const RESULTS: TPublicResults = {
  call: {
    id: '01a235ae-dade-766b-b521-972acf49b372',
    slug: 'innovation-sociale-2027',
    title: text('Innovation sociale 2027', 'الابتكار الاجتماعي 2027', 'Social innovation 2027'),
    summary: text('Des projets à double impact.', 'مشاريع ذات أثر مزدوج.', 'Projects with a double impact.'),
    locales: ['ar', 'fr', 'en'],
    decidedAt: '2027-06-30T10:00:00.000Z',
    resultsPublishedAt: '2027-07-02T10:00:00.000Z',
  },
  winners: [
    {
      id: '01a235ae-dade-766b-b521-972acf49b373',
      title: text('Traiteur solidaire', 'مطبخ تضامني', ''),
      organisation: text('', 'جمعية النور', ''),
      summary: text('Former des femmes à la restauration.', 'تكوين النساء في الطبخ.', ''),
      region: 'MA-01',
      photoUrl: '/api/calls/innovation-sociale-2027/results/photos/01a235ae-dade-766b-b521-972acf49b373',
    },
    {
      id: '01a235ae-dade-766b-b521-972acf49b374',
      title: text('Argan équitable', '', ''),
      organisation: text('Coopérative Tifawin', '', ''),
      summary: text('Des revenus stables pour 40 femmes.', '', ''),
      region: null,
      photoUrl: null,
    },
  ],
};

describe("a call's public results page", { timeout: 15_000 }, () => {
  it('presents each winner in the visitor language, falling back to the language it was written in', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, [`GET /api/calls/${RESULTS.call.slug}/results`]: () => json(200, RESULTS) });
    renderApp(`/calls/${RESULTS.call.slug}/results`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Innovation sociale 2027' })).toBeInTheDocument();
    const cards = screen.getAllByTestId('winner-card');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByRole('heading', { level: 2, name: 'Traiteur solidaire' })).toBeInTheDocument();
    // No French organisation: the Arabic one, marked as Arabic.
    expect(first.getByText('جمعية النور')).toHaveAttribute('lang', 'ar');
    expect(first.getByRole('img', { name: 'Photo du projet Traiteur solidaire' })).toHaveAttribute('src', RESULTS.winners[0]!.photoUrl);
    expect(first.getByText('Tanger-Tétouan-Al Hoceïma', { exact: false })).toBeInTheDocument();
    expect(within(cards[1]!).queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText(/Les 2 projets retenus par le jury/)).toBeInTheDocument();
  });

  it('says when nobody can be shown yet, and answers "not found" before the page is published', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, [`GET /api/calls/${RESULTS.call.slug}/results`]: () => json(200, { ...RESULTS, winners: [] }) });
    const { unmount } = renderApp(`/calls/${RESULTS.call.slug}/results`);
    expect(await screen.findByText(/paraîtront ici/)).toBeInTheDocument();
    unmount();
    mockApi({ 'GET /api/auth/session': anonymous, [`GET /api/calls/other/results`]: () => json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Introuvable.' }) });
    renderApp('/calls/other/results');
    expect(await screen.findByRole('heading', { level: 1, name: "Cette page n'existe pas" })).toBeInTheDocument();
  });
});
