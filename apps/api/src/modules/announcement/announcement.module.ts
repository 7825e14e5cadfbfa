import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { StorageModule } from '../storage/storage.module';
import { AnnouncementRepository } from './announcement.repository';
import { AnnouncementService } from './announcement.service';
import { PublicProfileController } from './public-profile.controller';
import { PublicResultsController } from './public-results.controller';
import { StaffAnnouncementController } from './staff-announcement.controller';

/** After the decision: the winners' public presentations (with their consent) and the call's results page. */
@Module({
  imports: [StorageModule, CallsModule],
  controllers: [StaffAnnouncementController, PublicProfileController, PublicResultsController],
  providers: [AnnouncementRepository, AnnouncementService],
})
export class AnnouncementModule {}
