import { Module } from '@nestjs/common';
import { RoundsController } from './rounds.controller';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

@Module({ controllers: [RoundsController], providers: [RoundsRepository, RoundsService], exports: [RoundsRepository] })
export class RoundsModule {}
