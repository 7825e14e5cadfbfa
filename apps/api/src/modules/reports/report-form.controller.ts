import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TReportForm } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { PutReportFormRequestDto, ReportFormDto } from './reports.dto';
import { ReportFormService } from './report-form.service';

/** Staff: the form of a programme's progress reports. Hidden (404) from other roles. */
@ApiTags('programme')
@Controller('calls/:id/programme/report-form')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class ReportFormController {
  constructor(private readonly forms: ReportFormService) {}

  /** The default form, version 0, until staff save one; `locked` once a report was sent with it. */
  @Get()
  @ApiOkResponse({ type: ReportFormDto })
  read(@Param('id', UuidPipe) callId: string): Promise<TReportForm> {
    return this.forms.read(callId);
  }

  /** Replaces the form. 409 VERSION_CONFLICT { current } on a stale `version`; CONFLICT FORM_LOCKED when a locked form loses or retypes a field. */
  @Put()
  @ApiOkResponse({ type: ReportFormDto })
  write(@Param('id', UuidPipe) callId: string, @Body() body: PutReportFormRequestDto, @Ctx() ctx: RequestContext): Promise<TReportForm> {
    return this.forms.write(callId, body, ctx);
  }
}
