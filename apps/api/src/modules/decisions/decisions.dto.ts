import {
  ZApplicationOutcome,
  ZBulkDecisionRequest,
  ZBulkDecisionResult,
  ZCallDecisionList,
  ZDecisionPreview,
  ZDecisionPreviewRequest,
  ZDecisionTemplate,
  ZDecisionTemplateList,
  ZDecisionTemplateRequest,
  ZFeedbackSetting,
  ZFeedbackSettingRequest,
  ZPublishDecisionsRequest,
  ZPublishDecisionsResult,
  ZRecordDecisionRequest,
  ZRecordDecisionResult,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class RecordDecisionRequestDto extends createZodDto(ZRecordDecisionRequest) {}
export class RecordDecisionResultDto extends createZodDto(ZRecordDecisionResult) {}
export class BulkDecisionRequestDto extends createZodDto(ZBulkDecisionRequest) {}
export class BulkDecisionResultDto extends createZodDto(ZBulkDecisionResult) {}
export class CallDecisionListDto extends createZodDto(ZCallDecisionList) {}
export class PublishDecisionsRequestDto extends createZodDto(ZPublishDecisionsRequest) {}
export class PublishDecisionsResultDto extends createZodDto(ZPublishDecisionsResult) {}
export class FeedbackSettingRequestDto extends createZodDto(ZFeedbackSettingRequest) {}
export class FeedbackSettingDto extends createZodDto(ZFeedbackSetting) {}
export class DecisionTemplateRequestDto extends createZodDto(ZDecisionTemplateRequest) {}
export class DecisionTemplateDto extends createZodDto(ZDecisionTemplate) {}
export class DecisionTemplateListDto extends createZodDto(ZDecisionTemplateList) {}
export class DecisionPreviewRequestDto extends createZodDto(ZDecisionPreviewRequest) {}
export class DecisionPreviewDto extends createZodDto(ZDecisionPreview) {}
export class ApplicationOutcomeDto extends createZodDto(ZApplicationOutcome) {}
