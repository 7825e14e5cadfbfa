import {
  ZApplication,
  ZApplicationNeighbours,
  ZBulkScreeningRequest,
  ZBulkScreeningResult,
  ZStaffApplicationIds,
  ZApplicationList,
  ZPatchApplicationRequest,
  ZScreeningRequest,
  ZStaffApplication,
  ZStaffApplicationPage,
  ZStaffApplicationQuery,
  ZSubmitApplicationRequest,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class ApplicationDto extends createZodDto(ZApplication) {}
export class ApplicationListDto extends createZodDto(ZApplicationList) {}
export class PatchApplicationRequestDto extends createZodDto(ZPatchApplicationRequest) {}
export class SubmitApplicationRequestDto extends createZodDto(ZSubmitApplicationRequest) {}
export class ScreeningRequestDto extends createZodDto(ZScreeningRequest) {}
export class StaffApplicationDto extends createZodDto(ZStaffApplication) {}
export class StaffApplicationPageDto extends createZodDto(ZStaffApplicationPage) {}
export class StaffApplicationQueryDto extends createZodDto(ZStaffApplicationQuery) {}
export class BulkScreeningRequestDto extends createZodDto(ZBulkScreeningRequest) {}
export class BulkScreeningResultDto extends createZodDto(ZBulkScreeningResult) {}
export class StaffApplicationIdsDto extends createZodDto(ZStaffApplicationIds) {}
export class ApplicationNeighboursDto extends createZodDto(ZApplicationNeighbours) {}
