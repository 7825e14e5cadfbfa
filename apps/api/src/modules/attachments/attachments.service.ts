import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  allFields,
  DEFAULT_ACCEPTED_MEDIA_TYPES,
  DEFAULT_ATTACHMENT_QUOTA_BYTES,
  DEFAULT_MAX_FILE_SIZE_BYTES,
  errorMessage,
  ZFieldKey,
  type TAttachment,
  type TAttachmentRefusal,
  type TFormDefinition,
  type TFormField,
  type TLocale,
  type TUploadMediaType,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { pipeline, type Readable } from 'node:stream';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { loadCallForm } from '../calls/call-form';
import { FILE_STORAGE, FileTooLargeError, newStorageKey, StoredFileNotFoundError, type FileStorage } from '../storage/file-storage';
import { assertCanChangeFiles, assertCanReadFiles } from './attachments.access';
import { AttachmentsRepository, type ApplicationForFiles, type AttachmentScope, type StoredAttachment } from './attachments.repository';
import { displayFileName, fileNameForType } from './file-names';
import { OFFICE_ARCHIVE_LIMITS, OfficeArchiveRefusedError } from './office-archive-check';
import { UnsupportedFileTypeError, UploadInspector } from './upload-inspector';

/** The file part of a multipart request, opened only once the upload is known to be allowed. */
export interface IncomingFile {
  fileName: string | undefined;
  stream: Readable;
  /** True when the parser stopped reading because the part went past the limit it was given. */
  truncated: () => boolean;
}
/** Starts reading the request's file part, stopping the parser past `maxBytes`; undefined when there is none. */
export type OpenIncomingFile = (maxBytes: number) => Promise<IncomingFile | undefined>;

interface FileRules {
  maxFiles: number;
  maxFileSizeBytes: number;
  acceptedMediaTypes: readonly TUploadMediaType[];
}

/**
 * Where files go: an application's form, or one of its progress reports. The one upload, deletion and
 * download path below serves both; a target only says whose files they are, which FILE field (with its
 * limits) an upload answers, the allowance in bytes, and how to hold it still while a file is added or
 * removed (locking its row, and refusing once it no longer takes changes).
 */
export interface FileTarget {
  scope: AttachmentScope;
  /** Checked before the body is read, then again under the lock. */
  assertOpen: () => void;
  /** Locks the target's row until the transaction ends, refusing when it is gone or no longer takes changes. */
  lock: (tx: Prisma.TransactionClient) => Promise<void>;
  /** Added to the audit rows of its files (e.g. the report's milestone). */
  auditFacts?: Prisma.InputJsonObject;
}

