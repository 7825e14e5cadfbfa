import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { TPublicResults } from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators/access.decorators';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { PublicResultsDto } from './announcement.dto';
import { AnnouncementService } from './announcement.service';

/** The call's public results page: anyone, once staff published it (404 before and after unpublishing). */
@ApiTags('calls')
@Controller('calls/:idOrSlug/results')
export class PublicResultsController {
  constructor(private readonly announcement: AnnouncementService) {}

  /** The winners who agreed to be presented, in reference order. */
  @Get()
  @Public()
  @ApiOkResponse({ type: PublicResultsDto })
  results(@Param('idOrSlug') idOrSlug: string): Promise<TPublicResults> {
    return this.announcement.publicResults(idOrSlug);
  }

  /** A presented winner's photo (an image they attached to their application). */
  @Get('photos/:profileId')
  @Public()
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  async photo(@Param('idOrSlug') idOrSlug: string, @Param('profileId', UuidPipe) profileId: string, @Res() reply: FastifyReply): Promise<void> {
    const photo = await this.announcement.publicPhoto(idOrSlug, profileId);
    await reply
      .header('content-type', photo.mediaType)
      .header('content-length', String(photo.size))
      .header('x-content-type-options', 'nosniff')
      // Consent can be withdrawn at any time: shared caches keep it briefly.
      .header('cache-control', 'public, max-age=300')
      .send(photo.stream);
  }
}
