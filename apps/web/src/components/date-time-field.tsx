import { Fieldset, Group, Input, TextInput } from '@mantine/core';
import { useId, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeTexts, formatDayMonthYear, impossibleDateTimePart, joinDateTime, parseDayMonthYear, parseHourMinute, type DateTimeTexts } from '../lib/date-text';

interface DateTimeFieldProps {
  label: ReactNode;
  description?: ReactNode;
  /** The form's error for this value; replaced by a precise one when the date or the time cannot exist. */
  error?: ReactNode;
  required?: boolean;
  /** "YYYY-MM-DDTHH:mm" (a wall-clock time), '' for none, or the text typed while it is not yet a date-time. */
  value: string;
  /** Called with "YYYY-MM-DDTHH:mm" once both parts are real, else with the text as typed ('' when empty). */
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The date input, which the form focuses when the value is refused. */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A date and a time of day typed as day/month/year and hours:minutes on 24 hours, in every interface
 * language. Unlike a native datetime-local input, it does not follow the browser's language (no
 * mm/dd/yyyy and AM/PM on an English browser), and it accepts Arabic-Indic digits. The two inputs form
 * one group named by the label.
 */
export function DateTimeField({ label, description, error, required, value, onChange, onBlur, inputRef }: DateTimeFieldProps) {
  const { t } = useTranslation('common');
  const id = useId();
  const [texts, setTexts] = useState<DateTimeTexts>(() => dateTimeTexts(value));
  // A value set from outside (a loaded record, a reset) replaces the texts; one we sent ourselves does not.
  const shown = value === joinDateTime(texts) ? texts : dateTimeTexts(value);
  const impossible = impossibleDateTimePart(shown);
  const message = error ? (impossible ? t(`dateTime.errors.${impossible}`) : error) : undefined;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;

  const change = (next: DateTimeTexts) => {
    setTexts(next);
    onChange(joinDateTime(next));
  };
  const tidy = (next: DateTimeTexts) => {
    const day = parseDayMonthYear(next.date);
    const clock = parseHourMinute(next.time);
    const tidied = { date: day ? formatDayMonthYear(day) : next.date, time: clock ?? next.time };
    if (tidied.date !== next.date || tidied.time !== next.time) setTexts(tidied);
    onBlur?.();
  };

  return (
    <Fieldset
      variant="unstyled"
      m={0}
      miw={0}
      styles={{ legend: { marginBottom: 0 } }}
      legend={
        <Input.Label required={required} labelElement="div">
          {label}
        </Input.Label>
      }
    >
      {description ? <Input.Description id={descriptionId}>{description}</Input.Description> : null}
      <Group gap="xs" align="flex-start" wrap="nowrap" mt={4}>
        <TextInput
          ref={inputRef}
          label={t('dateTime.date')}
          size="sm"
          labelProps={{ fw: 400 }}
          flex="3 1 0"
          miw={0}
          value={shown.date}
          inputMode="numeric"
          autoComplete="off"
          required={required}
          withAsterisk={false}
          // Digits and separators read left to right on every page; the group's help and error describe each input.
          attributes={{ input: { dir: 'ltr', 'aria-describedby': describedBy } }}
          error={impossible === 'date' || (message && !impossible) ? true : undefined}
          onChange={(event) => change({ ...shown, date: event.currentTarget.value })}
          onBlur={() => tidy(shown)}
        />
        <TextInput
          label={t('dateTime.time')}
          size="sm"
          labelProps={{ fw: 400 }}
          flex="2 1 0"
          miw={0}
          value={shown.time}
          inputMode="numeric"
          autoComplete="off"
          required={required}
          withAsterisk={false}
          // Digits and separators read left to right on every page; the group's help and error describe each input.
          attributes={{ input: { dir: 'ltr', 'aria-describedby': describedBy } }}
          error={impossible === 'time' || (message && !impossible) ? true : undefined}
          onChange={(event) => change({ ...shown, time: event.currentTarget.value })}
          onBlur={() => tidy(shown)}
        />
      </Group>
      {message ? (
        <Input.Error id={errorId} mt={4}>
          {message}
        </Input.Error>
      ) : null}
    </Fieldset>
  );
}
