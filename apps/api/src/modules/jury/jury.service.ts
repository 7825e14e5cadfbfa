import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  isStaff,
  type TCriterion,
  type TFormDefinition,
  type TJuryApplicationView,
  type TJuryAssignment,
  type TLocalizedText,
  type TRoundStatus,
  type ZJuryAssignmentList,
  type ZJuryRanking,
} from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import type { z } from 'zod';
import { weightedScore } from '@tahkim/scoring';
import type { Readable } from 'node:stream';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import type { AuthenticatedUser } from '../auth/auth.types';
import { loadCallForm } from '../calls/call-form';
import { FILE_STORAGE, StoredFileNotFoundError, type FileStorage } from '../storage/file-storage';
import { juryAnswers, juryAttachments, juryForm, juryTitle } from './blind-view';
import { applicationIdentityMatcher, type IdentityMatcher } from './identity-model';
import { MetadataNotRemovableError, withoutDocumentMetadata } from './document-metadata';
import { refuseAssignment } from './jury.access';
import { readStoredFile } from './stored-file';
import { JuryRepository, type CriterionRow, type VisibleAssignment } from './jury.repository';

export type JuryAssignmentList = z.infer<typeof ZJuryAssignmentList>;
export type JuryRanking = z.infer<typeof ZJuryRanking>;
export type AssignmentFilter = 'TO_DO' | 'DRAFT' | 'SUBMITTED';

/** Equal scores (difference under 1e-9) share a rank: DESIGN.md rule 4. */
const TIE = 1e-9;

export function toCriterion(row: CriterionRow): TCriterion {
  return {
    id: row.id,
    key: row.key,
    label: row.label as TLocalizedText,
    guidance: (row.guidance as TLocalizedText | null) ?? null,
    weight: row.weight,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    position: row.position,
  };
}

/** The stored score of a submitted scorecard, else the partial score of the draft's values (rule 1). */
export function scorecardScore(assignment: Pick<VisibleAssignment, 'scorecard'>, criteria: readonly CriterionRow[]): number | null {
  const card = assignment.scorecard;
  if (!card) return null;
  if (card.status === 'SUBMITTED') return card.weightedScore;
  return weightedScore(criteria, new Map(card.values.map((v) => [v.criterionId, v.value])));
}

