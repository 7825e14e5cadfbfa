import { Module } from '@nestjs/common';
import { ExpertiseModule } from '../expertise/expertise.module';
import { AssignmentsService } from './assignments.service';
import { ConflictsService } from './conflicts.service';
import { JuryAdminRepository } from './jury-admin.repository';
import { JuryAssignmentsController } from './jury-assignments.controller';
import { JuryMembershipsController } from './jury-memberships.controller';
import { JuryRosterController } from './jury-roster.controller';
import { JurorsService } from './jurors.service';
import { ProgressService } from './progress.service';

@Module({
  imports: [ExpertiseModule],
  controllers: [JuryRosterController, JuryAssignmentsController, JuryMembershipsController],
  providers: [JuryAdminRepository, JurorsService, ConflictsService, AssignmentsService, ProgressService],
  exports: [JuryAdminRepository],
})
export class JuryAdminModule {}
