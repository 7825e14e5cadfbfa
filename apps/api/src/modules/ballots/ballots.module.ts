import { Module } from '@nestjs/common';
import { BallotResultsController } from './ballot-results.controller';
import { BallotResultsService } from './ballot-results.service';
import { BallotsRepository } from './ballots.repository';
import { BallotsService } from './ballots.service';
import { JuryBallotsController } from './jury-ballots.controller';

@Module({ controllers: [JuryBallotsController, BallotResultsController], providers: [BallotsRepository, BallotsService, BallotResultsService] })
export class BallotsModule {}
