import type { TCallFormOutline, TLocale } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../../components/icons';
import { useHydrated } from '../../../lib/use-hydrated';
import { fileSize, mediaTypeLabel } from '../../applications/file-format';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callFormOutlineQuery } from '../queries';

type OutlineField = TCallFormOutline['sections'][number]['fields'][number];
type FileLimits = NonNullable<OutlineField['files']>;

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation('calls');
  return (
    <span className="outline-mark" style={{ fontSize: 'var(--mantine-font-size-xs)', fontWeight: required ? 700 : 400 }}>
      {required ? t('outline.required') : t('outline.optional')}
    </span>
  );
}

/**
 * "PDF, Word · 5 Mo max. par fichier · jusqu'à 2 fichiers": the limits the upload check applies. Each
 * part is isolated, so a Latin type list never pulls the size's digits to its side on an Arabic page.
 */
function FileLimitsText({ files }: { files: FileLimits }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const types = [...new Set(files.acceptedMediaTypes.map(mediaTypeLabel))].join(', ');
  return (
    <>
      <bdi>{types}</bdi> · <bdi>{t('outline.maxSize', { size: fileSize(files.maxFileSizeBytes, locale) })}</bdi> ·{' '}
      <bdi>{t('outline.maxFiles', { count: files.maxFiles })}</bdi>
    </>
  );
}

function FieldLabel({ field, locale }: { field: OutlineField; locale: TLocale }) {
  return (
    <span dir="auto" lang={localizedLang(field.label, locale)} className="outline-label" style={{ fontWeight: 500 }}>
      {localized(field.label, locale)}
    </span>
  );
}

function FieldItem({ field, locale, children }: { field: OutlineField; locale: TLocale; children?: ReactNode }) {
  return (
    <li>
      <span className="cluster" style={{ '--cluster-gap': '6px' } as CSSProperties}>
        <FieldLabel field={field} locale={locale} />
        <RequiredMark required={field.required} />
      </span>
      {children}
    </li>
  );
}

function DocumentsList({ documents, locale }: { documents: OutlineField[]; locale: TLocale }) {
  const { t } = useTranslation('calls');
  return (
    <section className="card stack" style={{ gap: 'var(--mantine-spacing-xs)', padding: 'var(--mantine-spacing-md)' }} aria-labelledby="call-documents-heading" data-testid="call-documents">
      <h3 className="heading" style={{ fontSize: 'var(--mantine-font-size-md)' }} id="call-documents-heading">
        {t('outline.documentsHeading')}
      </h3>
      <ul className="outline-list stack" style={{ gap: 'var(--mantine-spacing-xs)' }}>
        {documents.map((field) => (
          <FieldItem key={field.key} field={field} locale={locale}>
            <p className="text text-sm">
              <FileLimitsText files={field.files!} />
            </p>
          </FieldItem>
        ))}
      </ul>
    </section>
  );
}

/** One step of the form, collapsed under a button that opens it (the disclosure pattern). */
function OutlineStep({ section, index, locale }: { section: TCallFormOutline['sections'][number]; index: number; locale: TLocale }) {
  const { t } = useTranslation('calls');
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const hydrated = useHydrated();
  return (
    <div className="outline-step">
      <h3 className="heading" style={{ fontSize: 'inherit' }}>
        <button type="button" className="outline-step-control" aria-expanded={opened} aria-controls={panelId} disabled={!hydrated} onClick={() => setOpened(!opened)}>
          <span className="outline-step-title">
            <span className="text-strong">{t('outline.step', { number: index + 1 })}</span>{' '}
            <span className="text-strong" dir="auto" lang={localizedLang(section.title, locale)}>
              {localized(section.title, locale)}
            </span>{' '}
            <span className="text-sm">({t('outline.questions', { count: section.fields.length })})</span>
          </span>
          <span className="outline-step-chevron" aria-hidden="true">
            <ChevronDownIcon size={16} />
          </span>
        </button>
      </h3>
      <div id={panelId} className="outline-step-panel stack" style={{ gap: 'var(--mantine-spacing-xs)' }} hidden={!opened}>
        {section.description && localized(section.description, locale).trim() ? (
          <p className="text text-sm outline-label" dir="auto" lang={localizedLang(section.description, locale)}>
            {localized(section.description, locale)}
          </p>
        ) : null}
        <ul className="outline-list stack" style={{ gap: 6 }}>
          {section.fields.map((field) => (
            <FieldItem key={field.key} field={field} locale={locale}>
              {field.files ? (
                <p className="text text-sm">
                  {t('outline.document')} <FileLimitsText files={field.files} />
                </p>
              ) : null}
            </FieldItem>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * What the application form will ask, read before signing up: the documents to prepare first, then each
 * step with its questions (collapsed, so the call's own description stays the first thing read).
 */
export function FormOutline({ callId }: { callId: string }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const outline = useQuery(callFormOutlineQuery(callId));

  // The outline is a help, not the page: while it loads, or without it, the call still reads and "Apply" still works.
  if (!outline.isSuccess || outline.data.sections.length === 0) return null;

  const { sections } = outline.data;
  const documents = sections.flatMap((section) => section.fields.filter((field) => field.type === 'FILE' && field.files));
  const questions = sections.reduce((total, section) => total + section.fields.length, 0);

  return (
    <section className="stack" style={{ gap: 'var(--mantine-spacing-sm)' }} aria-labelledby="call-outline-heading" data-testid="call-outline">
      <h2 className="heading heading-xl" id="call-outline-heading">
        {t('outline.heading')}
      </h2>
      <p className="text">{t('outline.intro', { steps: t('outline.steps', { count: sections.length }), questions: t('outline.questions', { count: questions }) })}</p>
      {documents.length > 0 ? <DocumentsList documents={documents} locale={locale} /> : null}
      <div className="outline-steps">
        {sections.map((section, index) => (
          <OutlineStep key={section.key} section={section} index={index} locale={locale} />
        ))}
      </div>
    </section>
  );
}
