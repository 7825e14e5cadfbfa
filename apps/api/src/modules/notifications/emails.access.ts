import type { AppConfig } from '../../config/env';
import type { AuthenticatedUser } from '../auth/auth.types';

/**
 * Who may read the one-time links (password resets, invitations) of emails in the back office: admins
 * only, who can already change anyone's roles, and only while emails are captured (no SMTP_URL:
 * development, demos, tests), so that invitations and resets can be followed without a mail server.
 * Once emails are sent, only the recipient's inbox carries them.
 */
export function mayReadEmailSecrets(viewer: AuthenticatedUser, config: Pick<AppConfig, 'smtpUrl'>): boolean {
  return !config.smtpUrl && viewer.roles.includes('ADMIN');
}
