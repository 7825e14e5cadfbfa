import type { TApplication, TAttachment, TLocalizedText, TStaffApplication } from '@tahkim/contracts';

/** What the repository reads for one application (its call's public facts and its files). */
export interface ApplicationRecord {
  id: string;
  callId: string;
  status: TApplication['status'];
  answers: unknown;
  version: number;
  formVersion: number | null;
  reference: string | null;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  eligibilitySuggestion: TStaffApplication['eligibilitySuggestion'];
  eligibilityReasons: unknown;
  screeningNote: string | null;
  screenedAt: Date | null;
  screenedById: string | null;
  owner: { id: string; displayName: string; email: string; locale: string };
  call: { slug: string; title: unknown; opensAt: Date; closesAt: Date; status: string };
  attachments: Array<{ id: string; fieldKey: string; fileName: string; mediaType: string; size: number; uploadedAt: Date }>;
}

export function isAcceptingApplications(call: { status: string; opensAt: Date; closesAt: Date }, now = Date.now()): boolean {
  return call.status === 'PUBLISHED' && call.opensAt.getTime() <= now && now < call.closesAt.getTime();
}

/** Stored answers plus, for each FILE field, the ids of its attachments (files live in Attachment). */
export function answersWithFiles(answers: unknown, attachments: ApplicationRecord['attachments']): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {}) };
  const byField = new Map<string, string[]>();
  for (const attachment of attachments) byField.set(attachment.fieldKey, [...(byField.get(attachment.fieldKey) ?? []), attachment.id]);
  for (const [fieldKey, ids] of byField) merged[fieldKey] = ids;
  return merged;
}

export function toAttachment(row: ApplicationRecord['attachments'][number]): TAttachment {
  return { id: row.id, fieldKey: row.fieldKey, fileName: row.fileName, mediaType: row.mediaType, size: row.size, uploadedAt: row.uploadedAt.toISOString() };
}

export function toApplication(row: ApplicationRecord): TApplication {
  return {
    id: row.id,
    callId: row.callId,
    call: {
      slug: row.call.slug,
      title: row.call.title as TLocalizedText,
      opensAt: row.call.opensAt.toISOString(),
      closesAt: row.call.closesAt.toISOString(),
      acceptingApplications: isAcceptingApplications(row.call),
    },
    status: row.status,
    answers: answersWithFiles(row.answers, row.attachments),
    version: row.version,
    formVersion: row.formVersion,
    reference: row.reference,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    attachments: row.attachments.map(toAttachment),
  };
}

export function toStaffApplication(row: ApplicationRecord): TStaffApplication {
  return {
    ...toApplication(row),
    applicant: { id: row.owner.id, displayName: row.owner.displayName, email: row.owner.email, locale: row.owner.locale },
    eligibilitySuggestion: row.eligibilitySuggestion,
    eligibilityReasons: row.eligibilityReasons ?? null,
    screeningNote: row.screeningNote,
    screenedAt: row.screenedAt?.toISOString() ?? null,
    screenedBy: row.screenedById,
  };
}
