import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TRole } from '@tahkim/contracts';
import { SessionsService } from '../../modules/auth/sessions.service';
import { HIDDEN_KEY, PUBLIC_KEY, ROLES_KEY } from '../decorators/access.decorators';
import { AppError } from '../errors/app-error';
import type { AppRequest } from '../http/request-context';

/**
 * Global guard: reads the session cookie and attaches the user, then applies the route's access rule.
 * Routes are private unless marked `@Public()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<AppRequest>();
    const targets = [execution.getHandler(), execution.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<TRole[]>(ROLES_KEY, targets) ?? [];

    const resolved = await this.sessions.resolve(request);
    if (resolved) {
      request.user = resolved.user;
      request.sessionId = resolved.sessionId;
    }
    if (isPublic) return true;
    if (!request.user) throw new AppError('UNAUTHENTICATED');
    if (roles.length > 0 && !hasAnyRole(request.user.roles, roles)) {
      const hidden = this.reflector.getAllAndOverride<boolean>(HIDDEN_KEY, targets) ?? false;
      throw new AppError(hidden ? 'NOT_FOUND' : 'FORBIDDEN');
    }
    return true;
  }
}

export function hasAnyRole(held: readonly TRole[], wanted: readonly TRole[]): boolean {
  if (held.includes('ADMIN')) return true;
  return wanted.some((role) => held.includes(role));
}
