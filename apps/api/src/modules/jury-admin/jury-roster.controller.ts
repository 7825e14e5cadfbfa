import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TConflict } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { ConflictsService } from './conflicts.service';
import { AddJurorsRequestDto, AddJurorsResultDto, ConflictDto, ConflictListDto, ReviewConflictRequestDto, RoundJurorListDto, StaffConflictRequestDto } from './jury-admin.dto';
import { JurorsService } from './jurors.service';

/** Staff: a round's jurors and their conflicts of interest. */
@ApiTags('jury (staff)')
@Controller()
@Roles('STAFF')
export class JuryRosterController {
  constructor(
    private readonly jurors: JurorsService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Get('rounds/:id/jurors')
  @ApiOkResponse({ type: RoundJurorListDto })
  list(@Param('id', UuidPipe) roundId: string) {
    return this.jurors.list(roundId);
  }

  /** Existing accounts join the round now (and are told by email); other addresses are invited. */
  @Post('rounds/:id/jurors')
  @HttpCode(200)
  @ApiOkResponse({ type: AddJurorsResultDto })
  add(@Param('id', UuidPipe) roundId: string, @Body() body: AddJurorsRequestDto, @Ctx() ctx: RequestContext) {
    return this.jurors.add(roundId, body, ctx);
  }

  /** Only a juror without submitted work; their unsubmitted assignments go with them. 409 otherwise. */
  @Delete('rounds/:id/jurors/:jurorId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', UuidPipe) roundId: string, @Param('jurorId', UuidPipe) jurorId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.jurors.remove(roundId, jurorId, ctx);
  }

  /** Declared, staff-recorded and suggested conflicts (suggestions: same organisation as an application). */
  @Get('rounds/:id/conflicts')
  @ApiOkResponse({ type: ConflictListDto })
  listConflicts(@Param('id', UuidPipe) roundId: string, @Ctx() ctx: RequestContext): Promise<{ items: TConflict[] }> {
    return this.conflicts.list(roundId, ctx);
  }

  @Post('rounds/:id/conflicts')
  @HttpCode(200)
  @ApiOkResponse({ type: ConflictDto })
  recordConflict(@Param('id', UuidPipe) roundId: string, @Body() body: StaffConflictRequestDto, @Ctx() ctx: RequestContext): Promise<TConflict> {
    return this.conflicts.record(roundId, body, ctx);
  }

  @Patch('conflicts/:id')
  @ApiOkResponse({ type: ConflictDto })
  reviewConflict(@Param('id', UuidPipe) id: string, @Body() body: ReviewConflictRequestDto, @Ctx() ctx: RequestContext): Promise<TConflict> {
    return this.conflicts.review(id, body, ctx);
  }
}
