import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';
import { APPLICATION_ID, CALL_ID, dashboardFixture, staffCallFixture } from '../test-fixtures';
import type { TFollowUpDashboard } from '@tahkim/contracts';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const URL = `/admin/calls/${CALL_ID}/follow-up`;
/** Without the isolates and no-break spaces the formatting adds. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '').replace(/[\u00A0\u202F]/gu, ' ');

function api(dashboard: () => TFollowUpDashboard = dashboardFixture, locale = 'fr') {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, staffCallFixture()),
    [`GET /api/calls/${CALL_ID}/follow-up`]: () => json(200, dashboard()),
    [`POST /api/calls/${CALL_ID}/programme/reminders`]: () => json(200, { queued: 3, alreadySent: 1 }),
  });
}

describe("a call's follow-up dashboard", { timeout: 20_000 }, () => {
  it('shows each project against each milestone, late ones in words, with links to the reports sent', async () => {
    api();
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'Suivi des projets accompagnés' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Fonds d’initiatives solidaires' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}`);
    expect(screen.getByRole('link', { name: "Formulaire des rapports d'avancement" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/programme/report-form`);
    expect(screen.getByRole('link', { name: "Programme d'accompagnement" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/programme`);

    const counts = screen.getByTestId('state-counts');
    expect(plain(counts.textContent)).toContain('En retard2');
    expect(plain(counts.textContent)).toContain('À examiner1');

    const matrix = screen.getByTestId('projects-matrix');
    const rows = within(matrix).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('FIS-2026-0001');
    expect(rows[1]).toHaveTextContent('Traiteur solidaire');
    const review = within(rows[1]!).getByRole('link', { name: 'Rapport de FIS-2026-0001 pour « Rapport final » : À examiner' });
    expect(review).toHaveAttribute('href', `/admin/applications/${APPLICATION_ID}/reports/final_report`);
    expect(within(rows[1]!).getByText('envoyé en retard')).toBeInTheDocument();
    // A late milestone without a report: marked in words, no link.
    expect(within(rows[2]!).getAllByText('En retard')).toHaveLength(2);
    expect(within(rows[2]!).getAllByRole('link')).toHaveLength(1);
  });

  it('draws each indicator over the report milestones, with its numbers in a table, the totals and the regions', async () => {
    api();
    renderApp(URL);
    const charts = await screen.findAllByRole('img', { name: /^Femmes formées/u });
    expect(charts).toHaveLength(2);
    expect(plain(charts[0]!.getAttribute('aria-label'))).toBe('Femmes formées : 12 femmes à ce jour pour une cible de 40 femmes (30 %)');
    expect(plain(charts[1]!.getAttribute('aria-label'))).toBe("Femmes formées : aucune valeur acceptée pour l'instant");
    // One dot for the accepted mid-term report, and the target dashed.
    expect(charts[0]!.querySelectorAll('circle')).toHaveLength(1);
    expect(within(charts[0]! as unknown as HTMLElement).getByTestId('chart-target')).toBeInTheDocument();

    // Each table is named with its indicator and its project: the projects' tables are told apart.
    const table = screen.getByRole('table', { name: 'Femmes formées, FIS-2026-0001 Traiteur solidaire, rapport par rapport' });
    const cells = within(table).getAllByRole('row').map((row) => plain(row.textContent));
    expect(cells).toEqual(['ÉtapeValeur du rapportCumul', 'Rapport à mi-parcours12 femmes12 femmes', 'Rapport final——']);

    const totals = screen.getByTestId('indicator-totals');
    const women = within(totals).getAllByRole('row')[1]!;
    expect(plain(women.textContent)).toContain('12 femmes80 femmes');
    expect(within(women).getByRole('progressbar', { name: 'Avancement : Femmes formées' })).toHaveAttribute('aria-valuenow', '15');
    expect(plain(women.textContent)).toContain('1 projet');

    const regions = screen.getByTestId('regions-table');
    expect(within(regions).getAllByRole('row').map((row) => plain(row.textContent))).toEqual([
      'RégionProjetsFemmes forméesChiffre d’affaires mensuel',
      'Casablanca-Settat112 femmes950 MAD',
      'Souss-Massa1——',
    ]);
    expect(screen.getByRole('button', { name: 'Exporter en CSV' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exporter en Excel' })).toBeInTheDocument();
  });

  it('sends the due reminders now and says how many went', async () => {
    const { calls } = api();
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer maintenant les relances dues' }));
    expect(await screen.findByText("3 relances mises en file d'envoi. 1 déjà envoyée auparavant.")).toBeInTheDocument();
    await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(true));
  });

  it('reads in Arabic: region names and states in Arabic', async () => {
    api(dashboardFixture, 'ar');
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'تتبع المشاريع المواكبة' })).toBeInTheDocument();
    expect(within(screen.getByTestId('regions-table')).getByText('جهة الدار البيضاء سطات')).toBeInTheDocument();
    expect(within(screen.getByTestId('projects-matrix')).getAllByText('متأخرة').length).toBeGreaterThan(0);
  });

  it('says what is missing: no programme yet, then no winners', async () => {
    api(() => dashboardFixture({ milestones: [], indicators: [], projects: [], totals: [], regions: [], counts: {} as TFollowUpDashboard['counts'] }));
    const { unmount } = renderApp(URL);
    expect(await screen.findByText("Pas encore de programme d'accompagnement")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Envoyer maintenant les relances dues' })).not.toBeInTheDocument();
    unmount();

    api(() => dashboardFixture({ projects: [], totals: [], regions: [] }));
    renderApp(URL);
    expect(await screen.findByText('Aucun projet accompagné')).toBeInTheDocument();
  });
});
