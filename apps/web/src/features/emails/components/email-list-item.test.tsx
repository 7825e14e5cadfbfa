import { Accordion } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { mockApi, renderApp } from '../../../test/render';
import type { EmailMessage } from '../queries';
import { EmailListItem } from './email-list-item';

const FSI = '\u2068';
const PDI = '\u2069';

const ARABIC_RECEIPT: EmailMessage = {
  id: '0195f2a0-0000-7000-8000-000000000001',
  to: 'amina@example.org',
  locale: 'ar',
  template: 'application-received',
  subject: 'تم استلام طلبكم FAB-2026-0042',
  text: `نؤكد استلام ترشيح مشروعكم «${FSI}Café solidaire 2.0 !${PDI}».`,
  segments: [{ kind: 'text', value: `نؤكد استلام ترشيح مشروعكم «${FSI}Café solidaire 2.0 !${PDI}».` }],
  status: 'CAPTURED',
  attempts: 1,
  lastError: null,
  createdAt: '2026-03-14T16:05:00.000Z',
  sentAt: '2026-03-14T16:05:01.000Z',
};

describe('an email in the back office', () => {
  it('is shown in its own language and direction on a French page, its quoted values still isolated', async () => {
    await i18n.changeLanguage('fr');
    mockApi({});
    renderApp('/', [
      {
        path: '/',
        element: (
          <Accordion defaultValue={[ARABIC_RECEIPT.id]} multiple>
            <EmailListItem email={ARABIC_RECEIPT} />
          </Accordion>
        ),
      },
    ]);
    const subject = await screen.findByText(ARABIC_RECEIPT.subject);
    expect(subject).toHaveAttribute('dir', 'rtl');
    expect(subject).toHaveAttribute('lang', 'ar');
    const body = screen.getByText((_, element) => element?.classList.contains('email-text') ?? false);
    expect(body).toHaveAttribute('dir', 'rtl');
    expect(body).toHaveAttribute('lang', 'ar');
    // The French title between its isolates, as the API wrote it: the browser lays it out left to right.
    expect(body.textContent).toBe(`نؤكد استلام ترشيح مشروعكم «${FSI}Café solidaire 2.0 !${PDI}».`);
  });
});
