import {
  LOCALES,
  type TApplicationStatus,
  type TBallotResult,
  type TCallDecisionList,
  type TCallDecisionRow,
  type TDecisionEmail,
  type TDecisionOutcome,
  type TDecisionRound,
  type TEmailStatus,
  type TLocale,
  type TRanking,
  type TRankingQueryMethod,
} from '@tahkim/contracts';

/** An application's place in the round decisions rest on: its rank and the score that ranks it. */
export interface Place {
  rank: number | null;
  /** The normalised score (z) or the mean (0-100) under the round's method; Borda points for a ballot. */
  score: number | null;
}

/** The ranking shown: a scoring round's, under its own method, or a final ballot's (Schulze order, Borda points). */
export type RankingSource = { kind: 'SCORING'; method: TRankingQueryMethod; places: ReadonlyMap<string, Place> } | { kind: 'BALLOT'; places: ReadonlyMap<string, Place> };

/** A row of the decisions table: the application with its place in the round shown. */
export interface DecisionRowView extends TCallDecisionRow {
  rank: number | null;
  score: number | null;
}

export const OUTCOME_FILTERS = ['ALL', 'WINNER', 'NOT_SELECTED', 'NONE'] as const;
export const PUBLICATION_FILTERS = ['ALL', 'PENDING', 'PUBLISHED', 'UNDECIDED'] as const;
export const EMAIL_FILTERS = ['ALL', 'QUEUED', 'SENT', 'FAILED', 'NONE'] as const;
export const ORDERS = ['reference', 'rank'] as const;

export interface DecisionFilters {
  outcome: (typeof OUTCOME_FILTERS)[number];
  publication: (typeof PUBLICATION_FILTERS)[number];
  /** SENT stands for SENT and CAPTURED alike: both mean delivered. */
  email: (typeof EMAIL_FILTERS)[number];
  order: (typeof ORDERS)[number];
}

/** Decisions are taken from the ranking: best first (by reference when the call has no ranking yet). */
export const NO_FILTERS: DecisionFilters = { outcome: 'ALL', publication: 'ALL', email: 'ALL', order: 'rank' };

export const EMAIL_STATUS_COLORS: Record<TEmailStatus, string> = { QUEUED: 'blue', SENT: 'tahkim', CAPTURED: 'grape', FAILED: 'red' };
export const OUTCOME_COLORS: Record<TDecisionOutcome, string> = { WINNER: 'green', NOT_SELECTED: 'orange' };

/** Statuses for which the API refuses an outcome: the application left the competition or never entered it. */
const NOT_DECIDABLE: readonly TApplicationStatus[] = ['DRAFT', 'INELIGIBLE', 'WITHDRAWN'];

/** The rounds decisions can rest on: those with results (submitted scorecards or ballots), latest first. */
export function roundsWithResults(rounds: readonly TDecisionRound[]): TDecisionRound[] {
  return rounds.filter((round) => round.results > 0).sort((a, b) => b.number - a.number);
}

/**
 * The round shown: the one staff chose, when it has results; otherwise the latest round with results
 * (a new, empty shortlist round never hides the ranking the shortlist came from). Null: no results yet.
 */
export function shownRound(rounds: readonly TDecisionRound[], chosenId: string | null): TDecisionRound | null {
  const candidates = roundsWithResults(rounds);
  return candidates.find((round) => round.id === chosenId) ?? candidates[0] ?? null;
}

/** Rounds after `round` that have no results yet: why an earlier round is shown. */
export function laterRoundsWithoutResults(rounds: readonly TDecisionRound[], round: TDecisionRound): TDecisionRound[] {
  return rounds.filter((other) => other.number > round.number && other.results === 0).sort((a, b) => a.number - b.number);
}

/** Whether a round's name says nothing more than its number ("Tour 2", "الجولة 2"): then the number alone names it. */
export function isDefaultRoundName(name: string, defaultName: string): boolean {
  return name.trim() === '' || name.trim().toLocaleLowerCase() === defaultName.trim().toLocaleLowerCase();
}

/** A scoring round's places: its rank under the ranking's method, beside the score of that same method. */
export function scoringSource(ranking: TRanking): RankingSource {
  const places = new Map(
    ranking.items.map((row) => [row.applicationId, { rank: row.rank, score: ranking.method === 'normalised' ? row.normalisedScore : row.meanScore }] as const),
  );
  return { kind: 'SCORING', method: ranking.method, places };
}

/** A ballot's places: the Schulze rank (shared on an unresolved tie) beside the Borda points. */
export function ballotSource(result: TBallotResult): RankingSource {
  return { kind: 'BALLOT', places: new Map(result.ranking.map((row) => [row.applicationId, { rank: row.rank, score: row.borda }] as const)) };
}

/** Adds each application's place in the round shown (none when it was not in that round). */
export function withRanking(items: readonly TCallDecisionRow[], source: RankingSource | null | undefined): DecisionRowView[] {
  return items.map((item) => {
    const place = source?.places.get(item.applicationId);
    return { ...item, rank: place?.rank ?? null, score: place?.score ?? null };
  });
}

/**
 * Whether a jury comment feedback would share is in another script than the applicant reads: Arabic
 * letters for a French or English reader, Latin letters for an Arabic one.
 */
