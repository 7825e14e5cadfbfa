import { markedToHtml, markedToText } from '../notifications/templates/quoted-values';
import { commentScript, commentScripts, feedbackText, renderDecisionEmail, type PlaceholderValues } from './decision-email';

const inText = (value: string) => `\u2068${value}\u2069`;

const values: PlaceholderValues = {
  displayName: 'Fatima "Zahra" <Admin>',
  reference: 'FAB-2026-0042',
  projectTitle: '<img src=x onerror=alert(1)>',
  callTitle: 'Fonds & Avenir',
  feedback: '',
  message: '',
};

describe('renderDecisionEmail', () => {
  it('fills placeholders, isolates and escapes every value, keeps paragraphs and line breaks, drops empty paragraphs', () => {
    const email = renderDecisionEmail(
      { subject: { ar: '', fr: 'Résultat\n{{reference}}', en: '' }, body: { ar: '', fr: 'Bonjour {{displayName}},\r\n\r\n{{projectTitle}}\nà {{callTitle}}\n\n{{feedback}}\n\n{{message}}\n\nFin {{unknown}}', en: '' } },
      'fr',
      values,
    );
    expect(email.subject).toBe('Résultat FAB-2026-0042');
    expect(email.text).toBe(
      `Bonjour ${inText('Fatima "Zahra" <Admin>')},\n\n${inText('<img src=x onerror=alert(1)>')}\nà ${inText('Fonds & Avenir')}\n\nFin {{unknown}}\n\n--\n\nTahkim — appels à projets et jurys`,
    );
    expect(email.html).toContain(
      '<p>Bonjour <bdi>Fatima &quot;Zahra&quot; &lt;Admin&gt;</bdi>,</p>\n<p><bdi>&lt;img src=x onerror=alert(1)&gt;</bdi><br>à <bdi>Fonds &amp; Avenir</bdi></p>\n<p>Fin {{unknown}}</p>',
    );
    expect(email.html).not.toMatch(/<img|<Admin>/);
    expect(email).toMatchObject({ locale: 'fr', dir: 'ltr' });
  });

  it('writes Arabic right to left and falls back to French where a language is empty', () => {
    const texts = { subject: { ar: 'نتيجة {{reference}}', fr: 'Résultat {{reference}}', en: '' }, body: { ar: 'مرحبًا {{displayName}}', fr: 'Bonjour {{displayName}}', en: ' ' } };
    const ar = renderDecisionEmail(texts, 'ar', values);
    expect(ar).toMatchObject({ locale: 'ar', dir: 'rtl', subject: 'نتيجة FAB-2026-0042' });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text.startsWith('مرحبًا \u2068Fatima')).toBe(true);
    const en = renderDecisionEmail(texts, 'en', values);
    expect(en.subject).toBe('Résultat FAB-2026-0042');
    expect(en.text.startsWith('Bonjour \u2068Fatima')).toBe(true);
  });

  it("quotes a French title in an Arabic email and an Arabic name in a French one; staff's message and the jury's comments as blocks", () => {
    const texts = {
      subject: { ar: 'نتيجة {{reference}}', fr: 'Résultat {{reference}}', en: '' },
      body: { ar: 'مشروعكم «{{projectTitle}}».\n\n{{message}}\n\n{{feedback}}', fr: 'Bonjour {{displayName}},\n\n{{message}}', en: '' },
    };
    const feedback = feedbackText({ criteria: [{ label: { ar: '', fr: 'Impact', en: 'Impact' }, mean: 4, scaleMin: 0, scaleMax: 5 }], comments: ['Très bon dossier.'] }, 'ar');
    const arabic = { ...values, displayName: 'أمينة الإدريسي', projectTitle: 'Café solidaire', message: 'Bravo !\n\nÀ bientôt.', feedback };

    const ar = renderDecisionEmail(texts, 'ar', arabic);
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text).toContain(`مشروعكم «${inText('Café solidaire')}».`);
    expect(ar.html).toContain('<p>مشروعكم «<bdi>Café solidaire</bdi>».</p>');
    const block = (text: string) => `<span dir="auto" style="unicode-bidi:isolate">${text}</span>`;
    expect(ar.html).toContain(`<p>${block('Bravo !')}</p>\n<p>${block('À bientôt.')}</p>`);
    expect(ar.text).toContain(`${inText('Bravo !')}\n\n${inText('À bientôt.')}`);
    // The French label standing in for the Arabic one is quoted, the scale reads left to right, the comment is a block.
    expect(ar.html).toContain(`- <bdi>Impact</bdi>: 4,0 (<bdi dir="ltr">0–5</bdi>)</p>`);
    expect(ar.html).toContain(`- «${block('Très bon dossier.')}»`);
    expect(ar.subject).toBe('نتيجة FAB-2026-0042');

    const fr = renderDecisionEmail(texts, 'fr', arabic);
    expect(fr.html).toContain('<html lang="fr" dir="ltr">');
    expect(fr.text.startsWith(`Bonjour ${inText('أمينة الإدريسي')},\n\n`)).toBe(true);
    expect(fr.html).toContain('<p>Bonjour <bdi>أمينة الإدريسي</bdi>,</p>');
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
    expect(markedToText(feedbackText(feedback, 'fr'))).toBe(
      'Retour du jury\n\nNote moyenne par critère :\n- \u2068Impact\u2069 : 3,3 (\u20660–5\u2069)\n\nCommentaires du jury :\n- « \u2068Bon projet (à suivre)\u2069 »',
    );
    expect(markedToText(feedbackText(feedback, 'en'))).toContain('- \u2068Impact\u2069: 3.3 (\u20660–5\u2069)');
    const ar = markedToText(feedbackText(feedback, 'ar'));
    expect(ar).toContain('- \u2068الأثر\u2069: 3,3 (\u20660–5\u2069)'); // Moroccan Arabic: Latin digits, decimal comma
    expect(ar).toContain('«\u2068Bon projet (à suivre)\u2069»');
    expect(markedToHtml(feedbackText(feedback, 'ar'))).toContain('«<span dir="auto" style="unicode-bidi:isolate">Bon projet (à suivre)</span>»');
  });
});

describe('commentScript', () => {
  it('reads the script most of the letters are in, ignoring digits, punctuation and marks', () => {
    expect(commentScript('Projet solide : le budget mérite d’être détaillé.')).toBe('LATIN');
    expect(commentScript('مشروع واعد يحتاج إلى ميزانية أوضح')).toBe('ARABIC');
    // A French comment quoting an Arabic name stays French, and the other way round.
    expect(commentScript('Très bon dossier, bravo à فاطمة')).toBe('LATIN');
    expect(commentScript('مشروع جيد من Hugo في جهة سوس ماسة')).toBe('ARABIC');
    expect(commentScript('\u2068١٢٣ — 4,5 / 5 !\u2069')).toBeNull();
    expect(commentScript('')).toBeNull();
  });

  it('lists the distinct scripts of a set of comments, Arabic first', () => {
    expect(commentScripts(['Bon projet', 'Budget à revoir'])).toEqual(['LATIN']);
    expect(commentScripts(['Good project', 'مشروع جيد', '...'])).toEqual(['ARABIC', 'LATIN']);
    expect(commentScripts([])).toEqual([]);
  });
});
