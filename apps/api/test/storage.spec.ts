import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileTooLargeError, newStorageKey, StoredFileNotFoundError } from '../src/modules/storage/file-storage';
import { LocalFileStorage } from '../src/modules/storage/local-file-storage';
import { S3FileStorage } from '../src/modules/storage/s3-file-storage';
import { filesUnder } from './support/attachment-fixtures';

/** A source that yields `chunks` one by one, then fails with `error` if given. */
function source(chunks: Buffer[], error?: Error): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) yield chunk;
      if (error) throw error;
    })(),
  );
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('storage keys', () => {
  it('are random, spread over two directory levels, and never a path the caller chose', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newStorageKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{28}$/);
  });
});

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tahkim-storage-'));
    storage = new LocalFileStorage(path.join(root, 'files'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a file under its key, creating folders, and reads and deletes it', async () => {
    const key = newStorageKey();
    const content = Buffer.from('%PDF-1.7 مرحبا');
    expect(await storage.put(key, source([content.subarray(0, 5), content.subarray(5)]), { maxBytes: 1000 })).toEqual({ size: content.length });
    expect(readFileSync(path.join(root, 'files', ...key.split('/'))).equals(content)).toBe(true);
    expect(filesUnder(path.join(root, 'files', '.tmp'))).toEqual([]);
    expect((await bytesOf(await storage.get(key))).equals(content)).toBe(true);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredFileNotFoundError);
    await storage.delete(key); // deleting twice is fine
  });

  it('stops at the first byte past the limit and keeps nothing, not even a temporary file', async () => {
    const key = newStorageKey();
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 1));
      },
    });
    await expect(storage.put(key, endless, { maxBytes: 10 * 1024 })).rejects.toEqual(new FileTooLargeError(10 * 1024));
    expect(produced).toBeLessThan(200 * 1024); // stopped early, not read to the end
    expect(filesUnder(path.join(root, 'files'))).toEqual([]);
  });

  it('accepts exactly the limit', async () => {
    const key = newStorageKey();
    await expect(storage.put(key, source([Buffer.alloc(512), Buffer.alloc(512)]), { maxBytes: 1024 })).resolves.toEqual({ size: 1024 });
  });

  it('leaves nothing when the source fails half-way (client gone, wrong type found late)', async () => {
    const key = newStorageKey();
    const failure = new Error('client went away');
    await expect(storage.put(key, source([Buffer.alloc(4096, 7)], failure), { maxBytes: 1 << 20 })).rejects.toBe(failure);
    expect(filesUnder(path.join(root, 'files'))).toEqual([]);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('leaves nothing when the source fails before its first byte, even moments later', async () => {
    for (let i = 0; i < 20; i += 1) {
      const failing = new Readable({
        read() {
          this.destroy(new Error('refused at once'));
        },
      });
      await expect(storage.put(newStorageKey(), failing, { maxBytes: 100 })).rejects.toThrow('refused at once');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(filesUnder(path.join(root, 'files'))).toEqual([]);
  });

  it('refuses keys that are not its own (paths, traversal)', async () => {
    for (const key of ['../../etc/passwd', 'a/b/c', '/abs/olute/key', 'ab/cd/../../../x', 'file.pdf']) {
      await expect(storage.put(key, source([Buffer.from('x')]), { maxBytes: 10 })).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    }
    expect(existsSync(path.join(root, 'etc'))).toBe(false);
  });
});

/** A tiny S3 lookalike: path-style PUT/GET/DELETE on /<bucket>/<key>, recording what it was asked. */
function s3Stub() {
  const objects = new Map<string, { body: Buffer; contentType: string | undefined }>();
  const requests: Array<{ method: string; url: string; authorization: string | undefined }> = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
    requests.push({ method: req.method!, url, authorization: req.headers.authorization });
    if (req.method === 'PUT') {
      objects.set(url, { body: Buffer.concat(chunks), contentType: req.headers['content-type'] });
      res.writeHead(200, { etag: `"${createHash('md5').update(Buffer.concat(chunks)).digest('hex')}"` }).end();
    } else if (req.method === 'GET') {
      const object = objects.get(url);
      if (!object) {
        res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': object.contentType ?? 'application/octet-stream', 'content-length': object.body.length }).end(object.body);
    } else if (req.method === 'DELETE') {
      objects.delete(url);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  });
  return { server, objects, requests };
}

describe('S3FileStorage (against a stub S3 endpoint)', () => {
  const stub = s3Stub();
  let storage: S3FileStorage;
  beforeAll(async () => {
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    const { port } = stub.server.address() as AddressInfo;
    storage = new S3FileStorage({ endpoint: `http://127.0.0.1:${port}`, bucket: 'tahkim-files', accessKey: 'minio', secretKey: 'minio-secret', region: 'us-east-1' });
  });
  afterAll(() => new Promise<void>((resolve) => stub.server.close(() => resolve())));

  it('puts, gets and deletes objects path-style in the bucket, signed', async () => {
    const key = newStorageKey();
    const content = Buffer.from('%PDF-1.7 object body');
    await expect(storage.put(key, source([content]), { maxBytes: 1000, contentType: 'application/pdf' })).resolves.toEqual({ size: content.length });
    expect(stub.objects.get(`/tahkim-files/${key}`)).toEqual({ body: content, contentType: 'application/pdf' });
    expect(stub.requests.at(-1)).toMatchObject({ method: 'PUT', url: `/tahkim-files/${key}`, authorization: expect.stringContaining('Credential=minio/') });
    expect(await text(await storage.get(key))).toBe(content.toString());
    await storage.delete(key);
    expect(stub.objects.has(`/tahkim-files/${key}`)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('sends nothing to the store when the upload is too large or fails', async () => {
    const before = stub.requests.length;
    await expect(storage.put(newStorageKey(), source([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(storage.put(newStorageKey(), source([Buffer.alloc(10)], new Error('gone')), { maxBytes: 1000 })).rejects.toThrow('gone');
    expect(stub.requests.length).toBe(before);
  });
});
