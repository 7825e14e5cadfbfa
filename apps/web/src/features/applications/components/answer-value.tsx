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
    if (files.length === 0) return <p className="text text-dimmed text-italic">{t('review.noAnswer')}</p>;
    return (
      <ul className="plain-list">
        {files.map((file) => (
          <li key={file.id}>
            {downloadPath ? (
              <a className="link" href={downloadPath(file)} download={file.fileName}>
                {file.fileName}
              </a>
            ) : (
              file.fileName
            )}{' '}
            <span className="text-xs text-dimmed">({fileSize(file.size, locale)})</span>
          </li>
        ))}
      </ul>
    );
  }
  if (isEmptyAnswer(value)) return <p className="text text-dimmed text-italic">{t('review.noAnswer')}</p>;

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
    <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir={ltr ? 'ltr' : 'auto'} className={ltr ? 'text ltr-value' : 'text'}>
      {shown}
    </p>
  );
}
