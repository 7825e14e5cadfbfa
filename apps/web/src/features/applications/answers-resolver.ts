import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import { checkAnswers, type AnswersMode, type TAnswers, type TFormDefinition } from '@tahkim/contracts';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { answerErrors } from './field-errors';

/**
 * The form library's validation of a call's answers: the contracts' own check, as the API runs it (the
 * applicant's form downloads no schema library). `mode` may change between calls (draft while filling,
 * submit on the review step).
 */
export function answersResolver(form: TFormDefinition, mode: AnswersMode | (() => AnswersMode)): Resolver<TAnswers> {
  return (values, _context, options) => {
    const issues = checkAnswers(form, values, typeof mode === 'function' ? mode() : mode);
    if (issues.length === 0) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values, errors: {} };
    }
    return { values: {}, errors: toNestErrors(answerErrors(issues) as FieldErrors<TAnswers>, options) };
  };
}
