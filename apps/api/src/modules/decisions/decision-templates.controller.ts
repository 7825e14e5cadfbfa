import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { DECISION_OUTCOMES, type TDecisionOutcome, type TDecisionPreview, type TDecisionTemplate, type TDecisionTemplateList } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { DecisionTemplatesService } from './decision-templates.service';
import { DecisionPreviewDto, DecisionPreviewRequestDto, DecisionTemplateDto, DecisionTemplateListDto, DecisionTemplateRequestDto } from './decisions.dto';
import { DecisionOutcomePipe } from './outcome.pipe';

/** Staff: the decision emails of a call, one template per outcome in ar/fr/en, and their previews. */
@ApiTags('decisions')
@Controller('calls/:id/decision-templates')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class DecisionTemplatesController {
  constructor(private readonly templates: DecisionTemplatesService) {}

  /** Both outcomes' templates; an unsaved one comes as a proposal (`saved: false`). */
  @Get()
  @ApiOkResponse({ type: DecisionTemplateListDto })
  list(@Param('id', UuidPipe) callId: string): Promise<TDecisionTemplateList> {
    return this.templates.list(callId);
  }

  /** 400 VALIDATION_FAILED with issue code UNKNOWN_PLACEHOLDER (and `placeholder`) for any unknown `{{name}}`. */
  @Put(':outcome')
  @ApiParam({ name: 'outcome', enum: DECISION_OUTCOMES })
  @ApiOkResponse({ type: DecisionTemplateDto })
  save(
    @Param('id', UuidPipe) callId: string,
    @Param('outcome', DecisionOutcomePipe) outcome: TDecisionOutcome,
    @Body() body: DecisionTemplateRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TDecisionTemplate> {
    return this.templates.save(callId, outcome, body, ctx);
  }

  /** The email rendered for a real application of the call, from the unsaved texts when given. */
  @Post(':outcome/preview')
  @HttpCode(200)
  @ApiParam({ name: 'outcome', enum: DECISION_OUTCOMES })
  @ApiOkResponse({ type: DecisionPreviewDto })
  preview(
    @Param('id', UuidPipe) callId: string,
    @Param('outcome', DecisionOutcomePipe) outcome: TDecisionOutcome,
    @Body() body: DecisionPreviewRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TDecisionPreview> {
    return this.templates.preview(callId, outcome, body, ctx);
  }
}
