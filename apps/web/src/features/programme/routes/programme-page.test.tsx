import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TProgramme } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { CALL_ID, emptyProgramme, programmeFixture, staffCallFixture } from '../test-fixtures';


const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const URL = `/admin/calls/${CALL_ID}/programme`;
const PROGRAMME = `/api/calls/${CALL_ID}/programme`;

type Handler = (request: Request) => Response | Promise<Response>;

function api(programme: () => TProgramme = programmeFixture, extra: Record<string, Handler> = {}, locale = 'fr') {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, staffCallFixture()),
    [`GET ${PROGRAMME}`]: () => json(200, programme()),
    ...extra,
  });
}

const milestone = (number: number) => screen.getByRole('group', { name: `Étape ${number}` });
const indicator = (number: number) => screen.getByRole('group', { name: `Indicateur ${number}` });
/** The open language tab of an item (the others are hidden). */
const panel = (item: HTMLElement) => within(item).getByRole('tabpanel');
const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');
const saveButton = () => screen.getByRole('button', { name: 'Enregistrer le programme' });

/** Types a due date and time of day as a person does, day/month/year and 24 hours. */
function typeDueAt(item: HTMLElement, date: string, time: string) {
  const group = within(item).getByRole('group', { name: /^Échéance/u });
  fireEvent.change(within(group).getByRole('textbox', { name: /^Date \(jj\/mm\/aaaa\)/u }), { target: { value: date } });
  fireEvent.change(within(group).getByRole('textbox', { name: /^Heure \(hh:mm, 24 h\)/u }), { target: { value: time } });
}

