import { useLayoutEffect, useRef, useState } from 'react';
import { normaliseNumberText, parseNumberText } from '../../lib/digits';
import { formatNumber, numberSeparators } from '../../lib/number-format';
import { useLocale } from '../../features/locale/use-locale';
import { TextField, type TextFieldProps } from './fields';

export interface NumberTextFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'inputMode' | 'type'> {
  value: number | null;
  onChange: (value: number | null) => void;
  /** Whole numbers only: no decimal separator is kept. */
  integer?: boolean;
}

/**
 * What is kept of typed text, grouped as the interface language writes numbers ("150 000", "1,234.5"),
 * and where the caret goes: after as many kept characters as were before it.
 */
export function groupNumberText(raw: string, caret: number, decimal: string, thousands: string, integer: boolean): { text: string; caret: number } {
  // Arabic and Persian digits become Western ones; either "." or "," is a decimal point unless it groups thousands.
  const normalised = normaliseNumberText(raw, decimal);
  let sign = '';
  let whole = '';
  let fraction: string | null = null;
  let keptBeforeCaret = 0;
  for (let index = 0; index < normalised.length; index += 1) {
    const char = normalised[index]!;
    let kept = false;
    if ((char === '-' || char === '\u2212') && sign === '' && whole === '' && fraction === null) {
      sign = '-';
      kept = true;
    } else if (char >= '0' && char <= '9') {
      if (fraction === null) whole += char;
      else fraction += char;
      kept = true;
    } else if (!integer && fraction === null && (char === decimal || ((char === '.' || char === ',') && char !== thousands))) {
      fraction = '';
      kept = true;
    }
    if (kept && index < caret) keptBeforeCaret += 1;
  }
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const text = `${sign}${grouped}${fraction === null ? '' : `${decimal}${fraction}`}`;
  // The caret after the same count of kept characters (group separators are not counted).
  let count = 0;
  let position = 0;
  while (position < text.length && count < keptBeforeCaret) {
    if (text[position] !== thousands) count += 1;
    position += 1;
  }
  return { text, caret: position };
}

/**
 * A number typed as the interface language writes it, grouped as one types ("150 000" in French and
 * Arabic, "150,000" in English), digits from an Arabic or Persian keyboard turned into Western ones.
 * The value is the number, or null while the field is empty or holds only a sign.
 */
export function NumberTextField({ value, onChange, integer = false, onBlur, ...props }: NumberTextFieldProps) {
  const { locale } = useLocale();
  const { decimal, thousands } = numberSeparators(locale);
  const format = (number: number | null) => (number === null ? '' : formatNumber(number, locale, { maxDigits: integer ? 0 : 10 }));
  const [text, setText] = useState(() => format(value));
  const caret = useRef<{ input: HTMLInputElement; at: number } | null>(null);
  useLayoutEffect(() => {
    if (!caret.current) return;
    const { input, at } = caret.current;
    caret.current = null;
    if (document.activeElement === input) input.setSelectionRange(at, at);
  });
  // A value set from outside (a loaded draft, a reset) replaces the text; one we sent ourselves does not.
  const ours = parseNumberText(text, decimal as ',' | '.');
  const shown = ours === value ? text : format(value);

  return (
    <TextField
      {...props}
      value={shown}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      dir="ltr"
      onChange={(event) => {
        const input = event.currentTarget;
        const next = groupNumberText(input.value, input.selectionStart ?? input.value.length, decimal, thousands, integer);
        caret.current = { input, at: next.caret };
        setText(next.text);
        onChange(parseNumberText(next.text, decimal as ',' | '.'));
      }}
      onBlur={(event) => {
        // "12," becomes "12" once the person leaves the field.
        if (ours !== null) setText(format(ours));
        onBlur?.(event);
      }}
    />
  );
}
