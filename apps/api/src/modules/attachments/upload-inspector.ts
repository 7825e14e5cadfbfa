import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { TUploadMediaType } from '@tahkim/contracts';
import { OOXML_MEDIA_TYPES, SNIFF_HEAD_BYTES, sniffHead, sniffZip, type DetectedMediaType } from './media-type-sniffer';
import { checkOfficeArchive } from './office-archive-check';

/** Kept from the start of the file: the signatures, and the first entries of an archive. */
const HEAD_BYTES = 64 * 1024;
/** Kept from the end: an archive's central directory (Office files list a few hundred entries at most). */
const TAIL_BYTES = 256 * 1024;

export class UnsupportedFileTypeError extends Error {
  constructor(
    readonly detected: DetectedMediaType,
    readonly accepted: readonly TUploadMediaType[],
  ) {
    super(`file type ${detected} is not one of ${accepted.join(', ')}`);
    this.name = 'UnsupportedFileTypeError';
  }
}

/**
 * Passes an upload through while computing its SHA-256 and recognising its type from the bytes.
 * A type the field does not accept fails the stream as soon as the first bytes show it (so nothing more
 * is read or stored); an Office file, recognised from the archive's directory at its end, is checked
 * when the stream ends, including what it unpacks to (see office-archive-check.ts): an archive is kept in
 * memory for that (uploads are limited to a few MB), never unpacked to disk.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);
  private headType: DetectedMediaType | undefined;
  /** The whole file, kept only while it may be an Office archive (dropped once the first bytes say otherwise). */
  private archive: Buffer[] | undefined = [];
  size = 0;
  sha256 = '';
  mediaType: TUploadMediaType | undefined;

  constructor(private readonly accepted: readonly TUploadMediaType[]) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    this.archive?.push(chunk);
    this.tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
    if (this.headType === undefined && this.head.length >= SNIFF_HEAD_BYTES) {
      const refused = this.judgeHead();
      if (refused) return callback(refused);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.headType === undefined) {
      const refused = this.judgeHead();
      if (refused) return callback(refused);
    }
    const detected = this.headType === 'application/zip' ? sniffZip(this.head, this.tail, this.size) : this.headType!;
    if (!this.isAccepted(detected)) return callback(new UnsupportedFileTypeError(detected, this.accepted));
    const finish = () => {
      this.mediaType = detected;
      this.sha256 = this.hash.digest('hex');
      callback();
    };
    if (!OOXML_MEDIA_TYPES.includes(detected)) return finish();
    const archive = Buffer.concat(this.archive ?? []);
    this.archive = undefined;
    checkOfficeArchive(archive).then(finish, (error: unknown) => callback(error as Error));
  }

  /** Decides on the first bytes; an archive waits for its end unless no Office type is accepted anyway. */
  private judgeHead(): UnsupportedFileTypeError | undefined {
    const type = sniffHead(this.head);
    this.headType = type;
    if (type !== 'application/zip') this.archive = undefined;
    if (type === 'application/zip') {
      if (this.accepted.some((accepted) => OOXML_MEDIA_TYPES.includes(accepted))) return undefined;
      return new UnsupportedFileTypeError(sniffZip(this.head, Buffer.alloc(0), Number.MAX_SAFE_INTEGER), this.accepted);
    }
    return this.isAccepted(type) ? undefined : new UnsupportedFileTypeError(type, this.accepted);
  }

  private isAccepted(type: DetectedMediaType): type is TUploadMediaType {
    return (this.accepted as readonly string[]).includes(type);
  }
}
