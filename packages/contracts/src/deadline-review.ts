import { z } from 'zod';
import { ZLocalizedText } from './locales';
import { ZWallClock } from './time-zone';

/**
 * Deadlines stored before the app converted Casablanca time itself may have been entered by a browser
 * whose time-zone data still had Morocco on UTC+1 after 2026-09-20: such a date reads one hour earlier
 * now than the person typed. Staff confirm each call's dates as they are, or move them one hour later.
 */
export const ZDeadlineReviewDate = z.object({
  /** The call's own date, or one of its rounds'. */
  roundId: z.string().nullable(),
  roundNumber: z.number().int().nullable(),
  field: z.enum(['opensAt', 'closesAt']),
  /** The stored instant. */
  at: z.iso.datetime(),
  /** What it reads now, with the current data. */
  now: ZWallClock,
  /** What it read under the superseded rule (what a browser with older data showed when it was typed). */
  underOldRule: ZWallClock,
  /** The instant "move later" would store: the one that reads now what the old rule read. */
  movedAt: z.iso.datetime(),
});
export type TDeadlineReviewDate = z.infer<typeof ZDeadlineReviewDate>;

export const ZDeadlineReviewItem = z.object({
  callId: z.string(),
  slug: z.string(),
  title: ZLocalizedText,
  status: z.string(),
  dates: z.array(ZDeadlineReviewDate),
});
export type TDeadlineReviewItem = z.infer<typeof ZDeadlineReviewItem>;

export const ZDeadlineReviewList = z.object({
  /** The packaged data's release, and the instant from which it differs from the superseded rule. */
  dataVersion: z.string(),
  changedAt: z.iso.datetime(),
  items: z.array(ZDeadlineReviewItem),
});
export type TDeadlineReviewList = z.infer<typeof ZDeadlineReviewList>;

export const DEADLINE_REVIEW_ACTIONS = ['CONFIRM', 'MOVE_LATER'] as const;
export const ZDeadlineReviewRequest = z.strictObject({
  /** CONFIRM keeps the stored instants; MOVE_LATER moves each listed date to what the old rule read. */
  action: z.enum(DEADLINE_REVIEW_ACTIONS),
});
export type TDeadlineReviewRequest = z.infer<typeof ZDeadlineReviewRequest>;
