import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

export function createFileStorage(config: AppConfig['storage']): FileStorage {
  return config.driver === 's3' ? new S3FileStorage(config) : new LocalFileStorage(config.dir);
}

/** Provides the `FileStorage` chosen by STORAGE (local folder under DATA_DIR/files by default). */
@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createFileStorage(config.storage) }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
