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
/**
 * pg-boss retries a delivery this often, with exponential backoff from EMAIL_RETRY_DELAY_SECONDS. A retry
 * that finds the email being delivered by another worker uses one too: a delivery holds its email for at
 * most DELIVERY_TRANSACTION_TIMEOUT_MS, which the backoff outgrows within a few retries (three at the
 * default 15 s), so most of them remain for failures of the SMTP server.
 */
export const EMAIL_RETRY_LIMIT = 12;
/** nodemailer's limits per stage of a send, so that a stalled server fails the attempt. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** A send still unfinished after this long is cut off, its connection closed. */
const SEND_DEADLINE_MS = 60_000;
/**
 * How long a delivery may hold its email's row: the send's deadline and the statements around it. Past
 * it the transaction is rolled back, so a send must never outlive it (the email would be sent again).
 */
const DELIVERY_TRANSACTION_TIMEOUT_MS = 120_000;

/** Thrown when another worker holds the email: pg-boss retries the job later, as the holder may die. */
export class EmailBeingDeliveredError extends Error {
  constructor(readonly emailId: string) {
    super(`Email ${emailId} is being delivered by another worker`);
    this.name = 'EmailBeingDeliveredError';
  }
}

type DeliveryStatus = 'QUEUED' | 'SENT' | 'CAPTURED' | 'FAILED';

interface LockedEmail {
  id: string;
  status: DeliveryStatus;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  secrets: string[] | null;
}

type Delivery = { outcome: 'done' } | { outcome: 'captured'; email: LockedEmail } | { outcome: 'failed'; error: unknown };

function isDelivered(status: DeliveryStatus): boolean {
  return status === 'SENT' || status === 'CAPTURED';
}

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
    return { retryLimit: EMAIL_RETRY_LIMIT, retryDelay: this.config.emailRetryDelaySeconds, retryBackoff: true, expireInSeconds: this.config.emailJobExpirySeconds };
  }

  /**
   * Runs in the worker. Throwing makes pg-boss retry later; a delivered email is never sent again. Several
   * workers may hold jobs for one email (a job that expired while its worker was slow or killed is taken
   * by another): the delivery locks the email's row until its outcome is committed, and a worker that
   * finds the row locked leaves it to the holder. A killed worker's connection closes, which releases
   * the lock at once.
   */
  async deliver(job: PgBoss.JobWithMetadata<{ emailId: string }>): Promise<void> {
    const emailId = job.data.emailId;
    const delivery = await this.prisma.$transaction(
      async (tx): Promise<Delivery> => {
        // Should this process vanish without closing its connection (its host lost), PostgreSQL ends the
        // session, and releases the row, once the transaction has been idle for as long as it may last.
        await tx.$queryRaw`SELECT set_config('idle_in_transaction_session_timeout', ${`${DELIVERY_TRANSACTION_TIMEOUT_MS}ms`}, true)`;
        const [email] = await tx.$queryRaw<LockedEmail[]>`
          SELECT "id", "status"::text AS "status", "toAddress", "subject", "text", "html", "secrets"
          FROM "EmailMessage" WHERE "id" = ${emailId}::uuid
          FOR UPDATE SKIP LOCKED`;
        if (!email) {
          const [current] = await tx.$queryRaw<Array<{ status: DeliveryStatus }>>`SELECT "status"::text AS "status" FROM "EmailMessage" WHERE "id" = ${emailId}::uuid`;
          if (!current || isDelivered(current.status)) return { outcome: 'done' };
          throw new EmailBeingDeliveredError(emailId);
        }
        if (isDelivered(email.status)) return { outcome: 'done' };
        if (!this.config.smtpUrl) {
          await tx.emailMessage.update({ where: { id: email.id }, data: { status: 'CAPTURED', attempts: { increment: 1 }, sentAt: new Date() } });
          return { outcome: 'captured', email };
        }
        try {
          await this.send(this.config.smtpUrl, email);
        } catch (error) {
          // Committed with the transaction, the lock released; the error is thrown once it is.
          const lastAttempt = job.retryCount >= job.retryLimit;
          await tx.emailMessage.update({
            where: { id: email.id },
            data: { attempts: { increment: 1 }, lastError: String((error as Error)?.message ?? error).slice(0, 500), status: lastAttempt ? 'FAILED' : 'QUEUED' },
          });
          return { outcome: 'failed', error };
        }
        // Only the recipient's inbox keeps the live links from now on.
        const scrubbed = scrubEmail({ text: email.text, html: email.html, secrets: email.secrets ?? [] });
        await tx.emailMessage.update({
          where: { id: email.id },
          data: { status: 'SENT', attempts: { increment: 1 }, sentAt: new Date(), lastError: null, ...scrubbed, secrets: [] },
        });
        return { outcome: 'done' };
      },
      { timeout: DELIVERY_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );
    if (delivery.outcome === 'captured') {
      const { email } = delivery;
      this.logger.log({ to: email.toAddress, subject: email.subject, emailId: email.id }, `Email captured:\n${redactedEmailText(email.text, email.secrets ?? [])}`);
    } else if (delivery.outcome === 'failed') {
      this.logger.warn({ emailId, attempt: job.retryCount + 1, err: delivery.error }, 'Email delivery failed');
      throw delivery.error;
    }
  }

  private async send(smtpUrl: string, email: LockedEmail): Promise<void> {
    this.transport ??= createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
    await this.transport.sendMail({
      from: this.config.smtpFrom,
      to: email.toAddress,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${email.id}@tahkim>`,
      signal: AbortSignal.timeout(SEND_DEADLINE_MS),
    });
  }
}
