import { ZPutScorecardRequest, ZReopenScorecardRequest, ZScorecard, ZSubmitScorecardRequest } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class ScorecardDto extends createZodDto(ZScorecard) {}
export class PutScorecardRequestDto extends createZodDto(ZPutScorecardRequest) {}
export class SubmitScorecardRequestDto extends createZodDto(ZSubmitScorecardRequest) {}
export class ReopenScorecardRequestDto extends createZodDto(ZReopenScorecardRequest) {}
