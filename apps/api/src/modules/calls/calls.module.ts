import { Module } from '@nestjs/common';
import { AdminCallsController } from './admin-calls.controller';
import { CallFormController } from './call-form.controller';
import { CallFormService } from './call-form.service';
import { CallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

@Module({
  controllers: [CallsController, AdminCallsController, CallFormController],
  providers: [CallsRepository, CallsService, CallFormService],
  exports: [CallsRepository, CallsService, CallFormService],
})
export class CallsModule {}
