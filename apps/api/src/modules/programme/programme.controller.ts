import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZProgramme, ZProgrammeRequest, type TProgramme } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { createZodDto } from '../../common/http/zod-dto';
import { ProgrammeService } from './programme.service';

export class ProgrammeDto extends createZodDto(ZProgramme) {}
export class ProgrammeRequestDto extends createZodDto(ZProgrammeRequest) {}

/** Staff: a call's support programme (milestones, indicators). Hidden (404) from other roles. */
@ApiTags('programme')
@Controller('calls/:id/programme')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeService) {}

  /** Version 0 with empty lists until staff set it up. */
  @Get()
  @ApiOkResponse({ type: ProgrammeDto })
  read(@Param('id', UuidPipe) callId: string): Promise<TProgramme> {
    return this.programme.read(callId);
  }

  /** The whole programme, in order. 409 VERSION_CONFLICT { current } on a stale `version`. */
  @Put()
  @ApiOkResponse({ type: ProgrammeDto })
  write(@Param('id', UuidPipe) callId: string, @Body() body: ProgrammeRequestDto, @Ctx() ctx: RequestContext): Promise<TProgramme> {
    return this.programme.write(callId, body, ctx);
  }
}
