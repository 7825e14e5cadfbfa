import { seededRandom, weightedScore } from '@tahkim/scoring';
import type { Prisma } from '../../generated/client/client';
import type { DemoCriterion } from './round';

/**
 * How round 1 of the demo call stands when someone first opens the app: six jurors have scored almost
 * every submitted application, so staff read a real ranking. Everything here is deterministic (a
 * seeded generator, no Math.random), so the demo and its tests see the same numbers on every machine.
 */

/** How a juror tends to score: their bias is added to every criterion, on a 0-5 scale. */
export type JurorTemperament = 'STEADY' | 'HARSH' | 'LENIENT';

export interface RoundOneJuror {
  email: string;
  temperament: JurorTemperament;
  /** Points added to every value, on a 0-5 scale (scaled to the criterion's own range), before clamping. */
  bias: number;
}

/**
 * The jury of round 1, in the order of their Juror rows. juror5 marks everything well below the others
 * (the harsh juror the severity chart shows), juror6 above; the others score as the project deserves.
 */
export const ROUND_ONE_JURY: readonly RoundOneJuror[] = [
  { email: 'juror@tahkim.example', temperament: 'STEADY', bias: 0.1 },
  { email: 'juror2@tahkim.example', temperament: 'STEADY', bias: -0.1 },
  { email: 'juror3@tahkim.example', temperament: 'STEADY', bias: 0.15 },
  { email: 'juror4@tahkim.example', temperament: 'STEADY', bias: -0.05 },
  { email: 'juror5@tahkim.example', temperament: 'HARSH', bias: -1.3 },
  { email: 'juror6@tahkim.example', temperament: 'LENIENT', bias: 0.8 },
];

/** The demo juror people sign in as keeps work to do: this many applications not started, this many drafts. */
export const DEMO_JUROR_EMAIL = 'juror@tahkim.example';
export const DEMO_JUROR_NOT_STARTED = 4;
export const DEMO_JUROR_DRAFTS = 2;
export const SCORECARDS_PER_APPLICATION = 3;

/**
 * The projects the jury finds strongest, best first (owner emails): a clear top 10, led by the catering
 * social enterprise the foundation's 2019 jury chose for its double impact.
 */
export const ROUND_ONE_FAVOURITES: readonly string[] = [
  'atelier.traiteur@tahkim.example',
  'code.femmes@tahkim.example',
  'argan.tiznit@tahkim.example',
  'boulangerie.inclusive@tahkim.example',
  'khayata.oujda@tahkim.example',
  'autonomie.meres@tahkim.example',
  'zarbiya.tazenakht@tahkim.example',
  'pecheurs.dakhla@tahkim.example',
  'cantine.ecole@tahkim.example',
  'madrasa.thania@tahkim.example',
];
const FAVOURITE_QUALITY = [4.55, 4.4, 4.3, 4.2, 4.1, 4.05, 4, 3.95, 3.9, 3.85];
/** The others spread below the favourites, with a gap, so the top 10 stands out. */
const OTHERS_QUALITY = { best: 3.05, worst: 1.2 };

/** Projects on which the jurors split (one enthusiastic, one sceptical): the DISAGREEMENT flag. */
export const ROUND_ONE_CONTROVERSIAL: readonly string[] = [
  'mada.sahara@tahkim.example',
  'taqa.dawar@tahkim.example',
  'repair.cafe@tahkim.example',
];
/** Added to each of a split project's scorecards (in the order of its jurors), on a 0-5 scale. */
const CONTROVERSY_OFFSETS = [1.6, -1.6, 0.2];

/** What the plan needs of a criterion: its key, weight and scale. */
export type ScaledCriterion = Pick<DemoCriterion, 'key' | 'weight' | 'scaleMin' | 'scaleMax'>;

export type PlannedStatus = 'SUBMITTED' | 'DRAFT' | 'NOT_STARTED';

export interface PlannedScorecard {
  /** Index into the applications given to planRoundOneScoring. */
  application: number;
  /** Index into ROUND_ONE_JURY. */
  juror: number;
  status: PlannedStatus;
  /** One per criterion, in ROUND_ONE_CRITERIA's order: integers within the scale; null where a draft has none yet. */
  values: (number | null)[];
  /** Rule 1, for submitted scorecards; null otherwise. */
  weightedScore: number | null;
  overallComment: string | null;
  commentShareable: boolean;
  /** Autosaves before submission, plus one. */
  version: number;
  /** Where between the application's arrival in the round and now the juror last worked on it (0-1). */
  progress: number;
}

