import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZAttachment, type TAttachment } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto } from '../../common/http/zod-dto';
import { Public } from '../../common/decorators/access.decorators';
import { Ctx, type AppRequest, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AttachmentsService } from './attachments.service';
import { sendAttachment } from './attachment-reply';
import { openMultipartFile } from './multipart';

export class AttachmentDto extends createZodDto(ZAttachment) {}

/**
 * An application's files. The routes are open to any caller on purpose: who may see which application
 * is decided per application by the service, and anyone who may not (including a visitor who is not
 * signed in) gets the same 404 as for an application that does not exist.
 */
@ApiTags('attachments')
@Controller('applications/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** Adds one file (multipart/form-data, one part named `file`) to a FILE field of the caller's draft. */
  @Post()
  @Public()
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'fieldKey', required: true, type: String, description: 'Key of a visible FILE field of the call form' })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentDto })
  upload(
    @Param('id', UuidPipe) id: string,
    @Query('fieldKey') fieldKey: string | undefined,
    @Req() request: AppRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<TAttachment> {
    return this.attachments.upload(id, fieldKey, ctx, (maxBytes) => openMultipartFile(request, maxBytes));
  }

  /** Downloads a file: always as an attachment, with the type found in its bytes. */
  @Get(':attachmentId')
  @Public()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id', UuidPipe) id: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
    @Ctx() ctx: RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, stream } = await this.attachments.download(id, attachmentId, ctx);
    await sendAttachment(reply, attachment, stream);
  }

  @Delete(':attachmentId')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  remove(@Param('id', UuidPipe) id: string, @Param('attachmentId', UuidPipe) attachmentId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.attachments.remove(id, attachmentId, ctx);
  }
}
