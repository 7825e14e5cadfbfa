import type { FastifyMultipartOptions } from '@fastify/multipart';
import { MAX_FILE_SIZE_BYTES } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';
import type { AppRequest } from '../../common/http/request-context';
import type { IncomingFile } from './attachments.service';

/**
 * Multipart parsing for the whole API, with tight limits: a multipart body is never read by itself;
 * only the upload route opens its file part, with the field's own size limit (see `openMultipartFile`).
 * Other routes keep their JSON body limit.
 */
export const MULTIPART_OPTIONS: FastifyMultipartOptions = {
  limits: { files: 1, fileSize: MAX_FILE_SIZE_BYTES + 1, fields: 4, fieldSize: 1024, fieldNameSize: 100, parts: 5, headerPairs: 50 },
};

/** The request's file part, its parser stopped past `maxBytes`; undefined when the body holds no file. */
export async function openMultipartFile(request: AppRequest, maxBytes: number): Promise<IncomingFile | undefined> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await request.file({ limits: { files: 1, fileSize: maxBytes } });
  if (!part) return undefined;
  // Browsers send a double quote in a file name as %22 (WHATWG multipart/form-data encoding).
  return { fileName: part.filename.replace(/%22/g, '"'), stream: part.file, truncated: () => part.file.truncated };
}