export interface RoundOnePlan {
  scorecards: PlannedScorecard[];
}

export interface PlannedApplication {
  /** The owner's email: what the favourites and special cases above are keyed by. */
  key: string;
  /** The screening rules' suggestion: the jury finds projects outside the call's rules weaker. */
  eligible: boolean;
}

/** The language a juror writes their comments in (their account's). */
export type CommentLanguage = (email: string) => 'ar' | 'fr' | 'en';

/**
 * The generator's seed. Among the seeds tried, this one tells the demo's story: the favourites fill the
 * normalised top 10, led by the catering enterprise, which the harsh juror pushes down to 6th under the
 * mean method, where two others enter the top 10; only the split projects are flagged DISAGREEMENT; two
 * projects tie. prisma/test/database.spec.ts checks it.
 */
const SEED = 227;

/**
 * Who scores what, and how: each application gets three distinct jurors, every juror the same number of
 * applications (32 × 3 = 96, 16 each), the harsh and the lenient juror never on the same application
 * (together they would split every project they share). Then the values: the project's quality, its
 * own strengths per criterion, the juror's bias and a little noise, rounded to the scale.
 */
export function planRoundOneScoring(
  applications: readonly PlannedApplication[],
  criteria: readonly ScaledCriterion[],
  languageOf: CommentLanguage,
): RoundOnePlan {
  const random = seededRandom(SEED);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const n = applications.length;
  const jurors = ROUND_ONE_JURY.length;
  const harsh = ROUND_ONE_JURY.findIndex((j) => j.temperament === 'HARSH');
  const lenient = ROUND_ONE_JURY.findIndex((j) => j.temperament === 'LENIENT');

  const quality = qualities(applications, random);
  const strengths = applications.map(() => criteria.map(() => 0.45 * gaussian()));
  const panels = assignPanels(n, jurors, harsh, lenient, random);

  const cards: PlannedScorecard[] = [];
  for (let a = 0; a < n; a += 1) {
    const controversial = ROUND_ONE_CONTROVERSIAL.includes(applications[a]!.key);
    panels[a]!.forEach((juror, position) => {
      const offset = ROUND_ONE_JURY[juror]!.bias + (controversial ? CONTROVERSY_OFFSETS[position]! : 0);
      const values = criteria.map((criterion, c) => {
        const points = quality[a]! + strengths[a]![c]! + offset + 0.3 * gaussian();
        return toScale(points, criterion);
      });
      cards.push({
        application: a,
        juror,
        status: 'SUBMITTED',
        values,
        weightedScore: null,
        overallComment: null,
        commentShareable: false,
        version: 2 + Math.floor(random() * 3),
        progress: 0.15 + 0.8 * random(),
      });
    });
  }

  leaveDemoJurorWork(cards, applications, lenient);
  makeTwins(cards, applications, quality);

  for (const card of cards) {
    const juror = ROUND_ONE_JURY[card.juror]!;
    if (card.status === 'DRAFT') card.values = card.values.map((value, c) => (c < 3 ? value : null));
    if (card.status === 'SUBMITTED') {
      card.weightedScore = weightedScoreOf(criteria, card.values as number[]);
      // About half the jurors' scorecards carry an overall comment, in the juror's language.
      if (random() < 0.55) {
        card.overallComment = commentFor(languageOf(juror.email), card.weightedScore, random);
        card.commentShareable = random() < 0.5;
      }
    }
  }
  return { scorecards: cards };
}

/** DESIGN.md rule 1, with the shared implementation the API stores at submission. */
export function weightedScoreOf(criteria: readonly ScaledCriterion[], values: readonly number[]): number {
  const keyed = criteria.map((criterion) => ({ ...criterion, id: criterion.key }));
  return weightedScore(keyed, new Map(criteria.map((criterion, c) => [criterion.key, values[c]!])))!;
}

