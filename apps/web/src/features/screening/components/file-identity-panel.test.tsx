import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';
import { FileIdentityPanel } from './file-identity-panel';

const APPLICATION_ID = '6f1c2a9e-8d3f-4f51-9a57-2f1f3d6c7a11';
const file = (id: string, fileName: string) => ({ id, fieldKey: 'pitch_deck', fileName, mediaType: 'application/pdf', size: 1000, uploadedAt: '2026-03-01T09:00:00.000Z' });
const attachments = [file('a1', 'budget.pdf'), file('a2', 'plan.docx'), file('a3', 'scan.pdf'), file('a4', 'casse.pdf')];

function render() {
  return renderApp('/panel', [{ path: '/panel', element: <FileIdentityPanel application={{ id: APPLICATION_ID, attachments }} /> }]);
}

describe('FileIdentityPanel', () => {
  it('warns per file whose text names the applicant, with the passages, and says which could not be read', async () => {
    mockApi({
      [`GET /api/admin/applications/${APPLICATION_ID}/file-identity`]: () =>
        json(200, {
          items: [
            { attachmentId: 'a1', fieldKey: 'pitch_deck', fileName: 'budget.pdf', status: 'NAMES_APPLICANT', excerpts: ['…porté par Zineb Oumerzouk, présidente…'] },
            { attachmentId: 'a2', fieldKey: 'pitch_deck', fileName: 'plan.docx', status: 'CLEAR', excerpts: [] },
            { attachmentId: 'a3', fieldKey: 'pitch_deck', fileName: 'scan.pdf', status: 'NO_TEXT', excerpts: [] },
            { attachmentId: 'a4', fieldKey: 'pitch_deck', fileName: 'casse.pdf', status: 'UNREADABLE', excerpts: [] },
          ],
        }),
    });
    render();
    expect(screen.getByRole('status')).toHaveTextContent('Lecture des fichiers');
    const naming = (await screen.findByText('budget.pdf')).closest('[data-status]') as HTMLElement;
    expect(naming).toHaveAttribute('data-status', 'NAMES_APPLICANT');
    expect(within(naming).getByText(/nomme le candidat : les jurés d'un tour anonyme pourraient l'identifier/)).toBeInTheDocument();
    expect(within(naming).getByText('…porté par Zineb Oumerzouk, présidente…')).toHaveAttribute('dir', 'auto');
    expect(within(screen.getByText('scan.pdf').closest('[data-status]') as HTMLElement).getByText(/n'a pas pu être lu \(document scanné ou photo\)/)).toBeInTheDocument();
    expect(within(screen.getByText('casse.pdf').closest('[data-status]') as HTMLElement).getByText(/n'a pas pu être ouvert/)).toBeInTheDocument();
    expect(within(screen.getByText('plan.docx').closest('[data-status]') as HTMLElement).getByText('Son texte ne nomme pas le candidat.')).toBeInTheDocument();
  });

  it('offers to try again when the check fails', async () => {
    mockApi({ [`GET /api/admin/applications/${APPLICATION_ID}/file-identity`]: () => json(500, { statusCode: 500, code: 'INTERNAL_ERROR', message: 'x', requestId: 't' }) });
    render();
    expect(await screen.findByText(/Les fichiers n'ont pas pu être vérifiés/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});
