import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const anonymous = () => json(200, { user: null });
const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });

const CALL = {
  id: '01a235ae-dade-766b-b521-972acf49b372',
  slug: 'innovation-sociale-2027',
  title: text('Innovation sociale 2027', 'الابتكار الاجتماعي 2027', 'Social innovation 2027'),
  summary: text('Des projets à double impact.', 'مشاريع ذات أثر مزدوج.', 'Projects with a double impact.'),
  description: text('Nous soutenons des coopératives.', '', ''),
  eligibility: text('', '', ''),
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2020-01-15T22:59:00.000Z',
  opensAtLocal: { dateTime: '2026-01-01T01:00', offset: '+01:00' },
  closesAtLocal: { dateTime: '2020-01-15T23:59', offset: '+01:00' },
  timezone: 'Africa/Casablanca',
  status: 'CLOSED',
  acceptingApplications: false,
  maxApplicationsPerApplicant: 1,
  resultsPublished: false,
};

describe("a call's public page", { timeout: 15_000 }, () => {
  it('shows a heading only over a text the call has: no empty "who can apply" section', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, [`GET /api/calls/${CALL.slug}`]: () => json(200, CALL) });
    renderApp(`/calls/${CALL.slug}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Innovation sociale 2027' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: "L'appel" })).toBeInTheDocument();
    expect(screen.getByText('Nous soutenons des coopératives.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Qui peut candidater ?' })).not.toBeInTheDocument();
  });

  it('links to the results page once staff published it', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, [`GET /api/calls/${CALL.slug}`]: () => json(200, { ...CALL, status: 'DECIDED', resultsPublished: true }) });
    renderApp(`/calls/${CALL.slug}`);
    expect(await screen.findByRole('link', { name: 'Voir les lauréats' })).toHaveAttribute('href', `/calls/${CALL.slug}/results`);
  });
});
