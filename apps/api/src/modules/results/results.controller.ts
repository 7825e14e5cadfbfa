import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { TRanking } from '@tahkim/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HiddenFromOtherRoles, Roles } from '../../common/decorators/access.decorators';
import { XLSX_MEDIA_TYPE } from '../../common/export/table-export';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { RankingExportService } from './ranking-export.service';
import { ApplicationScorecardListDto, RankingDto, RankingExportQueryDto, RankingQueryDto, RankingSelectionDto, RankingSelectionQueryDto, ShortlistConfidenceDto, ShortlistConfidenceQueryDto } from './results.dto';
import { ResultsService } from './results.service';

/**
 * A round's results: staff only. Anyone else who is signed in gets 404, as if the round did not exist,
 * so jurors and applicants learn nothing of rankings or of other jurors' scorecards.
 */
@ApiTags('results')
@Controller('rounds/:id')
@Roles('STAFF')
@HiddenFromOtherRoles()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly exports: RankingExportService,
  ) {}

  /**
   * Every application of the round under both methods (ordered by `method`, default the round's), with
   * reliability and juror severity. Sent as cached (JSON text, and gzipped once for browsers that accept
   * it): a large round's answer is 5.5 MiB that need not be serialised or compressed again per request.
   * With `limit`, `offset` or a filter: one page of the rows the filters let through (see `page`).
   */
  @Get('ranking')
  @ApiOkResponse({ type: RankingDto })
  async ranking(@Param('id', UuidPipe) id: string, @Query() query: RankingQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | TRanking> {
    const { method, ...paging } = query;
    if (Object.values(paging).some((value) => value !== undefined)) return this.results.rankingPage(id, query);
    const answer = await this.results.rankingAnswer(id, method);
    void reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (answer.json.length >= 2048 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      // Already compressed: the global compression hook leaves a body with a content-encoding alone.
      void reply.header('content-encoding', 'gzip');
      return answer.gzip;
    }
    return answer.json;
  }

  /** The applications the shortlist tools select (`top` N or a `threshold`) over the whole ranking, among those the filters let through. */
  @Get('ranking/selection')
  @ApiOkResponse({ type: RankingSelectionDto })
  selection(@Param('id', UuidPipe) id: string, @Query() query: RankingSelectionQueryDto) {
    return this.results.selection(id, query);
  }

  /** The ranking as CSV (UTF-8 with a byte-order mark), column titles in the caller's language; `size` adds the shortlist confidence. */
  @Get('ranking.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Header('x-content-type-options', 'nosniff')
  async csv(@Param('id', UuidPipe) id: string, @Query() query: RankingExportQueryDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.exports.csv(id, query.method, ctx.locale, query.size);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  @Get('ranking.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'XLSX workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @Header('x-content-type-options', 'nosniff')
  async xlsx(@Param('id', UuidPipe) id: string, @Query() query: RankingExportQueryDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.exports.xlsx(id, query.method, ctx.locale, query.size);
    void reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  /**
   * Each application's probability of being in the shortlist (`size`: the k best, or `threshold`), from
   * 500 bootstrap resamples of the round's submitted scorecards with a fixed seed; computed once per
   * round, cut and change of the ranking.
   */
  @Get('shortlist-confidence')
  @ApiOkResponse({ type: ShortlistConfidenceDto })
  shortlistConfidence(@Param('id', UuidPipe) id: string, @Query() query: ShortlistConfidenceQueryDto) {
    return this.results.shortlistConfidence(id, query);
  }

  /** Every juror's scorecard of one application in the round, with names, values and comments (drafts marked). */
  @Get('applications/:applicationId/scorecards')
  @ApiOkResponse({ type: ApplicationScorecardListDto })
  scorecards(@Param('id', UuidPipe) id: string, @Param('applicationId', UuidPipe) applicationId: string) {
    return this.results.scorecards(id, applicationId);
  }
}
