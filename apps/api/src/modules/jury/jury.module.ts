import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { FileIdentityController } from './file-identity.controller';
import { FileIdentityService } from './file-identity.service';
import { JuryConflictsService } from './jury-conflicts.service';
import { JuryController } from './jury.controller';
import { JuryRepository } from './jury.repository';
import { JuryService } from './jury.service';

@Module({ imports: [StorageModule], controllers: [JuryController, FileIdentityController], providers: [JuryRepository, JuryService, JuryConflictsService, FileIdentityService], exports: [JuryRepository] })
export class JuryModule {}
