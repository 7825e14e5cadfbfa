import { useState } from 'react';
import { formatDayMonthYear, parseDayMonthYear } from '../../lib/date-text';
import { TextField, type TextFieldProps } from './fields';

export interface DateTextFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'type'> {
  /** The stored answer: an ISO "YYYY-MM-DD" date, or the text typed while it is not yet a date. */
  value: string;
  /** Called with the ISO date once the text is a real date, else with the text as typed ('' when empty). */
  onChange: (value: string) => void;
}

/**
 * A date typed as day/month/year in every interface language, stored as ISO (the plain twin of
 * components/date-field.tsx, for the applicant's form). Text that is not yet a date is passed on as
 * it is, so the form's check says what is wrong.
 */
export function DateTextField({ value, onChange, onBlur, ...props }: DateTextFieldProps) {
  const [text, setText] = useState(() => formatDayMonthYear(value));
  // A value set from outside (a loaded draft, a reset) replaces the text; one we sent ourselves does not.
  const ours = parseDayMonthYear(text) ?? text.trim();
  const shown = value === ours ? text : formatDayMonthYear(value);
  return (
    <TextField
      {...props}
      value={shown}
      inputMode="numeric"
      autoComplete="off"
      dir="ltr"
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onChange(parseDayMonthYear(next) ?? next.trim());
      }}
      onBlur={(event) => {
        const iso = parseDayMonthYear(shown);
        if (iso) setText(formatDayMonthYear(iso));
        onBlur?.(event);
      }}
    />
  );
}
