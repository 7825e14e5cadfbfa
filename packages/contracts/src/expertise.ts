import { z } from 'zod';
import { ZFieldKey } from './forms';
import { ZLocalizedText, zLocalizedText, type TLocale } from './locales';

// ---- Topics of a call --------------------------------------------------------------------------

/** A topic's key: lower-case letters and digits joined by underscores ("olive_oil"). */
export const ZTopicKey = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, { error: 'lower-case letters and digits joined by _' });

export const ZCallTopic = z.object({ key: ZTopicKey, label: ZLocalizedText });
/** The kinds of question that can give applications their topics (an option counts when its value is a topic's key). */
export const TOPIC_FIELD_TYPES = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'] as const;
export type TCallTopic = z.infer<typeof ZCallTopic>;

/**
 * The fields a call's projects belong to. `fieldKey` names the single or multiple choice question whose
 * chosen options give each application its topics: an option counts when its value is a topic's key.
 * Staff may also tag an application during screening, which replaces what the question gave it.
 */
export const ZCallTopics = z.object({
  topics: z.array(ZCallTopic),
  fieldKey: ZFieldKey.nullable(),
  /** Submitted applications of the call, and how many of them have at least one topic. */
  counts: z.object({ applications: z.number().int(), withTopic: z.number().int() }),
});
export type TCallTopics = z.infer<typeof ZCallTopics>;

export const ZPutCallTopicsRequest = z.strictObject({
  topics: z
    .array(z.strictObject({ key: ZTopicKey, label: zLocalizedText(80) }))
    .max(60)
    .refine((topics) => new Set(topics.map((t) => t.key)).size === topics.length, { error: 'each topic key once' }),
  fieldKey: ZFieldKey.nullable(),
});
export type TPutCallTopicsRequest = z.input<typeof ZPutCallTopicsRequest>;

/** Where an application's topics come from: the topic question, staff's tags, or nowhere yet. */
export const TOPIC_SOURCES = ['FORM', 'STAFF', 'NONE'] as const;
export const ZApplicationTopics = z.object({
  /** The topics the automatic assignment reads (keys of the call's topics). */
  topics: z.array(ZTopicKey),
  source: z.enum(TOPIC_SOURCES),
  /** What the topic question gives, shown beside staff's tags. */
  fromForm: z.array(ZTopicKey),
});
export type TApplicationTopics = z.infer<typeof ZApplicationTopics>;

/** Staff's tags for one application; `null` goes back to what the topic question gives. */
export const ZPutApplicationTopicsRequest = z.strictObject({
  topics: z
    .array(ZTopicKey)
    .max(20)
    .refine((keys) => new Set(keys).size === keys.length, { error: 'each topic once' })
    .nullable(),
});
export type TPutApplicationTopicsRequest = z.input<typeof ZPutApplicationTopicsRequest>;

/** Staff set a juror's expertise, or the juror declares their own. */
export const ZPutExpertiseRequest = z.strictObject({
  topics: z
    .array(ZTopicKey)
    .max(60)
    .refine((keys) => new Set(keys).size === keys.length, { error: 'each topic once' }),
});
export type TPutExpertiseRequest = z.input<typeof ZPutExpertiseRequest>;
export const ZExpertise = z.object({ jurorId: z.string(), topics: z.array(ZTopicKey) });
export type TExpertise = z.infer<typeof ZExpertise>;

// ---- Bidding (the juror's side) ----------------------------------------------------------------

export const BID_PREFERENCES = ['WANT', 'NEUTRAL', 'RATHER_NOT'] as const;
export const ZBidPreference = z.enum(BID_PREFERENCES);
export type TBidPreference = z.infer<typeof ZBidPreference>;

/**
 * A round as one of its jurors prepares it: the call's topics and the juror's expertise, and while
 * bidding is open the round's applications the juror has no conflict with. In a blind round an item
 * carries its reference, its title (only when the title question is not identifying) and its summary,
 * both with the applicant's identity and contact details masked: nothing else of the application.
 */
export const ZJuryBidding = z.object({
  round: z.object({
    id: z.string(),
    name: ZLocalizedText,
    blind: z.boolean(),
    biddingOpen: z.boolean(),
    status: z.enum(['DRAFT', 'OPEN', 'CLOSED']),
    call: z.object({ id: z.string(), title: ZLocalizedText }),
  }),
  topics: z.array(ZCallTopic),
  expertise: z.array(ZTopicKey),
  items: z.array(
    z.object({
      applicationId: z.string(),
      applicationLabel: z.string(),
      title: z.string().nullable(),
      summary: z.string().nullable(),
      topics: z.array(ZTopicKey),
      preference: ZBidPreference,
    }),
  ),
});
export type TJuryBidding = z.infer<typeof ZJuryBidding>;

/** A juror declares a conflict of interest with a project they see while bidding: it leaves their list at once. */
export const ZBiddingConflictRequest = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type TBiddingConflictRequest = z.input<typeof ZBiddingConflictRequest>;

export const ZPutBidRequest = z.strictObject({ preference: ZBidPreference });
export type TPutBidRequest = z.input<typeof ZPutBidRequest>;
export const ZBid = z.object({ applicationId: z.string(), preference: ZBidPreference });
export type TBid = z.infer<typeof ZBid>;

// ---- The automatic assignment with affinity (staff) --------------------------------------------

