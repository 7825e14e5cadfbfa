import { REPORT_DUE_SOON_DAYS, type TReminderStep } from '@tahkim/contracts';
import { casablancaTime } from '../../common/time/casablanca-time';

const DAY_MS = 86_400_000;

/** The calendar date Casablanca's clocks show at an instant, "2026-12-05". */
function casablancaDate(instant: Date): string {
  return casablancaTime.toWallClock(instant).dateTime.slice(0, 10);
}

/**
 * The reminder a project is owed now for a report due at `dueAt` (null: none yet): LATE once the due
 * time has passed; DUE_TODAY on the due day as people in Morocco count days; DUE_IN_7_DAYS from seven
 * days before the due time until the due day starts. Only the current step is ever sent, so a project
 * first seen late gets the late reminder alone.
 */
export function reminderStep(dueAt: Date, now: Date): TReminderStep | null {
  if (now.getTime() > dueAt.getTime()) return 'LATE';
  if (casablancaDate(now) === casablancaDate(dueAt)) return 'DUE_TODAY';
  return dueAt.getTime() - REPORT_DUE_SOON_DAYS * DAY_MS <= now.getTime() ? 'DUE_IN_7_DAYS' : null;
}

/** Makes "send this reminder once" hold across runs and replicas (EmailMessage.dedupeKey). */
export function reminderDedupeKey(milestoneId: string, applicationId: string, step: TReminderStep): string {
  return `report-reminder:${milestoneId}:${applicationId}:${step}`;
}
