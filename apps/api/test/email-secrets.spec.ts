import { REDACTED_SECRET } from '@tahkim/contracts';
import { emailSegments, redactedEmailText, SCRUBBED_SECRET, scrubEmail, segmentsText } from '../src/modules/notifications/email-secrets';
import { renderEmail } from '../src/modules/notifications/templates/email-templates';

const LINK = 'http://localhost:3000/reset-password?token=abcDEF123_-xyz';

describe('email secrets', () => {
  it('are marked by the templates that write them, in every language', () => {
    for (const locale of ['ar', 'fr', 'en'] as const) {
      expect(renderEmail('password-reset', locale, { name: 'Amina', link: LINK, minutes: 30 }).secrets).toEqual([LINK]);
      const invitation = 'http://localhost:3000/invitations/tok3n-VALUE';
      expect(renderEmail('invitation', locale, { inviter: 'Staff', role: 'JUROR', link: invitation, days: 7 }).secrets).toEqual([invitation]);
      expect(renderEmail('role-granted', locale, { name: 'A', inviter: 'B', role: 'JUROR', link: 'http://localhost:3000/login' }).secrets).toEqual([]);
    }
  });

  it('split the text into plain parts and secrets, revealed only on request', () => {
    const { text, secrets } = renderEmail('password-reset', 'fr', { name: 'Amina', link: LINK, minutes: 30 });
    const hidden = emailSegments(text, secrets, false);
    expect(hidden.filter((s) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: null }]);
    expect(segmentsText(hidden)).not.toContain('abcDEF123');
    expect(segmentsText(hidden)).toContain(REDACTED_SECRET);
    expect(segmentsText(hidden)).toContain('Bonjour \u2068Amina\u2069');
    const shown = emailSegments(text, secrets, true);
    expect(shown.filter((s) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: LINK }]);
    expect(segmentsText(shown)).toBe(text);
  });

  it('catch unmarked invitation and token links (emails stored before secrets were marked)', () => {
    const text = 'Open http://x.example/invitations/AbC123 or http://x.example/reset-password?token=q1w2e3. Then http://x.example/login.';
    expect(redactedEmailText(text, [])).toBe(`Open ${REDACTED_SECRET} or ${REDACTED_SECRET}. Then http://x.example/login.`);
  });

  it('leave the stored copy of a delivered email without a usable link', () => {
    const rendered = renderEmail('password-reset', 'ar', { name: 'أمينة', link: LINK, minutes: 30 });
    const scrubbed = scrubEmail(rendered);
    expect(scrubbed.text).not.toContain('abcDEF123');
    expect(scrubbed.html).not.toContain('abcDEF123');
    expect(scrubbed.text).toContain(SCRUBBED_SECRET);
    // Even an admin reading it later sees that a link was there, not the link.
    expect(emailSegments(scrubbed.text, [], true).filter((s) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: null }]);
  });
});
