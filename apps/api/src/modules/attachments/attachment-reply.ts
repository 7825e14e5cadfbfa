import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { attachmentContentDisposition } from './file-names';

/** Sends a stored file as a download: always as an attachment, with the type found in its bytes, never cached. */
export async function sendAttachment(reply: FastifyReply, attachment: { mediaType: string; size: number; fileName: string }, body: Readable | Buffer): Promise<void> {
  await reply
    .header('content-type', attachment.mediaType)
    .header('content-length', String(attachment.size))
    .header('content-disposition', attachmentContentDisposition(attachment.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);
}
