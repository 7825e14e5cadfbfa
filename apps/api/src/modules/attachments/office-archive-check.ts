import { createInflateRaw } from 'node:zlib';

/**
 * Limits for a Word, Excel or PowerPoint file, which is a ZIP archive: what it unpacks to when a juror or
 * a staff member opens it, not only what it weighs. Real documents stay far below them (a 300-page report
 * with images unpacks to a few tens of MB; text compresses about 5 to 20 times).
 */
export const OFFICE_ARCHIVE_LIMITS = {
  /** Total size of all entries once unpacked. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Entries in the archive. */
  maxEntries: 5_000,
  /** Unpacked / packed size, for an entry that unpacks to more than `ratioAppliesAboveBytes`. */
  maxEntryRatio: 200,
  ratioAppliesAboveBytes: 1024 * 1024,
} as const;

export type ArchiveProblem =
  | { problem: 'UNREADABLE' }
  | { problem: 'TOO_MANY_ENTRIES'; entries: number }
  | { problem: 'UNPACKED_TOO_LARGE'; unpackedBytes: number }
  | { problem: 'RATIO_TOO_HIGH'; entry: string; ratio: number };

export class OfficeArchiveRefusedError extends Error {
  constructor(readonly problem: ArchiveProblem) {
    super(`office archive refused: ${problem.problem}`);
    this.name = 'OfficeArchiveRefusedError';
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  packed: number;
  unpacked: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

function readCentralDirectory(archive: Buffer): Entry[] | undefined {
  const lowest = Math.max(0, archive.length - 22 - 0xffff);
  for (let at = archive.length - 22; at >= lowest; at -= 1) {
    if (archive.readUInt32LE(at) !== EOCD) continue;
    const count = archive.readUInt16LE(at + 10);
    const offset = archive.readUInt32LE(at + 16);
    if (offset === 0xffffffff || offset >= archive.length) return undefined;
    const entries: Entry[] = [];
    let cursor = offset;
    for (let i = 0; i < count; i += 1) {
      if (cursor + 46 > archive.length || archive.readUInt32LE(cursor) !== CENTRAL_ENTRY) return undefined;
      const nameLength = archive.readUInt16LE(cursor + 28);
      const extraLength = archive.readUInt16LE(cursor + 30);
      const commentLength = archive.readUInt16LE(cursor + 32);
      entries.push({
        flags: archive.readUInt16LE(cursor + 8),
        method: archive.readUInt16LE(cursor + 10),
        packed: archive.readUInt32LE(cursor + 20),
        unpacked: archive.readUInt32LE(cursor + 24),
        localHeaderOffset: archive.readUInt32LE(cursor + 42),
        name: archive.subarray(cursor + 46, cursor + 46 + nameLength).toString('utf8'),
      });
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  return undefined;
}

/**
 * Inflates one entry and counts its bytes, keeping none of them (the output is dropped chunk by chunk):
 * resolves the unpacked size, or `undefined` as soon as it goes past `limit`.
 */
function unpackedSize(data: Buffer, limit: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    let settled = false;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !settled) {
        settled = true;
        inflater.destroy();
        resolve(undefined);
      }
    });
    inflater.on('end', () => {
      if (!settled) resolve(size);
      settled = true;
    });
    inflater.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    inflater.end(data);
  });
}

/**
 * Checks an Office archive held in memory, without writing anything to disk: the declared sizes first
 * (entry count, total, ratio per entry), then each entry is really inflated in memory with an output cap,
 * so an archive that lies about its sizes is caught too. Throws OfficeArchiveRefusedError.
 */
export async function checkOfficeArchive(archive: Buffer, limits = OFFICE_ARCHIVE_LIMITS): Promise<{ entries: number; unpackedBytes: number }> {
  const entries = readCentralDirectory(archive);
  if (!entries) throw new OfficeArchiveRefusedError({ problem: 'UNREADABLE' });
  if (entries.length > limits.maxEntries) throw new OfficeArchiveRefusedError({ problem: 'TOO_MANY_ENTRIES', entries: entries.length });
  const declared = entries.reduce((sum, entry) => sum + entry.unpacked, 0);
  if (declared > limits.maxUnpackedBytes) throw new OfficeArchiveRefusedError({ problem: 'UNPACKED_TOO_LARGE', unpackedBytes: declared });

  let unpackedBytes = 0;
  for (const entry of entries) {
    const header = entry.localHeaderOffset;
    if (header + 30 > archive.length || archive.readUInt32LE(header) !== LOCAL_ENTRY) throw new OfficeArchiveRefusedError({ problem: 'UNREADABLE' });
    const dataStart = header + 30 + archive.readUInt16LE(header + 26) + archive.readUInt16LE(header + 28);
    const data = archive.subarray(dataStart, dataStart + entry.packed);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      // Inflating stops at whichever limit comes first, so a bomb costs at most that much work.
      const budget = limits.maxUnpackedBytes - unpackedBytes;
      const ratioCap = Math.max(limits.ratioAppliesAboveBytes, data.length * limits.maxEntryRatio);
      let counted: number | undefined;
      try {
        counted = await unpackedSize(data, Math.min(budget, ratioCap));
      } catch {
        throw new OfficeArchiveRefusedError({ problem: 'UNREADABLE' });
      }
      if (counted === undefined) {
        throw new OfficeArchiveRefusedError(
          budget <= ratioCap
            ? { problem: 'UNPACKED_TOO_LARGE', unpackedBytes: limits.maxUnpackedBytes + 1 }
            : { problem: 'RATIO_TOO_HIGH', entry: entry.name, ratio: Math.round(ratioCap / Math.max(1, data.length)) },
        );
      }
      size = counted;
    } else throw new OfficeArchiveRefusedError({ problem: 'UNREADABLE' }); // Office writes stored or deflated entries only
    unpackedBytes += size;
    if (unpackedBytes > limits.maxUnpackedBytes) throw new OfficeArchiveRefusedError({ problem: 'UNPACKED_TOO_LARGE', unpackedBytes });
    if (size > limits.ratioAppliesAboveBytes && size / Math.max(1, data.length) > limits.maxEntryRatio) {
      throw new OfficeArchiveRefusedError({ problem: 'RATIO_TOO_HIGH', entry: entry.name, ratio: Math.round(size / Math.max(1, data.length)) });
    }
  }
  return { entries: entries.length, unpackedBytes };
}
