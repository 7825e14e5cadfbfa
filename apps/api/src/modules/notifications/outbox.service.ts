import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { TLocale } from '@tahkim/contracts';
import type { Prisma, PrismaClient, SqlQueryable } from '@tahkim/db';
import { createTransport, type Transporter } from 'nodemailer';
import type PgBoss from 'pg-boss';
import { uuidV7 } from '../../common/db/uuid-v7';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { JobsService } from '../jobs/jobs.service';
import { redactedEmailText, scrubEmail } from './email-secrets';
import { renderEmail, type EmailTemplate, type EmailTemplateParams } from './templates/email-templates';

/** The outbox's job queue unless EMAIL_QUEUE names another one. */
export const EMAIL_QUEUE = 'email.send';
/** pg-boss retries a failed delivery this often, with exponential backoff from EMAIL_RETRY_DELAY_SECONDS. */
export const EMAIL_RETRY_LIMIT = 12;

export interface OutgoingEmail<T extends EmailTemplate> {
  to: string;
  locale: TLocale;
  template: T;
  params: EmailTemplateParams[T];
  userId?: string | null;
  /** A second enqueue with the same key is ignored: the email is sent once. */
  dedupeKey?: string;
}

/** An email whose text was written elsewhere (e.g. staff's decision templates) and rendered by the caller. */
export interface PreRenderedEmail {
  to: string;
  locale: TLocale;
  /** A name for the back office, e.g. "decision-winner". */
  template: string;
  subject: string;
  text: string;
  /** Must already be safe HTML (every value escaped). */
  html: string;
  /** Parts of text and html that are one-time secrets, hidden from staff and logs (see EmailTemplateParams' secrets). */
  secrets?: string[];
  userId?: string | null;
  dedupeKey?: string;
}

/**
 * The email outbox. An email is rendered and stored with the change that causes it, in its transaction,
 * with a queue job that delivers it, together with the secrets its template marked. Without SMTP_URL,
 * delivery means capture: the email stays readable in the back office (its one-time links by admins
 * only) and is written to the log without them. With SMTP_URL, the stored copy loses its secrets once
 * the server has accepted the email.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  private readonly logger = new Logger('Email');
  private transport: Transporter | undefined;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.defineQueue({ name: this.config.emailQueue, retryLimit: EMAIL_RETRY_LIMIT, retryDelaySeconds: this.config.emailRetryDelaySeconds });
    this.jobs.registerWorker<{ emailId: string }>(this.config.emailQueue, (job) => this.deliver(job));
  }

  async enqueue<T extends EmailTemplate>(tx: Prisma.TransactionClient, email: OutgoingEmail<T>): Promise<void> {
    if (email.dedupeKey) {
      const existing = await tx.emailMessage.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
      if (existing) return;
    }
    const rendered = renderEmail(email.template, email.locale, email.params);
    const row = await tx.emailMessage.create({
      data: {
        toAddress: email.to,
        locale: email.locale,
        template: email.template,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        secrets: rendered.secrets,
        userId: email.userId ?? null,
        dedupeKey: email.dedupeKey ?? null,
      },
      select: { id: true },
    });
    await this.jobs.sendInTransaction(tx, this.config.emailQueue, { emailId: row.id }, this.retryOptions());
  }

  /**
   * For a change that writes its email row in its own statement (the submission does, to keep its
   * transaction short): the rendered email with the id its row must take. Store it with queueDelivery,
   * in the same transaction.
   */
  render<T extends EmailTemplate>(email: OutgoingEmail<T>): { id: string; subject: string; text: string; html: string; secrets: string[] } {
    const rendered = renderEmail(email.template, email.locale, email.params);
    return { id: uuidV7(), subject: rendered.subject, text: rendered.text, html: rendered.html, secrets: rendered.secrets };
  }

  /** Queues the delivery of the email row `emailId`, written by the caller in the same transaction. */
  async queueDelivery(tx: SqlQueryable, emailId: string): Promise<void> {
    await this.jobs.sendInTransaction(tx, this.config.emailQueue, { emailId }, this.retryOptions());
  }

  /**
   * Enqueues an email rendered by the caller, in the caller's transaction. With a dedupeKey already in the
   * outbox nothing is written (ON CONFLICT DO NOTHING, safe under concurrent publishes): returns false.
   */
  async enqueueRendered(tx: Prisma.TransactionClient, email: PreRenderedEmail): Promise<boolean> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "EmailMessage" ("id", "toAddress", "locale", "template", "subject", "text", "html", "secrets", "userId", "dedupeKey")
      VALUES (${uuidV7()}::uuid, ${email.to}, ${email.locale}::"Locale", ${email.template}, ${email.subject}, ${email.text}, ${email.html},
              ${email.secrets ?? []}::text[], ${email.userId ?? null}::uuid, ${email.dedupeKey ?? null})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"`;
    const row = rows[0];
    if (!row) return false;
    await this.jobs.sendInTransaction(tx, this.config.emailQueue, { emailId: row.id }, this.retryOptions());
    return true;
  }

  /** Per job, so a changed delay applies even where the queue was created with another one. */
  private retryOptions(): PgBoss.SendOptions {
    return { retryLimit: EMAIL_RETRY_LIMIT, retryDelay: this.config.emailRetryDelaySeconds, retryBackoff: true };
  }

  /** Runs in the worker. Throwing makes pg-boss retry later; a delivered email is never sent again. */
  async deliver(job: PgBoss.JobWithMetadata<{ emailId: string }>): Promise<void> {
    const email = await this.prisma.emailMessage.findUnique({ where: { id: job.data.emailId } });
    if (!email || email.status === 'SENT' || email.status === 'CAPTURED') return;
    if (!this.config.smtpUrl) {
      await this.prisma.emailMessage.update({
        where: { id: email.id },
        data: { status: 'CAPTURED', attempts: { increment: 1 }, sentAt: new Date() },
      });
      this.logger.log({ to: email.toAddress, subject: email.subject, emailId: email.id }, `Email captured:\n${redactedEmailText(email.text, email.secrets ?? [])}`);
      return;
    }
    try {
      this.transport ??= createTransport(this.config.smtpUrl);
      await this.transport.sendMail({
        from: this.config.smtpFrom,
        to: email.toAddress,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${email.id}@tahkim>`,
      });
      // Only the recipient's inbox keeps the live links from now on.
      const scrubbed = scrubEmail({ text: email.text, html: email.html, secrets: email.secrets ?? [] });
      await this.prisma.emailMessage.update({
        where: { id: email.id },
        data: { status: 'SENT', attempts: { increment: 1 }, sentAt: new Date(), lastError: null, ...scrubbed, secrets: [] },
      });
    } catch (error) {
      const lastAttempt = job.retryCount >= job.retryLimit;
      await this.prisma.emailMessage.update({
        where: { id: email.id },
        data: {
          attempts: { increment: 1 },
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
          status: lastAttempt ? 'FAILED' : 'QUEUED',
        },
      });
      this.logger.warn({ emailId: email.id, attempt: job.retryCount + 1, err: error }, 'Email delivery failed');
      throw error;
    }
  }
}
