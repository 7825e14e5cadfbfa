import { Module } from '@nestjs/common';
import { RankingCache } from './ranking-cache';
import { RankingExportService } from './ranking-export.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ controllers: [ResultsController], providers: [ResultsService, RankingExportService, RankingCache] })
export class ResultsModule {}
