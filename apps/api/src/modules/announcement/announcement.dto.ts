import {
  ZCallAnnouncement,
  ZGiveConsentRequest,
  ZPublicProfile,
  ZPublicProfileAnswer,
  ZPublicResults,
  ZResultsPublication,
  ZSavePublicProfileRequest,
  ZWithdrawConsentRequest,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class CallAnnouncementDto extends createZodDto(ZCallAnnouncement) {}
export class SavePublicProfileRequestDto extends createZodDto(ZSavePublicProfileRequest) {}
export class PublicProfileDto extends createZodDto(ZPublicProfile) {}
export class PublicProfileAnswerDto extends createZodDto(ZPublicProfileAnswer) {}
export class GiveConsentRequestDto extends createZodDto(ZGiveConsentRequest) {}
export class WithdrawConsentRequestDto extends createZodDto(ZWithdrawConsentRequest) {}
export class ResultsPublicationDto extends createZodDto(ZResultsPublication) {}
export class PublicResultsDto extends createZodDto(ZPublicResults) {}
