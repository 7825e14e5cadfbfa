import { mkdir, rename, unlink, open } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, ByteLimit, StoredFileNotFoundError, type FileStorage, type PutOptions } from './file-storage';

/** Temporary files being written live here, inside the root, so that the final rename stays on one filesystem. */
export const LOCAL_TEMP_DIR = '.tmp';

/**
 * Files in a local folder (the default). A file is written to a temporary name and renamed into place
 * only once complete, so a reader never sees half a file and a failed upload leaves nothing.
 */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, source: Readable, options: PutOptions): Promise<{ size: number }> {
    const target = this.pathOf(key);
    const tempDir = path.join(this.root, LOCAL_TEMP_DIR);
    await Promise.all([mkdir(path.dirname(target), { recursive: true }), mkdir(tempDir, { recursive: true })]);
    const temp = path.join(tempDir, `${randomBytes(12).toString('hex')}.part`);
    const limit = new ByteLimit(options.maxBytes);
    // The temporary file exists before any byte flows, so a failure however early removes it for good.
    const handle = await open(temp, 'wx', 0o600);
    try {
      try {
        // The stream closes the handle when it ends or fails; closing again is a no-op.
        await pipeline(source, limit, handle.createWriteStream());
      } finally {
        await handle.close();
      }
      await syncFile(temp);
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch((cleanupError: NodeJS.ErrnoException) => {
        if (cleanupError.code !== 'ENOENT') throw new AggregateError([error, cleanupError], 'upload failed and its temporary file could not be removed');
      });
      throw error;
    }
    return { size: limit.bytes };
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Opening first turns a missing file into an error here rather than in the middle of a response.
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StoredFileNotFoundError(key) : error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
