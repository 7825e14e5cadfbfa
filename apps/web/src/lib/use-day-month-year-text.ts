import { useState, type ChangeEvent, type FocusEvent } from 'react';
import { formatDayMonthYear, parseDayMonthYear } from './date-text';

/**
 * The props of a text input where a date is typed as day/month/year in every interface language and
 * stored as ISO "YYYY-MM-DD" (unlike a native date input, it does not follow the browser's language,
 * so a French page never asks for mm/dd/yyyy). Text that is not yet a date is passed on as it is, so
 * the form's check says what is wrong; a real date is tidied (01/02/2026) when the field is left.
 */
export function useDayMonthYearText<E extends HTMLInputElement>(
  value: string,
  onChange: (value: string) => void,
  onBlur?: (event: FocusEvent<E>) => void,
) {
  const [text, setText] = useState(() => formatDayMonthYear(value));
  // A value set from outside (a loaded draft, a reset) replaces the text; one we sent ourselves does not.
  const ours = parseDayMonthYear(text) ?? text.trim();
  const shown = value === ours ? text : formatDayMonthYear(value);
  return {
    value: shown,
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    dir: 'ltr',
    onChange: (event: ChangeEvent<E>) => {
      const next = event.currentTarget.value;
      setText(next);
      onChange(parseDayMonthYear(next) ?? next.trim());
    },
    onBlur: (event: FocusEvent<E>) => {
      const iso = parseDayMonthYear(shown);
      if (iso) setText(formatDayMonthYear(iso));
      onBlur?.(event);
    },
  };
}