function qualities(applications: readonly PlannedApplication[], random: () => number): number[] {
  const others = applications.map((_, index) => index).filter((index) => !ROUND_ONE_FAVOURITES.includes(applications[index]!.key));
  shuffle(others, random);
  // Projects the screening rules would refuse end at the bottom (a stable sort keeps the shuffle otherwise).
  others.sort((x, y) => Number(applications[y]!.eligible) - Number(applications[x]!.eligible));
  const quality = applications.map(() => 0);
  applications.forEach((application, index) => {
    const rank = ROUND_ONE_FAVOURITES.indexOf(application.key);
    if (rank >= 0) quality[index] = FAVOURITE_QUALITY[rank]!;
  });
  const step = others.length > 1 ? (OTHERS_QUALITY.best - OTHERS_QUALITY.worst) / (others.length - 1) : 0;
  others.forEach((index, position) => {
    quality[index] = OTHERS_QUALITY.best - position * step;
  });
  return quality;
}

/**
 * Panels of three, in pairs of applications: the first gets a triple with exactly one of the harsh and
 * lenient jurors, the second its complement, so after every pair all jurors have the same load. Among
 * the allowed triples the one whose juror pairs met least so far wins (every pair of jurors shares some
 * applications, which calibration and reliability need).
 */
function assignPanels(n: number, jurors: number, harsh: number, lenient: number, random: () => number): number[][] {
  if (jurors !== 2 * SCORECARDS_PER_APPLICATION || n % 2 !== 0) throw new Error('The demo plan needs 6 jurors and an even number of applications');
  const triples: number[][] = [];
  for (let a = 0; a < jurors; a += 1)
    for (let b = a + 1; b < jurors; b += 1)
      for (let c = b + 1; c < jurors; c += 1) {
        const triple = [a, b, c];
        if (triple.includes(harsh) !== triple.includes(lenient)) triples.push(triple);
      }
  const met = Array.from({ length: jurors }, () => Array.from({ length: jurors }, () => 0));
  const cost = (triple: number[]) => {
    let total = 0;
    for (const x of triple) for (const y of triple) if (x < y) total += met[x]![y]!;
    return total;
  };
  const order = Array.from({ length: n }, (_, index) => index);
  shuffle(order, random);
  const panels: number[][] = Array.from({ length: n }, () => []);
  for (let p = 0; p < n; p += 2) {
    let best: number[] = [];
    let bestCost = Infinity;
    for (const triple of triples) {
      const complement = range(jurors).filter((j) => !triple.includes(j));
      const value = cost(triple) + cost(complement) + random() * 0.5;
      if (value < bestCost) [best, bestCost] = [triple, value];
    }
    const complement = range(jurors).filter((j) => !best.includes(j));
    for (const panel of [best, complement]) for (const x of panel) for (const y of panel) if (x < y) met[x]![y]! += 1;
    panels[order[p]!] = best;
    panels[order[p + 1]!] = complement;
  }
  return panels;
}

/**
 * The demo juror's unfinished work: applications outside the favourites and the split ones,
 * preferably shared with the lenient juror (two scorecards, one harsh, would look like a dispute).
 * The first DEMO_JUROR_DRAFTS become drafts, the next DEMO_JUROR_NOT_STARTED have no scorecard yet.
 */
function leaveDemoJurorWork(cards: PlannedScorecard[], applications: readonly PlannedApplication[], lenient: number): void {
  const demoJuror = ROUND_ONE_JURY.findIndex((j) => j.email === DEMO_JUROR_EMAIL);
  const special = new Set([...ROUND_ONE_FAVOURITES, ...ROUND_ONE_CONTROVERSIAL]);
  const withLenient = new Set(cards.filter((card) => card.juror === lenient).map((card) => card.application));
  const candidates = cards
    .filter((card) => card.juror === demoJuror && !special.has(applications[card.application]!.key))
    .sort((x, y) => Number(withLenient.has(y.application)) - Number(withLenient.has(x.application)) || x.application - y.application);
  const unfinished = DEMO_JUROR_DRAFTS + DEMO_JUROR_NOT_STARTED;
  if (candidates.length < unfinished) throw new Error('The demo juror has too few ordinary applications to leave unfinished');
  candidates.slice(0, unfinished).forEach((card, index) => {
    card.status = index < DEMO_JUROR_DRAFTS ? 'DRAFT' : 'NOT_STARTED';
  });
}

/**
 * An exact tie: of the fully scored ordinary projects, the two closest in quality whose panels have the
 * same harsh or lenient juror; the weaker one takes the stronger one's values, juror for juror of the
 * same temperament. Their mean scores are then equal and they share a rank under the mean method.
 */
