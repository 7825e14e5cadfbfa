import { NumberInput, type NumberInputProps } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { needsNumberNormalising, normaliseNumberText } from '../lib/digits';
import { numberSeparators } from '../lib/number-format';
import { useLocale } from '../features/locale/use-locale';

/**
 * The app's number input: separators of the interface language (the same as the read-only views), and
 * digits typed or pasted from an Arabic or Persian keyboard turned into Western ones before the input
 * reads them (Mantine's input would otherwise drop them and leave the field empty).
 */
export function NumberField({ onChangeCapture, ...props }: NumberInputProps) {
  const { locale } = useLocale();
  const { decimal, thousands } = numberSeparators(locale);

  // Runs before the input's own change handler, on the same event: the input then reads Western digits.
  const normalise = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const text = input.value;
    if (needsNumberNormalising(text)) {
      const caret = input.selectionStart;
      const next = normaliseNumberText(text, decimal);
      input.value = next;
      if (caret !== null) {
        const before = normaliseNumberText(text.slice(0, caret), decimal).length;
        input.setSelectionRange(before, before);
      }
    }
    onChangeCapture?.(event);
  };

  return (
    <NumberInput
      decimalSeparator={decimal}
      thousandSeparator={props.thousandSeparator === undefined ? thousands : props.thousandSeparator}
      allowedDecimalSeparators={[decimal, '.', ',', '\u066B'].filter((separator) => separator !== thousands)}
      {...props}
      onChangeCapture={normalise}
    />
  );
}
