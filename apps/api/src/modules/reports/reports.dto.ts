import {
  ZApplicationReports,
  ZProgressReport,
  ZPutReportFormRequest,
  ZReportForm,
  ZReviewReportRequest,
  ZSaveReportRequest,
  ZSubmitReportRequest,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class ApplicationReportsDto extends createZodDto(ZApplicationReports) {}
export class ProgressReportDto extends createZodDto(ZProgressReport) {}
export class SaveReportRequestDto extends createZodDto(ZSaveReportRequest) {}
export class SubmitReportRequestDto extends createZodDto(ZSubmitReportRequest) {}
export class ReviewReportRequestDto extends createZodDto(ZReviewReportRequest) {}
export class ReportFormDto extends createZodDto(ZReportForm) {}
export class PutReportFormRequestDto extends createZodDto(ZPutReportFormRequest) {}
