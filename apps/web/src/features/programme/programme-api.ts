import type { TProgramme, ZProgrammeRequest } from '@tahkim/contracts';
import type { z } from 'zod';
import { api, unwrap } from '../../lib/api';

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

/** What the save sends: the request once parsed (every default filled in, as the generated client wants it). */
export type ProgrammeBody = z.output<typeof ZProgrammeRequest>;

/** The staff routes of a call's support programme, through the generated client; errors reach callers as ApiError. */
export const programmeApi = {
  read: (callId: string) => as<TProgramme>(unwrap(api.GET('/api/calls/{id}/programme', { params: { path: { id: callId } } }))),
  save: (callId: string, body: ProgrammeBody) => as<TProgramme>(unwrap(api.PUT('/api/calls/{id}/programme', { params: { path: { id: callId } }, body }))),
};
