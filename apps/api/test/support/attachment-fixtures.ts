import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import type { TFormDefinitionInput, TLocalizedText } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { createCall } from './call-factory';

const text = (fr: string, ar: string, en: string): TLocalizedText => ({ ar, fr, en });

export const SMALL_PDF_LIMIT = 64 * 1024;

/** A form with FILE fields of several kinds, for attachment tests. */
export const FILES_FORM = {
  sections: [
    {
      key: 'documents',
      title: text('Documents', 'الوثائق', 'Documents'),
      fields: [
        { key: 'project_title', type: 'SHORT_TEXT', label: text('Titre', 'العنوان', 'Title') },
        {
          key: 'pitch_deck',
          type: 'FILE',
          label: text('Présentation (PDF)', 'العرض التقديمي (PDF)', 'Pitch deck (PDF)'),
          required: true,
          limits: { maxFiles: 2, maxFileSizeBytes: SMALL_PDF_LIMIT, acceptedMediaTypes: ['application/pdf'] },
        },
        { key: 'photo', type: 'FILE', label: text('Photo', 'صورة', 'Photo'), limits: { acceptedMediaTypes: ['image/png', 'image/jpeg', 'image/webp'] } },
        {
          key: 'annex',
          type: 'FILE',
          label: text('Annexe', 'ملحق', 'Annex'),
          limits: { maxFiles: 3, acceptedMediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
        },
        { key: 'default_file', type: 'FILE', label: text('Fichier', 'ملف', 'File') },
        { key: 'old_file', type: 'FILE', label: text('Ancien', 'قديم', 'Old'), hidden: true },
      ],
    },
  ],
} satisfies TFormDefinitionInput;

/** A published call with FILES_FORM and a draft application of `ownerId` in it. */
export async function createDraftWithFiles(prisma: PrismaClient, options: { staffId: string; ownerId: string; attachmentQuotaBytes?: number }) {
  const call = await createCall(prisma, { createdById: options.staffId, form: FILES_FORM });
  if (options.attachmentQuotaBytes !== undefined) {
    await prisma.call.update({ where: { id: call.id }, data: { settings: { eligibilityRules: [], attachmentQuotaBytes: options.attachmentQuotaBytes } } });
  }
  const application = await prisma.application.create({ data: { callId: call.id, ownerId: options.ownerId } });
  return { call, application };
}

/** A small but well-formed-looking PDF of about `size` bytes (random content, unique per call). */
export function pdfBytes(size = 2048): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length - tail.length)), tail]);
}

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  randomBytes(200),
]);

export const HTML_BYTES = Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n');

/** A ZIP archive with stored (uncompressed) entries, enough to stand for an Office file. */
export function zipBytes(entries: Record<string, string>, deflated: Record<string, { deflated: Buffer; unpackedBytes: number }> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const all: Array<[string, { data: Buffer; method: number; unpacked: number; crc: number }]> = [
    ...Object.entries(entries).map(([name, content]) => {
      const data = Buffer.from(content, 'utf8');
      return [name, { data, method: 0, unpacked: data.length, crc: crc32(data) }] as [string, { data: Buffer; method: number; unpacked: number; crc: number }];
    }),
    ...Object.entries(deflated).map(([name, entry]) => [name, { data: entry.deflated, method: 8, unpacked: entry.unpackedBytes, crc: 0 }] as [string, { data: Buffer; method: number; unpacked: number; crc: number }]),
  ];
  for (const [name, { data, method, unpacked, crc }] of all) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(unpacked, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(unpacked, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(all.length, 8);
  end.writeUInt16LE(all.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A Word document of about 1 MB whose body unpacks to 1 GiB of zeros (a "zip bomb"). Built from one
 * compressed 16 MiB block repeated (a full flush makes each block stand alone), so it costs a quarter of
 * a second to make. `declaredUnpackedBytes` is what the archive's directory claims (it may lie).
 */
export function docxBombBytes(declaredUnpackedBytes = 1024 * 1024 * 1024): Buffer {
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { finishFlush: zlibConstants.Z_FULL_FLUSH, level: 9 });
  const body = Buffer.concat([...Array<Buffer>(64).fill(block), Buffer.from([0x03, 0x00])]);
  return zipBytes({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>' }, { 'word/document.xml': { deflated: body, unpackedBytes: declaredUnpackedBytes } });
}

/** A minimal Word document; the content-types entry is placed last, as some writers do. */
export function docxBytes(): Buffer {
  return zipBytes({
    '_rels/.rels': '<Relationships/>',
    'word/document.xml': `<w:document>${randomBytes(8).toString('hex')}</w:document>`,
    '[Content_Types].xml': '<Types/>',
  });
}

/** Every file under `dir` (relative paths), temporary ones included. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full).map((child) => path.join(entry, child)) : [entry];
  });
}
