import type { TLocale, TReminderStep } from '@tahkim/contracts';
import { asBlock, escapeHtml, markedToHtml, markedToText, quoted, translated, type Marked } from './quoted-values';

/** Every email the platform sends, with the values its text needs. */
export interface EmailTemplateParams {
  'password-reset': { name: string; link: string; minutes: number };
  /** `jury`: the round a juror is invited into, in the recipient's language (absent for an invitation to the platform only). */
  invitation: { inviter: string; role: 'JUROR' | 'STAFF'; link: string; days: number; jury?: JuryRoundFacts | null };
  'role-granted': { name: string; inviter: string; role: 'JUROR' | 'STAFF'; link: string };
  /** The receipt of a submitted application; `submittedAt` is already written in Africa/Casablanca time. */
  'application-received': { name: string; projectTitle: string; callTitle: string; reference: string; submittedAt: string; link: string };
  /** An existing account added to a round's jury; titles are already in the recipient's language. */
  'jury-added': { name: string; inviter: string; link: string } & JuryRoundFacts;
  /**
   * Applications wait for a juror: the round opened with assignments (`added` null) or new ones were
   * assigned in an open round (`added` of them); `waiting` counts every unsubmitted one of theirs there.
   */
  'jury-work-waiting': { name: string; callTitle: string; roundName: string; added: number | null; waiting: number; closesAt: string | null; link: string };
  /** A final ballot round opened: `finalists` the juror orders (their conflicts left out). */
  'jury-ballot-waiting': { name: string; callTitle: string; roundName: string; finalists: number; closesAt: string | null; link: string };
  /** Unfinished scorecards of a round; `closesAt` is already written in Africa/Casablanca time, or null. */
  'jury-reminder': { name: string; callTitle: string; roundName: string; remaining: number; total: number; closesAt: string | null; link: string };
  /** Staff sent a juror's submitted scorecard back to draft; `applicationLabel` is the reference, never the applicant. */
  'scorecard-reopened': { name: string; callTitle: string; roundName: string; applicationLabel: string; reason: string; link: string };
  /** Staff sent a juror's submitted final ballot back to draft, with a reason (staff's words, quoted as they are). */
  'ballot-reopened': { name: string; callTitle: string; roundName: string; reason: string; closesAt: string | null; link: string };
  /** Staff wrote (or changed) a winner's presentation for the call's public results page: it awaits the winner's answer. */
  'public-profile-consent': { name: string; callTitle: string; projectTitle: string; link: string };
  /** Staff asked for changes to a progress report: the milestone's title in the recipient's language, staff's comment quoted as it is. */
  'report-changes-requested': { name: string; projectTitle: string; milestoneTitle: string; comment: string; link: string };
  /**
   * A supported project's progress report is due soon, today, or late; titles already in the recipient's
   * language, `dueAt` already written in Africa/Casablanca time.
   */
  'report-reminder': { name: string; projectTitle: string; reference: string | null; milestoneTitle: string; dueAt: string; step: TReminderStep; link: string };
}

/**
 * What a juror joining a round is told: titles in the recipient's language, the number of applications
 * the round holds (null while none is known) and its deadline already written in Casablanca time (or null).
 */
export interface JuryRoundFacts {
  callTitle: string;
  roundName: string;
  applications: number | null;
  closesAt: string | null;
}
export type EmailTemplate = keyof EmailTemplateParams;

/**
 * The values of each template that are one-time secrets: whoever reads them can act as the recipient.
 * Every template says which (the compiler asks for each new one); the outbox stores them beside the
 * email so the back office and the logs can hide them without guessing from the text.
 */
const SECRET_PARAMS: { [T in EmailTemplate]: ReadonlyArray<keyof EmailTemplateParams[T]> } = {
  'password-reset': ['link'],
  invitation: ['link'],
  'role-granted': [],
  'application-received': [],
  'jury-added': [],
  'jury-reminder': [],
  'jury-work-waiting': [],
  'jury-ballot-waiting': [],
  'scorecard-reopened': [],
  'ballot-reopened': [],
  'public-profile-consent': [],
  'report-changes-requested': [],
  'report-reminder': [],
};

