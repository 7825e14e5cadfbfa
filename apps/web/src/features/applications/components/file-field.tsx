import { DEFAULT_ACCEPTED_MEDIA_TYPES, DEFAULT_MAX_FILE_SIZE_BYTES, type TAttachment, type TAttachmentRefusal, type TFormField } from '@tahkim/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import type { AttachmentRoutes } from '../attachment-routes';
import { uploadWithProgress } from '../http';
import { fileSize, mediaTypeLabel } from '../file-format';
import { TrashIcon } from './small-icons';

interface FileFieldProps {
  /** Where this form's files are uploaded, downloaded and removed. */
  routes: AttachmentRoutes;
  field: TFormField;
  attachments: TAttachment[];
  error?: string;
  /** After an upload or a removal, with the field's files as they now are. */
  onChange: (attachments: TAttachment[]) => void;
}

interface Upload {
  name: string;
  progress: number;
  abort: () => void;
}

/** A FILE question: upload with a real progress bar, the files already sent, and remove. */
export function FileField({ routes, field, attachments, error, onChange }: FileFieldProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  // Set while an upload or a removal started from inside this field: the control that had focus goes
  // away with it (the button gives way to the progress bar, a removed file's button to nothing), so
  // focus follows to what takes its place instead of falling to the page.
  const followFocus = useRef(false);
  useEffect(() => {
    const container = containerRef.current;
    if (!followFocus.current || !container) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const files = container.querySelectorAll<HTMLElement>('a.file-name');
    const target = container.querySelector<HTMLElement>(upload ? '[data-upload-cancel]' : '[data-file-choose]') ?? files[files.length - 1] ?? null;
    target?.focus();
  }, [upload, attachments.length]);
  const maxFiles = field.limits.maxFiles ?? 1;
  const maxSize = field.limits.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES;
  const accepted = field.limits.acceptedMediaTypes ?? [...DEFAULT_ACCEPTED_MEDIA_TYPES];
  const acceptedLabel = [...new Set(accepted.map(mediaTypeLabel))].join(', ');
  const label = localized(field.label, locale);
  const inputId = `file-${field.key}`;
  const full = attachments.length >= maxFiles;

  const onPick = async (file: File | null) => {
    // The same file can be chosen again after a failure.
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    followFocus.current = containerRef.current?.contains(document.activeElement) ?? false;
    setUploadError(null);
    if (file.size > maxSize) {
      setUploadError(t('files.tooLarge', { name: file.name, max: fileSize(maxSize, locale) }));
      return;
    }
    const handle = uploadWithProgress<TAttachment>(routes.uploadPath(field.key), file, (progress) =>
      setUpload((current) => (current ? { ...current, progress } : current)),
    );
    setUpload({ name: file.name, progress: 0, abort: handle.abort });
    try {
      const attachment = await handle.promise;
      // Let the finished bar (100 %) be seen before it gives way to the file in the list, even when the
      // last progress event and the answer arrive together.
      setUpload((current) => (current ? { ...current, progress: 1 } : current));
      await new Promise((resolve) => setTimeout(resolve, 250));
      onChange([...attachments, attachment]);
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : null;
      const refusal = apiError?.details as TAttachmentRefusal | undefined;
      if (refusal?.reason === 'ARCHIVE_UNPACKS_TOO_LARGE') {
        setUploadError(t('files.archiveTooLarge', { name: file.name, max: fileSize(refusal.maxBytes ?? 0, locale) }));
      } else if (refusal?.reason === 'ARCHIVE_UNREADABLE') setUploadError(t('files.archiveUnreadable', { name: file.name }));
      else if (apiError?.code === 'PAYLOAD_TOO_LARGE') setUploadError(t('files.tooLarge', { name: file.name, max: fileSize(maxSize, locale) }));
      else if (apiError?.code === 'UNSUPPORTED_MEDIA_TYPE') setUploadError(t('files.wrongType', { name: file.name, types: acceptedLabel }));
      else if (apiError?.status === 0) setUploadError(t('files.network', { name: file.name }));
      else setUploadError(apiError?.message ?? t('files.failed', { name: file.name }));
    } finally {
      setUpload(null);
    }
  };

  const onRemove = async (attachment: TAttachment) => {
    setRemoving(attachment.id);
    followFocus.current = containerRef.current?.contains(document.activeElement) ?? false;
    setUploadError(null);
    try {
      await routes.remove(attachment.id);
      onChange(attachments.filter((item) => item.id !== attachment.id));
    } catch (cause) {
      setUploadError(cause instanceof ApiError ? cause.message : t('files.removeFailed', { name: attachment.fileName }));
    } finally {
      setRemoving(null);
    }
  };

  const description = [field.help ? localized(field.help, locale) : '', t('files.limits', { types: acceptedLabel, max: fileSize(maxSize, locale), files: maxFiles })]
    .filter(Boolean)
    .join(' ');
  const percent = upload ? Math.round(upload.progress * 100) : 0;

  return (
    <div className="field" role="group" aria-labelledby={`${inputId}-label`} data-invalid={error ? '' : undefined}>
      <span className="field-label" id={`${inputId}-label`}>
        {label}
        {field.required ? (
          <span className="field-required" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </span>
      <p className="field-description" id={`${inputId}-description`}>
        {description}
      </p>
      <div
        className="stack gap-xs file-field-body"
        ref={containerRef}
        onBlur={(event) => {
          // The person moved on to another control: focus is theirs again.
          if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) followFocus.current = false;
        }}
      >
        {attachments.length > 0 ? (
          <ul className="plain-list stack gap-xs" aria-label={t('files.listLabel', { field: label })}>
            {attachments.map((attachment) => (
              <li key={attachment.id} className="cluster cluster-nowrap cluster-between file-row">
                <div className="stack" style={{ minWidth: 0, gap: 0 }}>
                  <a href={routes.downloadPath(attachment.id)} download={attachment.fileName} className="link file-name">
                    {attachment.fileName}
                  </a>
                  <p className="text text-xs text-dimmed">
                    {mediaTypeLabel(attachment.mediaType)} · {fileSize(attachment.size, locale)}
                  </p>
                </div>
                <button
                  type="button"
                  className="icon-button"
                  data-color="red"
                  onClick={() => void onRemove(attachment)}
                  disabled={removing === attachment.id}
                  data-loading={removing === attachment.id || undefined}
                  aria-label={t('files.remove', { name: attachment.fileName })}
                >
                  {removing === attachment.id ? <span className="spinner" aria-hidden="true" /> : <TrashIcon />}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {upload ? (
          <div className="stack gap-2xs">
            <p className="text text-sm">{t('files.uploading', { name: upload.name })}</p>
            <div className="cluster cluster-nowrap gap-xs">
              <div
                className="progress progress-lg"
                data-animated={upload.progress < 1 || undefined}
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-label={t('files.progressLabel', { name: upload.name })}
              >
                <div className="progress-bar" style={{ inlineSize: `${percent}%` }} />
              </div>
              <span className="text-sm text-strong" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('files.percent', { percent })}
              </span>
              <button type="button" className="btn" data-size="xs" data-variant="subtle" onClick={upload.abort} data-upload-cancel>
                {t('files.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {uploadError ? (
          <div className="alert" data-color="red" role="alert">
            {uploadError}
          </div>
        ) : null}
        <input
          ref={fileInput}
          type="file"
          hidden
          tabIndex={-1}
          accept={accepted.join(',')}
          onChange={(event) => void onPick(event.currentTarget.files?.[0] ?? null)}
        />
        {!full && !upload ? (
          <button
            type="button"
            className="btn"
            data-variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => fileInput.current?.click()}
            aria-label={t('files.chooseFor', { field: label })}
            aria-describedby={`${inputId}-description`}
            data-file-choose
          >
            {attachments.length > 0 ? t('files.addAnother') : t('files.choose')}
          </button>
        ) : null}
        {full && !upload ? <p className="text text-sm text-dimmed">{t('files.full', { files: maxFiles })}</p> : null}
      </div>
      {error ? (
        <p className="field-error" id={`${inputId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
