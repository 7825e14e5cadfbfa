import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';

const ROUND = '11111111-1111-4111-8111-111111111111';
const APP_1 = '22222222-2222-4222-8222-222222222222';
const APP_2 = '33333333-3333-4333-8333-333333333333';
const juror = { id: 'u3', email: 'nadia@expert.ma', displayName: 'Nadia', locale: 'ar', roles: ['JUROR'] };
const text = (fr: string, ar = fr) => ({ fr, ar, en: fr });

const FRENCH_TITLE = 'Coopérative d’huile d’olive de Taounate';

function bidding(overrides: { biddingOpen?: boolean; blind?: boolean; status?: 'DRAFT' | 'OPEN' | 'CLOSED' } = {}) {
  const biddingOpen = overrides.biddingOpen ?? true;
  return {
    round: {
      id: ROUND,
      name: text('Tour 1', 'الجولة الأولى'),
      blind: overrides.blind ?? true,
      biddingOpen,
      status: overrides.status ?? 'DRAFT',
      call: { id: 'c1', title: text('Fonds agricole', 'الصندوق الفلاحي') },
    },
    topics: [
      { key: 'olive_oil', label: text('Huile d’olive', 'زيت الزيتون') },
      { key: 'water', label: text('Eau', 'الماء') },
      { key: 'tourism', label: text('Tourisme', 'السياحة') },
    ],
    expertise: ['water'],
    items: biddingOpen
      ? [
          { applicationId: APP_1, applicationLabel: 'FAB-2026-0042', title: FRENCH_TITLE, summary: 'Pressage à froid et vente directe.', topics: ['olive_oil'], preference: 'NEUTRAL' },
          { applicationId: APP_2, applicationLabel: 'FAB-2026-0043', title: null, summary: null, topics: ['water', 'tourism'], preference: 'RATHER_NOT' },
        ]
      : [],
  };
}

async function renderBidding(data: ReturnType<typeof bidding>, handlers: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /api/auth/session': () => json(200, { user: juror }),
    [`GET /api/jury/rounds/${ROUND}/bidding`]: () => json(200, data),
    [`PUT /api/jury/rounds/${ROUND}/bids/${APP_1}`]: async (request) => json(200, { applicationId: APP_1, ...((await request.clone().json()) as object) }),
    [`PUT /api/jury/rounds/${ROUND}/expertise`]: async (request) => json(200, { jurorId: 'j1', ...((await request.clone().json()) as object) }),
    ...handlers,
  });
  await i18n.changeLanguage('ar');
  renderApp(`/jury/rounds/${ROUND}/bidding`);
  expect(await screen.findByRole('heading', { level: 1, name: 'مجالات خبرتك ورغباتك في القراءة' })).toBeInTheDocument();
  await screen.findByRole('heading', { level: 2, name: 'مجالات خبرتك' });
  return api;
}

const cardOf = (label: string) => screen.getAllByTestId('bid-card').find((card) => card.textContent?.includes(label))!;

