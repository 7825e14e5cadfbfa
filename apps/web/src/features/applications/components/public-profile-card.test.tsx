import type { TPublicProfile } from '@tahkim/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { outcomeFixture } from '../../decisions/test-fixtures';
import { PublicProfileSection } from './public-profile-card';


const applicant = { id: 'u9', email: 'amina@example.ma', displayName: 'Amina Idrissi', locale: 'fr', roles: ['APPLICANT'] };
const PHOTO = '3f1c2b7a-9d4e-4c8f-8a1b-2c3d4e5f6a7b';
const OTHER_PHOTO = '8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f';

function profileFixture(overrides: Partial<TPublicProfile> = {}): TPublicProfile {
  return {
    id: 'p1',
    applicationId: 'app1',
    title: { fr: 'Traiteur solidaire de Tanger', ar: 'مطبخ تضامني بطنجة', en: '' },
    organisation: { fr: 'Association Nour', ar: '', en: '' },
    summary: { fr: 'Nous formons des femmes aux métiers de la restauration.', ar: '', en: '' },
    region: 'MA-01',
    photoAttachmentId: PHOTO,
    consent: 'PENDING',
    consentAt: null,
    version: 2,
    updatedAt: '2026-06-10T09:00:00.000Z',
    photoChoices: [
      { attachmentId: PHOTO, fileName: 'équipe.jpg' },
      { attachmentId: OTHER_PHOTO, fileName: 'cuisine.png' },
    ],
    resultsPublished: false,
    callSlug: 'fis-2026',
    ...overrides,
  };
}

type Answer = { status: number; body: unknown };

