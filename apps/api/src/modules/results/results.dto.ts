import { ZApplicationScorecardList, ZRanking, ZRankingExportQuery, ZRankingQuery, ZRankingSelection, ZRankingSelectionQuery, ZShortlistConfidence, ZShortlistConfidenceQuery } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class RankingDto extends createZodDto(ZRanking) {}
export class RankingQueryDto extends createZodDto(ZRankingQuery) {}
export class ApplicationScorecardListDto extends createZodDto(ZApplicationScorecardList) {}
export class ShortlistConfidenceDto extends createZodDto(ZShortlistConfidence) {}
export class ShortlistConfidenceQueryDto extends createZodDto(ZShortlistConfidenceQuery) {}
export class RankingExportQueryDto extends createZodDto(ZRankingExportQuery) {}
export class RankingSelectionDto extends createZodDto(ZRankingSelection) {}
export class RankingSelectionQueryDto extends createZodDto(ZRankingSelectionQuery) {}
