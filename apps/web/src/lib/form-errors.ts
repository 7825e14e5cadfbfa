import { ERROR_MESSAGES } from '@tahkim/contracts';
import type { FieldValues, Path, UseFormGetValues, UseFormSetError } from 'react-hook-form';
import { currentLocale } from '../app/i18n';
import { ApiError } from './api';

interface FormLike<T extends FieldValues> {
  setError: UseFormSetError<T>;
  getValues: UseFormGetValues<T>;
}

/** Where a form shows errors that belong to no single field. Read it as `errors.root?.server`. */
export const ROOT_SERVER_ERROR = 'root.server' as const;

/**
 * Shows a failed submission on a react-hook-form form: each VALIDATION_FAILED issue whose path names
 * one of the form's fields goes to that field (the first one is focused); everything else — other
 * codes, issues about fields the form does not have, network failures — goes to `root.server`.
 * Messages are shown as the API wrote them, already in the user's language.
 */
export function applyApiErrorToForm<T extends FieldValues>(error: unknown, form: FormLike<T>): void {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError({ status: 0, code: 'INTERNAL_ERROR', message: ERROR_MESSAGES.INTERNAL_ERROR[currentLocale()] }, { cause: error });

  const values: unknown = form.getValues();
  const fieldNames = new Set(typeof values === 'object' && values !== null ? Object.keys(values) : []);
  const unmatched: string[] = [];
  let focused = false;

  for (const issue of apiError.issues) {
    const [head] = issue.path;
    if (typeof head === 'string' && fieldNames.has(head)) {
      const name = issue.path.join('.') as Path<T>;
      form.setError(name, { type: issue.code || 'server', message: issue.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      unmatched.push(issue.message);
    }
  }

  if (!focused || unmatched.length > 0) {
    const message = [apiError.message, ...unmatched].join(' ');
    form.setError(ROOT_SERVER_ERROR, { type: apiError.code, message });
  }
}
