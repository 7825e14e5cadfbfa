import { ZSecondLook, ZSecondLookCommitRequest, ZSecondLookList, ZSecondLookPlan, ZSecondLookRequest } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class SecondLookRequestDto extends createZodDto(ZSecondLookRequest) {}
export class SecondLookCommitRequestDto extends createZodDto(ZSecondLookCommitRequest) {}
export class SecondLookPlanDto extends createZodDto(ZSecondLookPlan) {}
export class SecondLookDto extends createZodDto(ZSecondLook) {}
export class SecondLookListDto extends createZodDto(ZSecondLookList) {}