describe("a call's support programme", { timeout: 20_000 }, () => {
  it('shows the saved milestones and indicators, in order, with their due dates in Morocco time (French)', async () => {
    api();
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: "Programme d'accompagnement" })).toBeInTheDocument();
    expect(screen.getByText('Fonds d’initiatives solidaires')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Fonds d’initiatives solidaires' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}`);
    expect(screen.getByRole('link', { name: 'Annonce des lauréats' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/announcement`);

    const milestones = screen.getByRole('region', { name: 'Étapes du suivi' });
    expect(within(milestones).getByTestId('milestones-summary')).toHaveTextContent("2 étapes1 rapport d'avancement attendu");
    const first = milestone(1);
    expect(within(panel(first)).getByLabelText('Intitulé')).toHaveValue('Formation de la première cohorte');
    expect(within(panel(first)).getByLabelText('Description (facultative)')).toHaveValue('Trois jours à Casablanca pour les porteurs de projets.');
    const due = within(first).getByRole('group', { name: /^Échéance/u });
    expect(within(due).getByRole('textbox', { name: /^Date/u })).toHaveValue('31/10/2026');
    expect(within(due).getByRole('textbox', { name: /^Heure/u })).toHaveValue('18:00');
    expect(within(first).getByText('Heure du Maroc (Africa/Casablanca), soit UTC+00:00 à cette date.')).toBeInTheDocument();
    expect(within(first).getByRole('switch', { name: /^Rapport d'avancement attendu/u })).not.toBeChecked();
    expect(strip(within(first).getByTestId('item-key').textContent)).toBe('Référence : first_cohort');
    expect(within(milestone(2)).getByRole('switch', { name: /^Rapport d'avancement attendu/u })).toBeChecked();
    expect(within(first).getByRole('button', { name: "Monter l'étape 1" })).toBeDisabled();
    expect(within(milestone(2)).getByRole('button', { name: "Descendre l'étape 2" })).toBeDisabled();

    const women = indicator(1);
    expect(within(panel(women)).getByLabelText(/^Intitulé/u)).toHaveValue('Femmes formées');
    expect(within(panel(women)).getByLabelText(/^Unité/u)).toHaveValue('femmes');
    expect(within(women).getByRole('textbox', { name: /^Cible par projet/u })).toHaveValue('40');
    expect(within(women).getByRole('radio', { name: "Plus c'est élevé, mieux c'est" })).toBeChecked();
    expect(within(women).getByRole('radio', { name: "Chaque rapport donne le chiffre de sa période : les totaux s'additionnent" })).toBeChecked();
    expect(within(indicator(2)).getByRole('radio', { name: 'Chaque rapport donne le chiffre actuel : le dernier compte' })).toBeChecked();
    expect(within(indicator(2)).getByRole('textbox', { name: /^Cible par projet/u })).toHaveValue('');
    expect(screen.getByTestId('indicators-summary')).toHaveTextContent('2 indicateurs1 avec une cible');

    expect(saveButton()).toBeDisabled();
    expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistré le 15 juin 2026 à 11:00');
  });

  it('adds a first milestone and a first indicator, and saves the whole programme with version 0 and the due date as typed', async () => {
    let body: unknown;
    let saved = false;
    const savedProgramme = (): TProgramme => ({
      callId: CALL_ID,
      version: 1,
      updatedAt: '2026-06-20T09:00:00.000Z',
      milestones: [
        {
          key: 'rapport_a_mi_parcours',
          title: { ar: '', fr: 'Rapport à mi-parcours', en: '' },
          description: null,
          dueAt: '2026-12-31T23:59:00.000Z',
          dueAtLocal: { dateTime: '2026-12-31T23:59', offset: '+00:00' },
          reportDue: true,
        },
      ],
      indicators: [
        { key: 'femmes_formees', label: { ar: '', fr: 'Femmes formées', en: '' }, unit: { ar: '', fr: 'femmes', en: '' }, target: 40, direction: 'HIGHER_IS_BETTER', aggregation: 'LATEST' },
      ],
    });
    api(() => (saved ? savedProgramme() : emptyProgramme()), {
      [`PUT ${PROGRAMME}`]: async (request) => {
        body = await request.json();
        saved = true;
        return json(200, savedProgramme());
      },
    });
    renderApp(URL);
    expect(await screen.findByText("Aucune étape pour l'instant")).toBeInTheDocument();
    expect(screen.getByText("Aucun indicateur pour l'instant")).toBeInTheDocument();
    expect(screen.getByTestId('save-state')).toHaveTextContent('Pas encore enregistré.');

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une étape' }));
    const added = milestone(1);
    expect(within(added).getByText('Nouvelle étape')).toBeInTheDocument();
    expect(within(added).getByTestId('item-key')).toHaveTextContent("Sa référence sera créée à l'enregistrement");
    // The new milestone's title in the interface language has the focus.
    await waitFor(() => expect(within(panel(added)).getByLabelText('Intitulé')).toHaveFocus());
    fireEvent.change(within(panel(added)).getByLabelText('Intitulé'), { target: { value: 'Rapport à mi-parcours' } });
    typeDueAt(added, '31/12/2026', '23:59');
    expect(within(added).getByRole('switch', { name: /^Rapport d'avancement attendu/u })).toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un indicateur' }));
    const women = indicator(1);
    fireEvent.change(within(panel(women)).getByLabelText(/^Intitulé/u), { target: { value: 'Femmes formées' } });
    fireEvent.change(within(panel(women)).getByLabelText(/^Unité/u), { target: { value: 'femmes' } });
    fireEvent.change(within(women).getByRole('textbox', { name: /^Cible par projet/u }), { target: { value: '40' } });
    fireEvent.click(within(women).getByRole('radio', { name: 'Chaque rapport donne le chiffre actuel : le dernier compte' }));
    expect(screen.getByTestId('save-state')).toHaveTextContent('Modifications non enregistrées');

    fireEvent.click(saveButton());
    await waitFor(() =>
      expect(body).toEqual({
        version: 0,
        milestones: [{ key: 'rapport_a_mi_parcours', title: { ar: '', fr: 'Rapport à mi-parcours', en: '' }, dueAt: '2026-12-31T23:59', reportDue: true }],
        indicators: [
          { key: 'femmes_formees', label: { ar: '', fr: 'Femmes formées', en: '' }, unit: { ar: '', fr: 'femmes', en: '' }, target: 40, direction: 'HIGHER_IS_BETTER', aggregation: 'LATEST' },
        ],
      }),
    );
    expect(await screen.findByText("Programme d'accompagnement enregistré.")).toBeInTheDocument();
    // Saved: the keys are the server's from now on.
    await waitFor(() => expect(strip(within(milestone(1)).getByTestId('item-key').textContent)).toBe('Référence : rapport_a_mi_parcours'));
    expect(within(milestone(1)).queryByText('Nouvelle étape')).not.toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
    expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistré le 20 juin 2026 à 10:00');
  });

  it('keeps the keys of saved items when they are edited, moved or joined by a new one, and asks before removing a saved one', async () => {
    let body: { version: number; milestones: Array<{ key: string; title: { fr: string }; description?: unknown }>; indicators: Array<{ key: string }> } | undefined;
    api(programmeFixture, {
      [`PUT ${PROGRAMME}`]: async (request) => {
        body = (await request.json()) as typeof body;
        return json(200, programmeFixture({ version: 3 }));
      },
    });
    renderApp(URL);
    await screen.findByRole('heading', { level: 1, name: "Programme d'accompagnement" });
    fireEvent.change(within(panel(milestone(1))).getByLabelText('Intitulé'), { target: { value: 'Formation de la cohorte de Casablanca' } });
    fireEvent.change(within(panel(milestone(1))).getByLabelText('Description (facultative)'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: "Descendre l'étape 1" }));
    expect(within(panel(milestone(2))).getByLabelText('Intitulé')).toHaveValue('Formation de la cohorte de Casablanca');

    // A new milestone with the title of a saved one gets a key of its own.
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une étape' }));
    fireEvent.change(within(panel(milestone(3))).getByLabelText('Intitulé'), { target: { value: 'First cohort' } });
    typeDueAt(milestone(3), '30/06/2027', '23:59');

    // Removing a saved indicator asks first; cancelling keeps it.
    fireEvent.click(screen.getByRole('button', { name: "Supprimer l'indicateur 2" }));
    const dialog = await screen.findByRole('dialog', { name: "Supprimer l'indicateur « Chiffre d’affaires mensuel » ?" });
    expect(within(dialog).getByText(/Il en sera retiré quand vous enregistrerez le programme/u)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(indicator(2)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: "Supprimer l'indicateur 2" }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Indicateur 2' })).not.toBeInTheDocument());

    // A new item goes at once, without a question.
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un indicateur' }));
    fireEvent.click(screen.getByRole('button', { name: "Supprimer l'indicateur 2" }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Indicateur 2' })).not.toBeInTheDocument();

    fireEvent.click(saveButton());
    await waitFor(() => expect(body).toBeDefined());
    expect(body!.version).toBe(2);
    expect(body!.milestones.map((item) => item.key)).toEqual(['midterm_report', 'first_cohort', 'first_cohort_2']);
    expect(body!.milestones[1]!.title.fr).toBe('Formation de la cohorte de Casablanca');
    // A description left blank is sent as none.
    expect(body!.milestones[1]).not.toHaveProperty('description');
    expect(body!.indicators.map((item) => item.key)).toEqual(['women_trained']);
  });

  it("on a version conflict, says so in the API's words and shows the programme saved meanwhile, whose version the next save sends", async () => {
    const versions: number[] = [];
    const current = programmeFixture({
      version: 5,
      milestones: [{ ...programmeFixture().milestones[1]!, title: { ar: '', fr: 'Rapport intermédiaire', en: '' } }],
    });
    api(programmeFixture, {
      [`PUT ${PROGRAMME}`]: async (request) => {
        const sent = (await request.json()) as { version: number };
        versions.push(sent.version);
        if (versions.length === 1) {
          return json(409, { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Ces données ont été modifiées ailleurs. Choisissez la version à garder.', details: { current }, requestId: 'r1' });
        }
        return json(200, { ...current, version: 6 });
      },
    });
    renderApp(URL);
    await screen.findByRole('heading', { level: 1, name: "Programme d'accompagnement" });
    fireEvent.change(within(panel(milestone(1))).getByLabelText('Intitulé'), { target: { value: 'Première formation' } });
    fireEvent.click(saveButton());

    const conflict = await screen.findByTestId('programme-conflict');
    expect(conflict).toHaveTextContent('Ces données ont été modifiées ailleurs. Choisissez la version à garder.');
    expect(conflict).toHaveTextContent('Le formulaire montre maintenant le programme enregistré');
    expect(screen.queryByRole('group', { name: 'Étape 2' })).not.toBeInTheDocument();
    expect(within(panel(milestone(1))).getByLabelText('Intitulé')).toHaveValue('Rapport intermédiaire');
    expect(saveButton()).toBeDisabled();

    fireEvent.change(within(panel(milestone(1))).getByLabelText('Intitulé'), { target: { value: 'Rapport intermédiaire (6 mois)' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(versions).toEqual([2, 5]));
    expect(await screen.findByText("Programme d'accompagnement enregistré.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('programme-conflict')).not.toBeInTheDocument());
  });

  it('checks the form before sending, then shows the API field errors at their fields and in their language tab', async () => {
    let puts = 0;
    api(programmeFixture, {
      [`PUT ${PROGRAMME}`]: () => {
        puts += 1;
        return json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Certaines valeurs sont invalides.',
          details: [
            { path: ['milestones', 1, 'dueAt'], code: 'custom', message: "Cette échéance tombe avant l'ouverture de l'appel." },
            { path: ['milestones', 0, 'key'], code: 'custom', message: "Cette référence n'est pas valide." },
            { path: ['indicators', 0, 'label', 'ar'], code: 'too_big', message: 'Ce texte est trop long.' },
          ],
          requestId: 'r2',
        });
      },
    });
    renderApp(URL);
    await screen.findByRole('heading', { level: 1, name: "Programme d'accompagnement" });
    // A title in no language, and a new milestone without a due date: refused before any request.
    fireEvent.change(within(panel(milestone(2))).getByLabelText('Intitulé'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une étape' }));
    fireEvent.change(within(panel(milestone(3))).getByLabelText('Intitulé'), { target: { value: 'Rapport final' } });
    fireEvent.click(saveButton());
    expect(await within(panel(milestone(2))).findByText("Écrivez l'intitulé de l'étape dans au moins une langue.")).toBeInTheDocument();
    expect(within(milestone(3)).getByText('Saisissez une date et une heure complètes.')).toBeInTheDocument();
    expect(screen.getByText('Certains champs sont à corriger : ils sont signalés en rouge.')).toBeInTheDocument();
    expect(puts).toBe(0);

    fireEvent.change(within(panel(milestone(2))).getByLabelText('Intitulé'), { target: { value: 'Rapport à mi-parcours (6 mois)' } });
    fireEvent.click(screen.getByRole('button', { name: "Supprimer l'étape 3" }));
    fireEvent.click(saveButton());
    expect(screen.queryByRole('group', { name: 'Étape 3' })).not.toBeInTheDocument();
    await waitFor(() => expect(puts).toBe(1));
    expect(await within(milestone(2)).findByText("Cette échéance tombe avant l'ouverture de l'appel.")).toBeInTheDocument();
    expect(puts).toBe(1);
    expect(within(milestone(1)).getByRole('alert')).toHaveTextContent("Référence : Cette référence n'est pas valide.");
    // The error is about the indicator's Arabic label: its tab opens, marked.
    await waitFor(() => expect(within(indicator(1)).getByRole('tab', { name: /^العربية/u })).toHaveAttribute('aria-selected', 'true'));
    expect(within(indicator(1)).getByRole('tab', { name: /^العربية/u })).toHaveTextContent('(à corriger)');
    expect(within(panel(indicator(1))).getByText('Ce texte est trop long.')).toBeInTheDocument();
    expect(within(panel(indicator(1))).getByLabelText(/^Intitulé/u)).toHaveAttribute('dir', 'rtl');
  });

  it('reads right to left in Arabic', async () => {
    api(programmeFixture, {}, 'ar');
    await i18n.changeLanguage('ar');
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'برنامج المواكبة' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('صندوق المبادرات التضامنية')).toBeInTheDocument();
    expect(screen.getByTestId('milestones-summary')).toHaveTextContent('مرحلتان');
    expect(screen.getByTestId('milestones-summary')).toHaveTextContent('تقرير تقدّم واحد');
    expect(screen.getByTestId('indicators-summary')).toHaveTextContent('مؤشران');
    const first = screen.getByRole('group', { name: 'المرحلة 1' });
    // The Arabic title opens in its tab; the French one keeps its direction in its own.
    expect(within(within(first).getByRole('tabpanel')).getByLabelText('العنوان')).toHaveValue('تكوين الفوج الأول');
    fireEvent.click(within(first).getByRole('tab', { name: 'Français' }));
    expect(within(within(first).getByRole('tabpanel')).getByLabelText('العنوان')).toHaveAttribute('dir', 'ltr');
    expect(within(screen.getByRole('group', { name: 'المؤشر 2' })).getByRole('radio', { name: 'يقدّم كل تقرير الرقم الحالي: العبرة بآخر تقرير' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'حفظ البرنامج' })).toBeDisabled();
  });
});
