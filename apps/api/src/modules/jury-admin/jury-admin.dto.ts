import {
  ZAddJurorsRequest, ZAddJurorsResult, ZConflict, ZConflictList, ZJuryMembershipList, ZPutAssignmentsRequest, ZReviewConflictRequest,
  ZRoundAssignments, ZRoundJurorList, ZRoundProgress, ZSendRemindersRequest, ZSendRemindersResult, ZStaffConflictRequest,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class RoundJurorListDto extends createZodDto(ZRoundJurorList) {}
export class AddJurorsRequestDto extends createZodDto(ZAddJurorsRequest) {}
export class AddJurorsResultDto extends createZodDto(ZAddJurorsResult) {}
export class ConflictDto extends createZodDto(ZConflict) {}
export class ConflictListDto extends createZodDto(ZConflictList) {}
export class StaffConflictRequestDto extends createZodDto(ZStaffConflictRequest) {}
export class ReviewConflictRequestDto extends createZodDto(ZReviewConflictRequest) {}
export class RoundAssignmentsDto extends createZodDto(ZRoundAssignments) {}
export class PutAssignmentsRequestDto extends createZodDto(ZPutAssignmentsRequest) {}
export class RoundProgressDto extends createZodDto(ZRoundProgress) {}
export class SendRemindersRequestDto extends createZodDto(ZSendRemindersRequest) {}
export class SendRemindersResultDto extends createZodDto(ZSendRemindersResult) {}
export class JuryMembershipListDto extends createZodDto(ZJuryMembershipList) {}
