import { Injectable } from '@nestjs/common';
import { DECISION_OUTCOMES, type TDecisionOutcome, type TLocalizedText } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { OutboxService } from '../notifications/outbox.service';
import { DECISION_EMAIL_TEMPLATE, decisionDedupeKey, placeholderValues, renderDecisionEmail, type DecisionTemplateTexts, type RenderedDecisionEmail } from './decision-email';
import { PROPOSED_DECISION_TEMPLATES } from './decision-template-defaults';
import { DecisionsRepository, type CallRow, type RecipientRow } from './decisions.repository';

type Db = PrismaClient | Prisma.TransactionClient;

/** What each outcome's emails are written from: the saved template, else the proposed texts. */
export interface DecisionTexts {
  texts: Record<TDecisionOutcome, DecisionTemplateTexts>;
  /** Outcomes without a saved template, written from the proposed texts. */
  proposed: TDecisionOutcome[];
}

/**
 * Decision emails from the call's data: queued at publication, and written again while they wait in the
 * outbox whenever what they say changes (a template saved, feedback switched on or off), so that the email
 * that leaves says what the call says at that moment. An email the outbox has handed over is never touched.
 */
@Injectable()
export class DecisionEmailsService {
  constructor(
    private readonly repo: DecisionsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async texts(db: Db, callId: string): Promise<DecisionTexts> {
    const saved = new Map((await this.repo.savedTemplates(db, callId)).map((t) => [t.outcome, { subject: t.subject as TLocalizedText, body: t.body as TLocalizedText }]));
    const texts = Object.fromEntries(DECISION_OUTCOMES.map((outcome) => [outcome, saved.get(outcome) ?? PROPOSED_DECISION_TEMPLATES[outcome]])) as DecisionTexts['texts'];
    return { texts, proposed: DECISION_OUTCOMES.filter((outcome) => !saved.has(outcome)) };
  }

  /** One email per recipient, in their language, with the key that makes a retry queue nothing. Returns how many were queued. */
  async enqueue(tx: Prisma.TransactionClient, call: CallRow, recipients: readonly RecipientRow[], texts: DecisionTexts): Promise<number> {
    const emails = await this.render(tx, call, recipients, texts);
    let queued = 0;
    for (const [index, recipient] of recipients.entries()) {
      const email = emails[index]!;
      const added = await this.outbox.enqueueRendered(tx, {
        to: recipient.email,
        locale: recipient.locale,
        template: DECISION_EMAIL_TEMPLATE[recipient.outcome],
        subject: email.subject,
        text: email.text,
        html: email.html,
        userId: recipient.ownerId,
        dedupeKey: decisionDedupeKey(recipient.applicationId),
      });
      if (added) queued += 1;
    }
    return queued;
  }

  /**
   * Writes again, from the current template and feedback setting, the call's decision emails still queued
   * (of one outcome when given), in the caller's transaction. Returns how many were rewritten.
   */
  async refreshQueued(tx: Prisma.TransactionClient, callId: string, outcome?: TDecisionOutcome): Promise<number> {
    const queued = await this.repo.lockQueuedDecisionEmails(tx, callId, outcome);
    if (queued.length === 0) return 0;
    const call = (await this.repo.findCall(tx, callId))!;
    const emails = await this.render(tx, call, queued, await this.texts(tx, callId));
    return this.repo.rewriteQueuedEmails(
      tx,
      queued.map((row, index) => ({ id: row.emailId, subject: emails[index]!.subject, text: emails[index]!.text, html: emails[index]!.html })),
    );
  }

  private async render(db: Db, call: CallRow, recipients: readonly RecipientRow[], { texts }: DecisionTexts): Promise<RenderedDecisionEmail[]> {
    const feedback = call.feedbackEnabled ? await this.repo.feedback(db, recipients.map((r) => r.applicationId)) : new Map();
    return recipients.map((recipient) =>
      renderDecisionEmail(texts[recipient.outcome], recipient.locale, placeholderValues(call.title, recipient, feedback.get(recipient.applicationId) ?? null)),
    );
  }
}
