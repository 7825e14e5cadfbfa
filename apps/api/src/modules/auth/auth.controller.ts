import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TOkResponse, TSession, TUser } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Ctx, type AppRequest, type RequestContext } from '../../common/http/request-context';
import {
  LoginRequestDto,
  OkResponseDto,
  PasswordResetConfirmRequestDto,
  PasswordResetRequestDto,
  RegisterRequestDto,
  SessionDto,
  UpdateMeRequestDto,
  UserDto,
} from './auth.dto';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './auth.types';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  /** Creates an applicant account and signs it in. */
  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: UserDto })
  async register(@Body() body: RegisterRequestDto, @Ctx() ctx: RequestContext, @Req() request: AppRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TUser> {
    const { user, sessionToken } = await this.auth.register(body, ctx, request.sessionId);
    this.sessions.setCookie(reply, sessionToken);
    return user;
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  async login(@Body() body: LoginRequestDto, @Ctx() ctx: RequestContext, @Req() request: AppRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TUser> {
    const { user, sessionToken } = await this.auth.login(body, ctx, request.sessionId);
    this.sessions.setCookie(reply, sessionToken);
    return user;
  }

  /** Ends the current session. Calling it without one is harmless. */
  @Post('logout')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: OkResponseDto })
  async logout(@Ctx() ctx: RequestContext, @Req() request: AppRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TOkResponse> {
    await this.auth.logout(request.sessionId, ctx);
    this.sessions.clearCookie(reply);
    return { ok: true };
  }

  /**
   * Who is signed in on this browser: `{ user: null }` for a visitor, so a page asks without logging an
   * error. API clients that need a session keep `GET /auth/me` and its 401.
   */
  @Get('session')
  @Public()
  @ApiOkResponse({ type: SessionDto })
  session(@Req() request: AppRequest): Promise<TSession> {
    return this.auth.session(request.user?.id);
  }

  @Get('me')
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<TUser> {
    return this.auth.me(user.id);
  }

  /** Changes the caller's name, remembered language or organisation. */
  @Patch('me')
  @ApiOkResponse({ type: UserDto })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeRequestDto, @Ctx() ctx: RequestContext): Promise<TUser> {
    return this.auth.updateMe(user.id, body, ctx);
  }

  /** Emails a single-use link, valid 30 minutes, when the account exists; answers the same either way. */
  @Post('password-reset')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: OkResponseDto })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Ctx() ctx: RequestContext): Promise<TOkResponse> {
    await this.auth.requestPasswordReset(body, ctx);
    return { ok: true };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: OkResponseDto })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmRequestDto, @Ctx() ctx: RequestContext): Promise<TOkResponse> {
    await this.auth.confirmPasswordReset(body, ctx);
    return { ok: true };
  }
}
