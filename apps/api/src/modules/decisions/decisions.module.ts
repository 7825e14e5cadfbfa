import { Module } from '@nestjs/common';
import { ApplicationOutcomeController } from './application-outcome.controller';
import { DecisionEmailsService } from './decision-emails.service';
import { DecisionTemplatesController } from './decision-templates.controller';
import { DecisionTemplatesService } from './decision-templates.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';

@Module({
  controllers: [DecisionsController, DecisionTemplatesController, ApplicationOutcomeController],
  providers: [DecisionsRepository, DecisionsService, DecisionTemplatesService, DecisionEmailsService],
})
export class DecisionsModule {}
