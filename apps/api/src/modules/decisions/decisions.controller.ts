import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TBulkDecisionResult, TCallDecisionList, TPublishDecisionsRequest, TPublishDecisionsResult, TRecordDecisionResult } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import {
  BulkDecisionRequestDto,
  BulkDecisionResultDto,
  CallDecisionListDto,
  FeedbackSettingDto,
  FeedbackSettingRequestDto,
  PublishDecisionsRequestDto,
  PublishDecisionsResultDto,
  RecordDecisionRequestDto,
  RecordDecisionResultDto,
} from './decisions.dto';
import { DecisionsService } from './decisions.service';
import { OptionalBodyPipe } from './optional-body.pipe';

/** Staff: outcomes of applications, their publication and the feedback setting. Hidden (404) from other roles. */
@ApiTags('decisions')
@Controller()
@Roles('STAFF')
@HiddenFromOtherRoles()
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  /**
   * Records an outcome. WINNER / NOT_SELECTED are kept unpublished (the applicant sees nothing, the status
   * is unchanged) until `notify-decisions`; SHORTLISTED / IN_REVIEW set the status at once and remove an
   * unpublished decision. 409 CONFLICT { reason: DECISION_PUBLISHED | APPLICATION_NOT_DECIDABLE }.
   */
  @Put('applications/:id/decision')
  @ApiOkResponse({ type: RecordDecisionResultDto })
  record(@Param('id', UuidPipe) applicationId: string, @Body() body: RecordDecisionRequestDto, @Ctx() ctx: RequestContext): Promise<TRecordDecisionResult> {
    return this.decisions.recordOne(applicationId, body, ctx);
  }

  /** The same outcome for many applications of the call, in one transaction (400 names ids not of the call). */
  @Post('calls/:id/decisions')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkDecisionResultDto })
  recordMany(@Param('id', UuidPipe) callId: string, @Body() body: BulkDecisionRequestDto, @Ctx() ctx: RequestContext): Promise<TBulkDecisionResult> {
    return this.decisions.recordMany(callId, body, ctx);
  }

  /** Every submitted application of the call with its decision and the delivery status of its decision email. */
  @Get('calls/:id/decisions')
  @ApiOkResponse({ type: CallDecisionListDto })
  list(@Param('id', UuidPipe) callId: string): Promise<TCallDecisionList> {
    return this.decisions.list(callId);
  }

  /**
   * Publishes the call's unpublished decisions: statuses change, one email per applicant is queued in their
   * language (an outcome without a saved template uses the proposed texts), the call's open rounds close and
   * the call becomes DECIDED. Retrying publishes and queues nothing more. While the call still accepts
   * applications: 409 CONFLICT { reason: CALL_STILL_OPEN, closesAt, drafts } unless `closeCallEarly` is true,
   * which closes it now. The body may be left out.
   */
  @Post('calls/:id/notify-decisions')
  @HttpCode(200)
  @ApiBody({ type: PublishDecisionsRequestDto, required: false })
  @ApiOkResponse({ type: PublishDecisionsResultDto })
  publish(
    @Param('id', UuidPipe) callId: string,
    @Body(new OptionalBodyPipe(PublishDecisionsRequestDto)) body: TPublishDecisionsRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<TPublishDecisionsResult> {
    return this.decisions.publish(callId, body, ctx);
  }

  /** Whether applicants see criterion means and the jurors' shareable comments with their decision. */
  @Put('calls/:id/feedback')
  @ApiOkResponse({ type: FeedbackSettingDto })
  setFeedback(@Param('id', UuidPipe) callId: string, @Body() body: FeedbackSettingRequestDto, @Ctx() ctx: RequestContext): Promise<{ feedbackEnabled: boolean }> {
    return this.decisions.setFeedback(callId, body, ctx);
  }
}
