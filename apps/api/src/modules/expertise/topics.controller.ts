import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TApplicationTopics, TCallTopics, TExpertise } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { ApplicationTopicsDto, CallTopicsDto, ExpertiseDto, PutApplicationTopicsRequestDto, PutCallTopicsRequestDto, PutExpertiseRequestDto } from './expertise.dto';
import { TopicsService } from './topics.service';

/** Staff: a call's topics and topic question, an application's topics, a juror's expertise. */
@ApiTags('expertise (staff)')
@Controller()
@Roles('STAFF')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get('calls/:id/topics')
  @ApiOkResponse({ type: CallTopicsDto })
  get(@Param('id', UuidPipe) callId: string): Promise<TCallTopics> {
    return this.topics.get(callId);
  }

  /** Replaces the call's topics (by key) and its topic question: 409 NOT_A_CHOICE_FIELD if that is not a choice question of the form. */
  @Put('calls/:id/topics')
  @ApiOkResponse({ type: CallTopicsDto })
  put(@Param('id', UuidPipe) callId: string, @Body() body: PutCallTopicsRequestDto, @Ctx() ctx: RequestContext): Promise<TCallTopics> {
    return this.topics.put(callId, body, ctx);
  }

  @Get('applications/:id/topics')
  @ApiOkResponse({ type: ApplicationTopicsDto })
  applicationTopics(@Param('id', UuidPipe) applicationId: string): Promise<TApplicationTopics> {
    return this.topics.applicationTopics(applicationId);
  }

  /** Tags an application with topics during screening; `topics: null` follows the topic question again. */
  @Put('applications/:id/topics')
  @ApiOkResponse({ type: ApplicationTopicsDto })
  tag(@Param('id', UuidPipe) applicationId: string, @Body() body: PutApplicationTopicsRequestDto, @Ctx() ctx: RequestContext): Promise<TApplicationTopics> {
    return this.topics.tagApplication(applicationId, body, ctx);
  }

  @Put('rounds/:id/jurors/:jurorId/expertise')
  @ApiOkResponse({ type: ExpertiseDto })
  expertise(@Param('id', UuidPipe) roundId: string, @Param('jurorId', UuidPipe) jurorId: string, @Body() body: PutExpertiseRequestDto, @Ctx() ctx: RequestContext): Promise<TExpertise> {
    return this.topics.setExpertise(roundId, jurorId, body, ctx);
  }
}
