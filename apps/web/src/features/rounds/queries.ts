import { queryOptions } from '@tanstack/react-query';
import { roundsApi } from './rounds-api';

export const roundKeys = {
  all: ['rounds'] as const,
  ofCall: (callId: string) => [...roundKeys.all, 'call', callId] as const,
  detail: (id: string) => [...roundKeys.all, 'detail', id] as const,
  /** Everything that hangs off one round: criteria, jurors, conflicts, assignments, progress. */
  parts: (id: string) => [...roundKeys.all, 'parts', id] as const,
  criteria: (id: string) => [...roundKeys.parts(id), 'criteria'] as const,
  jurors: (id: string) => [...roundKeys.parts(id), 'jurors'] as const,
  conflicts: (id: string) => [...roundKeys.parts(id), 'conflicts'] as const,
  assignments: (id: string) => [...roundKeys.parts(id), 'assignments'] as const,
  progress: (id: string) => [...roundKeys.parts(id), 'progress'] as const,
};

/** Staff: a call's evaluation rounds, in order. */
export const callRoundsQuery = (callId: string) =>
  queryOptions({ queryKey: roundKeys.ofCall(callId), queryFn: () => roundsApi.listRounds(callId) });

export const roundQuery = (id: string) => queryOptions({ queryKey: roundKeys.detail(id), queryFn: () => roundsApi.getRound(id) });

export const criteriaQuery = (id: string) => queryOptions({ queryKey: roundKeys.criteria(id), queryFn: () => roundsApi.getCriteria(id) });

export const roundJurorsQuery = (id: string) => queryOptions({ queryKey: roundKeys.jurors(id), queryFn: () => roundsApi.listJurors(id) });

export const roundConflictsQuery = (id: string) =>
  queryOptions({ queryKey: roundKeys.conflicts(id), queryFn: () => roundsApi.listConflicts(id) });

export const roundAssignmentsQuery = (id: string) =>
  queryOptions({ queryKey: roundKeys.assignments(id), queryFn: () => roundsApi.getAssignments(id) });

export const roundProgressQuery = (id: string) =>
  queryOptions({ queryKey: roundKeys.progress(id), queryFn: () => roundsApi.getProgress(id) });
