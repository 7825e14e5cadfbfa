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

/**
 * The signed-in caller of a route about one hidden-unless-allowed object (an application, a file).
 * Someone signed out is told what anyone else who may not see it is told: it does not exist (404),
 * never that it exists and needs a sign-in. The route must be `@Public()` for this to apply.
 */
export const CurrentUserOr404 = createParamDecorator((_data: unknown, execution: ExecutionContext): AuthenticatedUser => {
  const user = execution.switchToHttp().getRequest<AppRequest>().user;
  if (!user) throw new AppError('NOT_FOUND');
  return user;
});
