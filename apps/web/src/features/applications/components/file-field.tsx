import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Input, Progress, Stack, Text } from '@mantine/core';
import { DEFAULT_ACCEPTED_MEDIA_TYPES, DEFAULT_MAX_FILE_SIZE_BYTES, type TAttachment, type TAttachmentRefusal, type TFormField } from '@tahkim/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { uploadWithProgress } from '../http';
import { applicationRequests } from '../mutations';
import { fileSize, mediaTypeLabel } from '../file-format';
import { TrashIcon } from './small-icons';

interface FileFieldProps {
  applicationId: string;
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
export function FileField({ applicationId, field, attachments, error, onChange }: FileFieldProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
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
    resetRef.current?.();
    if (!file) return;
    followFocus.current = containerRef.current?.contains(document.activeElement) ?? false;
    setUploadError(null);
    if (file.size > maxSize) {
      setUploadError(t('files.tooLarge', { name: file.name, max: fileSize(maxSize, locale) }));
      return;
    }
    const handle = uploadWithProgress<TAttachment>(applicationRequests.attachmentUploadPath(applicationId, field.key), file, (progress) =>
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
      await applicationRequests.removeAttachment(applicationId, attachment.id);
      onChange(attachments.filter((item) => item.id !== attachment.id));
    } catch (cause) {
      setUploadError(cause instanceof ApiError ? cause.message : t('files.removeFailed', { name: attachment.fileName }));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <Input.Wrapper
      id={inputId}
      label={label}
      required={field.required}
      description={[field.help ? localized(field.help, locale) : '', t('files.limits', { types: acceptedLabel, max: fileSize(maxSize, locale), files: maxFiles })]
        .filter(Boolean)
        .join(' ')}
      error={error}
    >
      <Stack
        gap="xs"
        mt="xs"
        ref={containerRef}
        onBlur={(event) => {
          // The person moved on to another control: focus is theirs again.
          if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) followFocus.current = false;
        }}
      >
        {attachments.length > 0 ? (
          <Stack gap={6} component="ul" className="plain-list" aria-label={t('files.listLabel', { field: label })}>
            {attachments.map((attachment) => (
              <Group key={attachment.id} component="li" gap="xs" wrap="nowrap" justify="space-between" className="file-row">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor href={applicationRequests.attachmentDownloadPath(applicationId, attachment.id)} download={attachment.fileName} className="file-name">
                    {attachment.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {mediaTypeLabel(attachment.mediaType)} · {fileSize(attachment.size, locale)}
                  </Text>
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => void onRemove(attachment)}
                  loading={removing === attachment.id}
                  aria-label={t('files.remove', { name: attachment.fileName })}
                >
                  <TrashIcon />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        ) : null}
        {upload ? (
          <Stack gap={4}>
            <Text size="sm">{t('files.uploading', { name: upload.name })}</Text>
            <Group gap="xs" wrap="nowrap">
              <Progress
                value={Math.round(upload.progress * 100)}
                style={{ flex: 1 }}
                size="lg"
                aria-label={t('files.progressLabel', { name: upload.name })}
                animated={upload.progress < 1}
              />
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('files.percent', { percent: Math.round(upload.progress * 100) })}
              </Text>
              <Button size="xs" variant="subtle" onClick={upload.abort} data-upload-cancel>
                {t('files.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {uploadError ? (
          <Alert color="red" variant="light" role="alert">
            {uploadError}
          </Alert>
        ) : null}
        {!full && !upload ? (
          <FileButton onChange={(file) => void onPick(file)} accept={accepted.join(',')} resetRef={resetRef}>
            {(props) => (
              <Button
                {...props}
                variant="light"
                style={{ alignSelf: 'flex-start' }}
                aria-label={t('files.chooseFor', { field: label })}
                aria-describedby={`${inputId}-description`}
                data-file-choose
              >
                {attachments.length > 0 ? t('files.addAnother') : t('files.choose')}
              </Button>
            )}
          </FileButton>
        ) : null}
        {full && !upload ? (
          <Text size="sm" c="dimmed">
            {t('files.full', { files: maxFiles })}
          </Text>
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}
