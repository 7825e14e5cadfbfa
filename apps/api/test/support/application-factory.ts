import { createHash, randomUUID } from 'node:crypto';
import { allocateApplicationReference, referenceYear, type Prisma, type PrismaClient } from '@tahkim/db';

/** Complete answers to DEMO_LIKE_FORM, except its FILE field (files are Attachment rows). */
export function demoLikeAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisation_name: 'Coopérative Tifawin',
    contact_email: 'contact@tifawin.example',
    contact_phone: '+212 661 234 567',
    website: 'https://tifawin.example',
    legal_form: 'cooperative',
    region: 'MA-09',
    founded_on: '2021-04-12',
    project_title: 'Huile d’argan équitable',
    social_impact: 'Des revenus stables pour 40 femmes rurales de la région de Tiznit.',
    beneficiary_groups: ['women', 'rural'],
    beneficiaries: 40,
    requested_amount: 150000,
    ...overrides,
  };
}

/** An attachment row for a FILE field, as the upload endpoint would record it (no bytes stored). */
export async function attachFile(prisma: PrismaClient, applicationId: string, fieldKey = 'pitch_deck', fileName = 'presentation.pdf') {
  return prisma.attachment.create({
    data: {
      applicationId,
      fieldKey,
      fileName,
      mediaType: 'application/pdf',
      size: 1234,
      sha256: createHash('sha256').update(randomUUID()).digest('hex'),
      storageKey: `test/${randomUUID()}`,
    },
  });
}

export interface CreateApplicationOptions {
  callId: string;
  ownerId: string;
  answers?: Record<string, unknown>;
  /** Default DRAFT. Any other status gets a reference and a submission date, as the submit route writes them. */
  status?: Prisma.ApplicationCreateInput['status'];
  submittedAt?: Date;
  eligibilitySuggestion?: 'ELIGIBLE' | 'INELIGIBLE' | 'UNSURE';
  title?: string;
}

/** An application written straight to the database (for staff tables, which need many). */
export async function createApplication(prisma: PrismaClient, options: CreateApplicationOptions) {
  const status = options.status ?? 'DRAFT';
  const answers = options.answers ?? demoLikeAnswers();
  const title = options.title ?? (typeof answers.project_title === 'string' ? answers.project_title : null);
  if (status === 'DRAFT') {
    return prisma.application.create({ data: { callId: options.callId, ownerId: options.ownerId, status, answers: answers as Prisma.InputJsonObject, title } });
  }
  return prisma.$transaction(async (tx) => {
    const call = await tx.call.findUniqueOrThrow({ where: { id: options.callId } });
    const submittedAt = options.submittedAt ?? new Date();
    return tx.application.create({
      data: {
        callId: options.callId,
        ownerId: options.ownerId,
        status,
        answers: answers as Prisma.InputJsonObject,
        title,
        formVersion: call.formVersion,
        reference: await allocateApplicationReference(tx, call, referenceYear(submittedAt)),
        submittedAt,
        eligibilitySuggestion: options.eligibilitySuggestion ?? null,
      },
    });
  });
}
