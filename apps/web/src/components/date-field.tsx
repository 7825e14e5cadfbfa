import { TextInput, type TextInputProps } from '@mantine/core';
import { useDayMonthYearText } from '../lib/use-day-month-year-text';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** The stored answer: an ISO "YYYY-MM-DD" date, or the text typed while it is not yet a date. */
  value: string;
  /** Called with the ISO date once the text is a real date, else with the text as typed ('' when empty). */
  onChange: (value: string) => void;
}

/** A date typed as day/month/year in every interface language, stored as ISO (see useDayMonthYearText). */
export function DateField({ value, onChange, onBlur, ...props }: DateFieldProps) {
  return <TextInput {...props} {...useDayMonthYearText(value, onChange, onBlur)} />;
}