/** Why a pair was chosen: the topics the juror knows among the application's, and the juror's bid. */
export const ZPlannedPair = z.object({
  jurorId: z.string(),
  applicationId: z.string(),
  affinity: z.number().int(),
  topics: z.array(ZTopicKey),
  bid: z.enum(['WANT', 'RATHER_NOT']).nullable(),
});
export type TPlannedPair = z.infer<typeof ZPlannedPair>;

export const SHORTFALL_REASONS = ['NOT_ENOUGH_JURORS', 'CONFLICTS', 'CAPACITY'] as const;
const ZShortfall = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  assigned: z.number().int(),
  required: z.number().int(),
  reason: z.enum(SHORTFALL_REASONS),
});

/**
 * What the automatic assignment would add (preview) or added (run): every pair with its affinity and
 * reasons, the loads, and the applications it could not match with a juror who knows their field.
 */
export const ZAssignmentPlan = z.object({
  /** Same data, same plan: a digest of the pairs, which a run can require (409 PLAN_CHANGED otherwise). */
  fingerprint: z.string(),
  created: z.number().int(),
  kept: z.number().int(),
  minLoad: z.number().int(),
  maxLoad: z.number().int(),
  cap: z.number().int().nullable(),
  weights: z.object({ expertise: z.number().int(), bid: z.number().int() }),
  pairs: z.array(ZPlannedPair),
  jurors: z.array(z.object({ id: z.string(), displayName: z.string(), expertise: z.array(ZTopicKey), kept: z.number().int(), added: z.number().int() })),
  applications: z.array(z.object({ id: z.string(), reference: z.string().nullable(), title: z.string().nullable(), topics: z.array(ZTopicKey) })),
  /** Applications with topics that no unconflicted juror of the round knows. */
  unmatched: z.array(z.string()),
  /** Applications some juror knows whose new jurors do not (balance, the cap or "rather not" bids decided). */
  notReadByKnower: z.array(z.string()),
  /** Applications without any topic. */
  withoutTopic: z.array(z.string()),
  totalAffinity: z.number().int(),
  /** Every application given its best eligible jurors, ignoring loads: totalAffinity never exceeds it. */
  upperBound: z.number().int(),
  /** "Rather not" pairs the plan had to use (coverage or balance needed them). */
  avoidedUsed: z.number().int(),
  /** Proven: no plan with the same coverage and balance reaches a better affinity. */
  optimal: z.boolean(),
  shortfalls: z.array(ZShortfall),
});
export type TAssignmentPlan = z.infer<typeof ZAssignmentPlan>;
/** What a run of the automatic assignment answers: the plan it committed. */
export const ZAutoAssignResult = ZAssignmentPlan;
export type TAutoAssignResult = TAssignmentPlan;

/** `?fingerprint=` of a run of the automatic assignment (from a preview): only that exact plan is committed. */
export const ZPlanFingerprint = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

export const EXPERTISE_CONFLICT_REASONS = ['BIDDING_CLOSED', 'ROUND_CLOSED', 'PLAN_CHANGED', 'NOT_A_CHOICE_FIELD', 'IDENTIFYING_FIELD'] as const;
export type TExpertiseConflictReason = (typeof EXPERTISE_CONFLICT_REASONS)[number];
export const EXPERTISE_CONFLICT_MESSAGES: Record<TExpertiseConflictReason, Record<TLocale, string>> = {
  BIDDING_CLOSED: {
    ar: 'مرحلة إبداء الرغبات في هذه الجولة مغلقة: لم يعد بالإمكان تسجيل رغبتك.',
    fr: 'Les souhaits de lecture de ce tour sont fermés : votre choix ne peut plus être enregistré.',
    en: 'Bidding in this round is closed: your choice can no longer be saved.',
  },
  ROUND_CLOSED: {
    ar: 'هذه الجولة مغلقة: لم يعد بالإمكان تغيير مجالات الخبرة فيها.',
    fr: 'Ce tour est clos : les domaines d’expertise ne peuvent plus y changer.',
    en: 'This round is closed: expertise can no longer change in it.',
  },
  PLAN_CHANGED: {
    ar: 'تغيّرت المعطيات منذ المعاينة (محكّمون أو ملفات أو رغبات أو تضارب مصالح): راجع المعاينة الجديدة ثم أكّد.',
    fr: 'Les données ont changé depuis l’aperçu (jurés, dossiers, souhaits ou conflits) : relisez le nouvel aperçu puis confirmez.',
    en: 'The data changed since the preview (jurors, applications, bids or conflicts): read the new preview, then confirm.',
  },
  NOT_A_CHOICE_FIELD: {
    ar: 'يجب أن يكون سؤال المجالات سؤال اختيار (واحد أو متعدد) من استمارة هذا الطلب.',
    fr: 'La question des thématiques doit être une question à choix (unique ou multiple) du formulaire de cet appel.',
    en: 'The topic question must be a single or multiple choice question of this call’s form.',
  },
  IDENTIFYING_FIELD: {
    ar: 'هذا السؤال يكشف هوية المترشح: لا يمكن أن يحدّد المجالات، لأن المحكّمين يرون مجالات كل مشروع حتى في جولة دون كشف الهوية.',
    fr: 'Cette question identifie les candidats : elle ne peut pas donner les thématiques, que les jurés voient même dans un tour anonyme.',
    en: 'This question identifies applicants: it cannot give the topics, which jurors see even in a blind round.',
  },
};
