import {
  DEFAULT_ACCEPTED_MEDIA_TYPES,
  DEFAULT_MAX_FILE_SIZE_BYTES,
  ZFormDefinition,
  type TCallFormOutline,
  type TFormDefinition,
  type TFormDefinitionInput,
} from '@tahkim/contracts';
import type { Call, Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';

type Db = PrismaClient | Prisma.TransactionClient;

export interface CallForm {
  call: Call;
  /** The current definition: sections and fields in their order, defaults applied. */
  form: TFormDefinition;
  /** Call.formVersion: recorded on each submission. */
  version: number;
}

const FORM_ROWS = {
  sections: {
    orderBy: [{ position: 'asc' }, { key: 'asc' }],
    include: { fields: { orderBy: [{ position: 'asc' }, { key: 'asc' }] } },
  },
} as const satisfies Prisma.CallInclude;

type SectionRows = Prisma.CallGetPayload<{ include: typeof FORM_ROWS }>['sections'];

/**
 * The call and its current form, read in one query. Throws NOT_FOUND when there is no such call: callers
 * decide before (or after) whether the caller may see it. Pass a transaction to read inside it.
 */
export async function loadCallForm(db: Db, callId: string): Promise<CallForm> {
  const row = await db.call.findUnique({ where: { id: callId }, include: FORM_ROWS });
  if (!row) throw new AppError('NOT_FOUND');
  const { sections, ...call } = row;
  return { call, form: formFromRows(sections), version: call.formVersion };
}

/**
 * The questions a visitor will be asked: visible sections and fields only, in order, with the file
 * limits the upload check applies. Nothing internal (hidden fields, identifying marks, option lists).
 */
export function formOutline(callId: string, form: TFormDefinition): TCallFormOutline {
  return {
    callId,
    sections: form.sections
      .filter((section) => !section.hidden)
      .map((section) => ({
        key: section.key,
        title: section.title,
        ...(section.description ? { description: section.description } : {}),
        fields: section.fields
          .filter((field) => !field.hidden)
          .map((field) => ({
            key: field.key,
            type: field.type,
            label: field.label,
            ...(field.help ? { help: field.help } : {}),
            required: field.required,
            ...(field.type === 'FILE'
              ? {
                  files: {
                    maxFiles: field.limits.maxFiles ?? 1,
                    maxFileSizeBytes: field.limits.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES,
                    acceptedMediaTypes: [...(field.limits.acceptedMediaTypes ?? DEFAULT_ACCEPTED_MEDIA_TYPES)],
                  },
                }
              : {}),
          })),
      }))
      .filter((section) => section.fields.length > 0),
  };
}

/** Rebuilds the definition from its rows; parsing applies the schema's defaults to what was stored. */
export function formFromRows(sections: SectionRows): TFormDefinition {
  const input: TFormDefinitionInput = {
    sections: sections.map((section) => ({
      key: section.key,
      title: section.title as never,
      ...(section.description ? { description: section.description as never } : {}),
      hidden: section.hidden,
      fields: section.fields.map((field) => ({
        key: field.key,
        type: field.type,
        label: field.label as never,
        ...(field.help ? { help: field.help as never } : {}),
        required: field.required,
        identifying: field.identifying,
        hidden: field.hidden,
        limits: (field.limits ?? {}) as never,
        options: (field.options ?? []) as never,
      })),
    })),
  };
  // A call always has at least one section; an empty list can only come from rows written by hand.
  if (input.sections.length === 0) return { sections: [] };
  return ZFormDefinition.parse(input);
}

/**
 * Replaces the rows of a call's form with the definition (order = array order). Keys are the stable
 * identity of sections and fields (answers are keyed by field key), so rows are rewritten, not diffed.
 */
export async function writeFormRows(tx: Prisma.TransactionClient, callId: string, form: TFormDefinition): Promise<void> {
  await tx.formSection.deleteMany({ where: { callId } });
  for (const [sectionIndex, section] of form.sections.entries()) {
    const created = await tx.formSection.create({
      data: {
        callId,
        key: section.key,
        title: section.title,
        ...(section.description ? { description: section.description } : {}),
        hidden: section.hidden,
        position: sectionIndex + 1,
      },
      select: { id: true },
    });
    if (section.fields.length === 0) continue;
    await tx.formField.createMany({
      data: section.fields.map((field, fieldIndex) => ({
        callId,
        sectionId: created.id,
        key: field.key,
        type: field.type,
        label: field.label,
        ...(field.help ? { help: field.help } : {}),
        required: field.required,
        identifying: field.identifying,
        hidden: field.hidden,
        limits: field.limits as Prisma.InputJsonObject,
        options: field.options as unknown as Prisma.InputJsonArray,
        position: fieldIndex + 1,
      })),
    });
  }
}

/** Keeps a snapshot of the definition as it is at `version` (the version recorded on submissions). */
export async function recordFormVersion(tx: Prisma.TransactionClient, callId: string, version: number, form: TFormDefinition, createdById: string | null): Promise<void> {
  await tx.formVersion.create({
    data: { callId, version, definition: form as unknown as Prisma.InputJsonObject, createdById },
  });
}

/** Every visible field of the form (in a visible section): what an applicant is asked. */
export function visibleFieldCount(form: TFormDefinition): number {
  return form.sections.filter((section) => !section.hidden).reduce((count, section) => count + section.fields.filter((field) => !field.hidden).length, 0);
}
