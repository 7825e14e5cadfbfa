import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TApplicationFileIdentity } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { ApplicationFileIdentityDto } from './jury.dto';
import { FileIdentityService } from './file-identity.service';

/** Staff: before a blind round, which files of an application would give the applicant away. */
@ApiTags('applications')
@Controller()
export class FileIdentityController {
  constructor(private readonly files: FileIdentityService) {}

  /** For each file: whether its text names the applicant (with passages), reads clear, has no text (scans, photos) or could not be read. */
  @Get('admin/applications/:id/file-identity')
  @Roles('STAFF')
  @ApiOkResponse({ type: ApplicationFileIdentityDto })
  check(@Param('id', UuidPipe) id: string): Promise<TApplicationFileIdentity> {
    return this.files.check(id);
  }
}
