import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TScorecard } from '@tahkim/contracts';
import { Public, Roles } from '../../common/decorators/access.decorators';
import { CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { PutScorecardRequestDto, ReopenScorecardRequestDto, ScorecardDto, SubmitScorecardRequestDto } from './scorecards.dto';
import { ScorecardsService } from './scorecards.service';

/**
 * A juror's scorecard for one of their assignments. Anyone else (another juror, a conflicted one, an
 * applicant, a visitor) gets the 404 of an unknown id; staff may read any scorecard and reopen one.
 */
@ApiTags('scorecards')
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get(':assignmentId')
  @Public()
  @ApiOkResponse({ type: ScorecardDto })
  get(@Param('assignmentId', UuidPipe) assignmentId: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<TScorecard> {
    return this.scorecards.get(assignmentId, user);
  }

  /** Draft autosave: a stale `version` gets 409 VERSION_CONFLICT with details.current; a submitted card 409 CONFLICT. */
  @Put(':assignmentId')
  @Public()
  @ApiOkResponse({ type: ScorecardDto })
  save(@Param('assignmentId', UuidPipe) assignmentId: string, @Body() body: PutScorecardRequestDto, @CurrentUserOr404() user: AuthenticatedUser): Promise<TScorecard> {
    return this.scorecards.save(assignmentId, body, user);
  }

  /** Submits once every criterion is scored (400 naming the missing ones); a double submit returns the same card. */
  @Post(':assignmentId/submit')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ScorecardDto })
  submit(
    @Param('assignmentId', UuidPipe) assignmentId: string,
    @Body() body: SubmitScorecardRequestDto,
    @CurrentUserOr404() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TScorecard> {
    return this.scorecards.submit(assignmentId, body, user, ctx);
  }

  /** Staff send a submitted scorecard back to draft, with a reason; audited, and the juror is emailed. */
  @Post(':assignmentId/reopen')
  @Roles('STAFF')
  @HttpCode(200)
  @ApiOkResponse({ type: ScorecardDto })
  reopen(@Param('assignmentId', UuidPipe) assignmentId: string, @Body() body: ReopenScorecardRequestDto, @Ctx() ctx: RequestContext): Promise<TScorecard> {
    return this.scorecards.reopen(assignmentId, body, ctx);
  }
}
