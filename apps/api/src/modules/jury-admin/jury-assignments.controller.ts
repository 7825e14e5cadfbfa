import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZPlanFingerprint, type TAssignmentPlan, type TRoundAssignments, type TRoundProgress } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AssignmentsService } from './assignments.service';
import { AssignmentPlanDto } from '../expertise/expertise.dto';
import { PutAssignmentsRequestDto, RoundAssignmentsDto, RoundProgressDto, SendRemindersRequestDto, SendRemindersResultDto } from './jury-admin.dto';
import { ProgressService } from './progress.service';

/** Staff: who scores what in a round, and how far the jury is. */
@ApiTags('jury (staff)')
@Controller('rounds/:id')
@Roles('STAFF')
export class JuryAssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly progressService: ProgressService,
  ) {}

  @Get('assignments')
  @ApiOkResponse({ type: RoundAssignmentsDto })
  get(@Param('id', UuidPipe) roundId: string): Promise<TRoundAssignments> {
    return this.assignments.get(roundId);
  }

  /** Replaces the assignments: 400 for a conflicted or foreign pair, 409 for removing a submitted scorecard. */
  @Put('assignments')
  @ApiOkResponse({ type: RoundAssignmentsDto })
  put(@Param('id', UuidPipe) roundId: string, @Body() body: PutAssignmentsRequestDto, @Ctx() ctx: RequestContext): Promise<TRoundAssignments> {
    return this.assignments.put(roundId, body, ctx);
  }

  /**
   * What the automatic assignment would add now: each pair with its affinity and reasons, the loads, the unmatched
   * applications. Writes no assignment (new suggested conflicts of interest are recorded, as before any assignment).
   */
  @Post('assignments/auto/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentPlanDto })
  preview(@Param('id', UuidPipe) roundId: string, @Ctx() ctx: RequestContext): Promise<TAssignmentPlan> {
    return this.assignments.preview(roundId, ctx);
  }

  /**
   * Automatic assignment: balanced (or capped), keeps what exists, never uses a conflicted juror, matches
   * projects with the jurors who know their field. With a preview's `fingerprint`, 409 PLAN_CHANGED if the plan differs.
   */
  @Post('assignments/auto')
  @HttpCode(200)
  @ApiQuery({ name: 'fingerprint', required: false, description: "A preview's fingerprint" })
  @ApiOkResponse({ type: AssignmentPlanDto })
  auto(@Param('id', UuidPipe) roundId: string, @Query('fingerprint') fingerprint: string | undefined, @Ctx() ctx: RequestContext): Promise<TAssignmentPlan> {
    if (fingerprint !== undefined && !ZPlanFingerprint.safeParse(fingerprint).success) {
      throw new AppError('VALIDATION_FAILED', [{ path: ['fingerprint'], code: 'invalid_format', message: 'fingerprint' }]);
    }
    return this.assignments.auto(roundId, fingerprint, ctx);
  }

  @Get('progress')
  @ApiOkResponse({ type: RoundProgressDto })
  progress(@Param('id', UuidPipe) roundId: string): Promise<TRoundProgress> {
    return this.progressService.progress(roundId);
  }

  @Post('reminders')
  @HttpCode(200)
  @ApiOkResponse({ type: SendRemindersResultDto })
  reminders(@Param('id', UuidPipe) roundId: string, @Body() body: SendRemindersRequestDto, @Ctx() ctx: RequestContext): Promise<{ sent: number }> {
    return this.progressService.sendReminders(roundId, body, ctx);
  }
}