function makeTwins(cards: PlannedScorecard[], applications: readonly PlannedApplication[], quality: readonly number[]): void {
  const special = new Set([...ROUND_ONE_FAVOURITES, ...ROUND_ONE_CONTROVERSIAL]);
  const cardsOf = (a: number) => cards.filter((card) => card.application === a);
  const temperaments = (a: number) => cardsOf(a).map((card) => ROUND_ONE_JURY[card.juror]!.temperament).sort().join();
  const ordinary = applications
    .map((_, a) => a)
    .filter((a) => !special.has(applications[a]!.key) && cardsOf(a).every((card) => card.status === 'SUBMITTED'))
    .sort((x, y) => quality[y]! - quality[x]! || x - y);
  for (let i = 0; i + 1 < ordinary.length; i += 1) {
    const [stronger, weaker] = [ordinary[i]!, ordinary[i + 1]!];
    if (temperaments(stronger) !== temperaments(weaker)) continue;
    const pool = cardsOf(stronger);
    for (const card of cardsOf(weaker)) {
      const temperament = ROUND_ONE_JURY[card.juror]!.temperament;
      const match = pool.findIndex((other) => ROUND_ONE_JURY[other.juror]!.temperament === temperament);
      card.values = [...pool.splice(match, 1)[0]!.values];
    }
    return;
  }
  throw new Error('The demo plan found no pair of applications to tie');
}

function toScale(points: number, criterion: ScaledCriterion): number {
  const share = Math.min(1, Math.max(0, points / 5));
  return Math.round(criterion.scaleMin + share * (criterion.scaleMax - criterion.scaleMin));
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, index) => index);
}

/** Overall comments by how well the juror scored the project, in the juror's language. */
const COMMENTS: Record<'fr' | 'ar', Record<'strong' | 'middle' | 'weak', string[]>> = {
  fr: {
    strong: [
      "Impact chiffré et crédible, équipe solide : à soutenir en priorité.",
      "Le double impact est réel : revenus pour les bénéficiaires et formation reconnue. Très convaincant.",
      "Projet mûr, partenaires locaux engagés ; le plan de financement tient la route.",
    ],
    middle: [
      "Idée pertinente, mais le modèle économique reste à démontrer au-delà de la subvention.",
      "Bon ancrage local ; les indicateurs d'impact mériteraient d'être précisés.",
      "Projet intéressant, qui gagnerait à chiffrer l'insertion des bénéficiaires.",
    ],
    weak: [
      "Le besoin est réel mais le projet manque de plan d'action et de partenaires.",
      "Dépendance totale aux dons, aucun indicateur de résultat : trop tôt pour ce financement.",
      "Dossier trop peu détaillé pour juger de la faisabilité.",
    ],
  },
  ar: {
    strong: [
      'أثر مرقّم وذو مصداقية وفريق متمكن: مشروع يستحق الدعم بالأولوية.',
      'الأثر المزدوج واضح: دخل للمستفيدين وتكوين معترف به. مقنع جدا.',
      'مشروع ناضج بشراكات محلية فعلية، وخطة التمويل واقعية.',
    ],
    middle: [
      'فكرة وجيهة، لكن النموذج الاقتصادي يحتاج إلى إثبات بعد انتهاء الدعم.',
      'ارتباط جيد بالمحيط المحلي؛ مؤشرات الأثر تحتاج إلى مزيد من الدقة.',
      'مشروع مهم، وسيكون أقوى لو حدّد بالأرقام إدماج المستفيدين في الشغل.',
    ],
    weak: [
      'الحاجة حقيقية، لكن المشروع يفتقر إلى خطة عمل وشركاء.',
      'اعتماد كلي على الهبات ولا مؤشرات للنتائج: ما زال مبكرا لهذا التمويل.',
      'الملف غير مفصل بما يكفي للحكم على قابلية التنفيذ.',
    ],
  },
};

function commentFor(language: 'ar' | 'fr' | 'en', score: number, random: () => number): string {
  const band = score >= 70 ? 'strong' : score >= 45 ? 'middle' : 'weak';
  // The demo's jurors write in Arabic or French; an English-speaking one would get French comments.
  const options = COMMENTS[language === 'ar' ? 'ar' : 'fr'][band];
  return options[Math.floor(random() * options.length)]!;
}

