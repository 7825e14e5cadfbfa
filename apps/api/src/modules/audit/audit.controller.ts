import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ZAuditPage, ZAuditQuery, type TAuditPage } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { createZodDto } from '../../common/http/zod-dto';
import { AuditTrailService } from './audit-trail.service';

class AuditQueryDto extends createZodDto(ZAuditQuery) {}
class AuditPageDto extends createZodDto(ZAuditPage) {}
class AuditExportQueryDto extends createZodDto(ZAuditQuery.omit({ page: true, pageSize: true })) {}

/** The audit trail, read-only, for staff. There is no route that changes or deletes an audit row. */
@ApiTags('audit')
@Controller()
@Roles('STAFF')
@HiddenFromOtherRoles()
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('audit')
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<TAuditPage> {
    return this.trail.page(query);
  }

  /** The filtered trail as CSV (UTF-8 with a byte-order mark), newest first. */
  @Get('audit.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Header('x-content-type-options', 'nosniff')
  async csv(@Query() query: AuditExportQueryDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.trail.csv(query, ctx.locale);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }
}
