import { REDACTED_SECRET } from '@tahkim/contracts';
import { emailSegments, redactedEmailText, SCRUBBED_SECRET, scrubEmail, segmentsText } from '../email-secrets';
import { renderEmail } from './email-templates';
import { markedToHtml, markedToText, quote, quoted } from './quoted-values';

const FSI = '\u2068';
const LRI = '\u2066';
const PDI = '\u2069';
const inText = (value: string) => `${FSI}${value}${PDI}`;

const FRENCH_TITLE = 'Atelier « Café & Co » 2.0 !';
const ARABIC_NAME = 'أمينة الإدريسي';

describe('values quoted in an email keep their own direction', () => {
  it('an Arabic email quotes a French project title: isolated in the text, <bdi> in the HTML, escaped, in an rtl document', () => {
    const email = renderEmail('application-received', 'ar', {
      name: ARABIC_NAME,
      projectTitle: FRENCH_TITLE,
      callTitle: 'جائزة الابتكار الاجتماعي',
      reference: 'FAB-2026-0042',
      submittedAt: '14/03/2026 16:05',
      link: 'http://localhost:3000/portal/applications/1',
    });

    expect(email.text).toContain(`نؤكد استلام ترشيح مشروعكم «${inText(FRENCH_TITLE)}» في إطار «${inText('جائزة الابتكار الاجتماعي')}».`);
    expect(email.text).toContain(`رقم المرجع: ${inText('FAB-2026-0042')}`);
    expect(email.text).toContain(`تاريخ الإرسال: ${inText('14/03/2026 16:05')} (بتوقيت الدار البيضاء)`);
    expect(email.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(email.html).toContain('<p>نؤكد استلام ترشيح مشروعكم «<bdi>Atelier « Café &amp; Co » 2.0 !</bdi>» في إطار «<bdi>جائزة الابتكار الاجتماعي</bdi>».</p>');
    expect(email.html).toContain('<p>مرحبا <bdi>أمينة الإدريسي</bdi>،</p>');
    // The link stays a link of its own, never inside an isolate.
    expect(email.text).toContain('\n\nhttp://localhost:3000/portal/applications/1\n\n');
    expect(email.html).toContain('<a href="http://localhost:3000/portal/applications/1" dir="ltr"');
    // Nothing of the composing marks reaches a reader.
    expect(`${email.text}${email.html}`).not.toMatch(/[\uE010-\uE013]/u);
  });

  it('a French email quotes an Arabic name and an Arabic call title', () => {
    const email = renderEmail('jury-added', 'fr', {
      name: ARABIC_NAME,
      inviter: 'Nadia Bennani',
      callTitle: 'جائزة الابتكار 2026',
      roundName: 'Tour 1',
      applications: null,
      closesAt: null,
      link: 'http://localhost:3000/jury',
    });

    expect(email.text.startsWith(`Bonjour ${inText(ARABIC_NAME)},\n\n`)).toBe(true);
    expect(email.text).toContain(`${inText('Nadia Bennani')} vous a ajouté au jury de l'appel « ${inText('جائزة الابتكار 2026')} » (${inText('Tour 1')}).`);
    expect(email.html).toMatch(/^<!doctype html><html lang="fr" dir="ltr">/);
    expect(email.html).toContain(`<p>Bonjour <bdi>${ARABIC_NAME}</bdi>,</p>`);
    expect(email.html).toContain('« <bdi>جائزة الابتكار 2026</bdi> »');
    // The subject is a header, not a body: its values are written as they are.
    expect(email.subject).toBe('Vous faites partie du jury de « جائزة الابتكار 2026 »');
  });

  it('block text (a reason for reopening) is isolated as a block, line by line, and the role name stays in the sentence', () => {
    const reopened = renderEmail('scorecard-reopened', 'fr', {
      name: 'Karim',
      callTitle: 'Appel',
      roundName: 'Tour 1',
      applicationLabel: 'FAB-2026-0042',
      reason: 'يرجى مراجعة المعيار الثاني.\nMerci <b>!</b>',
      link: 'http://localhost:3000/jury',
    });
    expect(reopened.text).toContain(`Motif : ${inText('يرجى مراجعة المعيار الثاني.')}\n${inText('Merci <b>!</b>')}`);
    expect(reopened.html).toContain(
      '<p>Motif : <span dir="auto" style="unicode-bidi:isolate">يرجى مراجعة المعيار الثاني.</span><br><span dir="auto" style="unicode-bidi:isolate">Merci &lt;b&gt;!&lt;/b&gt;</span></p>',
    );

    const granted = renderEmail('role-granted', 'ar', { name: 'Karim', inviter: 'نادية', role: 'JUROR', link: 'http://localhost:3000/login' });
    expect(granted.text).toContain(`أضافك ${inText('نادية')} بصفة عضو لجنة التحكيم.`);
  });

  it('a value cannot forge the marks that open and close an isolate', () => {
    const forged = quoted`Bonjour ${'\uE013</bdi><script>\uE010'},`;
    expect(markedToHtml(forged)).toBe('Bonjour <bdi>&lt;/bdi&gt;&lt;script&gt;</bdi>,');
    expect(markedToText(forged)).toBe(`Bonjour ${inText('</bdi><script>')},`);
    // Unbalanced marks still give balanced markup.
    expect(markedToHtml('\uE010a')).toBe('<bdi>a</bdi>');
    expect(markedToHtml('a\uE013')).toBe('a');
    expect(markedToText(quote('0–5', 'ltr'))).toBe(`${LRI}0–5${PDI}`);
  });
});

describe('secrets in emails whose values are quoted', () => {
  const INVITATION = 'http://localhost:3000/invitations/tok3n-VALUE_42';
  const RESET = 'http://localhost:3000/reset-password?token=abcDEF123_-xyz';

  it('are hidden from readers without the right, in a French invitation from an Arabic-named inviter', () => {
    const email = renderEmail('invitation', 'fr', { inviter: ARABIC_NAME, role: 'JUROR', link: INVITATION, days: 7 });
    expect(email.secrets).toEqual([INVITATION]);
    const hidden = segmentsText(emailSegments(email.text, email.secrets, false));
    expect(hidden).not.toContain('tok3n');
    expect(hidden).toContain(`\n\n${REDACTED_SECRET}\n\n`);
    expect(hidden).toContain(`${inText(ARABIC_NAME)} vous invite`);
    expect(redactedEmailText(email.text, email.secrets)).toBe(hidden);
    expect(segmentsText(emailSegments(email.text, email.secrets, true))).toBe(email.text);
  });

  it('are scrubbed from the stored copy of an Arabic reset email, text and HTML alike', () => {
    const email = renderEmail('password-reset', 'ar', { name: 'Amina', link: RESET, minutes: 30 });
    const scrubbed = scrubEmail(email);
    expect(`${scrubbed.text}${scrubbed.html}`).not.toContain('abcDEF123');
    expect(scrubbed.html).toContain(`<a href="${SCRUBBED_SECRET}" dir="ltr"`);
    expect(scrubbed.html).toContain('<p>مرحبا <bdi>Amina</bdi>،</p>');
    expect(scrubbed.text).toContain(`مرحبا ${inText('Amina')}،`);
  });

  it('a link quoted inside a value ends at the isolate: the safety net hides the whole link and keeps the isolate', () => {
    const text = quoted`Rendez-vous sur ${'http://x.example/invitations/AbC123'}`;
    expect(redactedEmailText(markedToText(text), [])).toBe(`Rendez-vous sur ${inText(REDACTED_SECRET)}`);
  });
});

describe('jurors told what waits for them', () => {
  const INVITATION = 'http://localhost:3000/invitations/tok3n-VALUE_42';

  it('an Arabic invitation into a round names the call, the round, the applications and the deadline, and keeps its link secret', () => {
    const email = renderEmail('invitation', 'ar', {
      inviter: 'Salma Bennani',
      role: 'JUROR',
      link: INVITATION,
      days: 7,
      jury: { callTitle: 'Appel à projets 2026', roundName: 'الجولة 1', applications: 12, closesAt: '15 مارس 2026 في 18:00' },
    });
    expect(email.subject).toBe('دعوة للانضمام إلى لجنة تحكيم «Appel à projets 2026»');
    expect(email.text).toContain(`يدعوك ${inText('Salma Bennani')} للانضمام إلى لجنة تحكيم «${inText('Appel à projets 2026')}» (${inText('الجولة 1')}).`);
    expect(email.text).toContain(`عدد الملفات التي ستقيّمها اللجنة في هذه الجولة: ${inText('12')}`);
    expect(email.text).toContain(`آخر أجل للتقييم: ${inText('15 مارس 2026 في 18:00')} (بتوقيت الدار البيضاء)`);
    expect(email.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(email.secrets).toEqual([INVITATION]);
    expect(redactedEmailText(email.text, email.secrets)).not.toContain('tok3n');
  });

  it('an invitation whose round has no known size or deadline leaves those lines out', () => {
    const email = renderEmail('invitation', 'en', {
      inviter: 'Salma', role: 'JUROR', link: INVITATION, days: 7, jury: { callTitle: 'Call 2026', roundName: 'Round 1', applications: null, closesAt: null },
    });
    expect(email.subject).toBe('Invitation to the jury of "Call 2026"');
    expect(email.text).not.toContain('Applications the jury will evaluate');
    expect(email.text).not.toContain('deadline');
  });

  it('the waiting-work email says what is new, what waits and until when', () => {
    const opened = renderEmail('jury-work-waiting', 'fr', { name: 'Karim', callTitle: 'جائزة الابتكار', roundName: 'Tour 1', added: null, waiting: 4, closesAt: '15 mars 2026 à 18:00', link: 'http://localhost:3000/jury' });
    expect(opened.subject).toBe('Des dossiers vous attendent : « جائزة الابتكار »');
    expect(opened.text).toContain(`L'évaluation de l'appel « ${inText('جائزة الابتكار')} » (${inText('Tour 1')}) est ouverte`);
    expect(opened.text).not.toContain('Nouveaux dossiers');
    expect(opened.text).toContain(`Dossiers en attente de votre évaluation : ${inText('4')}`);
    expect(opened.text).toContain(`Date limite des évaluations : ${inText('15 mars 2026 à 18:00')} (heure de Casablanca)`);
    expect(opened.text).toContain('\n\nhttp://localhost:3000/jury\n\n');

    const more = renderEmail('jury-work-waiting', 'ar', { name: 'كريم', callTitle: 'Appel', roundName: 'الجولة 1', added: 2, waiting: 5, closesAt: null, link: 'http://localhost:3000/jury' });
    expect(more.text).toContain(`عدد الملفات الجديدة: ${inText('2')}`);
    expect(more.text).toContain(`عدد الملفات التي تنتظر تقييمك: ${inText('5')}`);
    expect(more.text).not.toContain('آخر أجل');
  });

  it('a reopened ballot quotes staff\'s reason as a block, whatever it holds', () => {
    const email = renderEmail('ballot-reopened', 'ar', {
      name: 'كريم', callTitle: 'Appel 2026', roundName: 'التصويت النهائي', reason: 'Merci de revoir <b>B</b>', closesAt: null, link: 'http://localhost:3000/jury/ballots/1',
    });
    expect(email.subject).toBe('أعيد فتح ترتيبك النهائي في «Appel 2026»');
    expect(email.text).toContain(`السبب: ${inText('Merci de revoir <b>B</b>')}`);
    expect(email.html).toContain('السبب: <span dir="auto" style="unicode-bidi:isolate">Merci de revoir &lt;b&gt;B&lt;/b&gt;</span>');
  });
});

describe('a project asked to change its progress report', () => {
  const LINK = 'http://localhost:3000/portal/applications/1/reports/first_cohort';

  it('names the milestone and the project, quotes staff\'s comment as a block and links to the report, in each language', () => {
    const params = { name: 'Amina', projectTitle: 'Traiteur solidaire', milestoneTitle: 'تكوين الفوج الأول', comment: 'Ajoutez la liste de présence.\nMerci <b>!</b>', link: LINK };
    const ar = renderEmail('report-changes-requested', 'ar', params);
    expect(ar.subject).toBe('تقرير «تكوين الفوج الأول»: مطلوب إدخال تعديلات');
    expect(ar.text).toContain(`تقرير المرحلة «${inText('تكوين الفوج الأول')}» الخاص بمشروعكم «${inText('Traiteur solidaire')}»`);
    expect(ar.text).toContain(`ملاحظة الفريق: ${inText('Ajoutez la liste de présence.')}\n${inText('Merci <b>!</b>')}`);
    expect(ar.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(ar.html).toContain('<span dir="auto" style="unicode-bidi:isolate">Merci &lt;b&gt;!&lt;/b&gt;</span>');
    expect(ar.text).toContain(`\n\n${LINK}\n\n`);
    expect(ar.secrets).toEqual([]);

    const fr = renderEmail('report-changes-requested', 'fr', { ...params, milestoneTitle: 'Première cohorte formée' });
    expect(fr.subject).toBe('Rapport « Première cohorte formée » : des modifications sont demandées');
    expect(fr.text).toContain(`Commentaire de l'équipe : ${inText('Ajoutez la liste de présence.')}`);
    expect(fr.html).toContain(`<a href="${LINK}" dir="ltr"`);

    const en = renderEmail('report-changes-requested', 'en', { ...params, milestoneTitle: 'First cohort trained' });
    expect(en.subject).toBe('"First cohort trained" report: changes requested');
    expect(en.text).toContain(`The team's comment: ${inText('Ajoutez la liste de présence.')}`);
  });
});

describe('progress report reminders', () => {
  const params = {
    name: 'خديجة المنصوري',
    projectTitle: 'Tissage Atlas',
    reference: 'IS-2025-0002',
    milestoneTitle: 'تقرير منتصف المدة',
    dueAt: '31 مارس 2027 في 23:59',
    link: 'http://localhost:3000/applications/1/reports/midterm',
  };

  it('an Arabic reminder per step: its subject, the project and its reference quoted, the date, the report link', () => {
    const soon = renderEmail('report-reminder', 'ar', { ...params, step: 'DUE_IN_7_DAYS' });
    expect(soon.subject).toBe('تذكير: تقرير «تقرير منتصف المدة» مطلوب قبل 31 مارس 2027 في 23:59');
    expect(soon.text).toContain(
      `تقرير المرحلة «${inText('تقرير منتصف المدة')}» الخاص بمشروعكم «${inText('Tissage Atlas')}» (${inText('IS-2025-0002')}) مطلوب في ${inText('31 مارس 2027 في 23:59')} (بتوقيت الدار البيضاء).`,
    );
    expect(soon.text).toContain('\n\nhttp://localhost:3000/applications/1/reports/midterm\n\n');
    expect(soon.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(soon.secrets).toEqual([]);
    expect(renderEmail('report-reminder', 'ar', { ...params, step: 'DUE_TODAY' }).subject).toBe('اليوم آخر أجل لإرسال تقرير «تقرير منتصف المدة»');
    const late = renderEmail('report-reminder', 'ar', { ...params, step: 'LATE' });
    expect(late.subject).toBe('تقرير «تقرير منتصف المدة» متأخر');
    expect(late.text).toContain('ولم يصلنا بعد.');
  });

  it('a French and an English reminder, without a reference when the project has none', () => {
    const fr = renderEmail('report-reminder', 'fr', { ...params, name: 'Omar', milestoneTitle: 'Rapport à mi-parcours', dueAt: '31 mars 2027 à 23:59', reference: null, step: 'LATE' });
    expect(fr.subject).toBe('Votre rapport « Rapport à mi-parcours » est en retard');
    expect(fr.text).toContain(`de votre projet « ${inText('Tissage Atlas')} » était attendu le ${inText('31 mars 2027 à 23:59')} (heure de Casablanca)`);
    expect(fr.text).not.toContain('IS-2025');
    expect(renderEmail('report-reminder', 'fr', { ...params, milestoneTitle: 'Rapport final', dueAt: '1 avril 2027 à 17:00', step: 'DUE_IN_7_DAYS' }).subject).toBe(
      "Rappel : rapport « Rapport final » attendu d'ici le 1 avril 2027 à 17:00",
    );
    const en = renderEmail('report-reminder', 'en', { ...params, milestoneTitle: 'Mid-term report', dueAt: 'March 31, 2027 at 11:59 PM', step: 'DUE_TODAY' });
    expect(en.subject).toBe('Last day to send your "Mid-term report" report');
    expect(en.text).toContain(`of your project "${inText('Tissage Atlas')}" (${inText('IS-2025-0002')}), by ${inText('March 31, 2027 at 11:59 PM')} (Casablanca time).`);
  });
});
