import { fireEvent, screen, within } from '@testing-library/react';
import type { TCallSummary } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const CALL_ID = '4b0c2a9e-8d3f-4f51-9a57-2f1f3d6c7a10';
const ROUND_ID = '0196f1c2-8d3f-7f51-9a57-2f1f3d6c7a11';
const text = (fr: string) => ({ ar: 'نص', fr, en: 'Text' });
const call = {
  id: CALL_ID,
  slug: 'innovation-sociale-2026',
  title: text('Innovation sociale 2026'),
  summary: text('Résumé'),
  description: text('Description'),
  eligibility: text('Tous'),
  opensAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-04-30T22:59:00.000Z',
  timezone: 'Africa/Casablanca',
  status: 'CLOSED',
  acceptingApplications: false,
  maxApplicationsPerApplicant: 1,
  referencePrefix: 'FIS',
  formVersion: 1,
  feedbackEnabled: false,
  eligibilityRules: [],
  applicationCounts: { draft: 2, submitted: 14 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-03-01T09:00:00.000Z',
  closedAt: '2026-04-30T22:59:00.000Z',
};
const round = {
  id: ROUND_ID,
  number: 1,
  name: text('Présélection'),
  type: 'SCORING',
  status: 'DRAFT',
  closesAt: null,
  applications: 9,
  jurors: 3,
  assignments: 27,
  scorecardsSubmitted: 0,
  applicationsScored: 0,
  scorecardsRequired: 3,
  ballotsSubmitted: 0,
} as const;
const summary = (next: TCallSummary['next'], rounds: TCallSummary['rounds'] = [round]): TCallSummary => ({
  callId: CALL_ID,
  status: 'CLOSED',
  phase: 'CLOSED',
  opensAt: call.opensAt,
  closesAt: call.closesAt,
  deadlinePassed: true,
  visibleQuestions: 12,
  counts: { draft: 2, submitted: 14, pendingScreening: 3, eligible: 9, ineligible: 1, withdrawn: 1, shortlisted: 0, decided: 0, decisionsPublished: 0, byStatus: {} },
  rounds,
  next,
});

function api(body: TCallSummary, staffCall: typeof call = call) {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: staff }),
    [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, staffCall),
    [`GET /api/calls/${CALL_ID}/summary`]: () => json(200, body),
    [`GET /api/calls/${CALL_ID}/form`]: () => json(200, { callId: CALL_ID, version: 1, locked: true, definition: { sections: [] } }),
    [`PATCH /api/rounds/${ROUND_ID}`]: () => json(200, { ...round, callId: CALL_ID, status: 'OPEN' }),
  });
}

describe('call home', { timeout: 15_000 }, () => {
  it('shows the phase, the figures with links to the matching lists, the rounds and every tool', async () => {
    api(summary({ step: 'SCREEN', roundId: null, roundNumber: null, count: 3 }));
    renderApp(`/admin/calls/${CALL_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Innovation sociale 2026' })).toBeInTheDocument();
    expect(screen.getByText("Candidatures closes : l'évaluation n'a pas commencé.")).toBeInTheDocument();

    const figures = screen.getByRole('region', { name: 'Candidatures en chiffres' });
    expect(within(figures).getByRole('link', { name: 'À trier : 3, voir la liste' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/applications?status=SUBMITTED`);
    expect(within(figures).getByRole('link', { name: 'Éligibles : 9, voir la liste' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/applications?status=ELIGIBLE`);
    expect(within(figures).getByRole('link', { name: 'Déposées : 14, voir la liste' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/applications`);

    const next = screen.getByRole('region', { name: 'Prochaine étape' });
    expect(within(next).getByText("3 dossiers déposés attendent le tri d'éligibilité.")).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Trier les 3 dossiers en attente' })).toHaveAttribute(
      'href',
      `/admin/calls/${CALL_ID}/applications?status=SUBMITTED&sort=submittedAt&order=asc`,
    );

    const rounds = screen.getByRole('table', { name: "Les tours d'évaluation de l'appel" });
    expect(within(rounds).getByRole('link', { name: 'Présélection' })).toHaveAttribute('href', `/admin/rounds/${ROUND_ID}`);
    expect(within(rounds).getByText('\u20660 / 27\u2069 évaluations remises · 0 dossiers complets')).toBeInTheDocument();

    const tools = screen.getByRole('navigation', { name: "Outils de l'appel" });
    expect(within(tools).getByRole('link', { name: "Paramètres de l'appel" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/settings`);
    expect(within(tools).getByRole('link', { name: "Journal d'audit de l'appel" })).toHaveAttribute('href', `/admin/audit?entityType=Call&entityId=${CALL_ID}`);
    expect(within(tools).queryByRole('link', { name: 'Classement' })).not.toBeInTheDocument();
    // No winners before the decisions are published: nothing to announce yet.
    expect(within(tools).queryByRole('link', { name: 'Annonce des lauréats' })).not.toBeInTheDocument();
    expect(within(tools).queryByRole('link', { name: "Programme d'accompagnement" })).not.toBeInTheDocument();
  });

  it("offers the winners' announcement once the decisions are published", async () => {
    api({ ...summary({ step: 'DONE', roundId: null, roundNumber: null, count: null }), status: 'DECIDED', phase: 'DECIDED' }, { ...call, status: 'DECIDED' });
    renderApp(`/admin/calls/${CALL_ID}`);
    const tools = await screen.findByRole('navigation', { name: "Outils de l'appel" });
    expect(within(tools).getByRole('link', { name: 'Annonce des lauréats' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/announcement`);
    expect(within(tools).getByText('Présentations publiques des lauréats, page des résultats.')).toBeInTheDocument();
    // Then their year of follow-up: the milestones and indicators of the support programme.
    expect(within(tools).getByRole('link', { name: "Programme d'accompagnement" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/programme`);
    expect(within(tools).getByText("Étapes du suivi des lauréats, indicateurs d'impact.")).toBeInTheDocument();
  });

  it('opens the round from the home in one action, after its confirmation', async () => {
    const { calls } = api(summary({ step: 'OPEN_ROUND', roundId: ROUND_ID, roundNumber: 1, count: 9 }));
    renderApp(`/admin/calls/${CALL_ID}`);
    const next = await screen.findByRole('region', { name: 'Prochaine étape' });
    expect(within(next).getByText('Le tour 1 est prêt (9 dossiers). Ouvrez-le pour que les jurés commencent.')).toBeInTheDocument();
    fireEvent.click(within(next).getByRole('button', { name: 'Ouvrir le tour' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir le tour' }));
    await expect.poll(() => calls.filter((request) => request.method === 'PATCH').length).toBe(1);
    const patch = calls.find((request) => request.method === 'PATCH')!;
    expect(await patch.clone().json()).toEqual({ status: 'OPEN' });
  });

  it('leads to the ranking once the scorecards are in', async () => {
    api(summary({ step: 'READ_RANKING', roundId: ROUND_ID, roundNumber: 1, count: null }, [{ ...round, status: 'OPEN', scorecardsSubmitted: 27, applicationsScored: 9 }]));
    renderApp(`/admin/calls/${CALL_ID}`);
    const next = await screen.findByRole('region', { name: 'Prochaine étape' });
    expect(within(next).getByRole('link', { name: 'Lire le classement du tour 1' })).toHaveAttribute('href', `/admin/rounds/${ROUND_ID}/ranking`);
    const tools = screen.getByRole('navigation', { name: "Outils de l'appel" });
    expect(within(tools).getByRole('link', { name: 'Classement' })).toHaveAttribute('href', `/admin/rounds/${ROUND_ID}/ranking`);
  });
});
