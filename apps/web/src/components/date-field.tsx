import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatDayMonthYear, parseDayMonthYear } from '../lib/date-text';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** The stored answer: an ISO "YYYY-MM-DD" date, or the text typed while it is not yet a date. */
  value: string;
  /** Called with the ISO date once the text is a real date, else with the text as typed ('' when empty). */
  onChange: (value: string) => void;
}

/**
 * A date typed as day/month/year in every interface language, stored as ISO. Unlike a native date
 * input, it does not follow the browser's language, so a French page never asks for mm/dd/yyyy.
 * Text that is not yet a date is passed on as it is, so the form's validation says what is wrong.
 */
export function DateField({ value, onChange, onBlur, ...props }: DateFieldProps) {
  const [text, setText] = useState(() => formatDayMonthYear(value));
  // A value set from outside (a loaded draft, a reset) replaces the text; one we sent ourselves does not.
  const ours = parseDayMonthYear(text) ?? text.trim();
  const shown = value === ours ? text : formatDayMonthYear(value);

  return (
    <TextInput
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