export interface RenderedEmail {
  subject: string;
  /**
   * Paragraphs, their values quoted (`quoted` in ./quoted-values) so that each keeps its own direction;
   * a paragraph that is a bare URL becomes a button in the HTML part.
   */
  paragraphs: string[];
}

const ROLE_NAMES: Record<'JUROR' | 'STAFF', Record<TLocale, string>> = {
  JUROR: { ar: 'عضو لجنة التحكيم', fr: 'membre du jury', en: 'jury member' },
  STAFF: { ar: 'عضو فريق المؤسسة', fr: "membre de l'équipe de la fondation", en: 'foundation staff member' },
};

type Renderers = { [T in EmailTemplate]: Record<TLocale, (p: EmailTemplateParams[T]) => RenderedEmail> };

/** The project as a reminder names it: its title, then its reference when it has one. */
function reminderProject(p: EmailTemplateParams['report-reminder'], open: string, close: string): Marked {
  const title = { marked: `${open}${quoted`${p.projectTitle}`}${close}` };
  return { marked: p.reference ? quoted`${title} (${p.reference})` : title.marked };
}

/** A progress report's reminder: seven days before its due date, on the due day, then once late. */
const REPORT_REMINDER: Renderers['report-reminder'] = {
  ar: (p) => {
    const project = reminderProject(p, '«', '»');
    const subjects = {
      DUE_IN_7_DAYS: `تذكير: تقرير «${p.milestoneTitle}» مطلوب قبل ${p.dueAt}`,
      DUE_TODAY: `اليوم آخر أجل لإرسال تقرير «${p.milestoneTitle}»`,
      LATE: `تقرير «${p.milestoneTitle}» متأخر`,
    };
    const facts = {
      DUE_IN_7_DAYS: quoted`تقرير المرحلة «${p.milestoneTitle}» الخاص بمشروعكم ${project} مطلوب في ${p.dueAt} (بتوقيت الدار البيضاء).`,
      DUE_TODAY: quoted`اليوم هو آخر أجل لإرسال تقرير المرحلة «${p.milestoneTitle}» الخاص بمشروعكم ${project}، قبل ${p.dueAt} (بتوقيت الدار البيضاء).`,
      LATE: quoted`كان تقرير المرحلة «${p.milestoneTitle}» الخاص بمشروعكم ${project} مطلوبا في ${p.dueAt} (بتوقيت الدار البيضاء)، ولم يصلنا بعد.`,
    };
    return {
      subject: subjects[p.step],
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        facts[p.step],
        p.step === 'LATE'
          ? 'يرجى إرساله في أقرب وقت من فضائكم. وإن حالت صعوبة دون ذلك، تواصلوا مع فريق المؤسسة:'
          : 'يمكنكم كتابة التقرير (يُحفظ تلقائيا أثناء الكتابة) وإرساله من فضائكم:',
        p.link,
        'شكرا على مشاركتكم تقدم مشروعكم مع المؤسسة.',
      ],
    };
  },
  fr: (p) => {
    const project = reminderProject(p, '« ', ' »');
    const subjects = {
      DUE_IN_7_DAYS: `Rappel : rapport « ${p.milestoneTitle} » attendu d'ici le ${p.dueAt}`,
      DUE_TODAY: `Dernier jour pour envoyer votre rapport « ${p.milestoneTitle} »`,
      LATE: `Votre rapport « ${p.milestoneTitle} » est en retard`,
    };
    const facts = {
      DUE_IN_7_DAYS: quoted`Le rapport d'étape « ${p.milestoneTitle} » de votre projet ${project} est attendu le ${p.dueAt} (heure de Casablanca).`,
      DUE_TODAY: quoted`C'est aujourd'hui le dernier jour pour envoyer le rapport d'étape « ${p.milestoneTitle} » de votre projet ${project}, au plus tard le ${p.dueAt} (heure de Casablanca).`,
      LATE: quoted`Le rapport d'étape « ${p.milestoneTitle} » de votre projet ${project} était attendu le ${p.dueAt} (heure de Casablanca) et ne nous est pas encore parvenu.`,
    };
    return {
      subject: subjects[p.step],
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        facts[p.step],
        p.step === 'LATE'
          ? "Merci de l'envoyer au plus vite depuis votre espace. Si une difficulté vous en empêche, prenez contact avec l'équipe de la fondation :"
          : 'Vous pouvez rédiger le rapport (il est enregistré au fil de la saisie) et l’envoyer depuis votre espace :',
        p.link,
        "Merci de partager avec la fondation l'avancement de votre projet.",
      ],
    };
  },
  en: (p) => {
    const project = reminderProject(p, '"', '"');
    const subjects = {
      DUE_IN_7_DAYS: `Reminder: "${p.milestoneTitle}" report due by ${p.dueAt}`,
      DUE_TODAY: `Last day to send your "${p.milestoneTitle}" report`,
      LATE: `Your "${p.milestoneTitle}" report is late`,
    };
    const facts = {
      DUE_IN_7_DAYS: quoted`The "${p.milestoneTitle}" progress report of your project ${project} is due on ${p.dueAt} (Casablanca time).`,
      DUE_TODAY: quoted`Today is the last day to send the "${p.milestoneTitle}" progress report of your project ${project}, by ${p.dueAt} (Casablanca time).`,
      LATE: quoted`The "${p.milestoneTitle}" progress report of your project ${project} was due on ${p.dueAt} (Casablanca time) and has not reached us yet.`,
    };
    return {
      subject: subjects[p.step],
      paragraphs: [
        quoted`Hello ${p.name},`,
        facts[p.step],
        p.step === 'LATE'
          ? "Please send it as soon as you can from your portal. If something prevents you, get in touch with the foundation's team:"
          : 'You can write the report (it is saved as you type) and send it from your portal:',
        p.link,
        "Thank you for sharing your project's progress with the foundation.",
      ],
    };
  },
};