describe('the juror’s expertise and wishes', () => {
  it('shows the fields and the projects in Arabic, right to left, with typed text in its own direction', async () => {
    await renderBidding(bidding());
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('هذه الجولة دون كشف الهوية', { exact: false })).toBeInTheDocument();

    const fields = screen.getByRole('group', { name: 'المجالات التي تعرفها' });
    expect(within(fields).getByRole('checkbox', { name: 'الماء' })).toBeChecked();
    expect(within(fields).getByRole('checkbox', { name: 'زيت الزيتون' })).not.toBeChecked();

    expect(screen.getAllByTestId('bid-card')).toHaveLength(2);
    expect(screen.getByText(FRENCH_TITLE)).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('Pressage à froid et vente directe.')).toHaveAttribute('dir', 'auto');
    expect(within(cardOf('FAB-2026-0043')).getByText('العنوان محجوب')).toBeInTheDocument();
    expect(within(cardOf('FAB-2026-0043')).getByText('السياحة')).toBeInTheDocument();
    expect(within(cardOf('FAB-2026-0043')).getByRole('radio', { name: 'أفضّل ألّا أقرأه' })).toBeChecked();
    expect(screen.getByTestId('bid-counter')).toHaveTextContent('لا مشروع تودّ قراءته، ومشروع واحد تفضّل ألّا تقرأه');

    fireEvent.change(screen.getByRole('combobox', { name: 'المجال' }), { target: { value: 'water' } });
    expect(screen.getAllByTestId('bid-card')).toHaveLength(1);
    expect(screen.getByTestId('bid-card')).toHaveTextContent('FAB-2026-0043');
  });

  it('saves “I’d like to read it” at once', async () => {
    let answer: () => void = () => undefined;
    const { calls } = await renderBidding(bidding(), {
      [`PUT /api/jury/rounds/${ROUND}/bids/${APP_1}`]: () =>
        new Promise<Response>((resolve) => {
          answer = () => resolve(json(200, { applicationId: APP_1, preference: 'WANT' }));
        }),
    });
    fireEvent.click(within(cardOf('FAB-2026-0042')).getByRole('radio', { name: 'أودّ قراءته' }));

    // Shown at once, while the API has not answered yet.
    await waitFor(() => expect(within(cardOf('FAB-2026-0042')).getByRole('radio', { name: 'أودّ قراءته' })).toBeChecked());
    expect(screen.getByTestId('bid-counter')).toHaveTextContent('مشروع واحد تودّ قراءته، ومشروع واحد تفضّل ألّا تقرأه');
    await waitFor(() => expect(calls.some((request) => request.method === 'PUT')).toBe(true));
    answer();
    const put = calls.find((request) => request.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe(`/api/jury/rounds/${ROUND}/bids/${APP_1}`);
    expect(await put.json()).toEqual({ preference: 'WANT' });
  });

  it('goes back to the previous wish and shows the API’s message when saving fails', async () => {
    const message = 'مرحلة إبداء الرغبات في هذه الجولة مغلقة: لم يعد بالإمكان تسجيل رغبتك.';
    await renderBidding(bidding(), {
      [`PUT /api/jury/rounds/${ROUND}/bids/${APP_1}`]: () => json(409, { statusCode: 409, code: 'CONFLICT', message, details: { reason: 'BIDDING_CLOSED' }, requestId: 't' }),
    });
    fireEvent.click(within(cardOf('FAB-2026-0042')).getByRole('radio', { name: 'أودّ قراءته' }));

    expect(await within(cardOf('FAB-2026-0042')).findByRole('alert')).toHaveTextContent(message);
    expect(within(cardOf('FAB-2026-0042')).getByRole('radio', { name: 'محايد' })).toBeChecked();
  });

  it('reads the page again when the API refuses a wish, whatever the refusal', async () => {
    const message = 'Ce dossier ne fait plus partie du tour.';
    const { calls } = await renderBidding(bidding(), {
      [`PUT /api/jury/rounds/${ROUND}/bids/${APP_1}`]: () => json(404, { statusCode: 404, code: 'NOT_FOUND', message, requestId: 't' }),
    });
    const reads = () => calls.filter((request) => request.method === 'GET' && new URL(request.url).pathname === `/api/jury/rounds/${ROUND}/bidding`).length;
    expect(reads()).toBe(1);
    fireEvent.click(within(cardOf('FAB-2026-0042')).getByRole('radio', { name: 'أودّ قراءته' }));
    expect(await within(cardOf('FAB-2026-0042')).findByRole('alert')).toHaveTextContent(message);
    await waitFor(() => expect(reads()).toBe(2));
  });

  it('declares a conflict of interest with a project, which leaves the list', async () => {
    const data = bidding();
    let declared = false;
    const { calls } = await renderBidding(data, {
      [`GET /api/jury/rounds/${ROUND}/bidding`]: () => json(200, declared ? { ...data, items: data.items.filter((item) => item.applicationId !== APP_1) } : data),
      [`POST /api/jury/rounds/${ROUND}/applications/${APP_1}/conflict`]: () => {
        declared = true;
        return json(201, { id: 'c1' });
      },
    });
    fireEvent.click(within(cardOf('FAB-2026-0042')).getByRole('button', { name: /^التصريح بتضارب المصالح/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'أعرف مؤسس المشروع' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'التصريح بالتضارب' }));
    await waitFor(() => expect(screen.getAllByTestId('bid-card')).toHaveLength(1));
    const post = calls.find((request) => request.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/jury/rounds/${ROUND}/applications/${APP_1}/conflict`);
    expect(await post.json()).toEqual({ reason: 'أعرف مؤسس المشروع' });
  });

  it('saves the chosen fields', async () => {
    const { calls } = await renderBidding(bidding());
    const save = screen.getByRole('button', { name: 'حفظ مجالات خبرتي' });
    expect(save).toBeDisabled();

    fireEvent.click(screen.getByRole('checkbox', { name: 'السياحة' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'زيت الزيتون' }));
    expect(screen.getByTestId('expertise-status')).toHaveTextContent('تغييرات لم تُحفظ بعد');
    fireEvent.click(save);

    await waitFor(() => expect(screen.getByTestId('expertise-status')).toHaveTextContent('تم الحفظ'));
    const put = calls.find((request) => request.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe(`/api/jury/rounds/${ROUND}/expertise`);
    // In the call's order of topics, whatever the order of the clicks.
    expect(await put.json()).toEqual({ topics: ['olive_oil', 'water', 'tourism'] });
    expect(screen.getByRole('checkbox', { name: 'السياحة' })).toBeChecked();
  });

  it('does not count a field the call no longer has as an unsaved change', async () => {
    await renderBidding({ ...bidding(), expertise: ['water', 'removed_topic'] });
    fireEvent.click(screen.getByRole('checkbox', { name: 'السياحة' }));
    expect(screen.getByTestId('expertise-status')).toHaveTextContent('تغييرات لم تُحفظ بعد');
    fireEvent.click(screen.getByRole('button', { name: 'حفظ مجالات خبرتي' }));
    await waitFor(() => expect(screen.getByTestId('expertise-status')).toHaveTextContent('تم الحفظ'));
    expect(screen.getByRole('button', { name: 'حفظ مجالات خبرتي' })).toBeDisabled();
  });

  it('says bidding is not open in a closed round, even with bidding left on', async () => {
    await renderBidding({ ...bidding({ status: 'CLOSED' }), items: [] });
    expect(screen.getByTestId('bidding-closed')).toHaveTextContent('مرحلة إبداء الرغبات غير مفتوحة في هذه الجولة');
    expect(screen.queryByTestId('bid-counter')).not.toBeInTheDocument();
  });

  it('says bidding is not open, and lists no project, while it is closed', async () => {
    await renderBidding(bidding({ biddingOpen: false, blind: false }));
    expect(screen.getByTestId('bidding-closed')).toHaveTextContent('مرحلة إبداء الرغبات غير مفتوحة في هذه الجولة');
    expect(screen.queryAllByTestId('bid-card')).toHaveLength(0);
    expect(screen.queryByText('هذه الجولة دون كشف الهوية', { exact: false })).not.toBeInTheDocument();
    // The expertise can still be declared.
    expect(screen.getByRole('checkbox', { name: 'الماء' })).toBeChecked();
  });
});

describe('the juror’s home', () => {
  it('lists the rounds to prepare, says when bidding is open and links to the page', async () => {
    const membership = (id: string, name: string, status: string, extra: Record<string, unknown>) => ({
      round: { id, name: text(name), type: 'SCORING', status, closesAt: null },
      call: { id: 'c1', title: text('Appel 2026') },
      assigned: 0,
      biddingOpen: false,
      topics: 0,
      expertise: 0,
      bids: 0,
      ...extra,
    });
    mockApi({
      'GET /api/auth/session': () => json(200, { user: { ...juror, locale: 'fr' } }),
      'GET /api/jury/assignments': () => json(200, { items: [], progress: { total: 0, submitted: 0, draft: 0 } }),
      'GET /api/jury/ballots': () => json(200, { items: [] }),
      'GET /api/jury/memberships': () =>
        json(200, {
          items: [
            membership('r1', 'Tour 1', 'DRAFT', { biddingOpen: true, topics: 4, expertise: 2, bids: 3 }),
            membership('r2', 'Tour 2', 'OPEN', {}),
            membership('r0', 'Tour 0', 'CLOSED', { topics: 4 }),
            // Already assigned: the expertise no longer changes anything there.
            membership('r3', 'Tour 3', 'OPEN', { topics: 4, expertise: 1, assigned: 5 }),
          ],
        }),
    });
    renderApp('/jury');
    const cards = await screen.findAllByTestId('round-preparation');
    expect(cards).toHaveLength(1);
    const [card] = cards as [HTMLElement];
    expect(card).toHaveTextContent('Jury de « \u2068Appel 2026\u2069 » — \u2068Tour 1\u2069');
    expect(within(card).getByText('Les souhaits de lecture sont ouverts : indiquez les projets que vous aimeriez lire.')).toBeInTheDocument();
    expect(within(card).getByText('Vous avez déclaré 2 des 4 domaines de cet appel.')).toBeInTheDocument();
    expect(within(card).getByText('3 souhaits exprimés.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Expertise et souhaits : \u2068Tour 1\u2069' })).toHaveAttribute('href', '/jury/rounds/r1/bidding');
  });
});
