import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import type { AppRequest } from '../http/request-context';
import type { AuthenticatedUser } from '../../modules/auth/auth.types';

/** The signed-in user of a non-public route (the auth guard has already refused anonymous callers). */
export const CurrentUser = createParamDecorator((_data: unknown, execution: ExecutionContext): AuthenticatedUser => {
  const user = execution.switchToHttp().getRequest<AppRequest>().user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
});
