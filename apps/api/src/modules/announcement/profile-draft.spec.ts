import type { TFormField } from '@tahkim/contracts';
import { draftFromAnswers, inItsLanguage, shorten } from './profile-draft';

const field = (key: string, type: TFormField['type']): TFormField => ({
  key,
  type,
  label: { ar: key, fr: key, en: key },
  required: false,
  identifying: false,
  hidden: false,
  limits: {},
  options: [],
});

describe('a presentation drafted from the answers', () => {
  const fields = [field('contact_name', 'SHORT_TEXT'), field('association_name', 'SHORT_TEXT'), field('history', 'LONG_TEXT'), field('project_summary', 'LONG_TEXT'), field('region', 'REGION')];

  it('takes the organisation, the summary field by its key and the region, each under its script', () => {
    const draft = draftFromAnswers(
      { contact_name: 'Salma', association_name: 'جمعية النور', history: 'Fondée en 2019.', project_summary: 'Un traiteur solidaire.', region: 'MA-01' },
      fields,
      { title: 'مطبخ تضامني', organisation: null },
    );
    expect(draft).toEqual({
      title: { ar: 'مطبخ تضامني', fr: '', en: '' },
      organisation: { ar: 'جمعية النور', fr: '', en: '' },
      summary: { ar: '', fr: 'Un traiteur solidaire.', en: '' },
      region: 'MA-01',
    });
  });

  it('falls back to the first long answer, the account organisation, and leaves an unknown region out', () => {
    const draft = draftFromAnswers({ history: 'Fondée en 2019.', region: 'XX-99' }, fields, { title: null, organisation: 'Coopérative Amal' });
    expect(draft).toEqual({
      title: { ar: '', fr: '', en: '' },
      organisation: { ar: '', fr: 'Coopérative Amal', en: '' },
      summary: { ar: '', fr: 'Fondée en 2019.', en: '' },
      region: null,
    });
  });

  it('cuts a long text at a word, within the limit', () => {
    const long = 'mot '.repeat(400).trim();
    const cut = shorten(long, 1200);
    expect(cut.length).toBeLessThanOrEqual(1200);
    expect(cut.endsWith('mot…')).toBe(true);
    expect(shorten('court', 1200)).toBe('court');
    expect(inItsLanguage('  ', 10)).toEqual({ ar: '', fr: '', en: '' });
  });
});
