import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TApplication } from '@tahkim/contracts';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUser, CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { ApplicationDto, ApplicationListDto, PatchApplicationRequestDto, SubmitApplicationRequestDto } from './applications.dto';
import { ApplicationsService } from './applications.service';

/** An applicant's own applications. Any signed-in person may apply; only the owner (and staff, to read) sees one. */
@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** Starts a draft application to a call that accepts applications. */
  @Post('calls/:id/applications')
  @ApiCreatedResponse({ type: ApplicationDto })
  create(@Param('id', UuidPipe) callId: string, @CurrentUser() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TApplication> {
    return this.applications.create(callId, user, ctx);
  }

  @Get('applications/mine')
  @ApiOkResponse({ type: ApplicationListDto })
  mine(@CurrentUser() user: AuthenticatedUser): Promise<{ items: TApplication[] }> {
    return this.applications.mine(user);
  }

  @Get('applications/:id')
  @Public()
  @ApiOkResponse({ type: ApplicationDto })
  get(@Param('id', UuidPipe) id: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<TApplication> {
    return this.applications.get(id, user);
  }

  /** Autosave of a draft: a stale `version` gets 409 VERSION_CONFLICT with `details.current`. */
  @Patch('applications/:id')
  @Public()
  @ApiOkResponse({ type: ApplicationDto })
  save(@Param('id', UuidPipe) id: string, @Body() body: PatchApplicationRequestDto, @CurrentUserOr404() user: AuthenticatedUser): Promise<TApplication> {
    return this.applications.saveDraft(id, body, user);
  }

  /** Submits before the deadline (checked by the database); submitting again returns the same application. */
  @Post('applications/:id/submit')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDto })
  submit(
    @Param('id', UuidPipe) id: string,
    @Body() body: SubmitApplicationRequestDto,
    @CurrentUserOr404() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TApplication> {
    return this.applications.submit(id, body ?? {}, user, ctx);
  }

  @Post('applications/:id/withdraw')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDto })
  withdraw(@Param('id', UuidPipe) id: string, @CurrentUserOr404() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TApplication> {
    return this.applications.withdraw(id, user, ctx);
  }
}
