import type { TLocalizedText } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';

const text = (fr: string, ar: string, en: string): TLocalizedText => ({ ar, fr, en });

export interface RoundCriterionOptions {
  key: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  label?: TLocalizedText;
  guidance?: TLocalizedText | null;
}

/** Three criteria weighted 3/2/1 on scales 0..5, 0..5 and 1..10. */
export const DEFAULT_ROUND_CRITERIA: RoundCriterionOptions[] = [
  { key: 'impact', weight: 3, scaleMin: 0, scaleMax: 5, label: text('Impact social', 'الأثر الاجتماعي', 'Social impact') },
  { key: 'model', weight: 2, scaleMin: 0, scaleMax: 5, label: text('Modèle économique', 'النموذج الاقتصادي', 'Economic model') },
  { key: 'innovation', weight: 1, scaleMin: 1, scaleMax: 10, label: text('Innovation', 'الابتكار', 'Innovation') },
];

export interface CreateRoundOptions {
  callId: string;
  /** Default true. */
  blind?: boolean;
  /** Default 3. */
  scorecardsRequired?: number;
  /** Default DEFAULT_ROUND_CRITERIA; [] for none. */
  criteria?: RoundCriterionOptions[];
  /** Default OPEN. */
  status?: 'DRAFT' | 'OPEN' | 'CLOSED';
  closesAt?: Date | null;
}

/**
 * Writes a scoring round with its criteria as the rounds service does. The round takes the next
 * number of the call (1 when the call has none yet).
 */
export async function createRound(prisma: PrismaClient, options: CreateRoundOptions) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.round.aggregate({ where: { callId: options.callId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const round = await tx.round.create({
      data: {
        callId: options.callId,
        number,
        name: text(`Tour ${number}`, `الجولة ${number}`, `Round ${number}`),
        type: 'SCORING',
        blind: options.blind ?? true,
        scorecardsRequired: options.scorecardsRequired ?? 3,
        status: options.status ?? 'OPEN',
        closesAt: options.closesAt ?? null,
      },
    });
    const criteria = options.criteria ?? DEFAULT_ROUND_CRITERIA;
    await tx.criterion.createMany({
      data: criteria.map((c, position) => ({
        roundId: round.id,
        key: c.key,
        label: c.label ?? text(c.key, c.key, c.key),
        guidance: c.guidance ?? undefined,
        weight: c.weight,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        position,
      })),
    });
    const rows = await tx.criterion.findMany({ where: { roundId: round.id }, orderBy: { position: 'asc' } });
    return { ...round, criteria: rows };
  });
}

/** Makes a user a juror of the round (granting the JUROR role if missing), as the roster route does. */
export async function addJuror(prisma: PrismaClient, roundId: string, userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.roles.includes('JUROR')) await prisma.user.update({ where: { id: userId }, data: { roles: { push: 'JUROR' } } });
  return prisma.juror.upsert({ where: { roundId_userId: { roundId, userId } }, create: { roundId, userId }, update: {} });
}

/** Takes applications into the round (RoundApplication rows), idempotently. */
export async function addApplicationsToRound(prisma: PrismaClient, roundId: string, applicationIds: string[]) {
  await prisma.roundApplication.createMany({ data: applicationIds.map((applicationId) => ({ roundId, applicationId })), skipDuplicates: true });
}

/**
 * Assigns an application to a juror of the round (jurorId is the Juror membership id), taking the
 * application into the round first if needed. Returns the Assignment row.
 */
export async function assign(prisma: PrismaClient, roundId: string, jurorId: string, applicationId: string) {
  await addApplicationsToRound(prisma, roundId, [applicationId]);
  return prisma.assignment.upsert({
    where: { roundId_jurorId_applicationId: { roundId, jurorId, applicationId } },
    create: { roundId, jurorId, applicationId },
    update: {},
  });
}
