import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TAutoAssignResult, TRoundAssignments, TRoundProgress } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AssignmentsService } from './assignments.service';
import { AutoAssignResultDto, PutAssignmentsRequestDto, RoundAssignmentsDto, RoundProgressDto, SendRemindersRequestDto, SendRemindersResultDto } from './jury-admin.dto';
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

  /** Automatic, balanced assignment that keeps what exists and never uses a conflicted juror. */
  @Post('assignments/auto')
  @HttpCode(200)
  @ApiOkResponse({ type: AutoAssignResultDto })
  auto(@Param('id', UuidPipe) roundId: string, @Ctx() ctx: RequestContext): Promise<TAutoAssignResult> {
    return this.assignments.auto(roundId, ctx);
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
