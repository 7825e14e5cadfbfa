import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, ByteLimit, StoredFileNotFoundError, type FileStorage, type PutOptions } from './file-storage';

export interface S3StorageOptions {
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/**
 * Files in an S3-compatible store (MinIO, Garage, AWS...), addressed path-style so that any endpoint
 * works without DNS per bucket. An upload is collected in memory up to its limit (at most a few tens of
 * megabytes: see MAX_FILE_SIZE_BYTES) and written in one PutObject once complete and checked, so a
 * refused or interrupted upload never reaches the store.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions, client?: S3Client) {
    this.client =
      client ??
      new S3Client({
        endpoint: options.endpoint,
        region: options.region,
        forcePathStyle: true,
        // Checksums only where S3 requires them: several S3-compatible stores refuse the optional ones.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        credentials: { accessKeyId: options.accessKey, secretAccessKey: options.secretKey },
      });
  }

  async put(key: string, source: Readable, options: PutOptions): Promise<{ size: number }> {
    assertStorageKey(key);
    const limit = new ByteLimit(options.maxBytes);
    const chunks: Buffer[] = [];
    await pipeline(source, limit, async (stream: AsyncIterable<Buffer>) => {
      for await (const chunk of stream) chunks.push(chunk);
    });
    const body = Buffer.concat(chunks);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: options.contentType ?? 'application/octet-stream',
      }),
    );
    return { size: body.length };
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return object.Body;
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) {
        throw new StoredFileNotFoundError(key);
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 answers 204 for a key that holds nothing, which is what deleting twice should do.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }
}
