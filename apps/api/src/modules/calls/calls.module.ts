import { Module } from '@nestjs/common';
import { AdminCallsController } from './admin-calls.controller';
import { CallFormCache } from './call-form-cache';
import { CallFormController } from './call-form.controller';
import { CallSummaryController } from './call-summary.controller';
import { CallSummaryRepository } from './call-summary.repository';
import { CallSummaryService } from './call-summary.service';
import { CallFormService } from './call-form.service';
import { CallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { DeadlineReviewController } from './deadline-review.controller';
import { DeadlineReviewRepository } from './deadline-review.repository';
import { DeadlineReviewService } from './deadline-review.service';

@Module({
  controllers: [CallsController, AdminCallsController, CallFormController, DeadlineReviewController, CallSummaryController],
  providers: [CallFormCache, CallsRepository, CallsService, CallFormService, DeadlineReviewRepository, DeadlineReviewService, CallSummaryRepository, CallSummaryService],
  exports: [CallFormCache, CallsRepository, CallsService, CallFormService],
})
export class CallsModule {}
