import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';


const juror = { id: 'u3', email: 'nadia@expert.ma', displayName: 'Nadia', locale: 'fr', roles: ['JUROR'] };
const text = (fr: string) => ({ fr, ar: fr, en: fr });
const criteria = [
  { id: 'c-impact', key: 'impact', label: text('Impact social'), guidance: text('Bénéficiaires touchés.'), weight: 3, scaleMin: 0, scaleMax: 5, position: 0 },
  { id: 'c-team', key: 'team', label: text('Équipe'), guidance: null, weight: 1, scaleMin: 0, scaleMax: 5, position: 1 },
  { id: 'c-budget', key: 'budget', label: text('Budget réaliste'), guidance: null, weight: 1, scaleMin: 1, scaleMax: 10, position: 2 },
];
const view = {
  assignmentId: 'a1',
  applicationLabel: 'Dossier 7',
  blind: true,
  status: 'ELIGIBLE',
  form: { sections: [{ key: 'project', title: text('Projet'), hidden: false, fields: [{ key: 'summary', type: 'LONG_TEXT', label: text('Résumé'), required: true, hidden: false }] }] },
  answers: { summary: 'Un traiteur solidaire qui forme des femmes.' },
  attachments: [],
  criteria,
};
const draft = {
  assignmentId: 'a1',
  status: 'DRAFT',
  version: 1,
  values: [],
  overallComment: null,
  commentShareable: false,
  weightedScore: null,
  submittedAt: null,
  reopenedAt: null,
  reopenReason: null,
};

function renderScorecard(scorecard: Record<string, unknown> = draft) {
  const api = mockApi({
    'GET /api/auth/session': () => json(200, { user: juror }),
    'GET /api/jury/assignments/a1': () => json(200, view),
    'GET /api/scorecards/a1': () => json(200, scorecard),
    'PUT /api/scorecards/a1': async (request) => json(200, { ...draft, version: 2, values: ((await request.json()) as { values: unknown[] }).values }),
  });
  renderApp('/jury/assignments/a1');
  return api;
}

const group = (name: string) => screen.getByRole('radiogroup', { name: new RegExp(name, 'u') });
const checked = (name: string) => within(group(name)).queryByRole('radio', { checked: true })?.textContent ?? null;

