import { EMAIL_STATUSES, type TEmailStatus } from '@tahkim/contracts';

export function isEmailStatus(value: unknown): value is TEmailStatus {
  return typeof value === 'string' && (EMAIL_STATUSES as readonly string[]).includes(value);
}
