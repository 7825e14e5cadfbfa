import { Module } from '@nestjs/common';
import { JuryModule } from '../jury/jury.module';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

@Module({ imports: [JuryModule], controllers: [ScorecardsController], providers: [ScorecardsService] })
export class ScorecardsModule {}