export function commentInOtherScript(row: Pick<TCallDecisionRow, 'applicant' | 'sharedCommentScripts'>): boolean {
  return row.sharedCommentScripts.includes(row.applicant.locale === 'ar' ? 'LATIN' : 'ARABIC');
}

/** Whether staff may still record an outcome: not once it is published, never for drafts, ineligible or withdrawn applications. */
export function canDecide(row: Pick<TCallDecisionRow, 'status' | 'decision'>): boolean {
  return !row.decision?.publishedAt && !NOT_DECIDABLE.includes(row.status);
}

function matchesEmail(row: TCallDecisionRow, filter: DecisionFilters['email']): boolean {
  if (filter === 'ALL') return true;
  if (filter === 'NONE') return row.email === null;
  if (filter === 'SENT') return row.email?.status === 'SENT' || row.email?.status === 'CAPTURED';
  return row.email?.status === filter;
}

function matchesPublication(row: TCallDecisionRow, filter: DecisionFilters['publication']): boolean {
  if (filter === 'ALL') return true;
  if (filter === 'UNDECIDED') return row.decision === null;
  if (filter === 'PUBLISHED') return Boolean(row.decision?.publishedAt);
  return row.decision !== null && !row.decision.publishedAt;
}

/** Orders by rank: ranked applications first, by rank then reference; the others after, by reference. */
function byRank(a: DecisionRowView, b: DecisionRowView): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return (a.reference ?? '').localeCompare(b.reference ?? '');
}

/** The rows the filters let through, in the chosen order. */
export function filterDecisionRows(rows: readonly DecisionRowView[], filters: DecisionFilters): DecisionRowView[] {
  const shown = rows.filter(
    (row) =>
      (filters.outcome === 'ALL' || (filters.outcome === 'NONE' ? row.decision === null : row.decision?.outcome === filters.outcome)) &&
      matchesPublication(row, filters.publication) &&
      matchesEmail(row, filters.email),
  );
  return filters.order === 'rank' ? [...shown].sort(byRank) : shown;
}

/** The N best-ranked applications that can still be decided (shared ranks are broken by reference). */
export function topByRank(rows: readonly DecisionRowView[], count: number): string[] {
  if (!Number.isFinite(count) || count < 1) return [];
  return rows
    .filter((row) => row.rank !== null && canDecide(row))
    .sort(byRank)
    .slice(0, Math.floor(count))
    .map((row) => row.applicationId);
}

/** What "select the top N" did: the ids selected, and how many were asked for (to say when fewer could be). */
export interface TopSelection {
  ids: string[];
  asked: number;
}

export function selectTop(rows: readonly DecisionRowView[], count: number): TopSelection {
  return { ids: topByRank(rows, count), asked: Math.floor(count) };
}

export interface PublishPlanLine {
  outcome: TDecisionOutcome;
  locale: TLocale;
  count: number;
}

/** What publishing would send: one email per unpublished decision, by outcome and the applicant's language. */
export function publishPlan(items: readonly TCallDecisionRow[]): PublishPlanLine[] {
  const lines: PublishPlanLine[] = [];
  for (const outcome of ['WINNER', 'NOT_SELECTED'] as const) {
    for (const locale of LOCALES) {
      const count = items.filter((row) => row.decision?.outcome === outcome && !row.decision.publishedAt && row.applicant.locale === locale).length;
      if (count > 0) lines.push({ outcome, locale, count });
    }
  }
  return lines;
}

/** Outcomes about to be published that have no saved template: their emails use the proposed texts. */
export function proposedTemplates(list: Pick<TCallDecisionList, 'items' | 'templatesSaved'>): TDecisionOutcome[] {
  const needed = new Set(publishPlan(list.items).map((line) => line.outcome));
  return [...needed].filter((outcome) => !list.templatesSaved.includes(outcome));
}

/** Applications about to be published whose shared jury comment is in another script than their applicant's. */
export function publishedInOtherScript(list: Pick<TCallDecisionList, 'items' | 'call'>): TCallDecisionRow[] {
  if (!list.call.feedbackEnabled) return [];
  return list.items.filter((row) => row.decision !== null && !row.decision.publishedAt && !NOT_DECIDABLE.includes(row.status) && commentInOtherScript(row));
}

/** While an email waits in the outbox, its status is worth watching. */
export function hasQueuedEmail(list: Pick<TCallDecisionList, 'items'> | undefined): boolean {
  return Boolean(list?.items.some((row) => row.email?.status === 'QUEUED'));
}

export const EMAIL_LABELS = ['QUEUED', 'RETRYING', 'SENT', 'CAPTURED', 'FAILED'] as const;
export type EmailLabel = (typeof EMAIL_LABELS)[number];

/**
 * How a decision email's delivery reads to staff: a queued email that already failed an attempt is
 * waiting for a retry (SMTP down), which staff should tell apart from one not tried yet.
 */
export function emailLabel(email: Pick<TDecisionEmail, 'status' | 'attempts'>): EmailLabel {
  if (email.status === 'QUEUED' && email.attempts > 0) return 'RETRYING';
  return email.status;
}

export const EMAIL_LABEL_COLORS: Record<EmailLabel, string> = { ...EMAIL_STATUS_COLORS, RETRYING: 'yellow' };
