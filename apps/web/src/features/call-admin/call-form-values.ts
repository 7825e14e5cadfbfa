import { ZUpdateCallRequest, type TCallStaff, type TUpdateCallRequest, type ZCreateCallRequest } from '@tahkim/contracts';
import { z } from 'zod';
import { i18n } from '../../app/i18n';
import { closesAfterOpens, isLocalDateTime, utcToCasablancaLocal } from './casablanca-time';

/** A date-time as typed in Casablanca time ("YYYY-MM-DDTHH:mm"); sent as typed, the API converts it. */
const ZLocalDateTime = z
  .string()
  .refine(isLocalDateTime, { error: () => i18n.t('callAdmin:editor.errors.dateTime') });

/**
 * The call editor's values: the API's call fields, with the two dates in Casablanca wall-clock time.
 * Field names are the request's, so the API's validation issues land on the right inputs.
 */
export const ZCallFormValues = ZUpdateCallRequest.required()
  .extend({ opensAt: ZLocalDateTime, closesAt: ZLocalDateTime })
  .superRefine((values, ctx) => {
    if (!isLocalDateTime(values.opensAt) || !isLocalDateTime(values.closesAt)) return;
    if (!closesAfterOpens(values.opensAt, values.closesAt)) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: i18n.t('callAdmin:editor.errors.closesBeforeOpens') });
    }
  });
export type CallFormValues = z.input<typeof ZCallFormValues>;
export type CallFormOutput = z.output<typeof ZCallFormValues>;

const EMPTY_TEXT = { ar: '', fr: '', en: '' };

/** A new call: opens tomorrow at 09:00 and closes a month later at 23:59, Casablanca time. */
export function newCallValues(now: Date = new Date()): CallFormValues {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString();
  return {
    slug: '',
    title: { ...EMPTY_TEXT },
    summary: { ...EMPTY_TEXT },
    description: { ...EMPTY_TEXT },
    eligibility: { ...EMPTY_TEXT },
    opensAt: `${utcToCasablancaLocal(day(1)).slice(0, 10)}T09:00`,
    closesAt: `${utcToCasablancaLocal(day(31)).slice(0, 10)}T23:59`,
    referencePrefix: '',
    maxApplicationsPerApplicant: 1,
    feedbackEnabled: false,
    eligibilityRules: [],
  };
}

export function callToFormValues(call: TCallStaff): CallFormValues {
  return {
    slug: call.slug,
    title: call.title,
    summary: call.summary,
    description: call.description,
    eligibility: call.eligibility,
    // The wall-clock time the server computed, not the browser's reading of the instant.
    opensAt: call.opensAtLocal.dateTime,
    closesAt: call.closesAtLocal.dateTime,
    referencePrefix: call.referencePrefix,
    maxApplicationsPerApplicant: call.maxApplicationsPerApplicant,
    feedbackEnabled: call.feedbackEnabled,
    eligibilityRules: call.eligibilityRules,
  };
}

/** The dates go as typed: the API reads them in Casablanca with its own time-zone data. */
export function toCreateCallRequest(values: CallFormOutput): z.output<typeof ZCreateCallRequest> {
  return { ...values };
}

/** Only what the person changed, so a concurrent edit of another field is not overwritten. */
export function toUpdateCallRequest(values: CallFormOutput, dirty: Partial<Record<keyof CallFormOutput, unknown>>): TUpdateCallRequest {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof CallFormOutput)[]) {
    if (!dirty[key]) continue;
    body[key] = values[key];
  }
  return body as TUpdateCallRequest;
}
