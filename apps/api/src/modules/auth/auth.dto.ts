import {
  ZLoginRequest,
  ZOkResponse,
  ZPasswordResetConfirmRequest,
  ZPasswordResetRequest,
  ZRegisterRequest,
  ZSession,
  ZUpdateMeRequest,
  ZUser,
} from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class RegisterRequestDto extends createZodDto(ZRegisterRequest) {}
export class LoginRequestDto extends createZodDto(ZLoginRequest) {}
export class UpdateMeRequestDto extends createZodDto(ZUpdateMeRequest) {}
export class PasswordResetRequestDto extends createZodDto(ZPasswordResetRequest) {}
export class PasswordResetConfirmRequestDto extends createZodDto(ZPasswordResetConfirmRequest) {}
export class UserDto extends createZodDto(ZUser) {}
export class SessionDto extends createZodDto(ZSession) {}
export class OkResponseDto extends createZodDto(ZOkResponse) {}
