import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ReportAttachmentsController } from './report-attachments.controller';
import { ReportAttachmentsService } from './report-attachments.service';
import { ReportFormController } from './report-form.controller';
import { ReportFormService } from './report-form.service';
import { ReportReviewService } from './report-review.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** After the decision: the followed projects' progress reports, their files, their review and the report form. */
@Module({
  imports: [AttachmentsModule],
  controllers: [ReportsController, ReportAttachmentsController, ReportFormController],
  providers: [ReportsRepository, ReportsService, ReportReviewService, ReportAttachmentsService, ReportFormService],
})
export class ReportsModule {}
