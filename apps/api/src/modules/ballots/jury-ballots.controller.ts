import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TJuryBallot, TJuryBallotRoundList } from '@tahkim/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { DeclareBallotConflictRequestDto, JuryBallotDto, JuryBallotRoundListDto, PutBallotRequestDto, SubmitBallotRequestDto } from './ballots.dto';
import { BallotsService } from './ballots.service';

/**
 * The juror's final ballots. Signed-in callers only; a round the caller does not sit on as a juror (or
 * that is not an OPEN ballot round) answers 404, as an id that does not exist.
 */
@ApiTags('ballots')
@Controller('jury/ballots')
export class JuryBallotsController {
  constructor(private readonly ballots: BallotsService) {}

  /** The caller's OPEN ballot rounds with where their ballot stands. */
  @Get()
  @ApiOkResponse({ type: JuryBallotRoundListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<TJuryBallotRoundList> {
    return this.ballots.list(user);
  }

  /** The applications to order (conflicts left out; blind rounds: reference and masked title) and the caller's ballot. */
  @Get(':roundId')
  @ApiOkResponse({ type: JuryBallotDto })
  get(@Param('roundId', UuidPipe) roundId: string, @CurrentUser() user: AuthenticatedUser): Promise<TJuryBallot> {
    return this.ballots.get(roundId, user);
  }

  /** Draft autosave of the full order: 400 unless it orders exactly the caller's applications; stale `version` 409 VERSION_CONFLICT with details.current; submitted 409 CONFLICT. */
  @Put(':roundId')
  @ApiOkResponse({ type: JuryBallotDto })
  save(@Param('roundId', UuidPipe) roundId: string, @Body() body: PutBallotRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<TJuryBallot> {
    return this.ballots.save(roundId, body, user);
  }

  /** Submits the saved order (audited); a double submit returns the same ballot. */
  @Post(':roundId/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: JuryBallotDto })
  submit(@Param('roundId', UuidPipe) roundId: string, @Body() body: SubmitBallotRequestDto, @CurrentUser() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TJuryBallot> {
    return this.ballots.submit(roundId, body, user, ctx);
  }

  /**
   * Declares a conflict of interest with one of the ballot's finalists (a reason is required): it leaves
   * the caller's ballot at once, draft or submitted, and the answer is the ballot without it. 404 for a
   * finalist not in this ballot, as for a round the caller does not sit on.
   */
  @Post(':roundId/conflicts')
  @HttpCode(200)
  @ApiOkResponse({ type: JuryBallotDto })
  declareConflict(@Param('roundId', UuidPipe) roundId: string, @Body() body: DeclareBallotConflictRequestDto, @CurrentUser() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TJuryBallot> {
    return this.ballots.declareConflict(roundId, body, user, ctx);
  }
}
