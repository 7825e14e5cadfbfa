import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DEFAULT_LOCALE, isLocale, pickLocale, type TLocale } from '@tahkim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../modules/auth/auth.types';

/** Who is calling and from where: passed explicitly from controllers to services (audit rows, messages). */
export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  locale: TLocale;
  user: AuthenticatedUser | undefined;
}

export type AppRequest = FastifyRequest & { user?: AuthenticatedUser; sessionId?: string };

/** The caller's language: the one the client asks for, else the account's, else French. */
export function requestLocale(request: AppRequest): TLocale {
  const header = request.headers['accept-language'];
  const fromHeader = pickLocale(Array.isArray(header) ? header[0] : header);
  if (fromHeader) return fromHeader;
  if (request.user && isLocale(request.user.locale)) return request.user.locale;
  return DEFAULT_LOCALE;
}

export function requestContext(request: AppRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : undefined,
    locale: requestLocale(request),
    user: request.user,
  };
}

export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  return requestContext(execution.switchToHttp().getRequest<AppRequest>());
});
