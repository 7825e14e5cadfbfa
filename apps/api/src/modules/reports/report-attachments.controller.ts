import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { TAttachment } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators/access.decorators';
import { CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { Ctx, type AppRequest, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AttachmentDto } from '../attachments/attachments.controller';
import { sendAttachment } from '../attachments/attachment-reply';
import { openMultipartFile } from '../attachments/multipart';
import type { AuthenticatedUser } from '../auth/auth.types';
import { ReportAttachmentsService } from './report-attachments.service';

/**
 * A progress report's files. As for an application's files, who may reach them is decided per project by
 * the service: the owner adds and removes them while the report is editable, the owner and staff download
 * them, anyone else (a juror of the call included) gets 404.
 */
@ApiTags('reports')
@Controller('applications/:id/reports/:milestoneKey/attachments')
export class ReportAttachmentsController {
  constructor(private readonly files: ReportAttachmentsService) {}

  /** Adds one file (multipart/form-data, one part named `file`) to a FILE field of the report form; the first file creates the report. */
  @Post()
  @Public()
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'fieldKey', required: true, type: String, description: 'Key of a visible FILE field of the report form' })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentDto })
  upload(
    @Param('id', UuidPipe) applicationId: string,
    @Param('milestoneKey') milestoneKey: string,
    @Query('fieldKey') fieldKey: string | undefined,
    @Req() request: AppRequest,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TAttachment> {
    return this.files.upload(applicationId, milestoneKey, fieldKey, ctx, (maxBytes) => openMultipartFile(request, maxBytes));
  }

  /** Downloads a file: always as an attachment, with the type found in its bytes. */
  @Get(':attachmentId')
  @Public()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id', UuidPipe) applicationId: string,
    @Param('milestoneKey') milestoneKey: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, stream } = await this.files.download(applicationId, milestoneKey, attachmentId, ctx);
    await sendAttachment(reply, attachment, stream);
  }

  @Delete(':attachmentId')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  remove(
    @Param('id', UuidPipe) applicationId: string,
    @Param('milestoneKey') milestoneKey: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    return this.files.remove(applicationId, milestoneKey, attachmentId, ctx);
  }
}
