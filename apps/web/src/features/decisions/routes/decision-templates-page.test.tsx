import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { CALL_ID, decisionsFixture, templatesFixture } from '../test-fixtures';


const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const URL = `/admin/calls/${CALL_ID}/decisions/templates`;

interface PreviewBody {
  applicationId: string;
  locale: string;
  subject: Record<string, string>;
  body: Record<string, string>;
}

function api(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}, locale = 'fr') {
  const previews: PreviewBody[] = [];
  const preview = async (request: Request) => {
      const body = (await request.json()) as PreviewBody;
      previews.push(body);
      const rtl = body.locale === 'ar';
      const subject = (body.subject[body.locale] || body.subject.fr || '').replace('{{reference}}', 'FIS-2026-0001');
      return json(200, {
        locale: body.locale,
        dir: rtl ? 'rtl' : 'ltr',
        to: 'amina@example.ma',
        subject,
        text: subject,
        html: `<!doctype html><html dir="${rtl ? 'rtl' : 'ltr'}"><body><p>${subject}</p><script>parent.hacked = true</script></body></html>`,
      });
  };
  mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    [`GET /api/calls/${CALL_ID}/decisions`]: () => json(200, decisionsFixture()),
    [`GET /api/calls/${CALL_ID}/decision-templates`]: () => json(200, templatesFixture()),
    [`POST /api/calls/${CALL_ID}/decision-templates/WINNER/preview`]: preview,
    [`POST /api/calls/${CALL_ID}/decision-templates/NOT_SELECTED/preview`]: preview,
    ...extra,
  });
  return { previews };
}

/** The subject or message field of one language (every language's tab stays mounted). */
const field = (form: HTMLElement, label: 'Objet' | 'Message', lang: string) =>
  within(form).getAllByLabelText(new RegExp(`^${label}`, 'u')).find((element) => element.getAttribute('lang') === lang) as HTMLInputElement;

describe('the decision email templates', { timeout: 20_000 }, () => {
  it('previews the unsaved texts for a real application in a sandboxed frame, in the chosen language', async () => {
    const { previews } = api();
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: "Modèles d'e-mails de décision" })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: "Modèle de l'e-mail : Lauréat" });
    expect(field(form, 'Objet', 'fr')).toHaveValue('Votre projet {{reference}} est lauréat');

    const preview = await screen.findByTestId('decision-preview');
    expect(within(preview).getByTestId('preview-subject')).toHaveTextContent('Votre projet FIS-2026-0001 est lauréat');
    const frame = within(preview).getByTestId('preview-frame');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<p>Votre projet FIS-2026-0001 est lauréat</p>');
    // The preview is for the first application decided a winner, in the language being edited.
    expect(previews[0]).toMatchObject({ applicationId: 'a1', locale: 'fr' });

    fireEvent.change(field(form, 'Objet', 'fr'), { target: { value: 'Bravo pour {{reference}} !' } });
    await waitFor(() => expect(within(screen.getByTestId('decision-preview')).getByTestId('preview-subject')).toHaveTextContent('Bravo pour FIS-2026-0001 !'));
    expect(previews.at(-1)!.subject.fr).toBe('Bravo pour {{reference}} !');

    fireEvent.click(within(form).getByRole('tab', { name: 'العربية' }));
    await waitFor(() => expect(previews.at(-1)!.locale).toBe('ar'));
    const subject = await within(screen.getByTestId('decision-preview')).findByText('مشروعكم FIS-2026-0001 فائز');
    expect(subject).toHaveAttribute('dir', 'rtl');
    expect(field(form, 'Objet', 'ar').closest('[dir]')).toHaveAttribute('dir', 'rtl');
  });

  it("opens the preview in the applicant's language, whatever the page's, and follows the applicant chosen", async () => {
    const { previews } = api();
    renderApp(URL);
    fireEvent.click(await screen.findByRole('tab', { name: /^Non retenus/u }));
    // The not-selected preview is for a2, whose applicant reads Arabic: it opens in Arabic on a French page.
    await waitFor(() => expect(previews.at(-1)).toMatchObject({ applicationId: 'a2', locale: 'ar' }));
    const preview = await screen.findByTestId('decision-preview');
    expect(await within(preview).findByText('ترشيحكم FIS-2026-0001')).toHaveAttribute('dir', 'rtl');
    const region = screen.getByRole('region', { name: "Aperçu de l'e-mail" });
    expect(within(region).getByRole('radio', { name: 'العربية' })).toBeChecked();

    // Another applicant (English): the preview follows their language.
    fireEvent.click(within(region).getAllByLabelText('Dossier').find((element) => element.tagName === 'INPUT')!);
    fireEvent.click(await screen.findByRole('option', { name: 'FIS-2026-0003 · Salma Bennani' }));
    await waitFor(() => expect(previews.at(-1)).toMatchObject({ applicationId: 'a3', locale: 'en' }));
    expect(within(region).getByRole('radio', { name: 'English' })).toBeChecked();
  });

  it('flags unknown placeholders while typing and does not save them', async () => {
    let saved = false;
    api({
      [`PUT /api/calls/${CALL_ID}/decision-templates/WINNER`]: () => {
        saved = true;
        return json(200, {});
      },
    });
    renderApp(URL);
    const form = await screen.findByRole('form', { name: "Modèle de l'e-mail : Lauréat" });
    fireEvent.change(field(form, 'Message', 'fr'), { target: { value: 'Bonjour {{nom}}, {{ prenom }} {{displayName}}' } });
    expect(await within(form).findByText('Champ inconnu : {{nom}} {{prenom}}')).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le modèle' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Corrigez les champs inconnus avant d\'enregistrer.');
    expect(saved).toBe(false);
  });

  it('inserts a placeholder and saves the three languages', async () => {
    let body: unknown;
    api({
      [`PUT /api/calls/${CALL_ID}/decision-templates/WINNER`]: async (request) => {
        body = await request.json();
        const sent = body as { subject: unknown; body: unknown };
        return json(200, { outcome: 'WINNER', subject: sent.subject, body: sent.body, saved: true, updatedAt: '2026-06-03T08:00:00.000Z' });
      },
    });
    renderApp(URL);
    const form = await screen.findByRole('form', { name: "Modèle de l'e-mail : Lauréat" });
    const message = field(form, 'Message', 'fr');
    fireEvent.change(message, { target: { value: 'Bonjour ,' } });
    fireEvent.focus(message);
    message.setSelectionRange(8, 8);
    fireEvent.click(within(form).getByRole('button', { name: "Insérer {{displayName}} : Nom du candidat" }));
    await waitFor(() => expect(message).toHaveValue('Bonjour {{displayName}},'));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le modèle' }));
    await waitFor(() =>
      expect(body).toEqual({
        subject: { fr: 'Votre projet {{reference}} est lauréat', ar: 'مشروعكم {{reference}} فائز', en: '' },
        body: { fr: 'Bonjour {{displayName}},', ar: 'مرحبًا {{displayName}}،\n\nتهانينا!', en: '' },
      }),
    );
  });

  it('marks an outcome whose template is not saved yet, in Arabic', async () => {
    api({}, 'ar');
    await i18n.changeLanguage('ar');
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'نماذج رسائل القرار' })).toBeInTheDocument();
    const tab = screen.getByRole('tab', { name: /غير المقبولين/u });
    expect(within(tab).getByText('لم يُحفظ بعد')).toBeInTheDocument();
  });
});
