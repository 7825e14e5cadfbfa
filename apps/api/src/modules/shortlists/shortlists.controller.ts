import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TAdvance, TAdvanceList, TAdvanceResult } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AdvanceDto, AdvanceListDto, AdvanceRequestDto, AdvanceResultDto } from './shortlists.dto';
import { ShortlistsService } from './shortlists.service';

/** Staff: shortlists taken from a round into a later one, and their undoing. Hidden (404) from other roles. */
@ApiTags('results')
@Controller('rounds/:id')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class ShortlistsController {
  constructor(private readonly shortlists: ShortlistsService) {}

  /**
   * Takes applications under evaluation in this round into a later round (default: the next one, created as
   * a DRAFT copy of this round's settings and criteria when missing); they become SHORTLISTED. 400 names the
   * ids that are not under evaluation here; 409 when one is withdrawn or decided, or the target is closed.
   */
  @Post('advance')
  @ApiCreatedResponse({ type: AdvanceResultDto })
  advance(@Param('id', UuidPipe) roundId: string, @Body() body: AdvanceRequestDto, @Ctx() ctx: RequestContext): Promise<TAdvanceResult> {
    return this.shortlists.advance(roundId, body, ctx);
  }

  /** The advances taken from this round, newest first, with whether each can still be undone. */
  @Get('advances')
  @ApiOkResponse({ type: AdvanceListDto })
  list(@Param('id', UuidPipe) roundId: string): Promise<TAdvanceList> {
    return this.shortlists.list(roundId);
  }

  /** 409 CONFLICT { reason: ALREADY_UNDONE | TARGET_HAS_SUBMITTED_SCORECARDS | ADVANCED_FURTHER } when it cannot be undone. */
  @Post('advances/:advanceId/undo')
  @HttpCode(200)
  @ApiOkResponse({ type: AdvanceDto })
  undo(@Param('id', UuidPipe) roundId: string, @Param('advanceId', UuidPipe) advanceId: string, @Ctx() ctx: RequestContext): Promise<TAdvance> {
    return this.shortlists.undo(roundId, advanceId, ctx);
  }
}
