import type { TAnswers, TAttachment } from '@tahkim/contracts';
import type { RefObject } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import type { FormStep } from '../answers';
import type { AttachmentRoutes } from '../attachment-routes';
import { FieldInput } from './field-input';
import { FileField } from './file-field';

interface StepFieldsProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  step: FormStep;
  control: Control<TAnswers>;
  /** Where the FILE questions' uploads go. */
  attachmentRoutes: AttachmentRoutes;
  attachments: TAttachment[];
  errorFor: (key: string) => string | undefined;
  onFilesChange: (fieldKey: string, files: TAttachment[]) => void;
  /** What the asterisk means, when the form is not an application's (a progress report). */
  requiredHint?: string;
}

/** The questions of one section. */
export function StepFields({ headingRef, step, control, attachmentRoutes, attachments, errorFor, onFilesChange, requiredHint }: StepFieldsProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  return (
    <fieldset className="stack gap-lg step-fieldset">
      <div className="stack gap-2xs">
        <h2 className="heading heading-xl" ref={headingRef} tabIndex={-1}>
          {localized(step.section.title, locale)}
        </h2>
        {step.section.description ? <p className="text text-dimmed">{localized(step.section.description, locale)}</p> : null}
        <p className="text text-xs text-dimmed">{requiredHint ?? t('form.requiredHint')}</p>
      </div>
      {step.fields.map((field) =>
        field.type === 'FILE' ? (
          <FileField
            key={field.key}
            routes={attachmentRoutes}
            field={field}
            attachments={attachments.filter((file) => file.fieldKey === field.key)}
            error={errorFor(field.key)}
            onChange={(files) => onFilesChange(field.key, files)}
          />
        ) : (
          <FieldInput key={field.key} field={field} control={control} />
        ),
      )}
    </fieldset>
  );
}
