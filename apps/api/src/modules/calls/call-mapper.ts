import { ZEligibilityRules, type TCallPublic, type TCallStaff, type TEligibilityRule, type TLocalizedText } from '@tahkim/contracts';
import type { Call } from '@tahkim/db';
import { casablancaTime } from '../../common/time/casablanca-time';
import type { ApplicationCounts } from './calls.repository';
import { effectiveStatus, isAcceptingApplications } from './call-rules';

/** Eligibility rules live in Call.settings; anything unreadable there counts as no rule. */
export function callEligibilityRules(call: Pick<Call, 'settings'>): TEligibilityRule[] {
  const settings = (call.settings ?? {}) as { eligibilityRules?: unknown };
  const parsed = ZEligibilityRules.safeParse(settings.eligibilityRules ?? []);
  return parsed.success ? parsed.data : [];
}

export function toCallPublic(call: Call, now = new Date()): TCallPublic {
  return {
    id: call.id,
    slug: call.slug,
    title: call.title as TLocalizedText,
    summary: call.summary as TLocalizedText,
    description: call.description as TLocalizedText,
    eligibility: call.eligibility as TLocalizedText,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    opensAtLocal: casablancaTime.toWallClock(call.opensAt),
    closesAtLocal: casablancaTime.toWallClock(call.closesAt),
    timezone: call.timezone,
    status: effectiveStatus(call, now),
    acceptingApplications: isAcceptingApplications(call, now),
    maxApplicationsPerApplicant: call.maxApplicationsPerApplicant,
    resultsPublished: call.resultsPublishedAt !== null,
  };
}

export function toCallStaff(call: Call, counts: ApplicationCounts, now = new Date()): TCallStaff {
  return {
    ...toCallPublic(call, now),
    referencePrefix: call.referencePrefix,
    formVersion: call.formVersion,
    feedbackEnabled: call.feedbackEnabled,
    eligibilityRules: callEligibilityRules(call),
    applicationCounts: counts,
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
    publishedAt: call.publishedAt?.toISOString() ?? null,
    closedAt: call.closedAt?.toISOString() ?? null,
  };
}

/**
 * Public order: calls accepting applications first (nearest deadline first), then those not yet open
 * (soonest first), then closed ones (most recently closed first).
 */
export function comparePublicCalls(a: TCallPublic, b: TCallPublic): number {
  const group = (call: TCallPublic) => (call.acceptingApplications ? 0 : call.status === 'PUBLISHED' ? 1 : 2);
  const byGroup = group(a) - group(b);
  if (byGroup !== 0) return byGroup;
  if (group(a) === 0) return Date.parse(a.closesAt) - Date.parse(b.closesAt);
  if (group(a) === 1) return Date.parse(a.opensAt) - Date.parse(b.opensAt);
  return Date.parse(b.closesAt) - Date.parse(a.closesAt);
}
