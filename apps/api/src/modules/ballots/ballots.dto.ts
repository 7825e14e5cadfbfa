import { ZBallotResult, ZDeclareBallotConflictRequest, ZJuryBallot, ZJuryBallotRoundList, ZPutBallotRequest, ZReopenBallotRequest, ZSubmitBallotRequest } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class JuryBallotRoundListDto extends createZodDto(ZJuryBallotRoundList) {}
export class JuryBallotDto extends createZodDto(ZJuryBallot) {}
export class PutBallotRequestDto extends createZodDto(ZPutBallotRequest) {}
export class SubmitBallotRequestDto extends createZodDto(ZSubmitBallotRequest) {}
export class ReopenBallotRequestDto extends createZodDto(ZReopenBallotRequest) {}
export class BallotResultDto extends createZodDto(ZBallotResult) {}
export class DeclareBallotConflictRequestDto extends createZodDto(ZDeclareBallotConflictRequest) {}
