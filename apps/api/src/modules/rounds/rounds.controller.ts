import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TCriterion, TRound } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CreateRoundRequestDto, CriterionListDto, PutCriteriaRequestDto, RoundDto, RoundListDto, UpdateRoundRequestDto } from './rounds.dto';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@Controller()
@Roles('STAFF')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  /** The call's evaluation rounds; round 1 is created the first time they are listed. */
  @Get('calls/:id/rounds')
  @ApiOkResponse({ type: RoundListDto })
  async list(@Param('id', UuidPipe) callId: string, @Ctx() ctx: RequestContext): Promise<{ items: TRound[] }> {
    return { items: await this.rounds.list(callId, ctx) };
  }

  @Post('calls/:id/rounds')
  @ApiCreatedResponse({ type: RoundDto })
  create(@Param('id', UuidPipe) callId: string, @Body() body: CreateRoundRequestDto, @Ctx() ctx: RequestContext): Promise<TRound> {
    return this.rounds.create(callId, body, ctx);
  }

  @Get('rounds/:id')
  @ApiOkResponse({ type: RoundDto })
  get(@Param('id', UuidPipe) id: string): Promise<TRound> {
    return this.rounds.get(id);
  }

  /**
   * Opening (status OPEN) needs weighted criteria for a scoring round and at least one application, else 409
   * CONFLICT { reason: ROUND_HAS_NO_CRITERIA | ROUND_HAS_NO_APPLICATIONS }; before the call's deadline also
   * `acknowledgeEarly: true`, else 409 { reason: ROUND_OPENS_BEFORE_DEADLINE }. Opening round 1 takes the
   * call's screened-in applications into it. Changing `type` once the round has a scorecard or a ballot is
   * 409 { reason: ROUND_TYPE_LOCKED }.
   */
  @Patch('rounds/:id')
  @ApiOkResponse({ type: RoundDto })
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateRoundRequestDto, @Ctx() ctx: RequestContext): Promise<TRound> {
    return this.rounds.update(id, body, ctx);
  }

  /** Deletes an empty round (not round 1); 409 CONFLICT { reason: FIRST_ROUND | ROUND_NOT_EMPTY } otherwise. */
  @Delete('rounds/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', UuidPipe) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.rounds.remove(id, ctx);
  }

  @Get('rounds/:id/criteria')
  @ApiOkResponse({ type: CriterionListDto })
  criteria(@Param('id', UuidPipe) id: string): Promise<{ items: TCriterion[]; locked: boolean }> {
    return this.rounds.criteria(id);
  }

  /** Replaces the criteria; 409 CONFLICT { reason: CRITERIA_LOCKED } once a scorecard is submitted, unless `reset`. */
  @Put('rounds/:id/criteria')
  @ApiOkResponse({ type: CriterionListDto })
  putCriteria(@Param('id', UuidPipe) id: string, @Body() body: PutCriteriaRequestDto, @Ctx() ctx: RequestContext): Promise<{ items: TCriterion[]; locked: boolean }> {
    return this.rounds.putCriteria(id, body, ctx);
  }
}
