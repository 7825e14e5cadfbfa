import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { TFollowUpDashboard } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { XLSX_MEDIA_TYPE } from '../../common/export/table-export';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { FollowUpDashboardDto, FollowUpExportQueryDto } from './follow-up.dto';
import { FollowUpExportService } from './follow-up-export.service';
import { FollowUpService } from './follow-up.service';

/** Staff: how a call's supported projects are doing. Hidden (404) from other roles, as the programme is. */
@ApiTags('programme')
@Controller('calls/:id/follow-up')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class FollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly exports: FollowUpExportService,
  ) {}

  /** Milestone states and impact indicators of every winner, with totals and regions; empty lists without a programme. */
  @Get()
  @ApiOkResponse({ type: FollowUpDashboardDto })
  dashboard(@Param('id', UuidPipe) callId: string): Promise<TFollowUpDashboard> {
    return this.followUp.dashboard(callId);
  }

  /** One row per project and indicator: accepted values per milestone, current value, target, progress; CSV (UTF-8 with a byte-order mark) or XLSX. */
  @Get('export')
  @ApiProduces('text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'CSV file or XLSX workbook, column titles in the caller’s language',
    content: { 'text/csv': { schema: { type: 'string' } }, [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @Header('x-content-type-options', 'nosniff')
  async export(
    @Param('id', UuidPipe) callId: string,
    @Query() query: FollowUpExportQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const xlsx = query.format === 'xlsx';
    const file = xlsx ? await this.exports.xlsx(callId, ctx.locale) : await this.exports.csv(callId, ctx.locale);
    void reply.header('content-type', xlsx ? XLSX_MEDIA_TYPE : 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }
}
