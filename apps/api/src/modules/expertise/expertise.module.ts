import { Module } from '@nestjs/common';
import { BiddingController } from './bidding.controller';
import { BiddingService } from './bidding.service';
import { ExpertiseRepository } from './expertise.repository';
import { RoundAffinity } from './round-affinity';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

/** Topics of calls, jurors' expertise and bids: what the automatic assignment reads to match projects with jurors. */
@Module({
  controllers: [TopicsController, BiddingController],
  providers: [ExpertiseRepository, TopicsService, BiddingService, RoundAffinity],
  exports: [RoundAffinity],
})
export class ExpertiseModule {}
