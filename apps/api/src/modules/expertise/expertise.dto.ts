import {
  ZApplicationTopics, ZBiddingConflictRequest, ZConflict, ZAssignmentPlan, ZBid, ZCallTopics, ZExpertise, ZJuryBidding, ZPutApplicationTopicsRequest, ZPutBidRequest, ZPutCallTopicsRequest,
  ZPutExpertiseRequest,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class CallTopicsDto extends createZodDto(ZCallTopics) {}
export class PutCallTopicsRequestDto extends createZodDto(ZPutCallTopicsRequest) {}
export class ApplicationTopicsDto extends createZodDto(ZApplicationTopics) {}
export class PutApplicationTopicsRequestDto extends createZodDto(ZPutApplicationTopicsRequest) {}
export class ExpertiseDto extends createZodDto(ZExpertise) {}
export class PutExpertiseRequestDto extends createZodDto(ZPutExpertiseRequest) {}
export class JuryBiddingDto extends createZodDto(ZJuryBidding) {}
export class PutBidRequestDto extends createZodDto(ZPutBidRequest) {}
export class BidDto extends createZodDto(ZBid) {}
export class AssignmentPlanDto extends createZodDto(ZAssignmentPlan) {}
export class BiddingConflictRequestDto extends createZodDto(ZBiddingConflictRequest) {}
export class BiddingConflictDto extends createZodDto(ZConflict) {}