const TEMPLATES: Renderers = {
  'report-reminder': REPORT_REMINDER,
  'password-reset': {
    ar: (p) => ({
      subject: 'إعادة تعيين كلمة المرور',
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        'تلقينا طلبا لإعادة تعيين كلمة المرور الخاصة بحسابك. لاختيار كلمة مرور جديدة، افتح الرابط التالي:',
        p.link,
        quoted`هذا الرابط صالح لمدة ${p.minutes} دقيقة ولمرة واحدة فقط. إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.`,
      ],
    }),
    fr: (p) => ({
      subject: 'Réinitialisation de votre mot de passe',
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte. Pour en choisir un nouveau, ouvrez ce lien :',
        p.link,
        quoted`Ce lien est valable ${p.minutes} minutes et une seule fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.`,
      ],
    }),
    en: (p) => ({
      subject: 'Reset your password',
      paragraphs: [
        quoted`Hello ${p.name},`,
        'We received a request to reset the password of your account. To choose a new one, open this link:',
        p.link,
        quoted`This link is valid for ${p.minutes} minutes and can be used once. If you did not ask for it, you can ignore this message.`,
      ],
    }),
  },
  invitation: {
    ar: (p) =>
      p.jury
        ? {
            subject: `دعوة للانضمام إلى لجنة تحكيم «${p.jury.callTitle}»`,
            paragraphs: [
              'مرحبا،',
              quoted`يدعوك ${p.inviter} للانضمام إلى لجنة تحكيم «${p.jury.callTitle}» (${p.jury.roundName}).`,
              ...juryFacts(p.jury, 'ar'),
              'لقبول الدعوة وإنشاء حسابك، افتح الرابط التالي:',
              p.link,
              quoted`هذه الدعوة صالحة لمدة ${p.days} أيام. ستصلك رسالة بالبريد الإلكتروني حين تُسند إليك الملفات.`,
            ],
          }
        : {
            subject: `دعوة للانضمام بصفة ${ROLE_NAMES[p.role].ar}`,
            paragraphs: [
              'مرحبا،',
              quoted`يدعوك ${p.inviter} للانضمام إلى منصة طلبات المشاريع بصفة ${translated(ROLE_NAMES[p.role].ar)}. لقبول الدعوة وإنشاء حسابك، افتح الرابط التالي:`,
              p.link,
              quoted`هذه الدعوة صالحة لمدة ${p.days} أيام.`,
            ],
          },
    fr: (p) =>
      p.jury
        ? {
            subject: `Invitation au jury de « ${p.jury.callTitle} »`,
            paragraphs: [
              'Bonjour,',
              quoted`${p.inviter} vous invite à siéger au jury de l'appel « ${p.jury.callTitle} » (${p.jury.roundName}).`,
              ...juryFacts(p.jury, 'fr'),
              "Pour accepter l'invitation et créer votre compte, ouvrez ce lien :",
              p.link,
              quoted`Cette invitation est valable ${p.days} jours. Vous recevrez un e-mail dès que des dossiers vous seront confiés.`,
            ],
          }
        : {
            subject: `Invitation à rejoindre la plateforme en tant que ${ROLE_NAMES[p.role].fr}`,
            paragraphs: [
              'Bonjour,',
              quoted`${p.inviter} vous invite à rejoindre la plateforme d'appels à projets en tant que ${translated(ROLE_NAMES[p.role].fr)}. Pour accepter l'invitation et créer votre compte, ouvrez ce lien :`,
              p.link,
              quoted`Cette invitation est valable ${p.days} jours.`,
            ],
          },
    en: (p) =>
      p.jury
        ? {
            subject: `Invitation to the jury of "${p.jury.callTitle}"`,
            paragraphs: [
              'Hello,',
              quoted`${p.inviter} invites you to sit on the jury of the call "${p.jury.callTitle}" (${p.jury.roundName}).`,
              ...juryFacts(p.jury, 'en'),
              'To accept the invitation and create your account, open this link:',
              p.link,
              quoted`This invitation is valid for ${p.days} days. You will receive an email as soon as applications are assigned to you.`,
            ],
          }
        : {
            subject: `Invitation to join the platform as a ${ROLE_NAMES[p.role].en}`,
            paragraphs: [
              'Hello,',
              quoted`${p.inviter} invites you to join the calls-for-projects platform as a ${translated(ROLE_NAMES[p.role].en)}. To accept the invitation and create your account, open this link:`,
              p.link,
              quoted`This invitation is valid for ${p.days} days.`,
            ],
          },
  },
  'role-granted': {
    ar: (p) => ({
      subject: `أصبحت ${ROLE_NAMES[p.role].ar}`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`أضافك ${p.inviter} بصفة ${translated(ROLE_NAMES[p.role].ar)}. يمكنك الدخول بحسابك الحالي:`,
        p.link,
      ],
    }),
    fr: (p) => ({
      subject: `Vous êtes désormais ${ROLE_NAMES[p.role].fr}`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`${p.inviter} vous a ajouté en tant que ${translated(ROLE_NAMES[p.role].fr)}. Connectez-vous avec votre compte habituel :`,
        p.link,
      ],
    }),
    en: (p) => ({
      subject: `You are now a ${ROLE_NAMES[p.role].en}`,
      paragraphs: [quoted`Hello ${p.name},`, quoted`${p.inviter} added you as a ${translated(ROLE_NAMES[p.role].en)}. Sign in with your existing account:`, p.link],
    }),
  },
  'application-received': {
    ar: (p) => ({
      subject: `تم استلام طلبكم ${p.reference}`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`نؤكد استلام ترشيح مشروعكم «${p.projectTitle}» في إطار «${p.callTitle}».`,
        quoted`رقم المرجع: ${p.reference}`,
        quoted`تاريخ الإرسال: ${p.submittedAt} (بتوقيت الدار البيضاء)`,
        'لم يعد بالإمكان تعديل أجوبتكم. يمكنكم متابعة حالة طلبكم في أي وقت عبر الرابط التالي:',
        p.link,
        'يرجى ذكر رقم المرجع في كل مراسلة. سنخبركم بكل مستجد.',
      ],
    }),
    fr: (p) => ({
      subject: `Candidature reçue : ${p.reference}`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`Nous accusons réception de la candidature de votre projet « ${p.projectTitle} » à l'appel « ${p.callTitle} ».`,
        quoted`Référence : ${p.reference}`,
        quoted`Envoyée le ${p.submittedAt} (heure de Casablanca)`,
        'Vos réponses ne peuvent plus être modifiées. Vous pouvez suivre l’avancement de votre candidature à tout moment :',
        p.link,
        'Merci de rappeler votre référence dans toute correspondance. Nous vous tiendrons informé·e de la suite.',
      ],
    }),
    en: (p) => ({
      subject: `Application received: ${p.reference}`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`We have received the application for your project "${p.projectTitle}" to the call "${p.callTitle}".`,
        quoted`Reference: ${p.reference}`,
        quoted`Submitted on ${p.submittedAt} (Casablanca time)`,
        'Your answers can no longer be changed. You can follow the status of your application at any time:',
        p.link,
        'Please quote your reference in any correspondence. We will keep you informed.',
      ],
    }),
  },
  'jury-added': {
    ar: (p) => ({
      subject: `انضممتم إلى لجنة تحكيم «${p.callTitle}»`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`أضافكم ${p.inviter} إلى لجنة تحكيم «${p.callTitle}» (${p.roundName}). ستجدون الملفات المسندة إليكم في فضاء التحكيم بعد الدخول بحسابكم الحالي:`,
        p.link,
        ...juryFacts(p, 'ar'),
        'قبل قراءة الملفات، يرجى التصريح بأي تضارب في المصالح.',
      ],
    }),
    fr: (p) => ({
      subject: `Vous faites partie du jury de « ${p.callTitle} »`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`${p.inviter} vous a ajouté au jury de l'appel « ${p.callTitle} » (${p.roundName}). Les dossiers qui vous sont confiés vous attendent dans l'espace jury, avec votre compte habituel :`,
        p.link,
        ...juryFacts(p, 'fr'),
        "Avant de lire les dossiers, pensez à déclarer tout conflit d'intérêts.",
      ],
    }),
    en: (p) => ({
      subject: `You are on the jury of "${p.callTitle}"`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`${p.inviter} added you to the jury of the call "${p.callTitle}" (${p.roundName}). The applications assigned to you are waiting in the jury workspace; sign in with your existing account:`,
        p.link,
        ...juryFacts(p, 'en'),
        'Before reading the applications, please declare any conflict of interest.',
      ],
    }),
  },
  'jury-reminder': {
    ar: (p) => ({
      subject: `تذكير: ${p.remaining} تقييمات في انتظاركم`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`بقيت ${p.remaining} من أصل ${p.total} بطاقات تقييم لم تُرسَل بعد في «${p.callTitle}» (${p.roundName}).`,
        ...(p.closesAt ? [quoted`آخر أجل للتقييم: ${p.closesAt} (بتوقيت الدار البيضاء).`] : []),
        'يمكنكم متابعة عملكم من فضاء التحكيم:',
        p.link,
        'شكرا على مساهمتكم في عمل اللجنة.',
      ],
    }),
    fr: (p) => ({
      subject: `Rappel : ${p.remaining} évaluation(s) vous attendent`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`Il vous reste ${p.remaining} grille(s) d'évaluation sur ${p.total} à envoyer pour « ${p.callTitle} » (${p.roundName}).`,
        ...(p.closesAt ? [quoted`Date limite des évaluations : ${p.closesAt} (heure de Casablanca).`] : []),
        "Reprenez votre travail dans l'espace jury :",
        p.link,
        'Merci pour votre engagement au sein du jury.',
      ],
    }),
    en: (p) => ({
      subject: `Reminder: ${p.remaining} evaluation(s) waiting for you`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`You still have ${p.remaining} of ${p.total} scorecard(s) to submit for "${p.callTitle}" (${p.roundName}).`,
        ...(p.closesAt ? [quoted`Evaluation deadline: ${p.closesAt} (Casablanca time).`] : []),
        'Pick up where you left off in the jury workspace:',
        p.link,
        'Thank you for your work on the jury.',
      ],
    }),
  },
  'jury-work-waiting': {
    ar: (p) => ({
      subject: `ملفات في انتظار تقييمك: «${p.callTitle}»`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        p.added === null
          ? quoted`بدأ التقييم في «${p.callTitle}» (${p.roundName})، والملفات المسندة إليك في انتظارك.`
          : quoted`أُسندت إليك ملفات جديدة في «${p.callTitle}» (${p.roundName}).`,
        ...(p.added === null ? [] : [quoted`عدد الملفات الجديدة: ${p.added}`]),
        quoted`عدد الملفات التي تنتظر تقييمك: ${p.waiting}`,
        ...(p.closesAt ? [quoted`آخر أجل للتقييم: ${p.closesAt} (بتوقيت الدار البيضاء)`] : []),
        'افتح فضاء التحكيم لقراءتها وتقييمها:',
        p.link,
        'قبل قراءة أي ملف، يرجى التصريح بأي تضارب في المصالح.',
      ],
    }),
    fr: (p) => ({
      subject: `Des dossiers vous attendent : « ${p.callTitle} »`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        p.added === null
          ? quoted`L'évaluation de l'appel « ${p.callTitle} » (${p.roundName}) est ouverte : les dossiers qui vous sont confiés vous attendent.`
          : quoted`De nouveaux dossiers vous ont été confiés pour l'appel « ${p.callTitle} » (${p.roundName}).`,
        ...(p.added === null ? [] : [quoted`Nouveaux dossiers : ${p.added}`]),
        quoted`Dossiers en attente de votre évaluation : ${p.waiting}`,
        ...(p.closesAt ? [quoted`Date limite des évaluations : ${p.closesAt} (heure de Casablanca)`] : []),
        "Ouvrez l'espace jury pour les lire et les évaluer :",
        p.link,
        "Avant de lire un dossier, pensez à déclarer tout conflit d'intérêts.",
      ],
    }),
    en: (p) => ({
      subject: `Applications waiting for you: "${p.callTitle}"`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        p.added === null
          ? quoted`The evaluation of the call "${p.callTitle}" (${p.roundName}) is open: the applications assigned to you are waiting.`
          : quoted`New applications were assigned to you for the call "${p.callTitle}" (${p.roundName}).`,
        ...(p.added === null ? [] : [quoted`New applications: ${p.added}`]),
        quoted`Applications waiting for your evaluation: ${p.waiting}`,
        ...(p.closesAt ? [quoted`Evaluation deadline: ${p.closesAt} (Casablanca time)`] : []),
        'Open the jury workspace to read and score them:',
        p.link,
        'Before reading an application, please declare any conflict of interest.',
      ],
    }),
  },
  'jury-ballot-waiting': {
    ar: (p) => ({
      subject: `ترتيبك النهائي في انتظارك: «${p.callTitle}»`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`فُتح التصويت النهائي في «${p.callTitle}» (${p.roundName}): رتّب الملفات المتأهلة من الأفضل إلى الأقل.`,
        quoted`عدد الملفات المطلوب ترتيبها: ${p.finalists}`,
        ...(p.closesAt ? [quoted`آخر أجل للتصويت: ${p.closesAt} (بتوقيت الدار البيضاء)`] : []),
        'افتح ورقة تصويتك في فضاء التحكيم:',
        p.link,
      ],
    }),
    fr: (p) => ({
      subject: `Votre classement final vous attend : « ${p.callTitle} »`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`Le vote final de l'appel « ${p.callTitle} » (${p.roundName}) est ouvert : classez les dossiers finalistes du meilleur au moins bon.`,
        quoted`Dossiers à classer : ${p.finalists}`,
        ...(p.closesAt ? [quoted`Date limite du vote : ${p.closesAt} (heure de Casablanca)`] : []),
        "Ouvrez votre bulletin dans l'espace jury :",
        p.link,
      ],
    }),
    en: (p) => ({
      subject: `Your final ballot is waiting: "${p.callTitle}"`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`The final vote of the call "${p.callTitle}" (${p.roundName}) is open: order the finalists from strongest to weakest.`,
        quoted`Applications to order: ${p.finalists}`,
        ...(p.closesAt ? [quoted`Voting deadline: ${p.closesAt} (Casablanca time)`] : []),
        'Open your ballot in the jury workspace:',
        p.link,
      ],
    }),
  },
  'scorecard-reopened': {
    ar: (p) => ({
      subject: `أعيد فتح بطاقة التقييم ${p.applicationLabel}`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`أعاد فريق المؤسسة فتح بطاقة تقييمك للملف ${p.applicationLabel} في «${p.roundName}» من «${p.callTitle}». أصبحت البطاقة مسودة من جديد، ويمكنك مراجعتها ثم إرسالها مرة أخرى.`,
        quoted`السبب: ${asBlock(p.reason)}`,
        p.link,
      ],
    }),
    fr: (p) => ({
      subject: `Votre grille d'évaluation ${p.applicationLabel} a été rouverte`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`L'équipe de la fondation a rouvert votre grille d'évaluation du dossier ${p.applicationLabel} (${p.roundName}, « ${p.callTitle} »). Elle est de nouveau en brouillon : vous pouvez la revoir puis la soumettre à nouveau.`,
        quoted`Motif : ${asBlock(p.reason)}`,
        p.link,
      ],
    }),
    en: (p) => ({
      subject: `Your scorecard for ${p.applicationLabel} was reopened`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`The foundation's team reopened your scorecard for application ${p.applicationLabel} (${p.roundName}, "${p.callTitle}"). It is a draft again: you can review it and submit it once more.`,
        quoted`Reason: ${asBlock(p.reason)}`,
        p.link,
      ],
    }),
  },
  'ballot-reopened': {
    ar: (p) => ({
      subject: `أعيد فتح ترتيبك النهائي في «${p.callTitle}»`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`أعاد فريق المؤسسة فتح ترتيبك النهائي في «${p.roundName}» من «${p.callTitle}». أصبح الترتيب مسودة من جديد، ويمكنك مراجعته ثم إرساله مرة أخرى.`,
        quoted`السبب: ${asBlock(p.reason)}`,
        ...(p.closesAt ? [quoted`آخر أجل للتصويت: ${p.closesAt} (بتوقيت الدار البيضاء)`] : []),
        p.link,
      ],
    }),
    fr: (p) => ({
      subject: `Votre classement final pour « ${p.callTitle} » a été rouvert`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`L'équipe de la fondation a rouvert votre classement final (${p.roundName}, « ${p.callTitle} »). Il est de nouveau en brouillon : vous pouvez le revoir puis le soumettre à nouveau.`,
        quoted`Motif : ${asBlock(p.reason)}`,
        ...(p.closesAt ? [quoted`Date limite du vote : ${p.closesAt} (heure de Casablanca)`] : []),
        p.link,
      ],
    }),
    en: (p) => ({
      subject: `Your final ballot for "${p.callTitle}" was reopened`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`The foundation's team reopened your final ballot (${p.roundName}, "${p.callTitle}"). It is a draft again: you can review it and submit it once more.`,
        quoted`Reason: ${asBlock(p.reason)}`,
        ...(p.closesAt ? [quoted`Voting deadline: ${p.closesAt} (Casablanca time)`] : []),
        p.link,
      ],
    }),
  },
  'public-profile-consent': {
    ar: (p) => ({
      subject: `تقديم مشروعكم في صفحة نتائج «${p.callTitle}» ينتظر موافقتكم`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`كتب فريق المؤسسة تقديما قصيرا لمشروعكم «${p.projectTitle}» لينشر في صفحة نتائج «${p.callTitle}». لن ينشر إلا بموافقتكم: يمكنكم قراءته وتعديله ثم الموافقة عليه أو رفضه من فضائكم.`,
        p.link,
      ],
    }),
    fr: (p) => ({
      subject: `La présentation de votre projet pour les résultats de « ${p.callTitle} » attend votre accord`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`L'équipe de la fondation a rédigé une courte présentation de votre projet « ${p.projectTitle} » pour la page des résultats de « ${p.callTitle} ». Elle ne sera publiée qu'avec votre accord : vous pouvez la lire, la modifier, puis l'accepter ou la refuser depuis votre espace.`,
        p.link,
      ],
    }),
    en: (p) => ({
      subject: `Your project's presentation for the results of "${p.callTitle}" awaits your consent`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`The foundation's team wrote a short presentation of your project "${p.projectTitle}" for the results page of "${p.callTitle}". It is published only with your consent: you can read it, edit it, then accept or refuse it from your portal.`,
        p.link,
      ],
    }),
  },
  'report-changes-requested': {
    ar: (p) => ({
      subject: `تقرير «${p.milestoneTitle}»: مطلوب إدخال تعديلات`,
      paragraphs: [
        quoted`مرحبا ${p.name}،`,
        quoted`قرأ فريق المؤسسة تقرير المرحلة «${p.milestoneTitle}» الخاص بمشروعكم «${p.projectTitle}»، ويطلب منكم إدخال بعض التعديلات عليه قبل قبوله.`,
        quoted`ملاحظة الفريق: ${asBlock(p.comment)}`,
        'يمكنكم تعديل التقرير ثم إرساله من جديد من فضائكم:',
        p.link,
      ],
    }),
    fr: (p) => ({
      subject: `Rapport « ${p.milestoneTitle} » : des modifications sont demandées`,
      paragraphs: [
        quoted`Bonjour ${p.name},`,
        quoted`L'équipe de la fondation a lu le rapport d'étape « ${p.milestoneTitle} » de votre projet « ${p.projectTitle} » et vous demande d'y apporter quelques modifications avant de l'accepter.`,
        quoted`Commentaire de l'équipe : ${asBlock(p.comment)}`,
        'Vous pouvez modifier le rapport puis l’envoyer à nouveau depuis votre espace :',
        p.link,
      ],
    }),
    en: (p) => ({
      subject: `"${p.milestoneTitle}" report: changes requested`,
      paragraphs: [
        quoted`Hello ${p.name},`,
        quoted`The foundation's team read the "${p.milestoneTitle}" progress report of your project "${p.projectTitle}" and asks you to make a few changes before accepting it.`,
        quoted`The team's comment: ${asBlock(p.comment)}`,
        'You can change the report and send it again from your portal:',
        p.link,
      ],
    }),
  },
};

