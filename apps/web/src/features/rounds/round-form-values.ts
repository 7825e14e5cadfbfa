import { ZUpdateRoundRequest, type TRound, type TUpdateRoundRequest } from '@tahkim/contracts';
import { z } from 'zod';
import { i18n } from '../../app/i18n';
import { closesAfterOpens, isLocalDateTime } from '../call-admin/casablanca-time';

/** A date-time typed in Casablanca time ("YYYY-MM-DDTHH:mm"), or empty for none. */
const ZLocalDateTime = z.string().refine((value) => value === '' || isLocalDateTime(value), { error: () => i18n.t('rounds:settings.errors.dateTime') });

/** The round settings form: the request's fields, with dates as Casablanca wall-clock time. */
export const ZRoundFormValues = ZUpdateRoundRequest.required()
  .omit({ instructions: true, acknowledgeEarly: true })
  .extend({ opensAt: ZLocalDateTime, closesAt: ZLocalDateTime })
  .superRefine((values, ctx) => {
    if (!values.name.ar.trim() && !values.name.fr.trim() && !values.name.en.trim()) {
      ctx.addIssue({ code: 'custom', path: ['name', 'fr'], message: i18n.t('rounds:settings.errors.name') });
    }
    if (values.opensAt && values.closesAt && isLocalDateTime(values.opensAt) && isLocalDateTime(values.closesAt)) {
      if (!closesAfterOpens(values.opensAt, values.closesAt)) {
        ctx.addIssue({ code: 'custom', path: ['closesAt'], message: i18n.t('rounds:settings.errors.closesBeforeOpens') });
      }
    }
  });
export type RoundFormValues = z.input<typeof ZRoundFormValues>;

export function roundToFormValues(round: TRound): RoundFormValues {
  return {
    name: { ...round.name },
    type: round.type,
    blind: round.blind,
    scorecardsRequired: round.scorecardsRequired,
    disagreementThreshold: round.disagreementThreshold,
    method: round.method,
    status: round.status,
    biddingOpen: round.biddingOpen,
    expertiseWeight: round.expertiseWeight,
    bidWeight: round.bidWeight,
    assignmentCap: round.assignmentCap,
    // The wall-clock time the server computed, not the browser's reading of the instant.
    opensAt: round.opensAtLocal?.dateTime ?? '',
    closesAt: round.closesAtLocal?.dateTime ?? '',
  };
}

export function toUpdateRoundRequest(values: RoundFormValues): TUpdateRoundRequest {
  return {
    name: values.name,
    type: values.type,
    blind: values.blind,
    scorecardsRequired: values.scorecardsRequired,
    disagreementThreshold: values.disagreementThreshold,
    method: values.method,
    status: values.status,
    biddingOpen: values.biddingOpen,
    expertiseWeight: values.expertiseWeight,
    bidWeight: values.bidWeight,
    assignmentCap: values.assignmentCap,
    // Sent as typed: the API reads them in Casablanca with its own time-zone data.
    opensAt: values.opensAt || null,
    closesAt: values.closesAt || null,
  };
}
