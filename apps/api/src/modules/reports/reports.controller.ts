import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TApplicationReports, TProgressReport } from '@tahkim/contracts';
import { HiddenFromOtherRoles, Public, Roles } from '../../common/decorators/access.decorators';
import { CurrentUserOr404 } from '../../common/decorators/current-user.decorator';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { AuthenticatedUser } from '../auth/auth.types';
import { ApplicationReportsDto, ProgressReportDto, ReviewReportRequestDto, SaveReportRequestDto, SubmitReportRequestDto } from './reports.dto';
import { ReportReviewService } from './report-review.service';
import { ReportsService } from './reports.service';

/**
 * A supported project's progress reports. Its owner writes and sends them; staff read them (and are told
 * 403 when they try to write for the project) and review them; anyone else, signed in or not, gets the same
 * 404 as for an application that does not exist, or is not a followed winner.
 */
@ApiTags('reports')
@Controller('applications/:id/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly reviews: ReportReviewService,
  ) {}

  /** The project's milestones in programme order, each with where it stands by the database's clock. */
  @Get()
  @Public()
  @ApiOkResponse({ type: ApplicationReportsDto })
  list(@Param('id', UuidPipe) applicationId: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<TApplicationReports> {
    return this.reports.list(applicationId, user);
  }

  /** The report for a milestone that asks for one (version 0, an empty draft, while nothing was saved). */
  @Get(':milestoneKey')
  @Public()
  @ApiOkResponse({ type: ProgressReportDto })
  read(@Param('id', UuidPipe) applicationId: string, @Param('milestoneKey') milestoneKey: string, @CurrentUserOr404() user: AuthenticatedUser): Promise<TProgressReport> {
    return this.reports.read(applicationId, milestoneKey, user);
  }

  /** Autosave (the project). 409 VERSION_CONFLICT { current } on a stale `version`; CONFLICT REPORT_NOT_EDITABLE once sent. */
  @Put(':milestoneKey')
  @Public()
  @ApiOkResponse({ type: ProgressReportDto })
  save(
    @Param('id', UuidPipe) applicationId: string,
    @Param('milestoneKey') milestoneKey: string,
    @Body() body: SaveReportRequestDto,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TProgressReport> {
    return this.reports.save(applicationId, milestoneKey, body, ctx);
  }

  /** Sends the report (late is allowed, and flagged); a missing required answer is a 400 per field. Sending twice returns it. */
  @Post(':milestoneKey/submit')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ProgressReportDto })
  submit(
    @Param('id', UuidPipe) applicationId: string,
    @Param('milestoneKey') milestoneKey: string,
    @Body() body: SubmitReportRequestDto,
    @CurrentUserOr404() _user: AuthenticatedUser,
    @Ctx() ctx: RequestContext,
  ): Promise<TProgressReport> {
    return this.reports.submit(applicationId, milestoneKey, body, ctx);
  }

  /** Staff accept a sent report or ask for changes with a comment (emailed to the project). 409 CONFLICT REPORT_NOT_SUBMITTED otherwise. */
  @Post(':milestoneKey/review')
  @Roles('STAFF')
  @HiddenFromOtherRoles()
  @HttpCode(200)
  @ApiOkResponse({ type: ProgressReportDto })
  review(
    @Param('id', UuidPipe) applicationId: string,
    @Param('milestoneKey') milestoneKey: string,
    @Body() body: ReviewReportRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TProgressReport> {
    return this.reviews.review(applicationId, milestoneKey, body, ctx);
  }
}
