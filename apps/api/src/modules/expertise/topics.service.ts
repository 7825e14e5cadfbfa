import { Inject, Injectable } from '@nestjs/common';
import { allFields, TOPIC_FIELD_TYPES, type TApplicationTopics, type TCallTopics, type TExpertise, type ZPutApplicationTopicsRequest, type ZPutCallTopicsRequest, type ZPutExpertiseRequest } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import type { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { loadCallForm } from '../calls/call-form';
import { applicationTopics } from './application-topics';
import { expertiseConflict, unknownTopics } from './expertise-conflict';
import { ExpertiseRepository } from './expertise.repository';

const CHOICE_TYPES: ReadonlySet<string> = new Set(TOPIC_FIELD_TYPES);

/** Staff's side: a call's topics and topic question, an application's tags, a juror's expertise. */
@Injectable()
export class TopicsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: ExpertiseRepository,
    private readonly audit: AuditService,
  ) {}

  async get(callId: string): Promise<TCallTopics> {
    const call = await this.prisma.call.findUnique({ where: { id: callId }, select: { topicFieldKey: true } });
    if (!call) throw new AppError('NOT_FOUND');
    const [topics, rows] = await Promise.all([this.repo.callTopics(this.prisma, callId), this.repo.submittedTopicRows(this.prisma, callId, call.topicFieldKey)]);
    const withTopic = rows.filter((row) => applicationTopics(topics, row).topics.length > 0).length;
    return { topics, fieldKey: call.topicFieldKey, counts: { applications: rows.length, withTopic } };
  }

  /**
   * Replaces the call's topics (matched by key: jurors' expertise and staff's tags keep their meaning)
   * and its topic question, which must be a single or multiple choice question of the form.
   */
  async put(callId: string, input: z.output<typeof ZPutCallTopicsRequest>, ctx: RequestContext): Promise<TCallTopics> {
    await this.prisma.$transaction(async (tx) => {
      // One change of a call's topics at a time (their rows are matched by key).
      await tx.$queryRaw`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid FOR UPDATE`;
      const { call, form } = await loadCallForm(tx, callId);
      if (input.fieldKey !== null) {
        const field = allFields(form).find((f) => f.key === input.fieldKey);
        if (!field || !CHOICE_TYPES.has(field.type)) throw expertiseConflict('NOT_A_CHOICE_FIELD', { fieldKey: input.fieldKey });
        // Jurors read each project's topics, blind rounds included: an identifying answer must not become one.
        if (field.identifying) throw expertiseConflict('IDENTIFYING_FIELD', { fieldKey: input.fieldKey });
      }
      const before = await this.repo.callTopics(tx, callId);
      const keys = input.topics.map((t) => t.key);
      await tx.callTopic.deleteMany({ where: { callId, key: { notIn: keys } } });
      for (const [position, topic] of input.topics.entries()) {
        await tx.callTopic.upsert({
          where: { callId_key: { callId, key: topic.key } },
          create: { callId, key: topic.key, label: topic.label, position },
          update: { label: topic.label, position },
        });
      }
      await tx.call.update({ where: { id: callId }, data: { topicFieldKey: input.fieldKey } });
      await this.audit.record(tx, ctx, {
        action: 'call.topics_updated', entityType: 'Call', entityId: callId,
        before: { topics: before.map((t) => t.key), fieldKey: call.topicFieldKey },
        after: { topics: keys, fieldKey: input.fieldKey },
      });
    });
    return this.get(callId);
  }

  async applicationTopics(applicationId: string): Promise<TApplicationTopics> {
    const application = await this.prisma.application.findUnique({
      where: { id: applicationId },
      select: { callId: true, answers: true, topicTags: true, topicsTaggedAt: true, call: { select: { topicFieldKey: true } } },
    });
    if (!application) throw new AppError('NOT_FOUND');
    const topics = await this.repo.callTopics(this.prisma, application.callId);
    const fieldKey = application.call.topicFieldKey;
    const answers = (application.answers ?? {}) as Record<string, unknown>;
    return applicationTopics(topics, { answer: fieldKey === null ? undefined : answers[fieldKey], topicTags: application.topicTags, tagged: application.topicsTaggedAt !== null });
  }

  /** Staff's tags for an application (screening); null goes back to what the topic question gives. */
  async tagApplication(applicationId: string, input: z.output<typeof ZPutApplicationTopicsRequest>, ctx: RequestContext): Promise<TApplicationTopics> {
    await this.prisma.$transaction(async (tx) => {
      const application = await tx.application.findUnique({ where: { id: applicationId }, select: { callId: true, topicTags: true, topicsTaggedAt: true } });
      if (!application) throw new AppError('NOT_FOUND');
      if (input.topics !== null) unknownTopics('topics', input.topics, new Set((await this.repo.callTopics(tx, application.callId)).map((t) => t.key)));
      await tx.application.update({
        where: { id: applicationId },
        data: input.topics === null ? { topicTags: [], topicsTaggedAt: null } : { topicTags: input.topics, topicsTaggedAt: new Date() },
      });
      await this.audit.record(tx, ctx, {
        action: 'application.topics_tagged', entityType: 'Application', entityId: applicationId,
        before: { topics: application.topicsTaggedAt === null ? null : application.topicTags },
        after: { topics: input.topics },
      });
    });
    return this.applicationTopics(applicationId);
  }

  /** Staff set a juror's expertise in a round (any status: it only informs the automatic assignment). */
  async setExpertise(roundId: string, jurorId: string, input: z.output<typeof ZPutExpertiseRequest>, ctx: RequestContext): Promise<TExpertise> {
    return this.prisma.$transaction(async (tx) => {
      const juror = await tx.juror.findFirst({ where: { id: jurorId, roundId }, select: { id: true, expertise: true, round: { select: { callId: true } } } });
      if (!juror) throw new AppError('NOT_FOUND');
      return writeExpertise(tx, this.repo, this.audit, ctx, { jurorId, callId: juror.round.callId, before: juror.expertise, topics: input.topics, by: 'STAFF' });
    });
  }
}

/** Writes a juror's expertise (topics in the call's order), with its audit row. */
export async function writeExpertise(
  tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0],
  repo: ExpertiseRepository,
  audit: AuditService,
  ctx: RequestContext,
  change: { jurorId: string; callId: string; before: string[]; topics: string[]; by: 'STAFF' | 'JUROR' },
): Promise<TExpertise> {
  const callTopics = await repo.callTopics(tx, change.callId);
  unknownTopics('topics', change.topics, new Set(callTopics.map((t) => t.key)));
  const chosen = new Set(change.topics);
  const topics = callTopics.filter((t) => chosen.has(t.key)).map((t) => t.key);
  await tx.juror.update({ where: { id: change.jurorId }, data: { expertise: topics } });
  await audit.record(tx, ctx, { action: 'juror.expertise_updated', entityType: 'Juror', entityId: change.jurorId, before: { topics: change.before }, after: { topics, by: change.by } });
  return { jurorId: change.jurorId, topics };
}
