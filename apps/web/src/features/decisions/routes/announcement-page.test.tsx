import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TCallAnnouncement } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { announcementFixture, CALL_ID, CALL_SLUG, PHOTO_1, PHOTO_2, publicProfile } from '../test-fixtures';


const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const URL = `/admin/calls/${CALL_ID}/announcement`;
const PUBLISHED_AT = '2026-06-12T10:00:00.000Z';

function api(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}, list: () => TCallAnnouncement = announcementFixture, locale = 'fr') {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    [`GET /api/calls/${CALL_ID}/public-profiles`]: () => json(200, list()),
    ...extra,
  });
}

const row = (reference: string) => screen.getAllByTestId('winner-row').find((element) => within(element).queryByText(reference)) as HTMLElement;
/** The open language tab of the editor (the others are hidden). */
const panel = (dialog: HTMLElement) => within(dialog).getByRole('tabpanel');
const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

async function openEditor(button: string) {
  fireEvent.click(await screen.findByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

describe("the announcement of a call's winners", { timeout: 20_000 }, () => {
  it('lists the winners with where their presentation stands, and the results page not published yet (French)', async () => {
    api();
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'Annonce des lauréats' })).toBeInTheDocument();
    expect(screen.getByText('Fonds d’initiatives solidaires')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Programme d'accompagnement" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/programme`);
    const publication = screen.getByRole('region', { name: 'Page des résultats' });
    expect(within(publication).getByTestId('results-status')).toHaveTextContent('Non publiée');
    expect(within(publication).getByTestId('shown-count')).toHaveTextContent('1 sur 3');
    expect(within(publication).queryByTestId('results-link')).not.toBeInTheDocument();
    expect(screen.getByTestId('winners-progress')).toHaveTextContent("1 lauréat n'a pas encore de présentation.");

    expect(within(row('FIS-2026-0001')).getByTestId('presentation-state')).toHaveTextContent('Pas encore rédigée');
    expect(within(row('FIS-2026-0001')).getByText('Amina Idrissi')).toBeInTheDocument();
    expect(within(row('FIS-2026-0001')).getByRole('link', { name: 'FIS-2026-0001' })).toHaveAttribute('href', '/admin/applications/a1');
    expect(within(row('FIS-2026-0001')).getByRole('button', { name: 'Rédiger la présentation du dossier FIS-2026-0001' })).toHaveTextContent('Rédiger la présentation');
    expect(within(row('FIS-2026-0004')).getByTestId('presentation-state')).toHaveTextContent('Acceptée');
    expect(within(row('FIS-2026-0004')).getByText(/^Réponse le 10 jui/u)).toBeInTheDocument();
    expect(within(row('FIS-2026-0004')).getByText('Ferme pédagogique de Tiznit')).toBeInTheDocument();
    expect(within(row('FIS-2026-0004')).getByRole('button', { name: 'Modifier la présentation du dossier FIS-2026-0004' })).toBeInTheDocument();
    expect(within(row('FIS-2026-0006')).getByTestId('presentation-state')).toHaveTextContent('Refusée');
    expect(within(row('FIS-2026-0006')).getByText('Langue : English')).toBeInTheDocument();
  });

  it('publishes the results page, then gives its address', async () => {
    let published = false;
    api(
      {
        [`POST /api/calls/${CALL_ID}/results/publish`]: () => {
          published = true;
          return json(200, { resultsPublishedAt: PUBLISHED_AT, shownCount: 1 });
        },
      },
      () => announcementFixture({ resultsPublishedAt: published ? PUBLISHED_AT : null }),
    );
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Publier la page des résultats' }));
    await waitFor(() => expect(screen.getByTestId('results-status')).toHaveTextContent('En ligne'));
    expect(await screen.findByText('La page des résultats est en ligne avec 1 lauréat présenté.')).toBeInTheDocument();
    expect(screen.getByText(/^En ligne depuis le 12 juin 2026/u)).toBeInTheDocument();
    expect(screen.getByTestId('results-link')).toHaveAttribute('href', `/calls/${CALL_SLUG}/results`);
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publier la page des résultats' })).not.toBeInTheDocument();
  });

  it('takes the page down after a confirmation', async () => {
    let published = true;
    let calls = 0;
    api(
      {
        [`POST /api/calls/${CALL_ID}/results/unpublish`]: () => {
          calls += 1;
          published = false;
          return json(200, { resultsPublishedAt: null, shownCount: 1 });
        },
      },
      () => announcementFixture({ resultsPublishedAt: published ? PUBLISHED_AT : null }),
    );
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer la page' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer la page des résultats ?' });
    expect(within(dialog).getByText('Le lauréat qui y est présenté ne sera plus visible.')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Retirer la page' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Retirer la page' }));
    await waitFor(() => expect(screen.getByTestId('results-status')).toHaveTextContent('Non publiée'));
    expect(calls).toBe(1);
    expect(screen.queryByTestId('results-link')).not.toBeInTheDocument();
  });

  it("shows why publishing was refused, in the API's words", async () => {
    api({
      [`POST /api/calls/${CALL_ID}/results/publish`]: () =>
        json(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'La page des résultats ne peut être publiée avant la publication des décisions de cet appel.',
          details: { reason: 'RESULTS_NOT_DECIDED' },
          requestId: 'r1',
        }),
    });
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Publier la page des résultats' }));
    expect(await within(screen.getByTestId('results-publication')).findByRole('alert')).toHaveTextContent('La page des résultats ne peut être publiée avant la publication des décisions de cet appel.');
  });

  it('does not offer to publish before the decisions are', async () => {
    api({}, () => announcementFixture({ status: 'CLOSED' }));
    renderApp(URL);
    expect(await screen.findByRole('button', { name: 'Publier la page des résultats' })).toBeDisabled();
    const notice = screen.getByTestId('results-not-decided');
    expect(notice).toHaveTextContent('Les décisions de cet appel ne sont pas encore publiées');
    expect(within(notice).getByRole('link', { name: "Décisions de l'appel" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/decisions`);
  });

  it("writes a presentation from the draft taken from the answers, sent without a version", async () => {
    let body: unknown;
    api({
      'PUT /api/applications/a1/public-profile': async (request) => {
        body = await request.json();
        return json(200, publicProfile({ id: 'p1', applicationId: 'a1', consent: 'PENDING', consentAt: null, version: 1 }));
      },
    });
    renderApp(URL);
    const dialog = await openEditor('Rédiger la présentation du dossier FIS-2026-0001');
    expect(dialog).toHaveAccessibleName('Présentation publique · FIS-2026-0001');
    expect(within(dialog).getByTestId('presentation-status')).toHaveTextContent(/^Proposition tirée des réponses du dossier/u);
    expect(strip(within(dialog).getByText(/^Langues de l'appel/u).textContent)).toMatch(/^Langues de l'appel : Français et العربية\./u);
    // The draft is in French: its tab opens, prefilled.
    expect(within(panel(dialog)).getByLabelText('Titre du projet')).toHaveValue('Traiteur solidaire');
    expect(within(panel(dialog)).getByLabelText('Structure porteuse')).toHaveValue('Association Amal');
    expect(within(panel(dialog)).getByLabelText(/^Présentation/u)).toHaveValue('Un traiteur qui forme des femmes de Casablanca aux métiers de la cuisine.');
    expect(within(dialog).getByRole('combobox', { name: 'Région' })).toHaveValue('MA-06');
    expect(within(dialog).getByRole('radio', { name: 'equipe.jpg' })).toHaveAttribute('aria-checked', 'true');
    expect(within(dialog).getByRole('radio', { name: 'equipe.jpg' }).querySelector('img')).toHaveAttribute('src', `/api/applications/a1/attachments/${PHOTO_1}`);
    expect(strip(within(dialog).getByTestId('save-note').textContent)).toBe("À l'enregistrement, Amina Idrissi reçoit un e-mail pour relire la présentation, la corriger ou la refuser.");

    // The Arabic title, typed right to left in its own tab.
    fireEvent.click(within(dialog).getByRole('tab', { name: 'العربية' }));
    const arabicTitle = within(panel(dialog)).getByLabelText('Titre du projet');
    expect(arabicTitle).toHaveAttribute('dir', 'rtl');
    fireEvent.change(arabicTitle, { target: { value: '  ممون تضامني ' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'cuisine.png' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la présentation' }));
    await waitFor(() =>
      expect(body).toEqual({
        title: { fr: 'Traiteur solidaire', ar: 'ممون تضامني', en: '' },
        organisation: { fr: 'Association Amal', ar: '', en: '' },
        summary: { fr: 'Un traiteur qui forme des femmes de Casablanca aux métiers de la cuisine.', ar: '', en: '' },
        region: 'MA-06',
        photoAttachmentId: PHOTO_2,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The name is isolated from the sentence around it (an Arabic name in a French sentence keeps its place).
    expect(await screen.findByText('Présentation enregistrée. Un e-mail demande son accord à \u2068Amina Idrissi\u2069.')).toBeInTheDocument();
  });

  it('edits an agreed presentation with its version, saying the winner will be asked again', async () => {
    let body: Record<string, unknown> = {};
    api({
      'PUT /api/applications/a4/public-profile': async (request) => {
        body = (await request.json()) as Record<string, unknown>;
        return json(200, publicProfile({ consent: 'PENDING', consentAt: null, version: 4 }));
      },
    });
    renderApp(URL);
    const dialog = await openEditor('Modifier la présentation du dossier FIS-2026-0004');
    expect(strip(within(dialog).getByTestId('presentation-status').textContent)).toMatch(/^Omar Tazi a accepté cette présentation le 10 juin 2026/u);
    expect(within(dialog).getByTestId('save-note')).toHaveTextContent('Enregistrer des modifications demande au lauréat de donner à nouveau son accord');
    expect(within(dialog).getByRole('combobox', { name: 'Région' })).toHaveValue('MA-09');
    expect(within(dialog).getByTestId('no-photos')).toBeInTheDocument();
    fireEvent.change(within(panel(dialog)).getByLabelText(/^Présentation/u), { target: { value: 'Une ferme qui accueille les écoles du Souss.' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Région' }), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la présentation' }));
    await waitFor(() => expect(body.version).toBe(3));
    expect(body).toMatchObject({ summary: { fr: 'Une ferme qui accueille les écoles du Souss.', ar: 'مزرعة تستقبل مدارس الجهة.', en: '' }, region: null, photoAttachmentId: null });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('on a version conflict, says so and shows the presentation saved meanwhile, whose version the next save sends', async () => {
    const versions: unknown[] = [];
    const current = publicProfile({ title: { fr: 'Ferme pédagogique (revue par le lauréat)', ar: '', en: '' }, version: 5, consentAt: '2026-06-12T08:00:00.000Z' });
    api({
      'PUT /api/applications/a4/public-profile': async (request) => {
        const sent = (await request.json()) as { version: number };
        versions.push(sent.version);
        if (versions.length === 1) {
          return json(409, { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Ces données ont été modifiées ailleurs. Choisissez la version à garder.', details: { current }, requestId: 'r2' });
        }
        return json(200, { ...current, consent: 'PENDING', version: 6 });
      },
    });
    renderApp(URL);
    const dialog = await openEditor('Modifier la présentation du dossier FIS-2026-0004');
    fireEvent.change(within(panel(dialog)).getByLabelText('Titre du projet'), { target: { value: 'Ferme pédagogique' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la présentation' }));
    const conflict = await within(dialog).findByTestId('presentation-conflict');
    expect(conflict).toHaveTextContent('Ces données ont été modifiées ailleurs. Choisissez la version à garder.');
    expect(conflict).toHaveTextContent('Le formulaire montre maintenant la version enregistrée');
    expect(within(panel(dialog)).getByLabelText('Titre du projet')).toHaveValue('Ferme pédagogique (revue par le lauréat)');
    expect(strip(within(dialog).getByTestId('presentation-status').textContent)).toMatch(/le 12 juin 2026/u);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la présentation' }));
    await waitFor(() => expect(versions).toEqual([3, 5]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says in the interface language that a title is needed, and shows the API field errors in their tab', async () => {
    let puts = 0;
    api({
      'PUT /api/applications/a1/public-profile': () => {
        puts += 1;
        return json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Certaines valeurs sont invalides.',
          details: [{ path: ['title', 'ar'], code: 'too_big', message: 'Ce texte est trop long.' }],
          requestId: 'r3',
        });
      },
    });
    renderApp(URL);
    const dialog = await openEditor('Rédiger la présentation du dossier FIS-2026-0001');
    fireEvent.change(within(panel(dialog)).getByLabelText('Titre du projet'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la présentation' }));
    expect(await within(panel(dialog)).findByText('Écrivez le titre dans au moins une langue.')).toBeInTheDocument();
    expect(puts).toBe(0);

    fireEvent.change(within(panel(dialog)).getByLabelText('Titre du projet'), { target: { value: 'Traiteur solidaire' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la présentation' }));
    // The error is about the Arabic title: its tab opens, marked.
    await waitFor(() => expect(within(dialog).getByRole('tab', { name: /^العربية/u })).toHaveAttribute('aria-selected', 'true'));
    expect(within(panel(dialog)).getByText('Ce texte est trop long.')).toBeInTheDocument();
    expect(within(dialog).getByRole('tab', { name: /^العربية/u })).toHaveTextContent('(à corriger)');
    expect(puts).toBe(1);
  });

  it('reads right to left in Arabic', async () => {
    api({}, announcementFixture, 'ar');
    await i18n.changeLanguage('ar');
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'الإعلان عن الفائزين' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('صندوق المبادرات التضامنية')).toBeInTheDocument();
    expect(screen.getByTestId('shown-count')).toHaveTextContent('1 من أصل 3');
    expect(screen.getByTestId('winners-progress')).toHaveTextContent('فائز واحد ليست له نبذة بعد.');
    expect(within(row('FIS-2026-0004')).getByTestId('presentation-state')).toHaveTextContent('موافَق عليها');
    expect(within(row('FIS-2026-0006')).getByTestId('presentation-state')).toHaveTextContent('مرفوضة');
    expect(screen.getByRole('button', { name: 'نشر صفحة النتائج' })).toBeEnabled();
    const dialog = await openEditor('كتابة نبذة الملف FIS-2026-0001');
    // The draft is in French: its tab opens although the interface is in Arabic.
    expect(within(dialog).getByRole('tab', { name: 'Français' })).toHaveAttribute('aria-selected', 'true');
    expect(within(panel(dialog)).getByLabelText('عنوان المشروع')).toHaveAttribute('dir', 'ltr');
    expect(within(dialog).getByRole('combobox', { name: 'الجهة' })).toHaveDisplayValue('جهة الدار البيضاء سطات');
  });
});
