import { z } from 'zod';
import { ZFieldKey } from './forms';
import { ZLocalizedText, zLocalizedText, type TLocale } from './locales';
import { ZDateTimeInput, ZWallClock } from './time-zone';

export const ROUND_TYPES = ['SCORING', 'BALLOT'] as const;
/** SCORING: jurors fill a scorecard per application on weighted criteria. BALLOT: each juror orders the finalists. */
export const ZRoundType = z.enum(ROUND_TYPES);
export type TRoundType = z.infer<typeof ZRoundType>;
export const ROUND_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export const ZRoundStatus = z.enum(ROUND_STATUSES);
export type TRoundStatus = z.infer<typeof ZRoundStatus>;
export const RANKING_METHODS = ['NORMALISED', 'MEAN'] as const;
export const ZRankingMethod = z.enum(RANKING_METHODS);

/** An evaluation round of a call. Round 1 is created with the call. */
export const ZRound = z.object({
  id: z.string(),
  callId: z.string(),
  number: z.number().int(),
  name: ZLocalizedText,
  type: ZRoundType,
  status: ZRoundStatus,
  /** Blind: jurors never receive the applicant's identifying answers, in any response. */
  blind: z.boolean(),
  scorecardsRequired: z.number().int(),
  disagreementThreshold: z.number(),
  method: ZRankingMethod,
  instructions: ZLocalizedText.nullable(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  /** The dates as Casablanca's clocks read them (server-computed). */
  opensAtLocal: ZWallClock.nullable(),
  closesAtLocal: ZWallClock.nullable(),
  /** True once a scorecard has been submitted: the criteria are then fixed (or reset, audited). */
  criteriaLocked: z.boolean(),
  /** Jurors may read the round's titles and summaries (masked in a blind round) and say which they would like to read. */
  biddingOpen: z.boolean(),
  /** Affinity of a pair in the automatic assignment: expertiseWeight when the juror knows a topic of the application, plus bidWeight when they asked to read it. */
  expertiseWeight: z.number().int(),
  bidWeight: z.number().int(),
  /** Most applications per juror in the automatic assignment; null: loads within 1 of each other. */
  assignmentCap: z.number().int().nullable(),
  counts: z.object({ applications: z.number().int(), jurors: z.number().int(), assignments: z.number().int(), submitted: z.number().int() }),
  /**
   * True while nothing rests on the round (no application taken into it, no assignment, scorecard or
   * ballot) and it is not round 1: it can then be deleted. Always sent by the API.
   */
  deletable: z.boolean().optional(),
  /** True once the round has a scorecard or a ballot (draft or submitted): its kind is then fixed. Always sent by the API. */
  typeLocked: z.boolean().optional(),
});
export type TRound = z.infer<typeof ZRound>;
export const ZRoundList = z.object({ items: z.array(ZRound) });

const roundFields = {
  name: zLocalizedText(200),
  blind: z.boolean(),
  scorecardsRequired: z.number().int().min(1).max(20),
  disagreementThreshold: z.number().min(0).max(100),
  method: ZRankingMethod,
  instructions: zLocalizedText(5000).nullable(),
  /** Wall-clock time in Africa/Casablanca ("2027-01-15T18:00") or an absolute instant. */
  opensAt: ZDateTimeInput.nullable(),
  closesAt: ZDateTimeInput.nullable(),
  status: ZRoundStatus,
  biddingOpen: z.boolean(),
  expertiseWeight: z.number().int().min(0).max(10),
  bidWeight: z.number().int().min(0).max(10),
  assignmentCap: z.number().int().min(1).max(10_000).nullable(),
};
export const ZCreateRoundRequest = z.strictObject({
  ...roundFields,
  type: ZRoundType.default('SCORING'),
  blind: roundFields.blind.default(true),
  scorecardsRequired: roundFields.scorecardsRequired.default(3),
  disagreementThreshold: roundFields.disagreementThreshold.default(15),
  method: roundFields.method.default('NORMALISED'),
  instructions: roundFields.instructions.default(null),
  opensAt: roundFields.opensAt.default(null),
  closesAt: roundFields.closesAt.default(null),
  status: roundFields.status.default('DRAFT'),
  biddingOpen: roundFields.biddingOpen.default(false),
  expertiseWeight: roundFields.expertiseWeight.default(3),
  bidWeight: roundFields.bidWeight.default(2),
  assignmentCap: roundFields.assignmentCap.default(null),
  /** As for an update: needed to create a round already OPEN while the call still accepts applications. */
  acknowledgeEarly: z.boolean().default(false),
});
export type TCreateRoundRequest = z.input<typeof ZCreateRoundRequest>;
export const ZUpdateRoundRequest = z
  .strictObject({
    ...roundFields,
    /** The round's kind; refused (409 ROUND_TYPE_LOCKED) once it has a scorecard or a ballot. */
    type: ZRoundType,
    /**
     * Opening a round (status OPEN) while the call still accepts applications is refused (409
     * ROUND_OPENS_BEFORE_DEADLINE) unless this is true: late applicants will not be in the round.
     */
    acknowledgeEarly: z.boolean(),
  })
  .partial();
export type TUpdateRoundRequest = z.input<typeof ZUpdateRoundRequest>;

/**
 * Why a round cannot be deleted, change kind or open (`details.reason` of a 409 CONFLICT). The API's
 * `message` says it in the caller's language.
 */
export const ROUND_CONFLICT_REASONS = [
  'FIRST_ROUND',
  'ROUND_NOT_EMPTY',
  'ROUND_TYPE_LOCKED',
  'ROUND_HAS_NO_CRITERIA',
  'ROUND_HAS_NO_APPLICATIONS',
  'ROUND_OPENS_BEFORE_DEADLINE',
] as const;
export type TRoundConflictReason = (typeof ROUND_CONFLICT_REASONS)[number];

export const ROUND_CONFLICT_MESSAGES: Record<TRoundConflictReason, Record<TLocale, string>> = {
  FIRST_ROUND: {
    ar: 'لا يمكن حذف الجولة 1: فهي تضم الملفات المقبولة في الفرز.',
    fr: 'Le tour 1 ne peut pas être supprimé : il reçoit les dossiers retenus au tri.',
    en: 'Round 1 cannot be deleted: it holds the applications kept at screening.',
  },
  ROUND_NOT_EMPTY: {
    ar: 'لا يمكن حذف هذه الجولة لأنها ليست فارغة: فيها ملفات أو إسنادات أو بطاقات تقييم أو أوراق تصويت. ألغِ أولا ترشيح الملفات المنقولة إليها.',
    fr: "Ce tour ne peut pas être supprimé car il n'est pas vide : il contient des dossiers, des affectations, des grilles ou des bulletins. Annulez d'abord la présélection qui l'a rempli.",
    en: 'This round cannot be deleted because it is not empty: it holds applications, assignments, scorecards or ballots. Undo the shortlist that filled it first.',
  },
  ROUND_TYPE_LOCKED: {
    ar: 'لا يمكن تغيير نوع هذه الجولة: بدأ أعضاء لجنة التحكيم العمل فيها (بطاقة تقييم أو ورقة تصويت).',
    fr: "Le type de ce tour ne peut plus changer : le jury y a déjà commencé son travail (grille ou bulletin).",
    en: 'The kind of this round can no longer change: jurors have already started work in it (a scorecard or a ballot).',
  },
  ROUND_HAS_NO_CRITERIA: {
    ar: 'لا يمكن فتح هذه الجولة: حدّد أولا معايير التقييم وأوزانها.',
    fr: "Ce tour ne peut pas être ouvert : définissez d'abord ses critères et leurs poids.",
    en: 'This round cannot be opened: set its criteria and their weights first.',
  },
  ROUND_HAS_NO_APPLICATIONS: {
    ar: 'لا يمكن فتح هذه الجولة: لا تضم أي ملف بعد.',
    fr: "Ce tour ne peut pas être ouvert : il ne contient encore aucun dossier.",
    en: 'This round cannot be opened: it holds no application yet.',
  },
  ROUND_OPENS_BEFORE_DEADLINE: {
    ar: 'لم ينته بعد أجل إيداع الترشيحات: الملفات التي تودع بعد فتح الجولة لن تكون فيها إلا إذا نقلت إليها لاحقا. أكّد أنك تريد فتحها قبل الأجل.',
    fr: "La date limite de candidature n'est pas encore passée : les dossiers déposés après l'ouverture ne seront pas dans ce tour, sauf s'ils y sont ajoutés plus tard. Confirmez l'ouverture avant la date limite.",
    en: 'The application deadline has not passed yet: applications submitted after the round opens will not be in it unless they are added later. Confirm that you want to open it before the deadline.',
  },
};

/** A weighted criterion. Its share of the total weight is shown to staff and jurors as a percentage. */
export const ZCriterion = z.object({
  id: z.string(),
  key: z.string(),
  label: ZLocalizedText,
  guidance: ZLocalizedText.nullable(),
  weight: z.number(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  position: z.number().int(),
});
export type TCriterion = z.infer<typeof ZCriterion>;
export const ZCriterionList = z.object({ items: z.array(ZCriterion), locked: z.boolean() });

export const ZCriterionInput = z
  .strictObject({
    key: ZFieldKey,
    label: zLocalizedText(300),
    guidance: zLocalizedText(5000).nullable().default(null),
    weight: z.number().positive().max(1000),
    scaleMin: z.number().int().min(-100).max(100),
    scaleMax: z.number().int().min(-100).max(100),
  })
  .refine((c) => c.scaleMax > c.scaleMin, { path: ['scaleMax'], message: 'scaleMax must be greater than scaleMin' });
/** Replaces the round's criteria (order = array order). Refused once a scorecard is submitted unless `reset`. */
export const ZPutCriteriaRequest = z
  .strictObject({
    criteria: z.array(ZCriterionInput).min(1).max(30),
    /** Explicit, audited reset: allowed after submissions, reopens every submitted scorecard of the round. */
    reset: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    const keys = body.criteria.map((c) => c.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index) ctx.addIssue({ code: 'custom', path: ['criteria', index, 'key'], message: 'duplicate criterion key' });
    });
  });
export type TPutCriteriaRequest = z.input<typeof ZPutCriteriaRequest>;

/** Each criterion's share of the total weight, in percent (rounded for display by the caller). */
export function weightShares(criteria: ReadonlyArray<{ weight: number }>): number[] {
  const total = criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0), 0);
  return criteria.map((c) => (total > 0 && c.weight > 0 ? (100 * c.weight) / total : 0));
}
