import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TBallotResult } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { BallotResultDto, ReopenBallotRequestDto } from './ballots.dto';
import { BallotResultsService } from './ballot-results.service';

/** A ballot round's result: staff only; anyone else signed in gets 404, as if the round did not exist. */
@ApiTags('ballots')
@Controller('rounds/:id')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class BallotResultsController {
  constructor(private readonly results: BallotResultsService) {}

  /** Schulze order with shared ranks, Borda points, the pairwise and strongest-path matrices, and each juror's ballot. */
  @Get('ballot-result')
  @ApiOkResponse({ type: BallotResultDto })
  result(@Param('id', UuidPipe) id: string): Promise<TBallotResult> {
    return this.results.result(id);
  }

  /** Sends a juror's submitted ballot back to draft, with a reason (audited); 409 CONFLICT when it is not submitted. */
  @Post('ballots/:jurorId/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: BallotResultDto })
  reopen(@Param('id', UuidPipe) id: string, @Param('jurorId', UuidPipe) jurorId: string, @Body() body: ReopenBallotRequestDto, @Ctx() ctx: RequestContext): Promise<TBallotResult> {
    return this.results.reopen(id, jurorId, body, ctx);
  }
}
