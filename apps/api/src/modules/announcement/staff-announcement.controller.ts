import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TCallAnnouncement, TPublicProfile, TResultsPublication } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CallAnnouncementDto, PublicProfileDto, ResultsPublicationDto, SavePublicProfileRequestDto } from './announcement.dto';
import { AnnouncementService } from './announcement.service';

/** Staff: the winners' public presentations and the call's results page. Hidden (404) from other roles. */
@ApiTags('announcement')
@Controller()
@Roles('STAFF')
@HiddenFromOtherRoles()
export class StaffAnnouncementController {
  constructor(private readonly announcement: AnnouncementService) {}

  /** The call's winners (decision published), each with its presentation (or null) and a draft taken from the answers. */
  @Get('calls/:id/public-profiles')
  @ApiOkResponse({ type: CallAnnouncementDto })
  list(@Param('id', UuidPipe) callId: string): Promise<TCallAnnouncement> {
    return this.announcement.callAnnouncement(callId);
  }

  /**
   * Writes a winner's presentation. Changed texts ask the winner again (consent PENDING, an email in their
   * language). 409 CONFLICT { reason: NOT_A_WINNER }; VERSION_CONFLICT { current } on a stale `version`.
   */
  @Put('applications/:id/public-profile')
  @ApiOkResponse({ type: PublicProfileDto })
  save(@Param('id', UuidPipe) applicationId: string, @Body() body: SavePublicProfileRequestDto, @Ctx() ctx: RequestContext): Promise<TPublicProfile> {
    return this.announcement.save(applicationId, body, ctx);
  }

  /** Publishes the results page (/calls/{slug}/results). 409 CONFLICT { reason: RESULTS_NOT_DECIDED } before the decisions are published. */
  @Post('calls/:id/results/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: ResultsPublicationDto })
  publish(@Param('id', UuidPipe) callId: string, @Ctx() ctx: RequestContext): Promise<TResultsPublication> {
    return this.announcement.publishResults(callId, ctx);
  }

  /** Takes the results page down (its address answers 404 again). */
  @Post('calls/:id/results/unpublish')
  @HttpCode(200)
  @ApiOkResponse({ type: ResultsPublicationDto })
  unpublish(@Param('id', UuidPipe) callId: string, @Ctx() ctx: RequestContext): Promise<TResultsPublication> {
    return this.announcement.unpublishResults(callId, ctx);
  }
}
