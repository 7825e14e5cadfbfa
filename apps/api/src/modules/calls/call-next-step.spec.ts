import type { TCallSummary } from '@tahkim/contracts';
import { currentRound, nextStep } from './call-next-step';

type Round = TCallSummary['rounds'][number];

function round(number: number, overrides: Partial<Round>): Round {
  return {
    id: `round-${number}`,
    number,
    name: { ar: '', fr: `Tour ${number}`, en: '' },
    type: 'SCORING',
    status: 'DRAFT',
    applications: 0,
    jurors: 0,
    assignments: 0,
    scorecardsSubmitted: 0,
    ballotsSubmitted: 0,
    ...overrides,
  } as Round;
}

function summary(rounds: Round[]): Parameters<typeof nextStep>[0] {
  return {
    status: 'CLOSED',
    visibleQuestions: 2,
    deadlinePassed: true,
    beforeOpening: false,
    counts: { draft: 0, submitted: 6, pendingScreening: 0, eligible: 6, ineligible: 0, withdrawn: 0, shortlisted: 0, decided: 0, decisionsPublished: 0, byStatus: {} },
    rounds,
  } as Parameters<typeof nextStep>[0];
}

describe('the next step of a call', () => {
  const scored = round(1, { status: 'OPEN', applications: 6, jurors: 3, assignments: 18, scorecardsSubmitted: 18 });

  it('reads the ranking once every scorecard of the open round is in', () => {
    expect(nextStep(summary([scored]))).toMatchObject({ step: 'READ_RANKING', roundNumber: 1 });
  });

  it('moves on to the round a shortlist fed, although the round it came from stays open', () => {
    const finalRound = round(2, { type: 'BALLOT', applications: 3 });
    expect(nextStep(summary([scored, finalRound]))).toMatchObject({ step: 'ADD_JURORS', roundNumber: 2 });
    expect(nextStep(summary([scored, { ...finalRound, jurors: 3 }]))).toMatchObject({ step: 'OPEN_ROUND', roundNumber: 2, count: 3 });
    expect(nextStep(summary([scored, { ...finalRound, jurors: 3, status: 'OPEN', ballotsSubmitted: 1 }]))).toMatchObject({ step: 'REMIND_JURORS', roundNumber: 2, count: 2 });
  });

  it('stays on the round under way while a later round is still empty', () => {
    const underWay = { ...scored, scorecardsSubmitted: 10 };
    expect(nextStep(summary([underWay, round(2, {})]))).toMatchObject({ step: 'REMIND_JURORS', roundNumber: 1, count: 8 });
  });

  it('picks the last round not closed with applications, else the first not closed, else the last', () => {
    const closed = round(1, { status: 'CLOSED', applications: 6 });
    expect(currentRound([closed, round(2, {}), round(3, {})])?.number).toBe(2);
    expect(currentRound([closed, round(2, { applications: 3 }), round(3, {})])?.number).toBe(2);
    expect(currentRound([closed, round(2, { status: 'CLOSED', applications: 3 })])?.number).toBe(2);
    expect(currentRound([])).toBeUndefined();
  });
});
