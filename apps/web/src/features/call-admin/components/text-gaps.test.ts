import type { TCallStaff } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { textGaps } from './call-lifecycle-actions';

const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });

describe('textGaps', () => {
  it('names each empty text, the languages it is missing in and what those readers see instead', () => {
    const call = {
      title: text('Innovation sociale', 'الابتكار الاجتماعي', 'Social innovation'),
      summary: text('Résumé', '', ''),
      description: text('', 'وصف', ''),
      eligibility: text('', '', ''),
    } as unknown as TCallStaff;
    expect(textGaps(call)).toEqual([
      { text: 'summary', missing: ['ar', 'en'], shownIn: 'fr' },
      // French empty: French and English readers fall back to Arabic, never to an empty French text.
      { text: 'description', missing: ['fr', 'en'], shownIn: 'ar' },
      { text: 'eligibility', missing: ['ar', 'fr', 'en'], shownIn: null },
    ]);
  });
});
