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
