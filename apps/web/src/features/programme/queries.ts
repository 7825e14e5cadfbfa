import { queryOptions } from '@tanstack/react-query';
import { programmeApi } from './programme-api';

export const programmeKeys = {
  all: ['programme'] as const,
  /** One call's support programme (version 0 and empty lists before staff set it up). */
  ofCall: (callId: string) => [...programmeKeys.all, 'call', callId] as const,
};

/** Staff: the call's milestones and impact indicators, in order, with the version a save sends back. */
export const callProgrammeQuery = (callId: string) =>
  queryOptions({ queryKey: programmeKeys.ofCall(callId), queryFn: () => programmeApi.read(callId) });
