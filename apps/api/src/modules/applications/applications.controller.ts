import { Body, Controller, createParamDecorator, Get, HttpCode, Param, Patch, Post, type ExecutionContext } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TApplication } from '@tahkim/contracts';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { AppError } from '../../common/errors/app-error';
import { Ctx, type AppRequest, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { ApplicationDto, ApplicationListDto, PatchApplicationRequestDto, SubmitApplicationRequestDto } from './applications.dto';
import { ApplicationsService } from './applications.service';

/**
 * The caller of a route about one application. Someone signed out is told what anyone else who may
 * not see it is told: it does not exist (404), never that it does and needs a sign-in.
 */
const ApplicationReader = createParamDecorator((_data: unknown, execution: ExecutionContext): AuthenticatedUser => {
  const user = execution.switchToHttp().getRequest<AppRequest>().user;
  if (!user) throw new AppError('NOT_FOUND');
  return user;
});

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
  get(@Param('id', UuidPipe) id: string, @ApplicationReader() user: AuthenticatedUser): Promise<TApplication> {
    return this.applications.get(id, user);
  }

  /** Autosave of a draft: a stale `version` gets 409 VERSION_CONFLICT with `details.current`. */
  @Patch('applications/:id')
  @Public()
  @ApiOkResponse({ type: ApplicationDto })
  save(@Param('id', UuidPipe) id: string, @Body() body: PatchApplicationRequestDto, @ApplicationReader() user: AuthenticatedUser): Promise<TApplication> {
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
    @ApplicationReader() user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TApplication> {
    return this.applications.submit(id, body ?? {}, user, ctx);
  }

  @Post('applications/:id/withdraw')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDto })
  withdraw(@Param('id', UuidPipe) id: string, @ApplicationReader() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TApplication> {
    return this.applications.withdraw(id, user, ctx);
  }
}
