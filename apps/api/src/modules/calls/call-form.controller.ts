import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TCallFormOutline, TFormResponse } from '@tahkim/contracts';
import { Public, Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CallFormService } from './call-form.service';
import { CallFormOutlineDto, FormResponseDto, PutFormRequestDto } from './calls.dto';

@ApiTags('calls')
@Controller('calls/:id/form')
export class CallFormController {
  constructor(private readonly forms: CallFormService) {}

  /** The call's form, for whoever may see the call (a draft's form only for staff). */
  @Get()
  @Public()
  @ApiOkResponse({ type: FormResponseDto })
  get(@Param('id', UuidPipe) id: string, @Ctx() ctx: RequestContext): Promise<TFormResponse> {
    return this.forms.get(id, ctx);
  }

  /** Public: the steps, questions and documents a published call asks for, to read before signing up. */
  @Get('outline')
  @Public()
  @ApiOkResponse({ type: CallFormOutlineDto })
  outline(@Param('id', UuidPipe) id: string): Promise<TCallFormOutline> {
    return this.forms.outline(id);
  }

  /** Replaces the form; a stale `version` gets 409 VERSION_CONFLICT with details.current. */
  @Put()
  @Roles('STAFF')
  @ApiOkResponse({ type: FormResponseDto })
  put(@Param('id', UuidPipe) id: string, @Body() body: PutFormRequestDto, @Ctx() ctx: RequestContext): Promise<TFormResponse> {
    return this.forms.put(id, body, ctx);
  }
}
