import type { TCallPhase, TCallSummary } from '@tahkim/contracts';

type Summary = Pick<TCallSummary, 'status' | 'visibleQuestions' | 'deadlinePassed' | 'counts' | 'rounds'> & { beforeOpening: boolean };
type Next = TCallSummary['next'];

const step = (kind: Next['step'], extra: Partial<Omit<Next, 'step'>> = {}): Next => ({ step: kind, roundId: null, roundNumber: null, count: null, ...extra });

/** Where the call stands, in the words staff use (its status alone says "closed" for months of review). */
export function callPhase(summary: Summary): TCallPhase {
  switch (summary.status) {
    case 'DRAFT':
      return 'DRAFT';
    case 'DECIDED':
      return 'DECIDED';
    case 'ARCHIVED':
      return 'ARCHIVED';
    case 'PUBLISHED':
      if (summary.beforeOpening) return 'UPCOMING';
      if (!summary.deadlinePassed) return 'OPEN';
      break;
    case 'CLOSED':
      break;
  }
  if (summary.counts.decided > 0) return 'DECIDING';
  if (summary.rounds.some((round) => round.status !== 'DRAFT')) return 'IN_REVIEW';
  return 'CLOSED';
}

/**
 * The round being worked on: the last round not closed that has applications (a shortlist moves the work
 * on to the round it fed, while the round it came from stays open until the decisions), else the first
 * round not closed (a new round stays empty until a shortlist), else the last round.
 */
export function currentRound<R extends { status: string; applications: number }>(rounds: readonly R[]): R | undefined {
  const notClosed = rounds.filter((round) => round.status !== 'CLOSED');
  return notClosed.findLast((round) => round.applications > 0) ?? notClosed[0] ?? rounds.at(-1);
}

/**
 * The one thing to do next, in the order a call is run: form, publication, screening, the current
 * round (jurors, assignments, opening, scorecards or ballots), its results, then the decisions.
 */
export function nextStep(summary: Summary): Next {
  const { counts } = summary;
  if (summary.status === 'DRAFT') return summary.visibleQuestions === 0 ? step('BUILD_FORM') : step('PUBLISH');
  if (summary.status === 'DECIDED' || summary.status === 'ARCHIVED') {
    return counts.decided > counts.decisionsPublished ? step('PUBLISH_DECISIONS', { count: counts.decided - counts.decisionsPublished }) : step('DONE');
  }
  if (summary.beforeOpening) return step('WAIT_FOR_OPENING');
  if (counts.decided > counts.decisionsPublished) return step('PUBLISH_DECISIONS', { count: counts.decided - counts.decisionsPublished });
  if (counts.pendingScreening > 0) return step('SCREEN', { count: counts.pendingScreening });
  if (counts.submitted === 0) return step('WAIT_FOR_APPLICATIONS');

  const round = currentRound(summary.rounds);
  if (!round) return step('CREATE_ROUND');
  const about = { roundId: round.id, roundNumber: round.number };
  const ballot = round.type === 'BALLOT';
  if (round.status === 'DRAFT') {
    if (round.jurors === 0) return step('ADD_JURORS', about);
    if (!ballot && round.assignments === 0) return step('ASSIGN', { ...about, count: round.applications });
    return step('OPEN_ROUND', { ...about, count: round.applications });
  }
  if (ballot) {
    const waiting = round.jurors - round.ballotsSubmitted;
    if (round.status === 'OPEN' && waiting > 0) return step('REMIND_JURORS', { ...about, count: waiting });
    return step('READ_BALLOT', about);
  }
  if (round.assignments === 0) return step('ASSIGN', { ...about, count: round.applications });
  const waiting = round.assignments - round.scorecardsSubmitted;
  if (round.status === 'OPEN' && waiting > 0) return step('REMIND_JURORS', { ...about, count: waiting });
  return step('READ_RANKING', about);
}
