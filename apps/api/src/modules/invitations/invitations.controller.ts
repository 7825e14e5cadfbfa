import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZAcceptInvitationRequest, ZCreateInvitationRequest, ZInvitation, ZInvitationPreview, type TInvitation, type TInvitationPreview, type TUser } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto } from '../../common/http/zod-dto';
import { z } from 'zod';
import { Public, Roles } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Ctx, type AppRequest, type RequestContext } from '../../common/http/request-context';
import { UserDto } from '../auth/auth.dto';
import type { AuthenticatedUser } from '../auth/auth.types';
import { SessionsService } from '../auth/sessions.service';
import { InvitationsService } from './invitations.service';

class CreateInvitationRequestDto extends createZodDto(ZCreateInvitationRequest) {}
class AcceptInvitationRequestDto extends createZodDto(ZAcceptInvitationRequest) {}
class InvitationDto extends createZodDto(ZInvitation) {}
class InvitationListDto extends createZodDto(z.array(ZInvitation)) {}
class InvitationPreviewDto extends createZodDto(ZInvitationPreview) {}

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
  ) {}

  /** Invites a juror (staff) or a staff member (admins only) by email. */
  @Post()
  @Roles('STAFF')
  @ApiCreatedResponse({ type: InvitationDto })
  create(@Body() body: CreateInvitationRequestDto, @CurrentUser() user: AuthenticatedUser, @Ctx() ctx: RequestContext): Promise<TInvitation> {
    return this.invitations.create(body, user, ctx);
  }

  @Get()
  @Roles('STAFF')
  @ApiOkResponse({ type: InvitationListDto })
  list(): Promise<TInvitation[]> {
    return this.invitations.list();
  }

  @Get(':token')
  @Public()
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Param('token') token: string, @Ctx() ctx: RequestContext): Promise<TInvitationPreview> {
    return this.invitations.preview(token, ctx);
  }

  @Post(':token/accept')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationRequestDto,
    @Ctx() ctx: RequestContext,
    @Req() request: AppRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TUser> {
    const { user, sessionToken } = await this.invitations.accept(token, body, ctx, request.sessionId);
    this.sessions.setCookie(reply, sessionToken);
    return user;
  }
}