describe('the scorecard', () => {
  it('takes the score from the keyboard: digits set it, arrows move it, Enter goes to the next criterion', async () => {
    renderScorecard();
    expect(await screen.findByText('Un traiteur solidaire qui forme des femmes.')).toBeInTheDocument();

    const first = within(group('Impact social')).getByRole('radio', { name: '0' });
    first.focus();
    fireEvent.keyDown(first, { key: '4' });
    expect(checked('Impact social')).toBe('4');
    expect(document.activeElement).toHaveTextContent('4');

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(checked('Impact social')).toBe('5');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(checked('Impact social')).toBe('5');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(checked('Impact social')).toBe('4');

    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(group('Équipe')).toContainElement(document.activeElement as HTMLElement);
    fireEvent.keyDown(document.activeElement!, { key: '2' });
    expect(checked('Équipe')).toBe('2');
    expect(checked('Impact social')).toBe('4');

    // "1" then "0" quickly on a 1..10 scale makes 10.
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    fireEvent.keyDown(document.activeElement!, { key: '1' });
    fireEvent.keyDown(document.activeElement!, { key: '0' });
    expect(checked('Budget réaliste')).toBe('10');

    // After the last criterion, Enter goes to the overall comment.
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(document.activeElement).toBe(screen.getByLabelText('Commentaire général'));
  });

  it('shows the weighted score live, and each weight as a share', async () => {
    renderScorecard();
    await screen.findByRole('radiogroup', { name: /Impact social/u });
    expect(screen.getByText('Poids 60 %')).toBeInTheDocument();
    expect(screen.getAllByText('Poids 20 %')).toHaveLength(2);
    expect(screen.getByTestId('live-score')).toHaveTextContent('—');

    fireEvent.click(within(group('Impact social')).getByRole('radio', { name: '4' }));
    expect(screen.getByTestId('live-score')).toHaveTextContent('80,0 / 100');
    expect(screen.getByText('Provisoire : 1 critère(s) noté(s) sur 3.')).toBeInTheDocument();

    fireEvent.click(within(group('Équipe')).getByRole('radio', { name: '1' }));
    fireEvent.click(within(group('Budget réaliste')).getByRole('radio', { name: '10' }));
    // 100 * (3*4/5 + 1*1/5 + 1*9/9) / 5 = 72
    expect(screen.getByTestId('live-score')).toHaveTextContent('72,0 / 100');
    expect(screen.queryByText(/^Provisoire/u)).not.toBeInTheDocument();
  });

  it('refuses to submit with a criterion missing, and names it', async () => {
    const { calls } = renderScorecard();
    await screen.findByRole('radiogroup', { name: /Impact social/u });
    fireEvent.click(within(group('Équipe')).getByRole('radio', { name: '3' }));
    fireEvent.click(screen.getByRole('button', { name: "Soumettre l'évaluation" }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Grille incomplète');
    expect(alert).toHaveTextContent('Notez encore : Impact social et Budget réaliste.');
    expect(screen.getAllByText('Ce critère doit être noté avant de soumettre.')).toHaveLength(2);
    expect(group('Impact social')).toContainElement(document.activeElement as HTMLElement);
    expect(calls.some((request) => request.url.endsWith('/submit'))).toBe(false);
    // The draft is still saved by itself.
    await waitFor(() => expect(calls.some((request) => request.method === 'PUT')).toBe(true), { timeout: 3000 });
  });
});

describe('sharing the overall comment', () => {
  const submitted = (commentShareable: boolean) => ({
    ...draft,
    status: 'SUBMITTED',
    values: [
      { criterionId: 'c-impact', value: 4, comment: null },
      { criterionId: 'c-team', value: 3, comment: null },
      { criterionId: 'c-budget', value: 8, comment: null },
    ],
    overallComment: 'Projet solide, à suivre.',
    commentShareable,
    weightedScore: 74,
    submittedAt: '2026-05-02T10:30:00.000Z',
  });

  it('on a submitted scorecard, says in words that the comment is shared: the switch is on, only locked', async () => {
    renderScorecard(submitted(true));
    const share = await screen.findByRole('switch', { name: /^Commentaire partageable avec le candidat/u });
    expect(share).toBeChecked();
    expect(share).toBeDisabled();
    expect(screen.getByTestId('share-state')).toHaveTextContent('Partagé avec le candidat');
  });

  it('and that it is not, when it is not', async () => {
    renderScorecard(submitted(false));
    const share = await screen.findByRole('switch', { name: /^Commentaire partageable avec le candidat/u });
    expect(share).not.toBeChecked();
    expect(share).toBeDisabled();
    expect(screen.getByTestId('share-state')).toHaveTextContent('Non partagé avec le candidat');
  });

  it('follows the switch while the scorecard is a draft', async () => {
    renderScorecard();
    const share = await screen.findByRole('switch', { name: /^Commentaire partageable avec le candidat/u });
    expect(screen.getByTestId('share-state')).toHaveTextContent('Non partagé avec le candidat');
    fireEvent.click(share);
    expect(share).toBeChecked();
    expect(screen.getByTestId('share-state')).toHaveTextContent('Partagé avec le candidat');
  });
});

describe('my ranking', () => {
  it('lists the juror’s scorecards best first, drafts marked and linked', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: juror }),
      'GET /api/jury/assignments': () => json(200, { items: [], progress: { total: 0, submitted: 0, draft: 0 } }),
      'GET /api/jury/rounds/r1/ranking': () =>
        json(200, {
          items: [
            { assignmentId: 'a2', applicationLabel: 'Dossier 2', title: null, status: 'SUBMITTED', weightedScore: 55, rank: 2 },
            { assignmentId: 'a9', applicationLabel: 'Dossier 9', title: null, status: 'DRAFT', weightedScore: null, rank: null },
            { assignmentId: 'a1', applicationLabel: 'Dossier 1', title: null, status: 'SUBMITTED', weightedScore: 82.25, rank: 1 },
            { assignmentId: 'a4', applicationLabel: 'Dossier 4', title: null, status: 'DRAFT', weightedScore: 70, rank: null },
          ],
        }),
    });
    renderApp('/jury/rounds/r1/ranking');
    await screen.findByRole('heading', { name: 'Mon classement', level: 1 });
    const rows = await screen.findAllByTestId('ranking-row');
    expect(rows.map((row) => within(row).getByText(/^Dossier/u).textContent)).toEqual(['Dossier 1', 'Dossier 4', 'Dossier 2', 'Dossier 9']);
    expect(within(rows[0]!).getByText('82,3')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Brouillon')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('link', { name: 'Reprendre' })).toHaveAttribute('href', '/jury/assignments/a4');
    expect(screen.getByText(/Brouillons non soumis : 2\./u)).toBeInTheDocument();
  });
});

