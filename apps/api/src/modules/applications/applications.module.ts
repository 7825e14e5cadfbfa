import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { ApplicationsExportService } from './applications-export.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { StaffApplicationsController } from './staff-applications.controller';
import { StaffApplicationsRepository } from './staff-applications.repository';
import { StaffApplicationsService } from './staff-applications.service';

@Module({
  imports: [CallsModule],
  controllers: [StaffApplicationsController, ApplicationsController],
  providers: [ApplicationsRepository, StaffApplicationsRepository, ApplicationsService, StaffApplicationsService, ApplicationsExportService],
  exports: [ApplicationsRepository],
})
export class ApplicationsModule {}
