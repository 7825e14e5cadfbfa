import { ZAdvance, ZAdvanceList, ZAdvanceRequest, ZAdvanceResult } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class AdvanceRequestDto extends createZodDto(ZAdvanceRequest) {}
export class AdvanceResultDto extends createZodDto(ZAdvanceResult) {}
export class AdvanceDto extends createZodDto(ZAdvance) {}
export class AdvanceListDto extends createZodDto(ZAdvanceList) {}
