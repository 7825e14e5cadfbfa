import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { TConflict, TJuryApplicationView } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUser, CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { AppError } from '../../common/errors/app-error';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { sendAttachment } from '../attachments/attachment-reply';
import type { AuthenticatedUser } from '../auth/auth.types';
import { DeclareConflictRequestDto, JuryApplicationViewDto, JuryAssignmentListDto, JuryConflictDto, JuryRankingDto } from './jury.dto';
import { JuryConflictsService } from './jury-conflicts.service';
import { JuryService, type AssignmentFilter, type JuryAssignmentList, type JuryRanking } from './jury.service';

const FILTERS: readonly AssignmentFilter[] = ['TO_DO', 'DRAFT', 'SUBMITTED'];

/**
 * The juror's workspace. Routes about one assignment are open to any caller on purpose: whoever may not
 * see it (signed out, another juror, a conflicted juror, an applicant) gets the same 404 as for an id
 * that does not exist; staff who are not jurors of the round get 403.
 */
@ApiTags('jury')
@Controller('jury')
export class JuryController {
  constructor(
    private readonly jury: JuryService,
    private readonly conflicts: JuryConflictsService,
  ) {}

  /** The caller's assignments in open rounds, with their progress ("7 of 12 submitted"). */
  @Get('assignments')
  @ApiQuery({ name: 'status', required: false, enum: FILTERS })
  @ApiOkResponse({ type: JuryAssignmentListDto })
  list(@Query('status') status: string | undefined, @CurrentUser() user: AuthenticatedUser): Promise<JuryAssignmentList> {
    if (status !== undefined && !FILTERS.includes(status as AssignmentFilter)) {
      throw new AppError('VALIDATION_FAILED', [{ path: ['status'], code: 'invalid_value', message: 'TO_DO | DRAFT | SUBMITTED' }]);
    }
    return this.jury.list(user, status as AssignmentFilter | undefined);
  }

  /** The application as this juror may read it (blind rounds: no identifying field, masked contacts, neutral file names). */
  @Get('assignments/:id')
  @Public()
  @ApiOkResponse({ type: JuryApplicationViewDto })
  view(@Param('id', UuidPipe) id: string, @CurrentUserOr404() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TJuryApplicationView> {
    return this.jury.view(id, user, ctx);
  }

  /** A file of the assigned application, always as a download; in a blind round under its neutral name and without document metadata. */
  @Get('assignments/:id/attachments/:attachmentId')
  @Public()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id', UuidPipe) id: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
    @CurrentUserOr404() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.jury.download(id, attachmentId, user, ctx);
    await sendAttachment(reply, file, file.body);
  }

  /** Declares a conflict of interest on one of the caller's assignments: it is removed and the application hidden. */
  @Post('conflicts')
  @Public()
  @ApiCreatedResponse({ type: JuryConflictDto })
  declareConflict(@Body() body: DeclareConflictRequestDto, @CurrentUserOr404() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TConflict> {
    return this.conflicts.declare(body, user, ctx);
  }

  /** The caller's own scorecards of a round, best first (drafts after, unranked). */
  @Get('rounds/:roundId/ranking')
  @Public()
  @ApiOkResponse({ type: JuryRankingDto })
  ranking(@Param('roundId', UuidPipe) roundId: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<JuryRanking> {
    return this.jury.ranking(roundId, user);
  }
}
