import { ZApplicationFileIdentity, ZConflict, ZDeclareConflictRequest, ZJuryApplicationView, ZJuryAssignmentList, ZJuryRanking } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class JuryAssignmentListDto extends createZodDto(ZJuryAssignmentList) {}
export class JuryApplicationViewDto extends createZodDto(ZJuryApplicationView) {}
export class JuryRankingDto extends createZodDto(ZJuryRanking) {}
export class DeclareConflictRequestDto extends createZodDto(ZDeclareConflictRequest) {}
export class JuryConflictDto extends createZodDto(ZConflict) {}
export class ApplicationFileIdentityDto extends createZodDto(ZApplicationFileIdentity) {}
