import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TSecondLook, TSecondLookList, TSecondLookPlan } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { SecondLookCommitRequestDto, SecondLookDto, SecondLookListDto, SecondLookPlanDto, SecondLookRequestDto } from './second-look.dto';
import { SecondLookService } from './second-look.service';

/** Staff only: anyone else signed in gets 404, as for the round's results. */
@ApiTags('second look')
@Controller('rounds/:id')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class SecondLookController {
  constructor(private readonly secondLooks: SecondLookService) {}

  /** Which applications would get an extra scorecard, why, from which jurors, and the loads after: nothing is written. */
  @Post('second-look/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: SecondLookPlanDto })
  preview(@Param('id', UuidPipe) roundId: string, @Body() body: SecondLookRequestDto): Promise<TSecondLookPlan> {
    return this.secondLooks.preview(roundId, body);
  }

  /** Commits the plan as assignments (409 VERSION_CONFLICT when the ranking changed since the preview's `stamp`). */
  @Post('second-looks')
  @HttpCode(201)
  @ApiOkResponse({ type: SecondLookDto })
  commit(@Param('id', UuidPipe) roundId: string, @Body() body: SecondLookCommitRequestDto, @Ctx() ctx: RequestContext): Promise<TSecondLook> {
    return this.secondLooks.commit(roundId, body, ctx);
  }

  @Get('second-looks')
  @ApiOkResponse({ type: SecondLookListDto })
  list(@Param('id', UuidPipe) roundId: string): Promise<TSecondLookList> {
    return this.secondLooks.list(roundId);
  }

  /** Undoes a second look while none of its scorecards is submitted (409 CONFLICT afterwards). */
  @Delete('second-looks/:secondLookId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async undo(@Param('id', UuidPipe) roundId: string, @Param('secondLookId', UuidPipe) secondLookId: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.secondLooks.undo(roundId, secondLookId, ctx);
  }
}
