import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TReminderRun } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { ReminderRunDto } from './follow-up.dto';
import { ReportRemindersService } from './report-reminders.service';

/** Staff: send the call's due report reminders now instead of waiting for the hourly pass. */
@ApiTags('programme')
@Controller('calls/:id/programme/reminders')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class ReportRemindersController {
  constructor(private readonly reminders: ReportRemindersService) {}

  /** Queues each reminder due now that was never sent (`queued`); those sent before are counted in `alreadySent`. */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: ReminderRunDto })
  run(@Param('id', UuidPipe) callId: string, @Ctx() ctx: RequestContext): Promise<TReminderRun> {
    return this.reminders.runForCall(callId, ctx);
  }
}
