import { z } from 'zod';
import type { TLocale } from './locale-codes';
import { ZRankingQueryMethod } from './results';

// ---- Second look (DESIGN.md "Shortlist confidence and second look") -----------------------------

/** Why the planner picked an application: it lacks scorecards, its jurors disagree near the cut, or its side of the cut is uncertain. */
export const SECOND_LOOK_REASONS = ['INCOMPLETE', 'DISAGREEMENT', 'NEAR_CUT'] as const;
export const ZSecondLookReason = z.enum(SECOND_LOOK_REASONS);
export type TSecondLookReason = z.infer<typeof ZSecondLookReason>;

/**
 * What staff ask for: the shortlist (`size`, the k best, or `threshold`, a score to reach in the method's
 * units) and the budget (`total` extra scorecards, or `perJuror` for each juror of the round).
 */
const secondLookFields = {
  method: ZRankingQueryMethod.optional(),
  size: z.number().int().min(1).max(100_000).optional(),
  threshold: z.number().min(-1_000).max(1_000).optional(),
  total: z.number().int().min(1).max(10_000).optional(),
  perJuror: z.number().int().min(1).max(1_000).optional(),
};
type SecondLookFields = { size?: number; threshold?: number; total?: number; perJuror?: number };
const oneCut = (body: SecondLookFields) => (body.size === undefined) !== (body.threshold === undefined);
const oneBudget = (body: SecondLookFields) => (body.total === undefined) !== (body.perJuror === undefined);

export const ZSecondLookRequest = z
  .strictObject(secondLookFields)
  .refine(oneCut, { path: ['size'], message: 'size or threshold, one of them' })
  .refine(oneBudget, { path: ['total'], message: 'total or perJuror, one of them' });
export type TSecondLookRequest = z.infer<typeof ZSecondLookRequest>;

/** The commit carries the ranking stamp its preview was made on: a change since answers 409 VERSION_CONFLICT. */
export const ZSecondLookCommitRequest = z
  .strictObject({ ...secondLookFields, stamp: z.string().regex(/^\d{1,18}$/) })
  .refine(oneCut, { path: ['size'], message: 'size or threshold, one of them' })
  .refine(oneBudget, { path: ['total'], message: 'total or perJuror, one of them' });
export type TSecondLookCommitRequest = z.infer<typeof ZSecondLookCommitRequest>;

export const ZSecondLookPick = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  jurorId: z.string(),
  jurorName: z.string(),
  reason: ZSecondLookReason,
  /** The application's score under the method before the second look; null without a scorecard. */
  score: z.number().nullable(),
  standardError: z.number().nullable(),
  /** |score - cut| / standard error when picked; null when undefined. */
  distance: z.number().nullable(),
});
export type TSecondLookPick = z.infer<typeof ZSecondLookPick>;

export const ZSecondLookJurorLoad = z.object({
  jurorId: z.string(),
  displayName: z.string(),
  before: z.number().int(),
  added: z.number().int(),
  after: z.number().int(),
});

/** A planned second look (the preview), or the plan a committed one followed. */
export const ZSecondLookPlan = z.object({
  roundId: z.string(),
  /** The round's ranking stamp the plan was made on (send it back to commit). */
  stamp: z.string(),
  method: ZRankingQueryMethod,
  size: z.number().int().nullable(),
  threshold: z.number().nullable(),
  total: z.number().int().nullable(),
  perJuror: z.number().int().nullable(),
  /** The score between the last application in and the first one out (or the threshold); null when all are in. */
  cut: z.number().nullable(),
  picks: z.array(ZSecondLookPick),
  jurors: z.array(ZSecondLookJurorLoad),
  /** Extra scorecards of the budget no eligible juror was left for. */
  unplaced: z.number().int(),
});
export type TSecondLookPlan = z.infer<typeof ZSecondLookPlan>;

/** A committed second look: its plan, who made it, and whether it can still be undone (none of its scorecards submitted). */
export const ZSecondLook = ZSecondLookPlan.extend({
  id: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** Its assignments still in the round, and how many of their scorecards are submitted. */
  assignments: z.number().int(),
  submitted: z.number().int(),
  undoable: z.boolean(),
});
export type TSecondLook = z.infer<typeof ZSecondLook>;
export const ZSecondLookList = z.object({ items: z.array(ZSecondLook) });
export type TSecondLookList = z.infer<typeof ZSecondLookList>;

/** Why a second look cannot be planned, committed or undone (`details.reason` of a 409 CONFLICT). */
export const SECOND_LOOK_CONFLICT_REASONS = ['ROUND_CLOSED', 'BALLOT_ROUND', 'NOTHING_TO_PLACE', 'SCORECARDS_SUBMITTED'] as const;
export type TSecondLookConflictReason = (typeof SECOND_LOOK_CONFLICT_REASONS)[number];

export const SECOND_LOOK_CONFLICT_MESSAGES: Record<TSecondLookConflictReason, Record<TLocale, string>> = {
  ROUND_CLOSED: {
    ar: 'هذه الجولة مغلقة: لا يمكن إضافة بطاقات تقييم إليها. أعد فتحها أولا.',
    fr: 'Ce tour est clos : on ne peut plus y ajouter de grilles. Rouvrez-le d’abord.',
    en: 'This round is closed: no scorecards can be added to it. Reopen it first.',
  },
  BALLOT_ROUND: {
    ar: 'في جولة التصويت النهائي يرتب كل عضو جميع الملفات: لا توجد بطاقات تقييم إضافية.',
    fr: 'Dans un tour de vote final, chaque juré classe tous les dossiers : il n’y a pas de grille supplémentaire à placer.',
    en: 'In a final ballot round every juror orders all the applications: there are no extra scorecards to place.',
  },
  NOTHING_TO_PLACE: {
    ar: 'لا يوجد عضو في لجنة التحكيم متاح لأي من الملفات المعنية (سبق له تقييمها أو لديه تضارب مصالح).',
    fr: 'Aucun juré ne peut prendre l’un des dossiers concernés (il les évalue déjà ou a un conflit d’intérêts).',
    en: 'No juror can take any of the applications concerned (they already score them or have a conflict of interest).',
  },
  SCORECARDS_SUBMITTED: {
    ar: 'لا يمكن إلغاء هذه النظرة الثانية: فقد أُرسلت بعض بطاقاتها وهي محتسبة في الترتيب.',
    fr: 'Ce second regard ne peut plus être annulé : certaines de ses grilles sont soumises et comptent dans le classement.',
    en: 'This second look can no longer be undone: some of its scorecards are submitted and count in the ranking.',
  },
};
