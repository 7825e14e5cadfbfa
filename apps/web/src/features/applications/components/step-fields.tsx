import { Stack, Text, Title } from '@mantine/core';
import type { TAnswers, TAttachment } from '@tahkim/contracts';
import type { RefObject } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import type { FormStep } from '../answers';
import { FieldInput } from './field-input';
import { FileField } from './file-field';

interface StepFieldsProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  step: FormStep;
  control: Control<TAnswers>;
  applicationId: string;
  attachments: TAttachment[];
  errorFor: (key: string) => string | undefined;
  onFilesChange: (fieldKey: string, files: TAttachment[]) => void;
}

/** The questions of one section. */
export function StepFields({ headingRef, step, control, applicationId, attachments, errorFor, onFilesChange }: StepFieldsProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  return (
    <Stack gap="lg" component="fieldset" className="step-fieldset">
      <Stack gap={4}>
        <Title order={2} fz="xl" ref={headingRef} tabIndex={-1}>
          {localized(step.section.title, locale)}
        </Title>
        {step.section.description ? <Text c="dimmed">{localized(step.section.description, locale)}</Text> : null}
        <Text size="xs" c="dimmed">
          {t('form.requiredHint')}
        </Text>
      </Stack>
      {step.fields.map((field) =>
        field.type === 'FILE' ? (
          <FileField
            key={field.key}
            applicationId={applicationId}
            field={field}
            attachments={attachments.filter((file) => file.fieldKey === field.key)}
            error={errorFor(field.key)}
            onChange={(files) => onFilesChange(field.key, files)}
          />
        ) : (
          <FieldInput key={field.key} field={field} control={control} />
        ),
      )}
    </Stack>
  );
}
