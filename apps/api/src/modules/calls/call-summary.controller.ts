import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TCallSummary } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CallSummaryDto } from './calls.dto';
import { CallSummaryService } from './call-summary.service';

@ApiTags('calls')
@Controller('calls')
export class CallSummaryController {
  constructor(private readonly summaries: CallSummaryService) {}

  /** Staff: the call's phase, its figures (applications by stage, each round's work) and the next step. */
  @Get(':id/summary')
  @Roles('STAFF')
  @ApiOkResponse({ type: CallSummaryDto })
  summary(@Param('id', UuidPipe) id: string, @Ctx() ctx: RequestContext): Promise<TCallSummary> {
    return this.summaries.summary(id, ctx);
  }
}