/** What seedRoundOneScores needs to know about the round and the rows already written. */
export interface RoundOneRows {
  roundId: string;
  opensAt: Date;
  now: Date;
  /** The staff member who took the applications into the round and assigned them. */
  staffId: string;
  /** The round's Juror ids, by the member's email. */
  jurorIds: ReadonlyMap<string, string>;
  /** Languages of the jurors' accounts, by email. */
  languageOf: CommentLanguage;
  /** The submitted applications, in order of submission. */
  applications: ReadonlyArray<PlannedApplication & { id: string; submittedAt: Date }>;
  criteria: ReadonlyArray<ScaledCriterion & { id: string }>;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Writes round 1's state: every submitted application taken into the round, the plan's assignments,
 * scorecards and values, in a handful of set-based statements (no row-by-row inserts). Submitted
 * scorecards carry their weighted score and a submission date between the assignment and now, as the
 * submit route would have stored them.
 */
export async function seedRoundOneScores(tx: Prisma.TransactionClient, rows: RoundOneRows): Promise<{ submitted: number; drafts: number }> {
  const { roundId, now, staffId } = rows;
  const plan = planRoundOneScoring(rows.applications, rows.criteria, rows.languageOf);
  const arrivedAt = rows.applications.map(({ submittedAt }) => new Date(Math.max(submittedAt.getTime(), rows.opensAt.getTime())));
  const assignedAt = arrivedAt.map((at) => new Date(Math.min(at.getTime() + HOUR_MS, now.getTime() - HOUR_MS)));
  const workedAt = (card: PlannedScorecard) => {
    const from = assignedAt[card.application]!.getTime();
    return new Date(from + card.progress * (now.getTime() - HOUR_MS - from));
  };

  await tx.roundApplication.createMany({
    data: rows.applications.map((application, a) => ({ roundId, applicationId: application.id, addedById: staffId, addedAt: arrivedAt[a]! })),
  });
  const jurorIdOf = (card: PlannedScorecard) => rows.jurorIds.get(ROUND_ONE_JURY[card.juror]!.email)!;
  const assignments = await tx.assignment.createManyAndReturn({
    data: plan.scorecards.map((card) => ({
      roundId,
      jurorId: jurorIdOf(card),
      applicationId: rows.applications[card.application]!.id,
      assignedById: staffId,
      createdAt: assignedAt[card.application]!,
    })),
    select: { id: true, jurorId: true, applicationId: true },
  });
  const assignmentIds = new Map(assignments.map((assignment) => [`${assignment.jurorId}/${assignment.applicationId}`, assignment.id]));
  const assignmentOf = (card: PlannedScorecard) => assignmentIds.get(`${jurorIdOf(card)}/${rows.applications[card.application]!.id}`)!;

  const started = plan.scorecards.filter((card) => card.status !== 'NOT_STARTED');
  const scorecards = await tx.scorecard.createManyAndReturn({
    data: started.map((card) => {
      const at = workedAt(card);
      const submitted = card.status === 'SUBMITTED';
      return {
        assignmentId: assignmentOf(card),
        status: submitted ? ('SUBMITTED' as const) : ('DRAFT' as const),
        overallComment: card.overallComment,
        commentShareable: card.commentShareable,
        weightedScore: submitted ? card.weightedScore : null,
        version: card.version,
        submittedAt: submitted ? at : null,
        createdAt: new Date(assignedAt[card.application]!.getTime() + (at.getTime() - assignedAt[card.application]!.getTime()) / 2),
        updatedAt: at,
      };
    }),
    select: { id: true, assignmentId: true },
  });
  const scorecardIds = new Map(scorecards.map((scorecard) => [scorecard.assignmentId, scorecard.id]));
  await tx.scoreValue.createMany({
    data: started.flatMap((card) =>
      rows.criteria.flatMap((criterion, c) => {
        const value = card.values[c];
        return value === null || value === undefined
          ? []
          : [{ scorecardId: scorecardIds.get(assignmentOf(card))!, criterionId: criterion.id, value, updatedAt: workedAt(card) }];
      }),
    ),
  });
  return { submitted: started.filter((card) => card.status === 'SUBMITTED').length, drafts: started.filter((card) => card.status === 'DRAFT').length };
}
