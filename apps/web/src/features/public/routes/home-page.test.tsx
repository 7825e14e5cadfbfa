import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';

const anonymous = () => json(200, { user: null });
const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });

function call(overrides: Record<string, unknown>) {
  return {
    id: '01a235ae-dade-766b-b521-972acf49b372',
    slug: 'innovation-sociale-2027',
    title: text('Innovation sociale 2027', 'الابتكار الاجتماعي 2027', 'Social innovation 2027'),
    summary: text('Des projets à double impact.', 'مشاريع ذات أثر مزدوج.', 'Projects with a double impact.'),
    description: text('', '', ''),
    eligibility: text('', '', ''),
    opensAt: '2026-01-01T00:00:00.000Z',
    // The server's wall-clock time says 23:59 at +01:00: the page shows those parts, whatever the browser's zone data.
    closesAt: '2027-01-15T22:59:00.000Z',
    opensAtLocal: { dateTime: '2026-01-01T01:00', offset: '+01:00' },
    closesAtLocal: { dateTime: '2027-01-15T23:59', offset: '+01:00' },
    timezone: 'Africa/Casablanca',
    status: 'PUBLISHED',
    acceptingApplications: true,
    maxApplicationsPerApplicant: 1,
    ...overrides,
  };
}

const closed = call({
  id: '01a235ae-dade-766b-b521-972acf49b373',
  slug: 'appel-2025',
  title: text('Appel 2025', 'طلب 2025', 'Call 2025'),
  status: 'CLOSED',
  acceptingApplications: false,
  closesAt: '2025-06-30T22:59:00.000Z',
  closesAtLocal: { dateTime: '2025-06-30T23:59', offset: '+01:00' },
});

describe('home page: the open calls', { timeout: 15_000 }, () => {
  it('lists each open call with its summary and deadline, leading to its page; closed calls are left out', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, 'GET /api/calls': () => json(200, { items: [closed, call({})] }) });
    renderApp('/');
    const section = (await screen.findByRole('heading', { level: 2, name: 'Appels à projets ouverts' })).closest('section')!;
    const card = await within(section).findByRole('article', { name: 'Innovation sociale 2027' });
    expect(within(card).getByText('Des projets à double impact.')).toHaveAttribute('dir', 'auto');
    expect(within(card).getByText(/23:59 \(heure du Maroc, UTC\+01:00\)$/u)).toBeInTheDocument();
    expect(within(card).getByText(/15 janv\. 2027/u)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Innovation sociale 2027' })).toHaveAttribute('href', '/calls/innovation-sociale-2027');
    expect(within(card).getByRole('link', { name: "Lire l'appel et candidater" })).toHaveAttribute('href', '/calls/innovation-sociale-2027');
    expect(within(section).queryByText('Appel 2025')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Voir les appels ouverts' })).toHaveAttribute('href', '#open-calls-heading');
  });

  it('reads in Arabic, the call’s own text in Arabic', async () => {
    await i18n.changeLanguage('ar');
    mockApi({ 'GET /api/auth/session': anonymous, 'GET /api/calls': () => json(200, { items: [call({})] }) });
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'الابتكار الاجتماعي 2027' });
    expect(within(card).getByText('مشاريع ذات أثر مزدوج.')).toBeInTheDocument();
    expect(within(card).getByText(/بتوقيت المغرب، UTC\+01:00\)$/u)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'اقرأ الطلب وقدّم ترشيحك' })).toBeInTheDocument();
  });

  it('says so when no call is open, and offers no link to open calls', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, 'GET /api/calls': () => json(200, { items: [closed] }) });
    renderApp('/');
    expect(await screen.findByText('Aucun appel ouvert pour le moment')).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: /Appel 2025/u })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Voir les appels ouverts' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Créer un compte porteur de projet' })).toBeInTheDocument();
  });
});
