import { isStaff } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../auth/auth.types';
import type { ApplicationForFiles } from './attachments.repository';

/**
 * Who may touch an application's files. Its owner adds, removes and downloads them; staff download
 * them (and are told 403 when they try to change them, as for the application itself). Anyone else,
 * signed in or not (another applicant, a juror for now), learns nothing, not even that it exists: 404.
 */
export function assertCanChangeFiles(user: AuthenticatedUser | undefined, application: ApplicationForFiles | undefined): asserts application is ApplicationForFiles {
  if (application && user && application.ownerId === user.id) return;
  if (application && user && isStaff(user.roles)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

export function assertCanReadFiles(user: AuthenticatedUser | undefined, application: ApplicationForFiles | undefined): asserts application is ApplicationForFiles {
  if (application && user && (application.ownerId === user.id || isStaff(user.roles))) return;
  throw new AppError('NOT_FOUND');
}