/** The winner's page with the given presentation; the consent and withdraw answers are what the test says (GIVEN / WITHDRAWN by default). */
function show(profile: TPublicProfile | null, options: { locale?: string; outcome?: unknown; consent?: Answer; withdraw?: Answer } = {}) {
  const sent: Array<{ path: string; body: unknown }> = [];
  const record = async (request: Request, answer: Answer) => {
    sent.push({ path: new URL(request.url).pathname, body: await request.json() });
    return json(answer.status, answer.body);
  };
  const { calls } = mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...applicant, locale: options.locale ?? 'fr' } }),
    'GET /api/applications/app1/outcome': () => json(200, options.outcome ?? outcomeFixture()),
    'GET /api/applications/app1/public-profile': () => json(200, { profile }),
    'POST /api/applications/app1/public-profile/consent': (request) =>
      record(request, options.consent ?? { status: 200, body: { ...profile, consent: 'GIVEN', consentAt: '2026-06-12T10:00:00.000Z', version: 3 } }),
    'POST /api/applications/app1/public-profile/withdraw': (request) =>
      record(request, options.withdraw ?? { status: 200, body: { ...profile, consent: 'WITHDRAWN', consentAt: '2026-06-12T10:00:00.000Z', version: 3 } }),
  });
  const view = renderApp('/presentation', [{ path: '/presentation', element: <PublicProfileSection applicationId="app1" /> }]);
  return { ...view, calls, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("the winner's public presentation", { timeout: 20_000 }, () => {
  it('shows nothing while staff have not written one', async () => {
    const { calls } = show(null);
    await waitFor(() => expect(calls.some((request) => request.url.endsWith('/api/applications/app1/public-profile'))).toBe(true));
    await settle();
    expect(screen.queryByTestId('public-profile')).not.toBeInTheDocument();
    expect(screen.queryByText('Présentation publique')).not.toBeInTheDocument();
  });

  it('does not even ask before the decision is published', async () => {
    const { calls } = show(profileFixture(), { outcome: { published: false, outcome: null, publishedAt: null, message: null, feedback: null } });
    await waitFor(() => expect(calls.some((request) => request.url.endsWith('/api/applications/app1/outcome'))).toBe(true));
    await settle();
    expect(calls.some((request) => request.url.endsWith('/public-profile'))).toBe(false);
    expect(screen.queryByTestId('public-profile')).not.toBeInTheDocument();
  });

  it('shows the presentation as it will appear and agrees to it as written, sending only the version (French)', async () => {
    const { sent } = show(profileFixture());
    const card = await screen.findByTestId('public-profile');
    expect(within(card).getByRole('heading', { name: 'Présentation publique' })).toBeInTheDocument();
    expect(within(card).getByText(/Rien n'y sera montré sans votre accord/u)).toBeInTheDocument();
    expect(within(card).getByTestId('public-profile-consent')).toHaveTextContent('En attente de votre réponse');

    const preview = within(card).getByTestId('public-profile-preview');
    expect(within(preview).getByText('Traiteur solidaire de Tanger')).toHaveAttribute('dir', 'auto');
    expect(within(preview).getByText('Association Nour')).toBeInTheDocument();
    expect(within(preview).getByText('Tanger-Tétouan-Al Hoceïma')).toBeInTheDocument();
    expect(within(preview).getByRole('img', { name: 'Photo du projet « Traiteur solidaire de Tanger »' })).toHaveAttribute(
      'src',
      `/api/applications/app1/attachments/${PHOTO}`,
    );

    fireEvent.click(within(card).getByRole('button', { name: "J'accepte" }));
    await waitFor(() => expect(sent).toEqual([{ path: '/api/applications/app1/public-profile/consent', body: { version: 2 } }]));
    expect(await screen.findByText('Merci ! Votre accord est enregistré.')).toBeInTheDocument();
    expect(within(card).getByTestId('public-profile-consent')).toHaveTextContent('Accord donné');
    expect(within(card).getByText(/^Vous avez donné votre accord le/u)).toBeInTheDocument();
    expect(within(card).getByText('Il y sera présenté dès que la page des lauréats sera publiée.')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: "J'accepte" })).not.toBeInTheDocument();
  });

  it('links to the public page once it is published and the winner agreed', async () => {
    show(profileFixture({ consent: 'GIVEN', consentAt: '2026-06-11T10:00:00.000Z', resultsPublished: true }));
    const card = await screen.findByTestId('public-profile');
    expect(within(card).getByText(/Votre projet est présenté sur la page publique des lauréats/u)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Voir la page des lauréats' })).toHaveAttribute('href', '/calls/fis-2026/results');
  });

  it('sends the texts as the winner rewrote them, with the version they read', async () => {
    const { sent } = show(profileFixture());
    const card = await screen.findByTestId('public-profile');
    fireEvent.click(within(card).getByRole('button', { name: 'Modifier et accepter' }));
    const form = within(card).getByRole('form', { name: 'Modifier votre présentation' });

    const french = within(form).getByRole('group', { name: 'Français' });
    fireEvent.change(within(french).getByLabelText('Titre du projet'), { target: { value: '  Cuisine des femmes de Tanger ' } });
    const arabic = within(form).getByRole('group', { name: 'العربية' });
    expect(within(arabic).getByLabelText('Titre du projet')).toHaveAttribute('dir', 'rtl');
    fireEvent.change(within(arabic).getByLabelText('Titre du projet'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Région'), { target: { value: 'MA-06' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'cuisine.png' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer et donner mon accord' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: '/api/applications/app1/public-profile/consent',
      body: {
        version: 2,
        texts: {
          title: { fr: 'Cuisine des femmes de Tanger', ar: '', en: '' },
          organisation: { fr: 'Association Nour', ar: '', en: '' },
          summary: { fr: 'Nous formons des femmes aux métiers de la restauration.', ar: '', en: '' },
          region: 'MA-06',
          photoAttachmentId: OTHER_PHOTO,
        },
      },
    });
    expect(await screen.findByText('Merci ! Votre présentation et votre accord sont enregistrés.')).toBeInTheDocument();
    expect(within(card).queryByRole('form')).not.toBeInTheDocument();
  });

  it('asks for a title in some language before sending, and shows the API refusal on its field', async () => {
    const { sent } = show(profileFixture(), {
      consent: {
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Certaines valeurs sont invalides.',
          details: [{ path: ['texts', 'summary', 'fr'], code: 'too_big', message: 'Le résumé est trop long.' }],
          requestId: 'r1',
        },
      },
    });
    const card = await screen.findByTestId('public-profile');
    fireEvent.click(within(card).getByRole('button', { name: 'Modifier et accepter' }));
    const form = within(card).getByRole('form', { name: 'Modifier votre présentation' });
    for (const language of ['Français', 'العربية']) {
      fireEvent.change(within(within(form).getByRole('group', { name: language })).getByLabelText('Titre du projet'), { target: { value: ' ' } });
    }
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer et donner mon accord' }));
    expect(await within(form).findByText('Indiquez un titre dans au moins une langue.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.change(within(within(form).getByRole('group', { name: 'Français' })).getByLabelText('Titre du projet'), { target: { value: 'Cuisine' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer et donner mon accord' }));
    expect(await within(form).findByText('Le résumé est trop long.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });

  it('asks before withdrawing, then sends only the version', async () => {
    const { sent } = show(profileFixture({ consent: 'GIVEN', consentAt: '2026-06-11T10:00:00.000Z', version: 4 }));
    const card = await screen.findByTestId('public-profile');
    fireEvent.click(within(card).getByRole('button', { name: 'Retirer mon accord' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer votre accord ?' });
    expect(within(dialog).getByText(/retiré de la page publique des lauréats immédiatement/u)).toBeInTheDocument();
    await settle();
    expect(sent).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Oui, retirer mon accord' }));
    await waitFor(() => expect(sent).toEqual([{ path: '/api/applications/app1/public-profile/withdraw', body: { version: 4 } }]));
    expect(await screen.findByText("Votre accord est retiré : votre projet n'est plus présenté sur la page publique.")).toBeInTheDocument();
    expect(within(card).getByTestId('public-profile-consent')).toHaveTextContent('Publication refusée');
    expect(within(card).getByText(/^Vous avez refusé la publication le/u)).toBeInTheDocument();
  });

  it('refuses in Arabic, right to left, after a confirmation that can be cancelled', async () => {
    await i18n.changeLanguage('ar');
    const { sent } = show(profileFixture(), { locale: 'ar' });
    const card = await screen.findByTestId('public-profile');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(within(card).getByRole('heading', { name: 'التقديم العمومي لمشروعك' })).toBeInTheDocument();
    const preview = within(card).getByTestId('public-profile-preview');
    expect(within(preview).getByText('مطبخ تضامني بطنجة')).toHaveAttribute('lang', 'ar');
    // No Arabic organisation: the French one is shown, marked as French.
    expect(within(preview).getByText('Association Nour')).toHaveAttribute('lang', 'fr');
    expect(within(preview).getByText('جهة طنجة تطوان الحسيمة')).toBeInTheDocument();

    fireEvent.click(within(card).getByRole('button', { name: 'لا أوافق' }));
    let dialog = await screen.findByRole('dialog', { name: 'هل تريد رفض النشر؟' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'إلغاء' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual([]);

    fireEvent.click(within(card).getByRole('button', { name: 'لا أوافق' }));
    dialog = await screen.findByRole('dialog', { name: 'هل تريد رفض النشر؟' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'نعم، أرفض' }));
    await waitFor(() => expect(sent).toEqual([{ path: '/api/applications/app1/public-profile/withdraw', body: { version: 2 } }]));
    expect(await screen.findByText('سُجّل رفضك: لن يُعرض مشروعك في الصفحة العمومية.')).toBeInTheDocument();
    expect(within(card).getByTestId('public-profile-consent')).toHaveTextContent('النشر مرفوض');
  });

  it('shows why an answer was refused and the new text when staff changed it meanwhile (VERSION_CONFLICT)', async () => {
    const current = profileFixture({ title: { fr: 'Cuisine solidaire de Tanger', ar: '', en: '' }, version: 3 });
    const { sent } = show(profileFixture(), {
      consent: {
        status: 409,
        body: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Ces données ont été modifiées ailleurs. Choisissez la version à garder.', details: { current }, requestId: 'r1' },
      },
    });
    const card = await screen.findByTestId('public-profile');
    fireEvent.click(within(card).getByRole('button', { name: "J'accepte" }));

    const refusal = await within(card).findByTestId('public-profile-refusal');
    expect(refusal).toHaveTextContent('Ces données ont été modifiées ailleurs.');
    expect(refusal).toHaveTextContent("L'équipe de la fondation a modifié votre présentation entre-temps");
    const preview = within(card).getByTestId('public-profile-preview');
    expect(within(preview).getByText('Cuisine solidaire de Tanger')).toBeInTheDocument();
    expect(within(preview).queryByText('Traiteur solidaire de Tanger')).not.toBeInTheDocument();
    expect(within(card).getByTestId('public-profile-consent')).toHaveTextContent('En attente de votre réponse');

    // The next answer is about the new text.
    fireEvent.click(within(card).getByRole('button', { name: "J'accepte" }));
    await waitFor(() => expect(sent.map((request) => request.body)).toEqual([{ version: 2 }, { version: 3 }]));
  });

  it('keeps the winner’s edits when staff changed the text meanwhile, showing the new one beside them', async () => {
    const current = profileFixture({ summary: { fr: 'Un nouveau résumé écrit par l’équipe.', ar: '', en: '' }, version: 3 });
    const { sent } = show(profileFixture(), {
      consent: {
        status: 409,
        body: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Ces données ont été modifiées ailleurs. Choisissez la version à garder.', details: { current }, requestId: 'r1' },
      },
    });
    const card = await screen.findByTestId('public-profile');
    fireEvent.click(within(card).getByRole('button', { name: 'Modifier et accepter' }));
    const form = within(card).getByRole('form', { name: 'Modifier votre présentation' });
    const title = within(within(form).getByRole('group', { name: 'Français' })).getByLabelText('Titre du projet');
    fireEvent.change(title, { target: { value: 'Mon titre à moi' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer et donner mon accord' }));

    const changed = await within(form).findByTestId('public-profile-changed');
    expect(changed).toHaveTextContent('Ces données ont été modifiées ailleurs.');
    expect(within(changed).getByText('Un nouveau résumé écrit par l’équipe.')).toBeInTheDocument();
    expect(title).toHaveValue('Mon titre à moi');

    fireEvent.click(within(changed).getByRole('button', { name: 'Repartir de ce nouveau texte' }));
    expect(title).toHaveValue('Traiteur solidaire de Tanger');
    expect(within(within(form).getByRole('group', { name: 'Français' })).getByLabelText('Résumé')).toHaveValue('Un nouveau résumé écrit par l’équipe.');
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer et donner mon accord' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect((sent[1]!.body as { version: number }).version).toBe(3);
  });
});
