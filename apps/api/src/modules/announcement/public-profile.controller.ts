import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TPublicProfile, TPublicProfileAnswer } from '@tahkim/contracts';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { GiveConsentRequestDto, PublicProfileAnswerDto, PublicProfileDto, WithdrawConsentRequestDto } from './announcement.dto';
import { AnnouncementService } from './announcement.service';

/**
 * The winner's side of their public presentation. Its owner reads and answers it; staff read it (and are
 * told 403 when they try to answer for the winner); anyone else gets 404, as for the application itself.
 */
@ApiTags('applications')
@Controller('applications/:id/public-profile')
export class PublicProfileController {
  constructor(private readonly announcement: AnnouncementService) {}

  /** `profile` null while staff have not written one; 404 when the application is not a winner. */
  @Get()
  @Public()
  @ApiOkResponse({ type: PublicProfileAnswerDto })
  read(@Param('id', UuidPipe) applicationId: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<TPublicProfileAnswer> {
    return this.announcement.read(applicationId, user);
  }

  /** Agrees to the presentation as read (`version`), or with rewritten `texts`. 409 VERSION_CONFLICT { current } when it changed meanwhile. */
  @Post('consent')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PublicProfileDto })
  consent(
    @Param('id', UuidPipe) applicationId: string,
    @Body() body: GiveConsentRequestDto,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TPublicProfile> {
    return this.announcement.giveConsent(applicationId, body, ctx);
  }

  /** Refuses (or stops) the publication: the presentation leaves the results page at once. */
  @Post('withdraw')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PublicProfileDto })
  withdraw(
    @Param('id', UuidPipe) applicationId: string,
    @Body() body: WithdrawConsentRequestDto,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TPublicProfile> {
    return this.announcement.withdrawConsent(applicationId, body, ctx);
  }
}
