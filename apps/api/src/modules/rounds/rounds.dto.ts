import { ZCreateRoundRequest, ZCriterionList, ZPutCriteriaRequest, ZRound, ZRoundList, ZUpdateRoundRequest } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class RoundDto extends createZodDto(ZRound) {}
export class RoundListDto extends createZodDto(ZRoundList) {}
export class CreateRoundRequestDto extends createZodDto(ZCreateRoundRequest) {}
export class UpdateRoundRequestDto extends createZodDto(ZUpdateRoundRequest) {}
export class CriterionListDto extends createZodDto(ZCriterionList) {}
export class PutCriteriaRequestDto extends createZodDto(ZPutCriteriaRequest) {}
