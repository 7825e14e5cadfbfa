import { fireEvent, screen } from '@testing-library/react';
import type { TScorecard } from '@tahkim/contracts';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../app/i18n';
import { BallotSaveStatusLine } from '../features/ballot/components/ballot-save-status';
import { SaveStatusIndicator } from '../features/applications/components/save-status';
import { ScorecardSaveStatus } from '../features/jury/components/save-status';
import { ApiError } from '../lib/api';
import { mockApi, renderApp } from '../test/render';

function show(element: React.ReactNode) {
  mockApi({});
  return renderApp('/', [{ path: '/', element }]);
}

// 13:02 UTC is 14:02 in Casablanca in June 2026 (UTC+1); since 20 September 2026 it reads 13:02.
const at = new Date('2026-06-10T13:02:00Z');

describe('the autosave status line, shared by the application form, the scorecard and the ballot', { timeout: 20_000 }, () => {
  it("says each feature's own words for the common states, in a polite live region", async () => {
    show(<BallotSaveStatusLine status={{ kind: 'saved', at }} />);
    const region = await screen.findByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveClass('ballot-save-status');
    expect(region).toHaveTextContent('Brouillon enregistré à 14:02');
  });

  it('fills in the reason of a failure', async () => {
    const error = new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: 'Serveur indisponible' });
    show(<SaveStatusIndicator status={{ kind: 'failed', error }} invalidCount={0} />);
    expect(await screen.findByRole('status')).toHaveTextContent("Échec de l'enregistrement : Serveur indisponible");
  });

  it("says a feature's own states, with what goes under them", async () => {
    show(<SaveStatusIndicator status={{ kind: 'offline', attempt: 1, retryInMs: 2000 }} invalidCount={1} />);
    const region = await screen.findByRole('status');
    expect(region).toHaveClass('save-status');
    expect(region).toHaveTextContent('Hors ligne, nouvel essai bientôt. Vos réponses sont gardées sur cet appareil.');
    expect(region).toHaveTextContent('Une réponse à corriger ne sera enregistrée qu’une fois corrigée.');
  });

  it('offers the choice after a scorecard conflict', async () => {
    const current: TScorecard = {
      assignmentId: 'a1',
      status: 'DRAFT',
      version: 4,
      values: [],
      overallComment: null,
      commentShareable: false,
      weightedScore: null,
      submittedAt: null,
      reopenedAt: null,
      reopenReason: null,
    };
    const onKeepMine = vi.fn();
    const onTakeSaved = vi.fn();
    show(<ScorecardSaveStatus status={{ kind: 'conflict', current }} onKeepMine={onKeepMine} onTakeSaved={onTakeSaved} />);
    expect(await screen.findByText('Cette grille a été modifiée ailleurs.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Garder ma version' }));
    expect(onKeepMine).toHaveBeenCalledWith(current);
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre la version enregistrée' }));
    expect(onTakeSaved).toHaveBeenCalledWith(current);
  });

  it('speaks the language of the page', async () => {
    await i18n.changeLanguage('en');
    show(<BallotSaveStatusLine status={{ kind: 'locked' }} />);
    expect(await screen.findByRole('status')).toHaveTextContent(i18n.t('autosave.locked', { ns: 'ballot' }));
    expect(i18n.t('autosave.locked', { ns: 'ballot' })).not.toBe(i18n.t('autosave.locked', { ns: 'ballot', lng: 'fr' }));
  });
});
