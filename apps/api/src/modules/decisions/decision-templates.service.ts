import { Inject, Injectable } from '@nestjs/common';
import {
  DECISION_OUTCOMES,
  DECISION_TEMPLATE_PLACEHOLDERS,
  LOCALES,
  unknownPlaceholders,
  type TDecisionOutcome,
  type TDecisionPreview,
  type TDecisionPreviewRequest,
  type TDecisionTemplate,
  type TDecisionTemplateList,
  type TDecisionTemplateRequest,
  type TLocale,
  type TLocalizedText,
  type TValidationIssue,
} from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { placeholderValues, renderDecisionEmail, type DecisionTemplateTexts } from './decision-email';
import { DecisionEmailsService } from './decision-emails.service';
import { PROPOSED_DECISION_TEMPLATES } from './decision-template-defaults';
import { DecisionsRepository } from './decisions.repository';

const UNKNOWN_PLACEHOLDER: Record<TLocale, (name: string) => string> = {
  ar: (name) => `المتغير {{${name}}} غير معروف. المتغيرات المتاحة: ${DECISION_TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join('، ')}.`,
  fr: (name) => `La variable {{${name}}} est inconnue. Variables possibles : ${DECISION_TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
  en: (name) => `Unknown placeholder {{${name}}}. Available placeholders: ${DECISION_TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
};

interface TemplateRow {
  outcome: TDecisionOutcome;
  subject: unknown;
  body: unknown;
  updatedAt: Date;
}

function toTemplate(outcome: TDecisionOutcome, row: TemplateRow | null | undefined): TDecisionTemplate {
  if (!row) return { outcome, ...PROPOSED_DECISION_TEMPLATES[outcome], saved: false, updatedAt: null };
  return { outcome, subject: row.subject as TLocalizedText, body: row.body as TLocalizedText, saved: true, updatedAt: row.updatedAt.toISOString() };
}

/** 400 VALIDATION_FAILED naming each unknown `{{placeholder}}` (issue code UNKNOWN_PLACEHOLDER, `placeholder`). */
function assertKnownPlaceholders(texts: Partial<DecisionTemplateTexts>, locale: TLocale): void {
  const issues: Array<TValidationIssue & { placeholder: string }> = [];
  for (const field of ['subject', 'body'] as const) {
    const text = texts[field];
    if (!text) continue;
    for (const language of LOCALES) {
      for (const name of unknownPlaceholders(text[language])) {
        issues.push({ path: [field, language], code: 'UNKNOWN_PLACEHOLDER', message: UNKNOWN_PLACEHOLDER[locale](name), placeholder: name });
      }
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);
}

/** The decision emails' templates of a call (one per outcome, per language) and their previews. */
@Injectable()
export class DecisionTemplatesService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: DecisionsRepository,
    private readonly audit: AuditService,
    private readonly emails: DecisionEmailsService,
  ) {}

  async list(callId: string): Promise<TDecisionTemplateList> {
    if (!(await this.repo.findCall(this.prisma, callId))) throw new AppError('NOT_FOUND');
    const saved = new Map((await this.repo.savedTemplates(this.prisma, callId)).map((row) => [row.outcome, row]));
    return { placeholders: [...DECISION_TEMPLATE_PLACEHOLDERS], items: DECISION_OUTCOMES.map((outcome) => toTemplate(outcome, saved.get(outcome))) };
  }

  async save(callId: string, outcome: TDecisionOutcome, input: TDecisionTemplateRequest, ctx: RequestContext): Promise<TDecisionTemplate> {
    assertKnownPlaceholders(input, ctx.locale);
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.repo.lockCall(tx, callId, 'share'))) throw new AppError('NOT_FOUND');
      const before = await this.repo.findTemplate(tx, callId, outcome);
      const row = await this.repo.saveTemplate(tx, callId, outcome, { subject: input.subject, body: input.body });
      // Emails of this outcome published but not yet sent say what the template says now.
      await this.emails.refreshQueued(tx, callId, outcome);
      await this.audit.record(tx, ctx, {
        action: 'decision_template.updated',
        entityType: 'Call',
        entityId: callId,
        before: before ? { outcome, subject: before.subject as TLocalizedText, body: before.body as TLocalizedText } : { outcome, saved: false },
        after: { outcome, subject: input.subject, body: input.body },
      });
      return toTemplate(outcome, row);
    });
  }

  /**
   * The email as this application's applicant would get it: in their language (or `locale`), from the
   * unsaved texts when given, else the saved template, else the proposal. Feedback follows the call's setting.
   */
  async preview(callId: string, outcome: TDecisionOutcome, input: TDecisionPreviewRequest, ctx: RequestContext): Promise<TDecisionPreview> {
    assertKnownPlaceholders({ subject: input.subject, body: input.body }, ctx.locale);
    const call = await this.repo.findCall(this.prisma, callId);
    if (!call) throw new AppError('NOT_FOUND');
    const recipient = await this.repo.recipient(this.prisma, callId, input.applicationId.toLowerCase());
    if (!recipient) {
      throw new AppError('VALIDATION_FAILED', [{ path: ['applicationId'], code: 'NOT_AN_APPLICATION_OF_THE_CALL', message: UNKNOWN_APPLICATION[ctx.locale] }]);
    }
    const stored = toTemplate(outcome, await this.repo.findTemplate(this.prisma, callId, outcome));
    const texts: DecisionTemplateTexts = { subject: input.subject ?? stored.subject, body: input.body ?? stored.body };
    const locale = input.locale ?? recipient.locale;
    const feedback = call.feedbackEnabled ? ((await this.repo.feedback(this.prisma, [recipient.applicationId])).get(recipient.applicationId) ?? null) : null;
    const email = renderDecisionEmail(texts, locale, placeholderValues(call.title, recipient, feedback, locale));
    return { ...email, to: recipient.email };
  }
}

const UNKNOWN_APPLICATION: Record<TLocale, string> = {
  ar: 'هذا الطلب ليس من طلبات هذه الدعوة المرسلة.',
  fr: "Cette candidature n'est pas une candidature envoyée à cet appel.",
  en: 'This is not a submitted application of this call.',
};
