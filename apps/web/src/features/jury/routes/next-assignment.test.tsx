import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';


const juror = { id: 'u3', email: 'nadia@expert.ma', displayName: 'Nadia', locale: 'fr', roles: ['JUROR'] };
const text = (fr: string) => ({ fr, ar: fr, en: fr });
const criteria = [{ id: 'c-impact', key: 'impact', label: text('Impact social'), guidance: null, weight: 1, scaleMin: 0, scaleMax: 5, position: 0 }];
const view = {
  assignmentId: 'a1',
  applicationLabel: 'Dossier 7',
  blind: true,
  status: 'ELIGIBLE',
  form: { sections: [] },
  answers: {},
  attachments: [],
  criteria,
};
const submitted = {
  assignmentId: 'a1',
  status: 'SUBMITTED',
  version: 3,
  values: [{ criterionId: 'c-impact', value: 4, comment: null }],
  overallComment: null,
  commentShareable: false,
  weightedScore: 80,
  submittedAt: '2026-05-02T10:30:00.000Z',
  reopenedAt: null,
  reopenReason: null,
};
const round = { id: 'r1', name: text('Présélection'), status: 'OPEN', closesAt: null, blind: true };
const assignment = (id: string, label: string, scorecardStatus: string) => ({
  id,
  round,
  call: { id: 'c1', title: text('Appel 2026') },
  applicationLabel: label,
  title: null,
  scorecardStatus,
  weightedScore: null,
});

function renderSubmitted(items: unknown[]) {
  mockApi({
    'GET /api/auth/session': () => json(200, { user: juror }),
    'GET /api/jury/assignments/a1': () => json(200, view),
    'GET /api/scorecards/a1': () => json(200, submitted),
    'GET /api/jury/assignments': () => json(200, { items, progress: { total: items.length, submitted: 1, draft: 0 } }),
  });
  renderApp('/jury/assignments/a1');
}

describe('after a submitted scorecard', { timeout: 15_000 }, () => {
  it('leads straight to the next application still to score', async () => {
    renderSubmitted([assignment('a0', 'Dossier 3', 'SUBMITTED'), assignment('a1', 'Dossier 7', 'SUBMITTED'), assignment('a2', 'Dossier 9', 'DRAFT'), assignment('a3', 'Dossier 12', 'TO_DO')]);
    const next = await screen.findByRole('region', { name: 'Évaluation suivante' });
    expect(within(next).getByText('Encore 2 candidatures à évaluer.')).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Évaluer la suivante : \u2068Dossier 9\u2069 →' })).toHaveAttribute('href', '/jury/assignments/a2');
  });

  it('says when nothing is left, and leads back to the list', async () => {
    renderSubmitted([assignment('a1', 'Dossier 7', 'SUBMITTED')]);
    const next = await screen.findByRole('region', { name: 'Évaluation suivante' });
    expect(within(next).getByText('Vous avez remis toutes vos évaluations en cours. Merci !')).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Retour à mes évaluations' })).toHaveAttribute('href', '/jury');
  });
});
