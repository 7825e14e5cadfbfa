import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../errors/app-error';
import type { AppRequest } from '../http/request-context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by a browser from another site.
 * Browsers send `Origin` on every cross-origin and every non-GET request, and `Sec-Fetch-Site` on all
 * requests; either one naming another site is refused. A request with neither header does not come from
 * a browser page, so it cannot carry a victim's cookies against their will.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(execution: ExecutionContext): boolean {
    const request = execution.switchToHttp().getRequest<AppRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (!isSameSiteRequest(request, this.config.appOrigin)) throw new AppError('CSRF_REJECTED');
    return true;
  }
}

export function isSameSiteRequest(request: AppRequest, appOrigin: string): boolean {
  const origin = header(request, 'origin');
  if (origin !== undefined) return origin === appOrigin;
  const fetchSite = header(request, 'sec-fetch-site');
  if (fetchSite !== undefined) return fetchSite === 'same-origin' || fetchSite === 'none';
  const referer = header(request, 'referer');
  if (referer !== undefined) {
    try {
      return new URL(referer).origin === appOrigin;
    } catch {
      return false; // an unparseable Referer cannot prove the request is ours
    }
  }
  return true;
}

function header(request: AppRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
