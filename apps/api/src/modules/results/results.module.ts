import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { RankingCache } from './ranking-cache';
import { RankingExportService } from './ranking-export.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ imports: [CallsModule], controllers: [ResultsController], providers: [ResultsService, RankingExportService, RankingCache] })
export class ResultsModule {}
