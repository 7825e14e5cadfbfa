import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TJuryMembershipList } from '@tahkim/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthenticatedUser } from '../auth/auth.types';
import { JuryMembershipListDto } from './jury-admin.dto';
import { JurorsService } from './jurors.service';

/** The juror's own side of the roster: which juries they sit on. Any signed-in person (an empty list if none). */
@ApiTags('jury')
@Controller('jury')
export class JuryMembershipsController {
  constructor(private readonly jurors: JurorsService) {}

  /**
   * The rounds the caller sits on as a juror (whatever their status) with the number of applications
   * assigned to them: a juror who has just joined sees which call and round, before any assignment.
   */
  @Get('memberships')
  @ApiOkResponse({ type: JuryMembershipListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<TJuryMembershipList> {
    return this.jurors.memberships(user.id);
  }
}
