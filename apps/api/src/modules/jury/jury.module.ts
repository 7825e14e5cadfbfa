import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { JuryConflictsService } from './jury-conflicts.service';
import { JuryController } from './jury.controller';
import { JuryRepository } from './jury.repository';
import { JuryService } from './jury.service';

@Module({ imports: [StorageModule], controllers: [JuryController], providers: [JuryRepository, JuryService, JuryConflictsService], exports: [JuryRepository] })
export class JuryModule {}
