import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZEmailList, ZEmailListQuery, type TEmailList } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';
import { Roles } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthenticatedUser } from '../auth/auth.types';
import { EmailsService } from './emails.service';

class EmailListQueryDto extends createZodDto(ZEmailListQuery) {}
class EmailListDto extends createZodDto(ZEmailList) {}

@ApiTags('emails')
@Controller('admin/emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  /**
   * The outbox as staff read it: every email with its delivery status. One-time links (password resets,
   * invitations) are hidden, except from admins while emails are only captured (no SMTP server).
   */
  @Get()
  @Roles('STAFF')
  @ApiOkResponse({ type: EmailListDto })
  list(@Query() query: EmailListQueryDto, @CurrentUser() viewer: AuthenticatedUser): Promise<TEmailList> {
    return this.emails.list(query, viewer);
  }
}
