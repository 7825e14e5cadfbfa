import { z } from 'zod';
import { ZLocale } from './locales';

export const ZHealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
    time: z.iso.datetime(),
  });
export type THealthResponse = z.infer<typeof ZHealthResponse>;

export const EMAIL_STATUSES = ['QUEUED', 'SENT', 'CAPTURED', 'FAILED'] as const;
export const ZEmailStatus = z.enum(EMAIL_STATUSES);
export type TEmailStatus = z.infer<typeof ZEmailStatus>;

/** Written in place of a one-time secret the reader may not see. */
export const REDACTED_SECRET = '[redacted]';

/**
 * A piece of an email's text: plain text, or a one-time secret (a password-reset or invitation link).
 * A secret's value is given only to admins while emails are captured (no SMTP server); otherwise null.
 */
export const ZEmailSegment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('secret'), value: z.string().nullable().describe('The live link, or null when hidden from this reader') }),
]);
export type TEmailSegment = z.infer<typeof ZEmailSegment>;

/** An email of the outbox, as staff read it in the back office. */
export const ZEmailMessage = z
  .object({
    id: z.string(),
    to: z.string(),
    locale: ZLocale,
    template: z.string(),
    subject: z.string(),
    text: z.string().describe('The text as this reader may see it: each hidden secret written as [redacted]'),
    segments: z.array(ZEmailSegment).describe('The same text in pieces, secrets apart'),
    status: ZEmailStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  });
export type TEmailMessage = z.infer<typeof ZEmailMessage>;

export const ZPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZEmailListQuery = ZPageQuery.extend({
  to: z.string().trim().max(254).optional(),
  status: ZEmailStatus.optional(),
});
export type TEmailListQuery = z.infer<typeof ZEmailListQuery>;

export const ZEmailList = z
  .object({
    items: z.array(ZEmailMessage),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  ;
export type TEmailList = z.infer<typeof ZEmailList>;
