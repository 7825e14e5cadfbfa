import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TCallStaff } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CallsService } from './calls.service';
import { CallStaffDto, CallStaffListDto } from './calls.dto';

/** The back office's view of calls: every status, with settings and application counts. */
@ApiTags('calls')
@Controller('admin/calls')
@Roles('STAFF')
export class AdminCallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOkResponse({ type: CallStaffListDto })
  async list(): Promise<{ items: TCallStaff[] }> {
    return { items: await this.calls.listStaff() };
  }

  @Get(':id')
  @ApiOkResponse({ type: CallStaffDto })
  get(@Param('id', UuidPipe) id: string): Promise<TCallStaff> {
    return this.calls.getStaff(id);
  }
}
