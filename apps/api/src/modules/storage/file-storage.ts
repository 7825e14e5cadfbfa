import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { randomBytes } from 'node:crypto';

/** Injection token of the configured `FileStorage` (local folder or S3-compatible store). */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export interface PutOptions {
  /** The stream is refused (and nothing kept) as soon as it goes past this many bytes. */
  maxBytes: number;
  /** Recorded by stores that keep one (S3); local files carry none. */
  contentType?: string;
}

/**
 * Where uploaded files live. Keys are opaque, random and never derived from a file name; a `put` is
 * all-or-nothing: when it fails (too large, the source errors, the store fails) nothing stays behind.
 */
export interface FileStorage {
  put(key: string, source: Readable, options: PutOptions): Promise<{ size: number }>;
  /** Throws `StoredFileNotFoundError` when nothing is stored under the key. */
  get(key: string): Promise<Readable>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** The source went past `maxBytes`; the upload was stopped there. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class StoredFileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
    this.name = 'StoredFileNotFoundError';
  }
}

const KEY = /^[a-z0-9]{2}\/[a-z0-9]{2}\/[a-z0-9-]{16,80}$/;

/** A new random key such as `3f/a9/3fa9…`: 128 random bits, spread over two directory levels. */
export function newStorageKey(): string {
  const id = randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

/** Keys come from `newStorageKey` only; anything else (a path, `..`) is refused before touching a store. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/** Passes bytes through and fails with `FileTooLargeError` at the first byte past `maxBytes`. */
export class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    callback(null, chunk);
  }
}
