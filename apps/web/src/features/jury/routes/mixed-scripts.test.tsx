import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';


const ARABIC_ANSWER = 'ورشة تكوين 1 200 تلميذ، منهم 8 في التدريب.';
const FRENCH_ANSWER = 'Trois mécaniciens formés, 1 200 élèves dont 8 en stage.';
const FRENCH_COMMENT = 'Budget réaliste : 150 000 MAD.';
const text = (value: string) => ({ fr: value, ar: value, en: value });

function renderDossier(locale: 'fr' | 'ar', answer: string) {
  const juror = { id: 'u3', email: 'nadia@expert.ma', displayName: 'Nadia', locale, roles: ['JUROR'] };
  const view = {
    assignmentId: 'a1',
    applicationLabel: 'FAB-2026-0042',
    blind: false,
    status: 'ELIGIBLE',
    form: { sections: [{ key: 'project', title: text('Projet'), hidden: false, fields: [{ key: 'summary', type: 'LONG_TEXT', label: text('Résumé'), required: true, hidden: false }] }] },
    answers: { summary: answer },
    attachments: [],
    criteria: [{ id: 'c1', key: 'impact', label: text('Impact'), guidance: null, weight: 1, scaleMin: 0, scaleMax: 5, position: 0 }],
  };
  const card = {
    assignmentId: 'a1',
    status: 'DRAFT',
    version: 1,
    values: [],
    overallComment: FRENCH_COMMENT,
    commentShareable: false,
    weightedScore: null,
    submittedAt: null,
    reopenedAt: null,
    reopenReason: null,
  };
  mockApi({
    'GET /api/auth/session': () => json(200, { user: juror }),
    'GET /api/jury/assignments/a1': () => json(200, view),
    'GET /api/scorecards/a1': () => json(200, card),
  });
  renderApp('/jury/assignments/a1');
}

describe('the juror dossier with answers in the other script', () => {
  it('gives an Arabic answer on the French page its own direction', async () => {
    renderDossier('fr', ARABIC_ANSWER);
    const answer = await screen.findByText(ARABIC_ANSWER);
    expect(document.documentElement.dir).toBe('ltr');
    expect(answer).toHaveAttribute('dir', 'auto');
    expect(answer.closest('.answers-list')).not.toBeNull();
  });

  it('gives a French answer and a French comment on the Arabic page their own direction', async () => {
    await i18n.changeLanguage('ar');
    renderDossier('ar', FRENCH_ANSWER);
    const answer = await screen.findByText(FRENCH_ANSWER);
    expect(document.documentElement.dir).toBe('rtl');
    expect(answer).toHaveAttribute('dir', 'auto');
    const comment = await screen.findByDisplayValue(FRENCH_COMMENT);
    expect(comment.tagName).toBe('TEXTAREA');
    expect(comment).toHaveAttribute('dir', 'auto');
  });
});
