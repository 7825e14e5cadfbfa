import { feedbackText, renderDecisionEmail, type PlaceholderValues } from './decision-email';

const values: PlaceholderValues = {
  displayName: 'Fatima "Zahra" <Admin>',
  reference: 'FAB-2026-0042',
  projectTitle: '<img src=x onerror=alert(1)>',
  callTitle: 'Fonds & Avenir',
  feedback: '',
  message: '',
};

describe('renderDecisionEmail', () => {
  it('fills placeholders, escapes every value in the HTML, keeps paragraphs and line breaks, drops empty paragraphs', () => {
    const email = renderDecisionEmail(
      { subject: { ar: '', fr: 'Résultat\n{{reference}}', en: '' }, body: { ar: '', fr: 'Bonjour {{displayName}},\r\n\r\n{{projectTitle}}\nà {{callTitle}}\n\n{{feedback}}\n\n{{message}}\n\nFin {{unknown}}', en: '' } },
      'fr',
      values,
    );
    expect(email.subject).toBe('Résultat FAB-2026-0042');
    expect(email.text).toBe('Bonjour Fatima "Zahra" <Admin>,\n\n<img src=x onerror=alert(1)>\nà Fonds & Avenir\n\nFin {{unknown}}\n\n--\n\nTahkim — appels à projets et jurys');
    expect(email.html).toContain(
      '<p>Bonjour Fatima &quot;Zahra&quot; &lt;Admin&gt;,</p>\n<p>&lt;img src=x onerror=alert(1)&gt;<br>à Fonds &amp; Avenir</p>\n<p>Fin {{unknown}}</p>',
    );
    expect(email.html).not.toMatch(/<img|<Admin>/);
    expect(email).toMatchObject({ locale: 'fr', dir: 'ltr' });
  });

  it('writes Arabic right to left and falls back to French where a language is empty', () => {
    const texts = { subject: { ar: 'نتيجة {{reference}}', fr: 'Résultat {{reference}}', en: '' }, body: { ar: 'مرحبًا {{displayName}}', fr: 'Bonjour {{displayName}}', en: ' ' } };
    const ar = renderDecisionEmail(texts, 'ar', values);
    expect(ar).toMatchObject({ locale: 'ar', dir: 'rtl', subject: 'نتيجة FAB-2026-0042' });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text.startsWith('مرحبًا Fatima')).toBe(true);
    const en = renderDecisionEmail(texts, 'en', values);
    expect(en.subject).toBe('Résultat FAB-2026-0042');
    expect(en.text.startsWith('Bonjour Fatima')).toBe(true);
  });
});

describe('feedbackText', () => {
  const feedback = {
    criteria: [{ label: { ar: 'الأثر', fr: 'Impact', en: 'Impact' }, mean: 3.25, scaleMin: 0, scaleMax: 5 }],
    comments: ['Bon  projet\n(à suivre)'],
  };

  it('is empty without feedback', () => {
    expect(feedbackText(null, 'fr')).toBe('');
    expect(feedbackText({ criteria: [], comments: [] }, 'ar')).toBe('');
  });

  it('lists criterion means on their scale and the comments, in the language asked', () => {
    // Scales are isolated left to right (LRI ... PDI) and comments in their own direction (FSI ... PDI),
    // so "0–5" never reads "5–0" and a French comment keeps its punctuation inside Arabic text.
    expect(feedbackText(feedback, 'fr')).toBe('Retour du jury\n\nNote moyenne par critère :\n- Impact : 3,3 (\u20660–5\u2069)\n\nCommentaires du jury :\n- « \u2068Bon projet (à suivre)\u2069 »');
    expect(feedbackText(feedback, 'en')).toContain('- Impact: 3.3 (\u20660–5\u2069)');
    const ar = feedbackText(feedback, 'ar');
    expect(ar).toContain('- الأثر: 3,3 (\u20660–5\u2069)'); // Moroccan Arabic: Latin digits, decimal comma
    expect(ar).toContain('«\u2068Bon projet (à suivre)\u2069»');
  });
});
