import { z } from 'zod';
import { ERROR_CODES } from './error-codes';

export * from './error-codes';
export const ZErrorCode = z.enum(ERROR_CODES);

export const ZValidationIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string().describe('zod issue code, e.g. invalid_type, too_small, unrecognized_keys; invalid_characters for text that cannot be stored'),
  message: z.string(),
  in: z.enum(['body', 'query', 'path']).optional().describe('Where the value was sent, when not in the body'),
});
export type TValidationIssue = z.infer<typeof ZValidationIssue>;

export const ZErrorResponse = z
  .object({
    statusCode: z.number().int(),
    code: ZErrorCode,
    message: z.string().describe("Localised to the caller's language"),
    details: z.unknown().optional(),
    requestId: z.string(),
  });
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
