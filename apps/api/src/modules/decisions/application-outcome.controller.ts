import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TApplicationOutcome } from '@tahkim/contracts';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { ApplicationOutcomeDto } from './decisions.dto';
import { DecisionsService } from './decisions.service';

/** The applicant's side of a decision. Like their other application routes, anyone but the owner gets 404. */
@ApiTags('applications')
@Controller()
export class ApplicationOutcomeController {
  constructor(private readonly decisions: DecisionsService) {}

  /** `published: false` (and nothing else) until staff publish; then the outcome, the message and, if the call shares it, feedback. */
  @Get('applications/:id/outcome')
  @Public()
  @ApiOkResponse({ type: ApplicationOutcomeDto })
  outcome(@Param('id', UuidPipe) applicationId: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<TApplicationOutcome> {
    return this.decisions.outcome(applicationId, user);
  }
}
