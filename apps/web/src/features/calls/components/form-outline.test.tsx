import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';

const CALL_ID = '01a235ae-dade-766b-b521-972acf49b372';
const anonymous = () => json(200, { user: null });
const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });
const MB = 1024 * 1024;

/** A line whose parts are isolated in their own elements, matched on its whole text. */
const line = (text: string) => (_: string, element: Element | null) => element?.tagName === 'P' && element.textContent === text;

const call = {
  id: CALL_ID,
  slug: 'innovation-sociale-2027',
  title: text('Innovation sociale 2027', 'الابتكار الاجتماعي 2027', 'Social innovation 2027'),
  summary: text('Des projets à double impact.', 'مشاريع ذات أثر مزدوج.', 'Projects with a double impact.'),
  description: text('Le texte de l’appel.', 'نص الطلب.', 'The call’s text.'),
  eligibility: text('Associations et coopératives.', 'الجمعيات والتعاونيات.', 'Associations and cooperatives.'),
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2099-01-15T22:59:00.000Z',
  opensAtLocal: { dateTime: '2026-01-01T01:00', offset: '+01:00' },
  closesAtLocal: { dateTime: '2099-01-15T23:59', offset: '+01:00' },
  timezone: 'Africa/Casablanca',
  status: 'PUBLISHED',
  acceptingApplications: true,
  maxApplicationsPerApplicant: 1,
};

const outline = {
  callId: CALL_ID,
  sections: [
    {
      key: 'organisation',
      title: text('Votre organisation', 'منظمتكم', 'Your organisation'),
      fields: [
        { key: 'org_name', type: 'SHORT_TEXT', label: text('Nom de la structure', 'اسم الهيكل', 'Name of the organisation'), required: true },
        { key: 'website', type: 'URL', label: text('Site web', 'الموقع الإلكتروني', 'Website'), required: false },
      ],
    },
    {
      key: 'documents',
      title: text('Pièces jointes', 'الوثائق المرفقة', 'Attachments'),
      fields: [
        {
          key: 'statutes',
          type: 'FILE',
          label: text('Statuts de l’association', 'القانون الأساسي للجمعية', 'Articles of association'),
          required: true,
          files: { maxFiles: 2, maxFileSizeBytes: 5 * MB, acceptedMediaTypes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
        },
        { key: 'photos', type: 'FILE', label: text('Photos du projet', 'صور المشروع', 'Project photos'), required: false, files: { maxFiles: 1, maxFileSizeBytes: 10 * MB, acceptedMediaTypes: ['image/jpeg', 'image/png'] } },
      ],
    },
  ],
};

function mockCall() {
  return mockApi({
    'GET /api/auth/session': anonymous,
    [`GET /api/calls/${call.slug}`]: () => json(200, call),
    [`GET /api/calls/${CALL_ID}/form/outline`]: () => json(200, outline),
  });
}

describe('call page: what the form will ask, before signing up', { timeout: 15_000 }, () => {
  it('lists the documents to prepare with their types, size and count, and each step’s questions marked required or optional', async () => {
    mockCall();
    renderApp(`/calls/${call.slug}`);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Ce que le formulaire vous demandera' })).closest('section')!;
    expect(within(section).getByText(/2 étapes et 4 questions/u)).toBeInTheDocument();

    // The call's own description comes before the outline.
    const description = screen.getByRole('heading', { level: 2, name: "L'appel" });
    expect(description.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const documents = within(section).getByTestId('call-documents');
    const items = within(documents).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('Statuts de l’association')).toHaveAttribute('dir', 'auto');
    expect(within(items[0]!).getByText('obligatoire')).toBeInTheDocument();
    expect(within(items[0]!).getByText(line("PDF, Word · 5 Mo max. par fichier · jusqu'à 2 fichiers"))).toBeInTheDocument();
    // Each part on its own, so a Latin list of types never reorders the size on an Arabic page.
    expect(within(items[0]!).getByText('PDF, Word').tagName).toBe('BDI');
    expect(within(items[1]!).getByText('facultatif')).toBeInTheDocument();
    expect(within(items[1]!).getByText(line('JPEG, PNG · 10 Mo max. par fichier · 1 fichier'))).toBeInTheDocument();

    // Steps are collapsed; opening one shows its questions.
    const step = within(section).getByRole('button', { name: /Étape 1 : Votre organisation \(2 questions\)/u });
    expect(step).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(step);
    expect(step).toHaveAttribute('aria-expanded', 'true');
    const panel = within(section).getByText('Nom de la structure').closest('ul')!;
    const questions = await within(panel).findAllByRole('listitem');
    expect(questions.map((item) => item.textContent)).toEqual(['Nom de la structureobligatoire', 'Site webfacultatif']);
    expect(within(section).getByRole('button', { name: /Étape 2 : Pièces jointes \(2 questions\)/u })).toBeInTheDocument();
  });

  it('reads in Arabic', async () => {
    await i18n.changeLanguage('ar');
    mockCall();
    renderApp(`/calls/${call.slug}`);
    const documents = await screen.findByTestId('call-documents');
    expect(within(documents).getByRole('heading', { name: 'الوثائق التي ينبغي تحضيرها' })).toBeInTheDocument();
    expect(within(documents).getByText('القانون الأساسي للجمعية')).toBeInTheDocument();
    expect(within(documents).getByText('إجباري')).toBeInTheDocument();
    expect(within(documents).getByText(line('PDF, Word · 5 م.ب كحد أقصى للملف الواحد · ملفان كحد أقصى'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /الخطوة 1: منظمتكم/u })).toBeInTheDocument();
  });

  it('shows the call without an outline when there is none to read', async () => {
    mockApi({ 'GET /api/auth/session': anonymous, [`GET /api/calls/${call.slug}`]: () => json(200, call) });
    renderApp(`/calls/${call.slug}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Innovation sociale 2027' })).toBeInTheDocument();
    expect(screen.queryByTestId('call-outline')).not.toBeInTheDocument();
  });
});
