import {
  ZCallFormOutline,
  ZCallList,
  ZCallPublic,
  ZCallStaff,
  ZCallStaffList,
  ZCallSummary,
  ZCloseCallRequest,
  ZCreateCallRequest,
  ZFormResponse,
  ZPutFormRequest,
  ZUpdateCallRequest,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class CreateCallRequestDto extends createZodDto(ZCreateCallRequest) {}
export class UpdateCallRequestDto extends createZodDto(ZUpdateCallRequest) {}
export class CloseCallRequestDto extends createZodDto(ZCloseCallRequest) {}
export class PutFormRequestDto extends createZodDto(ZPutFormRequest) {}
export class CallPublicDto extends createZodDto(ZCallPublic) {}
export class CallListDto extends createZodDto(ZCallList) {}
export class CallStaffDto extends createZodDto(ZCallStaff) {}
export class CallStaffListDto extends createZodDto(ZCallStaffList) {}
export class FormResponseDto extends createZodDto(ZFormResponse) {}
export class CallFormOutlineDto extends createZodDto(ZCallFormOutline) {}
export class CallSummaryDto extends createZodDto(ZCallSummary) {}
