import type { TFormDefinition } from '@tahkim/contracts';
import { juryAnswers, juryForm, maskContactDetails, MASKED_EMAIL, MASKED_PHONE, MASKED_TERM, neutralFileName } from './blind-view';
import { applicationIdentityMatcher } from './identity-model';

describe('maskContactDetails', () => {
  it.each([
    ['Appelez le 06 12 34 56 78 demain', `Appelez le ${MASKED_PHONE} demain`],
    ['tel: 0612345678.', `tel: ${MASKED_PHONE}.`],
    ['+212 6 12 34 56 78', MASKED_PHONE],
    ['+212 661 234 567', MASKED_PHONE],
    ['+212 (0)6-12-34-56-78', MASKED_PHONE],
    ['00212661234567', MASKED_PHONE],
    ['Bureau : 0522-12-34-56', `Bureau : ${MASKED_PHONE}`],
    ['05.22.12.34.56 ou 07 00 11 22 33', `${MASKED_PHONE} ou ${MASKED_PHONE}`],
    ['الهاتف ٠٦١٢٣٤٥٦٧٨ للتواصل', `الهاتف ${MASKED_PHONE} للتواصل`],
    ['Écrivez à fatima.benali@tifawin.ma ou contact+jury@asso-atlas.org.', `Écrivez à ${MASKED_EMAIL} ou ${MASKED_EMAIL}.`],
  ])('masks %s', (input, expected) => {
    expect(maskContactDetails(input)).toBe(expected);
  });

  it.each(['Nous demandons 150 000 MAD pour 2026.', '40 femmes, 3 régions, 12 mois', 'Créée le 2021-04-12', 'https://tifawin.example/projet'])('leaves %s alone', (text) => {
    expect(maskContactDetails(text)).toBe(text);
  });
});

const form: TFormDefinition = {
  sections: [
    {
      key: 's',
      title: { ar: 'ق', fr: 'S', en: 'S' },
      hidden: false,
      fields: [
        { key: 'name', type: 'SHORT_TEXT', label: { ar: 'الاسم', fr: 'Nom', en: 'Name' }, required: true, identifying: true, hidden: false, limits: {}, options: [] },
        { key: 'pitch', type: 'LONG_TEXT', label: { ar: 'وصف', fr: 'Pitch', en: 'Pitch' }, required: false, identifying: false, hidden: false, limits: {}, options: [] },
        { key: 'amount', type: 'NUMBER', label: { ar: 'مبلغ', fr: 'Montant', en: 'Amount' }, required: false, identifying: false, hidden: false, limits: {}, options: [] },
      ],
    },
  ],
};

describe('blind answers', () => {
  it('drops identifying fields and unknown keys, masks text answers, keeps numbers', () => {
    const answers = { name: 'Atlas Solidaire', pitch: 'Atlas Solidaire (Karim Idrissi, 0661-223344) aide 40 jeunes.', amount: 40, stray: 'Karim' };
    const identity = applicationIdentityMatcher({ form, answers, owner: { displayName: 'Karim Idrissi', email: 'karim@example.ma', organisation: null } });
    const visible = juryForm(form, true);
    expect(visible.sections[0]!.fields.map((f) => f.key)).toEqual(['pitch', 'amount']);
    expect(juryAnswers(visible, answers, identity)).toEqual({ pitch: `${MASKED_TERM} (${MASKED_TERM}, ${MASKED_PHONE}) aide 40 jeunes.`, amount: 40 });
    expect(juryAnswers(juryForm(form, false), answers, null)).toEqual({ name: 'Atlas Solidaire', pitch: answers.pitch, amount: 40 });
  });

  it('names files after their question', () => {
    expect(neutralFileName({ ar: 'العرض التقديمي (PDF)', fr: 'Présentation (PDF)', en: 'Pitch deck' }, 'fr', 2, 'application/pdf')).toBe('Présentation (PDF)-2.pdf');
  });
});
