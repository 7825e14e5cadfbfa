import type { TUploadMediaType } from '@tahkim/contracts';

/** What people call each accepted file type (the names are the same in every language). */
export const MEDIA_TYPE_NAMES: Record<TUploadMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (.pptx)',
};

export const BYTES_PER_MB = 1024 * 1024;
