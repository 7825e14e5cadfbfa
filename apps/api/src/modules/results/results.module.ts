import { Module } from '@nestjs/common';
import { RankingExportService } from './ranking-export.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ controllers: [ResultsController], providers: [ResultsService, RankingExportService] })
export class ResultsModule {}
