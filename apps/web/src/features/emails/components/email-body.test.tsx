import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { mockApi, renderApp } from '../../../test/render';
import { EmailBody } from './email-body';

function show(element: React.ReactNode) {
  mockApi({});
  return renderApp('/', [{ path: '/', element }]);
}

const LINK = 'http://localhost:3000/reset-password?token=abc123';

describe('an email body in the back office', () => {
  it('says "link hidden" where a one-time link was, in the reader\'s language, and links nothing', async () => {
    for (const [locale, label] of [['fr', 'lien masqué'], ['ar', 'رابط مخفي'], ['en', 'link hidden']] as const) {
      await i18n.changeLanguage(locale);
      const view = show(<EmailBody segments={[{ kind: 'text', value: 'Bonjour,\n\nOuvrez ce lien :\n\n' }, { kind: 'secret', value: null }, { kind: 'text', value: '\n\nVoir http://localhost:3000/login.' }]} />);
      expect(await screen.findByText(label)).toBeInTheDocument();
      expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['http://localhost:3000/login']);
      expect(view.container.textContent).not.toContain('token');
      view.unmount();
    }
    await i18n.changeLanguage('fr');
  });

  it('shows an admin the live link, said to be one-time', async () => {
    await i18n.changeLanguage('fr');
    show(<EmailBody segments={[{ kind: 'text', value: 'Ouvrez ce lien :\n\n' }, { kind: 'secret', value: LINK }]} />);
    expect(await screen.findByRole('link', { name: LINK })).toHaveAttribute('href', LINK);
    expect(screen.getByText(/Lien à usage unique/)).toBeInTheDocument();
    expect(screen.queryByText('lien masqué')).not.toBeInTheDocument();
  });
});