/** The juror's workspace: their list, an application as they may read it, its files, their ranking. */
@Injectable()
export class JuryService {
  private readonly logger = new Logger('Jury');

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly jury: JuryRepository,
  ) {}

  async list(user: AuthenticatedUser, status: AssignmentFilter | undefined): Promise<JuryAssignmentList> {
    await this.assertJuror(user);
    const assignments = await this.jury.list(this.prisma, user.id);
    const presented = await this.present(assignments);
    const progress = {
      total: presented.length,
      submitted: presented.filter((item) => item.scorecardStatus === 'SUBMITTED').length,
      draft: presented.filter((item) => item.scorecardStatus === 'DRAFT').length,
    };
    return { items: status ? presented.filter((item) => item.scorecardStatus === status) : presented, progress };
  }

  async view(assignmentId: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TJuryApplicationView> {
    const assignment = await this.find(assignmentId, user);
    const [{ form }, attachments, criteria] = await Promise.all([
      loadCallForm(this.prisma, assignment.application.callId),
      this.jury.attachments(this.prisma, assignment.applicationId),
      this.jury.criteria(this.prisma, [assignment.roundId]),
    ]);
    const blind = assignment.round.blind;
    const answers = answersOf(assignment);
    const visibleForm = juryForm(form, blind);
    const identity = blind ? applicationIdentityMatcher({ form, answers, owner: assignment.application.owner }) : null;
    const files = juryAttachments(visibleForm, attachments, blind, ctx.locale);
    const fileAnswers: Record<string, string[]> = {};
    for (const file of files) fileAnswers[file.fieldKey] = [...(fileAnswers[file.fieldKey] ?? []), file.id];
    return {
      assignmentId: assignment.id,
      applicationLabel: applicationLabel(assignment),
      blind,
      status: assignment.application.status,
      form: visibleForm,
      answers: { ...juryAnswers(visibleForm, answers, identity), ...fileAnswers },
      attachments: files,
      criteria: criteria.map(toCriterion),
    };
  }

  /**
   * A file of an assigned application. In a blind round it has its neutral name and reaches the juror
   * without document metadata (author, company, EXIF...): the stored file is read into memory (uploads
   * are bounded), cleaned, and sent; a file whose metadata cannot be removed is not sent.
   */
  async download(assignmentId: string, attachmentId: string, user: AuthenticatedUser, ctx: RequestContext): Promise<{ fileName: string; mediaType: string; size: number; body: Readable | Buffer }> {
    const assignment = await this.find(assignmentId, user);
    const blind = assignment.round.blind;
    const [{ form }, rows] = await Promise.all([loadCallForm(this.prisma, assignment.application.callId), this.jury.attachments(this.prisma, assignment.applicationId)]);
    const visible = juryAttachments(juryForm(form, blind), rows, blind, ctx.locale).find((file) => file.id === attachmentId);
    const row = rows.find((candidate) => candidate.id === attachmentId);
    if (!visible || !row) throw new AppError('NOT_FOUND');
    let stream: Readable;
    try {
      stream = await this.storage.get(row.storageKey);
    } catch (error) {
      if (!(error instanceof StoredFileNotFoundError)) throw error;
      this.logger.error({ attachmentId: row.id, storageKey: row.storageKey }, 'An attachment has no stored file');
      throw new AppError('NOT_FOUND', undefined, { cause: error });
    }
    if (!blind) return { fileName: visible.fileName, mediaType: row.mediaType, size: row.size, body: stream };
    try {
      const body = await withoutDocumentMetadata(await readStoredFile(stream, row.size), row.mediaType);
      return { fileName: visible.fileName, mediaType: row.mediaType, size: body.length, body };
    } catch (error) {
      if (!(error instanceof MetadataNotRemovableError)) throw error;
      this.logger.warn({ attachmentId: row.id, err: error }, 'A file of a blind round kept from a juror: its metadata could not be removed');
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { reason: 'METADATA_NOT_REMOVABLE' }, { cause: error });
    }
  }

  /**
   * The caller's own scorecards of a round, best first: submitted ones ranked by their stored score
   * (ties share a rank, the next skips), then drafts by their partial score, unranked.
   */
  async ranking(roundId: string, user: AuthenticatedUser): Promise<JuryRanking> {
    const assignments = (await this.jury.list(this.prisma, user.id, { roundId })).filter((a) => a.scorecard);
    if (assignments.length === 0) {
      const round = await this.prisma.round.findUnique({ where: { id: roundId }, select: { status: true } });
      const member = await this.jury.isJuror(this.prisma, user.id, roundId);
      if (!round || (member && round.status !== 'OPEN')) throw new AppError('NOT_FOUND');
      if (!member) throw new AppError(isStaff(user.roles) ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    const presented = await this.present(assignments);
    const byScore = (a: TJuryAssignment, b: TJuryAssignment) => (b.weightedScore ?? -1) - (a.weightedScore ?? -1) || a.applicationLabel.localeCompare(b.applicationLabel);
    const submitted = presented.filter((item) => item.scorecardStatus === 'SUBMITTED').sort(byScore);
    const drafts = presented.filter((item) => item.scorecardStatus === 'DRAFT').sort(byScore);
    const items: JuryRanking['items'] = [];
    submitted.forEach((item, index) => {
      const previous = items[index - 1];
      const tied = previous && previous.weightedScore !== null && item.weightedScore !== null && Math.abs(previous.weightedScore - item.weightedScore) < TIE;
      items.push({ assignmentId: item.id, applicationLabel: item.applicationLabel, title: item.title, status: 'SUBMITTED', weightedScore: item.weightedScore, rank: tied ? previous.rank : index + 1 });
    });
    for (const item of drafts) items.push({ assignmentId: item.id, applicationLabel: item.applicationLabel, title: item.title, status: 'DRAFT', weightedScore: item.weightedScore, rank: null });
    return { items };
  }

  /** A visible assignment of the caller, or the refusal every other caller gets. */
  async find(assignmentId: string, user: AuthenticatedUser): Promise<VisibleAssignment> {
    const assignment = await this.jury.find(this.prisma, user.id, assignmentId);
    return assignment ?? refuseAssignment(this.prisma, user, assignmentId);
  }

  private async assertJuror(user: AuthenticatedUser): Promise<void> {
    if (user.roles.includes('JUROR') || (await this.jury.isJuror(this.prisma, user.id))) return;
    throw new AppError('FORBIDDEN');
  }

  /** List lines with their round, label, (masked) title and score: forms and criteria read once per call/round. */
  private async present(assignments: VisibleAssignment[]): Promise<TJuryAssignment[]> {
    const callIds = [...new Set(assignments.map((a) => a.application.callId))];
    const roundIds = [...new Set(assignments.map((a) => a.roundId))];
    const [forms, criteria] = await Promise.all([
      Promise.all(callIds.map(async (id) => [id, (await loadCallForm(this.prisma, id)).form] as const)).then((entries) => new Map(entries)),
      this.jury.criteria(this.prisma, roundIds),
    ]);
    // One identity matcher per application, however many of the caller's rounds it is in.
    const identities = new Map<string, IdentityMatcher>();
    const identityOf = (assignment: VisibleAssignment, form: TFormDefinition): IdentityMatcher => {
      let identity = identities.get(assignment.applicationId);
      if (!identity) {
        identity = applicationIdentityMatcher({ form, answers: answersOf(assignment), owner: assignment.application.owner });
        identities.set(assignment.applicationId, identity);
      }
      return identity;
    };
    return assignments.map((assignment) => {
      const roundCriteria = criteria.filter((c) => c.roundId === assignment.roundId);
      return {
        id: assignment.id,
        round: {
          id: assignment.round.id,
          name: assignment.round.name as TLocalizedText,
          status: assignment.round.status as TRoundStatus,
          closesAt: assignment.round.closesAt?.toISOString() ?? null,
          blind: assignment.round.blind,
        },
        call: { id: assignment.round.call.id, title: assignment.round.call.title as TLocalizedText },
        applicationLabel: applicationLabel(assignment),
        title: juryTitle(assignment.application.title, forms.get(assignment.application.callId)!, assignment.round.blind, () => identityOf(assignment, forms.get(assignment.application.callId)!)),
        scorecardStatus: assignment.scorecard ? assignment.scorecard.status : 'TO_DO',
        weightedScore: scorecardScore(assignment, roundCriteria),
        secondLook: assignment.secondLookId !== null,
      };
    });
  }
}

function answersOf(assignment: VisibleAssignment): Record<string, unknown> {
  const answers = assignment.application.answers;
  return answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
}

/** The reference ("FAB-2026-0042") says nothing of who applied; before submission there is none. */
export function applicationLabel(assignment: { id: string; application: { reference: string | null } }): string {
  return assignment.application.reference ?? assignment.id.slice(-8).toUpperCase();
}
