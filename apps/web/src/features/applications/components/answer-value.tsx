import { Anchor, Text } from '@mantine/core';
import { fieldOptions, isEmptyAnswer, type TAttachment, type TFormField } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatList } from '../../../lib/format';
import { formatMoney, formatNumber } from '../../../lib/number-format';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { fileSize } from '../file-format';

/** An answer as people read it: option labels, "25 000 MAD", a date, the files with their links. */
export function AnswerValue({
  field,
  value,
  attachments = [],
  downloadPath,
}: {
  field: TFormField;
  value: unknown;
  attachments?: TAttachment[];
  downloadPath?: (attachment: TAttachment) => string;
}) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();

  if (field.type === 'FILE') {
    const files = attachments.filter((file) => file.fieldKey === field.key);
    if (files.length === 0) return <Text c="dimmed" fs="italic">{t('review.noAnswer')}</Text>;
    return (
      <ul className="plain-list">
        {files.map((file) => (
          <li key={file.id}>
            {downloadPath ? (
              <Anchor href={downloadPath(file)} download={file.fileName}>
                {file.fileName}
              </Anchor>
            ) : (
              file.fileName
            )}{' '}
            <Text span size="xs" c="dimmed">
              ({fileSize(file.size, locale)})
            </Text>
          </li>
        ))}
      </ul>
    );
  }
  if (isEmptyAnswer(value)) return <Text c="dimmed" fs="italic">{t('review.noAnswer')}</Text>;

  const optionLabel = (option: unknown) => {
    const found = fieldOptions(field).find((candidate) => candidate.value === option);
    return found ? localized(found.label, locale) : String(option);
  };

  let shown: string;
  switch (field.type) {
    case 'MONEY':
      shown = formatMoney(Number(value), locale);
      break;
    case 'NUMBER':
      shown = formatNumber(Number(value), locale);
      break;
    case 'DATE':
      shown = formatCalendarDate(String(value), locale);
      break;
    case 'SINGLE_CHOICE':
    case 'REGION':
      shown = optionLabel(value);
      break;
    case 'MULTIPLE_CHOICE':
      shown = formatList(Array.isArray(value) ? value.map(optionLabel) : [String(value)], locale);
      break;
    default:
      shown = String(value);
  }
  const ltr = field.type === 'EMAIL' || field.type === 'PHONE' || field.type === 'URL';
  // An answer takes its own direction (dir="auto"): French typed on an Arabic page, Arabic on a French one.
  return (
    <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir={ltr ? 'ltr' : 'auto'} className={ltr ? 'ltr-value' : undefined}>
      {shown}
    </Text>
  );
}
