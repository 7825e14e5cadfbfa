import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { TApplicationNeighbours, TBulkScreeningResult, TStaffApplication, TStaffApplicationIds, TStaffApplicationPage } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../common/decorators/access.decorators';
import { XLSX_MEDIA_TYPE } from '../../common/export/table-export';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { ApplicationsExportService } from './applications-export.service';
import {
  ApplicationNeighboursDto,
  BulkScreeningRequestDto,
  BulkScreeningResultDto,
  ScreeningRequestDto,
  StaffApplicationDto,
  StaffApplicationIdsDto,
  StaffApplicationPageDto,
  StaffApplicationQueryDto,
} from './applications.dto';
import { StaffApplicationsService } from './staff-applications.service';


/** Staff's view of incoming applications: the table, one application, screening, exports. */
@ApiTags('applications')
@Controller()
export class StaffApplicationsController {
  constructor(
    private readonly staff: StaffApplicationsService,
    private readonly exports: ApplicationsExportService,
  ) {}

  /** Submitted applications of a call (drafts only when `status=DRAFT` is asked), filtered, searched, paged. */
  @Get('calls/:id/applications')
  @Roles('STAFF')
  @ApiOkResponse({ type: StaffApplicationPageDto })
  list(@Param('id', UuidPipe) callId: string, @Query() query: StaffApplicationQueryDto, @Ctx() ctx: RequestContext): Promise<TStaffApplicationPage> {
    return this.staff.list(callId, query, ctx);
  }

  /** The filtered list as CSV (UTF-8 with a byte-order mark), column titles and choices in the caller's language. */
  @Get('calls/:id/applications.csv')
  @Roles('STAFF')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Header('x-content-type-options', 'nosniff')
  async csv(
    @Param('id', UuidPipe) callId: string,
    @Query() query: StaffApplicationQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.exports.csv(callId, query, ctx.locale);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  @Get('calls/:id/applications.xlsx')
  @Roles('STAFF')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'XLSX workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @Header('x-content-type-options', 'nosniff')
  async xlsx(
    @Param('id', UuidPipe) callId: string,
    @Query() query: StaffApplicationQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.exports.xlsx(callId, query, ctx.locale);
    void reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  /**
   * The applications matching the same filter as the table that screening can still change (submitted,
   * eligible or ineligible), in its order: "select all" for a bulk screening. `page` and `pageSize` are ignored.
   */
  @Get('calls/:id/applications/screenable-ids')
  @Roles('STAFF')
  @ApiOkResponse({ type: StaffApplicationIdsDto })
  ids(@Param('id', UuidPipe) callId: string, @Query() query: StaffApplicationQueryDto, @Ctx() ctx: RequestContext): Promise<TStaffApplicationIds> {
    return this.staff.ids(callId, query, ctx);
  }

  /**
   * Marks many applications of the call eligible or ineligible with one note, all or nothing, each one
   * audited. Before the deadline, 409 `{ reason: SCREENING_BEFORE_DEADLINE }` unless `acknowledgeEarly` is true;
   * 409 `{ reason: NOT_SCREENABLE, applications }` when one of them is past screening; 404 for an id
   * that is not an application of this call.
   */
  @Post('calls/:id/applications/screening')
  @Roles('STAFF')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkScreeningResultDto })
  screenMany(
    @Param('id', UuidPipe) callId: string,
    @Body() body: BulkScreeningRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TBulkScreeningResult> {
    return this.staff.screenMany(callId, body, user, ctx);
  }

  /** Previous, next and next-to-screen applications in the table as filtered and sorted by the same query. */
  @Get('admin/applications/:id/neighbours')
  @Roles('STAFF')
  @ApiOkResponse({ type: ApplicationNeighboursDto })
  neighbours(@Param('id', UuidPipe) id: string, @Query() query: StaffApplicationQueryDto, @Ctx() ctx: RequestContext): Promise<TApplicationNeighbours> {
    return this.staff.neighbours(id, query, ctx);
  }

  @Get('admin/applications/:id')
  @Roles('STAFF')
  @ApiOkResponse({ type: StaffApplicationDto })
  get(@Param('id', UuidPipe) id: string): Promise<TStaffApplication> {
    return this.staff.get(id);
  }

  /**
   * Marks a submitted application eligible or ineligible, with a note (audited). Before the deadline,
   * 409 `{ reason: SCREENING_BEFORE_DEADLINE }` unless `acknowledgeEarly` is true, as for a bulk screening.
   */
  @Post('applications/:id/screening')
  @Roles('STAFF')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffApplicationDto })
  screen(
    @Param('id', UuidPipe) id: string,
    @Body() body: ScreeningRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TStaffApplication> {
    return this.staff.screen(id, body, user, ctx);
  }
}