describe('the juror home', () => {
  it('does not say "nothing assigned" to a juror whose only work is a final ballot', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: juror }),
      'GET /api/jury/assignments': () => json(200, { items: [], progress: { total: 0, submitted: 0, draft: 0 } }),
      'GET /api/jury/ballots': () =>
        json(200, {
          items: [{ roundId: 'r3', name: text('Tour des finalistes'), call: { id: 'c1', title: text('Appel 2026') }, closesAt: null, status: 'TO_DO', submittedAt: null }],
        }),
    });
    renderApp('/jury');
    expect(await screen.findByText('Tour des finalistes')).toBeInTheDocument();
    expect(screen.queryByText('Aucun dossier ne vous est assigné')).not.toBeInTheDocument();
  });

  it('says so when there is nothing at all', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: juror }),
      'GET /api/jury/assignments': () => json(200, { items: [], progress: { total: 0, submitted: 0, draft: 0 } }),
      'GET /api/jury/ballots': () => json(200, { items: [] }),
    });
    renderApp('/jury');
    expect(await screen.findByText('Aucun dossier ne vous est assigné')).toBeInTheDocument();
  });

  it('names the jury a juror joined while nothing is assigned yet, and promises an email', async () => {
    const membership = (id: string, name: string, status: string, assigned: number) => ({
      round: { id, name: text(name), type: 'SCORING', status, closesAt: null },
      call: { id: 'c1', title: text('Appel 2026') },
      assigned,
    });
    mockApi({
      'GET /api/auth/session': () => json(200, { user: juror }),
      'GET /api/jury/assignments': () => json(200, { items: [], progress: { total: 0, submitted: 0, draft: 0 } }),
      'GET /api/jury/ballots': () => json(200, { items: [] }),
      'GET /api/jury/memberships': () =>
        json(200, { items: [membership('r1', 'Tour 1', 'OPEN', 0), membership('r2', 'Tour 2', 'DRAFT', 3), membership('r0', 'Tour 0', 'CLOSED', 0)] }),
    });
    renderApp('/jury');
    expect(await screen.findByText('Jury de « \u2068Appel 2026\u2069 » — \u2068Tour 1\u2069')).toBeInTheDocument();
    expect(screen.getByText('Jury de « \u2068Appel 2026\u2069 » — \u2068Tour 2\u2069')).toBeInTheDocument();
    expect(screen.queryByText(/Tour 0/u)).not.toBeInTheDocument();
    expect(screen.getByText('Vous avez rejoint ce jury. Aucun dossier ne vous est encore confié.')).toBeInTheDocument();
    expect(screen.getByText("Vous avez rejoint ce jury. L'évaluation de ce tour n'est pas encore ouverte.")).toBeInTheDocument();
    expect(screen.getAllByText('Vous recevrez un e-mail dès que des dossiers vous attendront.')).toHaveLength(2);
    expect(screen.queryByText('Aucun dossier ne vous est assigné')).not.toBeInTheDocument();
  });
});
