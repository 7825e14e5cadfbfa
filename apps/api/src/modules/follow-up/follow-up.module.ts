import { Module } from '@nestjs/common';
import { FollowUpExportService } from './follow-up-export.service';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';
import { ReportRemindersController } from './report-reminders.controller';
import { ReportRemindersRepository } from './report-reminders.repository';
import { ReportRemindersService } from './report-reminders.service';

/** After the decision: the follow-up of supported projects (dashboard, export) and their report reminders. */
@Module({
  controllers: [FollowUpController, ReportRemindersController],
  providers: [FollowUpRepository, FollowUpService, FollowUpExportService, ReportRemindersRepository, ReportRemindersService],
})
export class FollowUpModule {}
