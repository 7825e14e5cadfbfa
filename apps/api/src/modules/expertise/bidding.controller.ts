import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TBid, TConflict, TExpertise, TJuryBidding } from '@tahkim/contracts';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { BiddingService } from './bidding.service';
import { BidDto, BiddingConflictDto, BiddingConflictRequestDto, ExpertiseDto, JuryBiddingDto, PutBidRequestDto, PutExpertiseRequestDto } from './expertise.dto';

/**
 * The juror's expertise and bids in a round. Open to any caller on purpose: whoever is not a juror of the
 * round (signed out, applicant, staff, juror of another round) gets the same 404 as for a round that does not exist.
 */
@ApiTags('jury')
@Controller('jury/rounds/:roundId')
@Public()
export class BiddingController {
  constructor(private readonly bidding: BiddingService) {}

  /** The call's topics, the caller's expertise and, while bidding is open, the applications to bid on (masked in a blind round). */
  @Get('bidding')
  @ApiOkResponse({ type: JuryBiddingDto })
  get(@Param('roundId', UuidPipe) roundId: string, @CurrentUserOr404() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TJuryBidding> {
    return this.bidding.get(roundId, user, ctx);
  }

  /** Declares the topics the caller knows (409 ROUND_CLOSED once the round is closed). */
  @Put('expertise')
  @ApiOkResponse({ type: ExpertiseDto })
  expertise(@Param('roundId', UuidPipe) roundId: string, @Body() body: PutExpertiseRequestDto, @CurrentUserOr404() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TExpertise> {
    return this.bidding.setExpertise(roundId, body.topics, user, ctx);
  }

  /** "I'd like to read it" / neutral / "rather not" for one application (409 BIDDING_CLOSED outside bidding). */
  @Put('bids/:applicationId')
  @ApiOkResponse({ type: BidDto })
  bid(
    @Param('roundId', UuidPipe) roundId: string,
    @Param('applicationId', UuidPipe) applicationId: string,
    @Body() body: PutBidRequestDto,
    @CurrentUserOr404() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TBid> {
    return this.bidding.bid(roundId, applicationId, body.preference, user, ctx);
  }

  /** Declares a conflict of interest with a project of the round: in force at once (as from an assignment), the project leaves the list. */
  @Post('applications/:applicationId/conflict')
  @ApiCreatedResponse({ type: BiddingConflictDto })
  conflict(
    @Param('roundId', UuidPipe) roundId: string,
    @Param('applicationId', UuidPipe) applicationId: string,
    @Body() body: BiddingConflictRequestDto,
    @CurrentUserOr404() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TConflict> {
    return this.bidding.declareConflict(roundId, applicationId, body.reason, user, ctx);
  }
}