export interface UploadTarget extends FileTarget {
  field: TFormField;
  quotaBytes: number;
  uploaderId: string;
}

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly attachments: AttachmentsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Adds one file to a FILE field of the caller's draft application. */
  async upload(applicationId: string, rawFieldKey: string | undefined, ctx: RequestContext, openFile: OpenIncomingFile): Promise<TAttachment> {
    const application = await this.attachments.findApplication(this.prisma, applicationId);
    assertCanChangeFiles(ctx.user, application);
    const target = this.applicationTarget(application);
    target.assertOpen();
    const { form } = await loadCallForm(this.prisma, application.callId);
    const field = visibleFileField(form, rawFieldKey, ctx.locale);
    return this.store({ ...target, field, quotaBytes: attachmentQuota(application.callSettings), uploaderId: ctx.user!.id }, ctx, openFile);
  }

  /** Removes a file from the caller's draft application. */
  async remove(applicationId: string, attachmentId: string, ctx: RequestContext): Promise<void> {
    const application = await this.attachments.findApplication(this.prisma, applicationId);
    assertCanChangeFiles(ctx.user, application);
    await this.discard(this.applicationTarget(application), attachmentId, ctx);
  }

  /** A file of the application's form and its facts, for its owner and for staff. */
  async download(applicationId: string, attachmentId: string, ctx: RequestContext): Promise<{ attachment: StoredAttachment; stream: Readable }> {
    const application = await this.attachments.findApplication(this.prisma, applicationId);
    assertCanReadFiles(ctx.user, application);
    return this.open({ applicationId: application.id, progressReportId: null }, attachmentId);
  }

  /**
   * Adds one file to the target's field. Everything that can be decided before reading the body is
   * (the target's state, count, quota); then the file streams to storage with its size limited, its type
   * recognised from the bytes and its SHA-256 computed on the way. A refused file leaves nothing.
   */
  async store(target: UploadTarget, ctx: RequestContext, openFile: OpenIncomingFile): Promise<TAttachment> {
    const { field, quotaBytes, scope } = target;
    const rules = fileRules(field);
    const usage = await this.attachments.usage(this.prisma, scope, field.key);
    assertRoomFor(field.key, rules, quotaBytes, usage);
    const quotaLeft = quotaBytes - usage.totalBytes;
    const maxBytes = Math.min(rules.maxFileSizeBytes, quotaLeft);
    const tooLarge = (): AppError =>
      rules.maxFileSizeBytes <= quotaLeft
        ? refusal('PAYLOAD_TOO_LARGE', { reason: 'FILE_TOO_LARGE', fieldKey: field.key, maxBytes: rules.maxFileSizeBytes })
        : refusal('PAYLOAD_TOO_LARGE', { reason: 'APPLICATION_QUOTA_EXCEEDED', fieldKey: field.key, quotaBytes, usedBytes: usage.totalBytes });

    // One byte more than allowed lets the parser's limit and ours agree on "too large".
    const incoming = await openFile(maxBytes + 1);
    if (!incoming) throw new AppError('VALIDATION_FAILED', [{ path: ['file'], code: 'invalid_type', message: errorMessage('VALIDATION_FAILED', ctx.locale) }]);

    const inspector = new UploadInspector(rules.acceptedMediaTypes);
    // A failure anywhere (too large, wrong type, client gone) destroys every stream of the chain.
    const inspected = pipeline(incoming.stream, inspector, () => undefined);
    const storageKey = newStorageKey();
    try {
      await this.storage.put(storageKey, inspected, { maxBytes });
    } catch (error) {
      if (error instanceof FileTooLargeError) throw tooLarge();
      if (error instanceof UnsupportedFileTypeError) {
        throw refusal('UNSUPPORTED_MEDIA_TYPE', { reason: 'TYPE_NOT_ACCEPTED', fieldKey: field.key, detectedMediaType: error.detected, acceptedMediaTypes: [...error.accepted] });
      }
      if (error instanceof OfficeArchiveRefusedError) {
        throw error.problem.problem === 'UNREADABLE'
          ? refusal('UNSUPPORTED_MEDIA_TYPE', { reason: 'ARCHIVE_UNREADABLE', fieldKey: field.key })
          : refusal('PAYLOAD_TOO_LARGE', { reason: 'ARCHIVE_UNPACKS_TOO_LARGE', fieldKey: field.key, maxBytes: OFFICE_ARCHIVE_LIMITS.maxUnpackedBytes });
      }
      throw error;
    }
    if (incoming.truncated() || inspector.size > maxBytes) {
      await this.storage.delete(storageKey);
      throw tooLarge();
    }

    try {
      return await this.prisma.$transaction(async (tx) => {
        await target.lock(tx);
        // Checked again under the lock: two uploads at once must not both take the last place.
        const now = await this.attachments.usage(tx, scope, field.key);
        assertRoomFor(field.key, rules, quotaBytes, now, inspector.size);
        const attachment = await this.attachments.create(tx, {
          ...scope,
          fieldKey: field.key,
          // The name's extension follows what the bytes are: a PDF sent as "invoice.html" is kept as "invoice.pdf".
          fileName: fileNameForType(displayFileName(incoming.fileName), inspector.mediaType!),
          mediaType: inspector.mediaType!,
          size: inspector.size,
          sha256: inspector.sha256,
          storageKey,
          uploadedById: target.uploaderId,
        });
        await this.audit.record(tx, ctx, {
          action: 'attachment.uploaded',
          entityType: 'Attachment',
          entityId: attachment.id,
          after: { ...auditFacts(target), fieldKey: field.key, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size, sha256: inspector.sha256 },
        });
        return attachment;
      });
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  /** Removes a file of the target: the row (with its audit entry) first, then the stored bytes. */
  async discard(target: FileTarget, attachmentId: string, ctx: RequestContext): Promise<void> {
    const attachment = await this.attachments.find(this.prisma, target.scope, attachmentId);
    if (!attachment) throw new AppError('NOT_FOUND');
    target.assertOpen();
    await this.prisma.$transaction(async (tx) => {
      await target.lock(tx);
      await this.attachments.delete(tx, attachment.id);
      await this.audit.record(tx, ctx, {
        action: 'attachment.deleted',
        entityType: 'Attachment',
        entityId: attachment.id,
        before: { ...auditFacts(target), fieldKey: attachment.fieldKey, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size, sha256: attachment.sha256 },
      });
    });
    try {
      await this.storage.delete(attachment.storageKey);
    } catch (error) {
      // The row is gone, so nobody can reach the bytes; they are only wasted space.
      this.logger.error({ err: error, storageKey: attachment.storageKey }, 'Stored file of a deleted attachment could not be removed');
    }
  }

  /** A file of the scope with its stored bytes; 404 when it is not one of the scope's. */
  async open(scope: AttachmentScope, attachmentId: string): Promise<{ attachment: StoredAttachment; stream: Readable }> {
    const attachment = await this.attachments.find(this.prisma, scope, attachmentId);
    if (!attachment) throw new AppError('NOT_FOUND');
    try {
      return { attachment, stream: await this.storage.get(attachment.storageKey) };
    } catch (error) {
      if (!(error instanceof StoredFileNotFoundError)) throw error;
      this.logger.error({ attachmentId: attachment.id, storageKey: attachment.storageKey }, 'An attachment has no stored file');
      throw new AppError('NOT_FOUND', undefined, { cause: error });
    }
  }

  /** The application's form: files belong to the answers, which are frozen once submitted. */
  private applicationTarget(application: ApplicationForFiles): FileTarget {
    return {
      scope: { applicationId: application.id, progressReportId: null },
      assertOpen: () => assertDraft(application.status),
      lock: async (tx) => {
        const locked = await this.attachments.lockApplication(tx, application.id);
        if (!locked) throw new AppError('NOT_FOUND');
        assertDraft(locked.status);
      },
    };
  }
}

/** The visible FILE field of `form` named by `fieldKey`; 400 on `fieldKey` otherwise. */
export function visibleFileField(form: TFormDefinition, rawFieldKey: string | undefined, locale: TLocale): TFormField {
  const key = ZFieldKey.safeParse(rawFieldKey);
  const field = key.success ? allFields(form).find((candidate) => candidate.key === key.data) : undefined;
  if (!field || field.type !== 'FILE' || field.hidden) {
    throw new AppError('VALIDATION_FAILED', [{ path: ['fieldKey'], code: 'invalid_value', message: errorMessage('VALIDATION_FAILED', locale) }]);
  }
  return field;
}

/** The audit rows name the application (and the target's own facts, such as a report's). */
function auditFacts(target: FileTarget): Prisma.InputJsonObject {
  return { applicationId: target.scope.applicationId, ...target.auditFacts };
}

function fileRules(field: TFormField): FileRules {
  return {
    maxFiles: field.limits.maxFiles ?? 1,
    maxFileSizeBytes: field.limits.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES,
    acceptedMediaTypes: field.limits.acceptedMediaTypes ?? DEFAULT_ACCEPTED_MEDIA_TYPES,
  };
}

/** A call may set its own allowance in `settings.attachmentQuotaBytes`; otherwise the default. */
export function attachmentQuota(settings: unknown): number {
  const value = (settings as { attachmentQuotaBytes?: unknown } | null)?.attachmentQuotaBytes;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_ATTACHMENT_QUOTA_BYTES;
}

function refusal(code: 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE', details: TAttachmentRefusal): AppError {
  return new AppError(code, details);
}

/** Files belong to the answers, which are frozen once submitted. */
function assertDraft(status: string): void {
  if (status !== 'DRAFT') throw refusal('CONFLICT', { reason: 'APPLICATION_NOT_DRAFT', status });
}

function assertRoomFor(fieldKey: string, rules: FileRules, quotaBytes: number, usage: { fieldFiles: number; totalBytes: number }, incomingBytes = 0): void {
  if (usage.fieldFiles >= rules.maxFiles) throw refusal('CONFLICT', { reason: 'MAX_FILES_REACHED', fieldKey, maxFiles: rules.maxFiles });
  if (usage.totalBytes + incomingBytes > quotaBytes || (incomingBytes === 0 && usage.totalBytes >= quotaBytes)) {
    throw refusal('PAYLOAD_TOO_LARGE', { reason: 'APPLICATION_QUOTA_EXCEEDED', fieldKey, quotaBytes, usedBytes: usage.totalBytes });
  }
}
