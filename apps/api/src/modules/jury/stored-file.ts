import type { Readable } from 'node:stream';

/** A stored file in memory (uploads are bounded); never more than its recorded size, plus a margin, is read. */
export async function readStoredFile(stream: Readable, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > size + 1024) {
      stream.destroy();
      throw new Error(`A stored file is larger than its recorded ${size} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
