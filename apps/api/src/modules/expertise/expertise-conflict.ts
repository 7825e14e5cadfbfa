import { EXPERTISE_CONFLICT_MESSAGES, type TExpertiseConflictReason } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';

/** A 409 CONFLICT with its reason and a message in the caller's language. */
export function expertiseConflict(reason: TExpertiseConflictReason, details: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', { reason, ...details }, { messages: EXPERTISE_CONFLICT_MESSAGES[reason] });
}

/** 400 naming the topic keys that are not the call's. */
export function unknownTopics(path: string, keys: readonly string[], known: ReadonlySet<string>): void {
  const issues = keys.flatMap((key, index) => (known.has(key) ? [] : [{ path: [path, index], code: 'UNKNOWN_TOPIC', message: key }]));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);
}
