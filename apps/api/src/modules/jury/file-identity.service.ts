import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TApplicationFileIdentity, TFileIdentityCheck } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import { PRISMA } from '../../config/config.module';
import { loadCallForm } from '../calls/call-form';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { documentText } from './document-text';
import { applicationIdentityMatcher, type IdentityMatcher } from './identity-model';
import { JuryRepository } from './jury.repository';
import { readStoredFile } from './stored-file';

const EXCERPTS = 3;
const CONTEXT = 40;

/**
 * For staff: which of an application's files name the applicant in their text. Jurors of a blind round
 * get the files without metadata but with their content as written, so staff are told before a round
 * which files would give the applicant away (and which could not be read: scans, photos).
 * Computed on demand with the same matcher that masks the answers, so it follows the current answers.
 */
@Injectable()
export class FileIdentityService {
  private readonly logger = new Logger('FileIdentity');

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly jury: JuryRepository,
  ) {}

  async check(applicationId: string): Promise<TApplicationFileIdentity> {
    const [application, rows] = await Promise.all([this.jury.identitySources(this.prisma, applicationId), this.jury.attachments(this.prisma, applicationId)]);
    if (!application) throw new AppError('NOT_FOUND');
    const { form } = await loadCallForm(this.prisma, application.callId);
    const answers = application.answers && typeof application.answers === 'object' && !Array.isArray(application.answers) ? (application.answers as Record<string, unknown>) : {};
    const identity = applicationIdentityMatcher({ form, answers, owner: application.owner });
    const items: TFileIdentityCheck[] = [];
    // One file after the other: each PDF is read in its own worker thread, never many at once.
    for (const row of rows) items.push({ attachmentId: row.id, fieldKey: row.fieldKey, fileName: row.fileName, ...(await this.checkFile(row, identity)) });
    return { items };
  }

  private async checkFile(row: { id: string; storageKey: string; mediaType: string; size: number }, identity: IdentityMatcher): Promise<Pick<TFileIdentityCheck, 'status' | 'excerpts'>> {
    let bytes: Buffer;
    try {
      bytes = await readStoredFile(await this.storage.get(row.storageKey), row.size);
    } catch (error) {
      this.logger.warn({ attachmentId: row.id, err: error }, 'A file could not be read for the identity check');
      return { status: 'UNREADABLE', excerpts: [] };
    }
    const text = await documentText(bytes, row.mediaType);
    if (text.status !== 'READ') return { status: text.status, excerpts: [] };
    const hits = identity.find(text.text);
    if (hits.length === 0) return { status: 'CLEAR', excerpts: [] };
    return { status: 'NAMES_APPLICANT', excerpts: excerpts(text.text, hits) };
  }
}

/** The passages around the first hits, hits close to each other sharing one passage. */
function excerpts(text: string, hits: ReadonlyArray<{ start: number; end: number }>): string[] {
  const windows: Array<{ from: number; to: number }> = [];
  for (const hit of hits) {
    const from = Math.max(0, hit.start - CONTEXT);
    const to = Math.min(text.length, hit.end + CONTEXT);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else if (windows.length < EXCERPTS) windows.push({ from, to });
    else break;
  }
  return windows.map(({ from, to }) => `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`);
}
