import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TCallPublic, TCallStaff } from '@tahkim/contracts';
import { Public, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CallsService } from './calls.service';
import { CallListDto, CallPublicDto, CallStaffDto, CloseCallRequestDto, CreateCallRequestDto, UpdateCallRequestDto } from './calls.dto';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  /** Published calls: those accepting applications first (nearest deadline first), then upcoming, then closed. */
  @Get()
  @Public()
  @ApiOkResponse({ type: CallListDto })
  async list(): Promise<{ items: TCallPublic[] }> {
    return { items: await this.calls.listPublic() };
  }

  /** A call by id or slug: public once published; a draft is 404 except to staff. */
  @Get(':idOrSlug')
  @Public()
  @ApiOkResponse({ type: CallPublicDto })
  get(@Param('idOrSlug') idOrSlug: string, @Ctx() ctx: RequestContext): Promise<TCallPublic> {
    return this.calls.getVisible(idOrSlug, ctx);
  }

  /** Creates a DRAFT call with one empty step of form. */
  @Post()
  @Roles('STAFF')
  @ApiCreatedResponse({ type: CallStaffDto })
  create(@Body() body: CreateCallRequestDto, @Ctx() ctx: RequestContext): Promise<TCallStaff> {
    return this.calls.create(body, ctx);
  }

  @Patch(':id')
  @Roles('STAFF')
  @ApiOkResponse({ type: CallStaffDto })
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateCallRequestDto, @Ctx() ctx: RequestContext): Promise<TCallStaff> {
    return this.calls.update(id, body, ctx);
  }

  /** DRAFT -> PUBLISHED: needs a French title, a future deadline and at least one visible field. */
  @Post(':id/publish')
  @Roles('STAFF')
  @HttpCode(200)
  @ApiOkResponse({ type: CallStaffDto })
  publish(@Param('id', UuidPipe) id: string, @Ctx() ctx: RequestContext): Promise<TCallStaff> {
    return this.calls.publish(id, ctx);
  }

  /** Closes a published call now (the deadline moves to now if it was later). */
  @Post(':id/close')
  @Roles('STAFF')
  @HttpCode(200)
  @ApiOkResponse({ type: CallStaffDto })
  close(@Param('id', UuidPipe) id: string, @Body() body: CloseCallRequestDto, @Ctx() ctx: RequestContext): Promise<TCallStaff> {
    return this.calls.close(id, body.reason, ctx);
  }
}