/** The round's size and deadline, each on its line, when known. */
function juryFacts(facts: JuryRoundFacts, locale: TLocale): string[] {
  const lines: Record<TLocale, { applications: (n: number) => string; closesAt: (at: string) => string }> = {
    ar: { applications: (n) => quoted`عدد الملفات التي ستقيّمها اللجنة في هذه الجولة: ${n}`, closesAt: (at) => quoted`آخر أجل للتقييم: ${at} (بتوقيت الدار البيضاء)` },
    fr: { applications: (n) => quoted`Dossiers à évaluer par le jury dans ce tour : ${n}`, closesAt: (at) => quoted`Date limite des évaluations : ${at} (heure de Casablanca)` },
    en: { applications: (n) => quoted`Applications the jury will evaluate in this round: ${n}`, closesAt: (at) => quoted`Evaluation deadline: ${at} (Casablanca time)` },
  };
  return [
    ...(facts.applications ? [lines[locale].applications(facts.applications)] : []),
    ...(facts.closesAt ? [lines[locale].closesAt(facts.closesAt)] : []),
  ];
}

const SIGNATURE: Record<TLocale, string> = {
  ar: 'منصة تحكيم — طلبات المشاريع ولجان التحكيم',
  fr: "Tahkim — appels à projets et jurys",
  en: 'Tahkim — calls for projects and juries',
};

const LINK_PARAGRAPH = /^https?:\/\/\S+$/;

export function renderEmail<T extends EmailTemplate>(
  template: T,
  locale: TLocale,
  params: EmailTemplateParams[T],
): { subject: string; text: string; html: string; secrets: string[] } {
  const { subject, paragraphs } = TEMPLATES[template][locale](params);
  const secrets = [...new Set(SECRET_PARAMS[template].map((name) => String(params[name])).filter((value) => value.length > 0))];
  // A link is a paragraph of its own, never isolated: mail programs would take the isolate into the address.
  const text = [...paragraphs.map(markedToText), '--', SIGNATURE[locale]].join('\n\n');
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const body = paragraphs
    .map((p) =>
      LINK_PARAGRAPH.test(p)
        ? `<p><a href="${escapeHtml(p)}" dir="ltr" style="display:inline-block;padding:10px 18px;background:#0b7285;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(p)}</a></p>`
        : `<p>${markedToHtml(p).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,'Noto Sans Arabic',sans-serif;line-height:1.6">${body}<hr><p style="color:#666">${escapeHtml(SIGNATURE[locale])}</p></body></html>`;
  return { subject, text, html, secrets };
}
