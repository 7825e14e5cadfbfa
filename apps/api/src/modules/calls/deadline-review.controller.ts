import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZDeadlineReviewList, ZDeadlineReviewRequest, type TDeadlineReviewList } from '@tahkim/contracts';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { createZodDto } from '../../common/http/zod-dto';
import { DeadlineReviewService } from './deadline-review.service';

class DeadlineReviewListDto extends createZodDto(ZDeadlineReviewList) {}
class DeadlineReviewRequestDto extends createZodDto(ZDeadlineReviewRequest) {}

/** Dates stored before Morocco's move to UTC+0 was known to every browser, for staff to confirm or correct. */
@ApiTags('calls')
@Controller('admin')
@Roles('STAFF')
export class DeadlineReviewController {
  constructor(private readonly reviews: DeadlineReviewService) {}

  @Get('deadline-reviews')
  @ApiOkResponse({ type: DeadlineReviewListDto })
  list(): Promise<TDeadlineReviewList> {
    return this.reviews.list();
  }

  /** CONFIRM keeps the stored dates, MOVE_LATER moves each listed one an hour later; both audited. Answers the remaining list. */
  @Post('calls/:id/deadline-review')
  @HttpCode(200)
  @ApiOkResponse({ type: DeadlineReviewListDto })
  review(@Param('id', UuidPipe) id: string, @Body() body: DeadlineReviewRequestDto, @Ctx() ctx: RequestContext): Promise<TDeadlineReviewList> {
    return this.reviews.review(id, body, ctx);
  }
}
