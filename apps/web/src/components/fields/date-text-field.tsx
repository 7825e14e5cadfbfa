import { useDayMonthYearText } from '../../lib/use-day-month-year-text';
import { TextField, type TextFieldProps } from './fields';

export interface DateTextFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'type'> {
  /** The stored answer: an ISO "YYYY-MM-DD" date, or the text typed while it is not yet a date. */
  value: string;
  /** Called with the ISO date once the text is a real date, else with the text as typed ('' when empty). */
  onChange: (value: string) => void;
}

/**
 * A date typed as day/month/year, stored as ISO (see useDayMonthYearText): the plain twin of
 * components/date-field.tsx, for the applicant's form.
 */
export function DateTextField({ value, onChange, onBlur, ...props }: DateTextFieldProps) {
  return <TextField {...props} {...useDayMonthYearText(value, onChange, onBlur)} />;
}
