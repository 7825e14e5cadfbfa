// Error codes and their messages without zod: the web's public pages use them and must not download zod.
import type { TLocale } from './locale-codes';

/** Stable, machine-readable error codes. Clients branch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'TOKEN_INVALID',
  'VERSION_CONFLICT',
  'DEADLINE_PASSED',
  'CONFLICT',
  'SUGGESTED_CONFLICT',
  'JUROR_HAS_WORK',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_HTTP_STATUS: Record<TErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  TOKEN_INVALID: 400,
  VERSION_CONFLICT: 409,
  DEADLINE_PASSED: 409,
  CONFLICT: 409,
  SUGGESTED_CONFLICT: 409,
  JUROR_HAS_WORK: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** What the caller reads, in their language. The web app shows these as they are. */
export const ERROR_MESSAGES: Record<TErrorCode, Record<TLocale, string>> = {
  VALIDATION_FAILED: {
    ar: 'بعض البيانات المرسلة غير صالحة. يرجى تصحيح الحقول المشار إليها.',
    fr: 'Certaines données envoyées ne sont pas valides. Corrigez les champs signalés.',
    en: 'Some of the data sent is not valid. Please correct the highlighted fields.',
  },
  UNAUTHENTICATED: {
    ar: 'يجب تسجيل الدخول للمتابعة.',
    fr: 'Vous devez vous connecter pour continuer.',
    en: 'You need to sign in to continue.',
  },
  INVALID_CREDENTIALS: {
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Incorrect email address or password.',
  },
  FORBIDDEN: {
    ar: 'ليست لديك صلاحية القيام بهذا الإجراء.',
    fr: "Vous n'avez pas le droit d'effectuer cette action.",
    en: 'You are not allowed to do this.',
  },
  CSRF_REJECTED: {
    ar: 'تم رفض الطلب لأنه صادر من موقع آخر.',
    fr: "La requête a été refusée car elle provient d'un autre site.",
    en: 'The request was refused because it came from another site.',
  },
  NOT_FOUND: {
    ar: 'العنصر المطلوب غير موجود.',
    fr: "L'élément demandé est introuvable.",
    en: 'The requested item was not found.',
  },
  EMAIL_TAKEN: {
    ar: 'يوجد حساب مسجل بهذا البريد الإلكتروني. يمكنك تسجيل الدخول أو إعادة تعيين كلمة المرور.',
    fr: 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.',
    en: 'An account already exists with this email address. Sign in or reset your password.',
  },
  TOKEN_INVALID: {
    ar: 'هذا الرابط غير صالح أو منتهي الصلاحية أو سبق استخدامه.',
    fr: 'Ce lien est invalide, a expiré ou a déjà été utilisé.',
    en: 'This link is invalid, has expired or has already been used.',
  },
  VERSION_CONFLICT: {
    ar: 'تم تعديل هذه البيانات في مكان آخر. اختر النسخة التي تريد الاحتفاظ بها.',
    fr: 'Ces données ont été modifiées ailleurs. Choisissez la version à garder.',
    en: 'This was changed elsewhere. Choose which version to keep.',
  },
  DEADLINE_PASSED: {
    ar: 'انتهى الأجل المحدد.',
    fr: 'La date limite est dépassée.',
    en: 'The deadline has passed.',
  },
  CONFLICT: {
    ar: 'لا يمكن تنفيذ هذا الإجراء في الحالة الحالية.',
    fr: "Cette action n'est pas possible dans l'état actuel.",
    en: 'This action is not possible in the current state.',
  },
  SUGGESTED_CONFLICT: {
    ar: 'يوجد تضارب مصالح مقترح بين هذا العضو في لجنة التحكيم وهذا الملف (نفس الهيئة). أكّد لإسناده رغم ذلك.',
    fr: "Un conflit d'intérêts est suggéré entre ce membre du jury et ce dossier (même organisation). Confirmez pour l'affecter quand même.",
    en: 'A conflict of interest is suggested between this juror and this application (same organisation). Confirm to assign it anyway.',
  },
  JUROR_HAS_WORK: {
    ar: 'لا يمكن سحب هذا العضو من لجنة التحكيم: فقد أرسل بطاقات تقييم أو ترتيبه النهائي، وهي محتسبة في نتائج هذه الجولة. لسحبه، أعد فتح ما أرسله أولا.',
    fr: "Ce membre du jury ne peut pas être retiré : il a déjà soumis des grilles d'évaluation ou son classement final, qui comptent dans les résultats de ce tour. Pour le retirer, rouvrez d'abord ce qu'il a soumis.",
    en: "This juror cannot be removed: they have already submitted scorecards or their final ballot, which count in this round's results. To remove them, first reopen what they submitted.",
  },
  PAYLOAD_TOO_LARGE: {
    ar: 'حجم البيانات المرسلة كبير جدا.',
    fr: 'Les données envoyées sont trop volumineuses.',
    en: 'The data sent is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    ar: 'نوع المحتوى غير مقبول.',
    fr: "Ce type de contenu n'est pas accepté.",
    en: 'This type of content is not accepted.',
  },
  TOO_MANY_ATTEMPTS: {
    ar: 'محاولات كثيرة جدا. يرجى الانتظار بضع دقائق ثم المحاولة من جديد.',
    fr: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
    en: 'Too many attempts. Please wait a few minutes and try again.',
  },
  INTERNAL_ERROR: {
    ar: 'حدث خطأ غير متوقع. أعد المحاولة لاحقا.',
    fr: 'Une erreur inattendue est survenue. Réessayez plus tard.',
    en: 'An unexpected error occurred. Please try again later.',
  },
  SERVICE_UNAVAILABLE: {
    ar: 'الخدمة غير متاحة مؤقتا.',
    fr: 'Le service est momentanément indisponible.',
    en: 'The service is temporarily unavailable.',
  },
};

/** One issue of a failed validation: where (path into the body) and what (a stable issue code). */


/**
 * The message of a text that PostgreSQL cannot store: a NUL character (often pasted from a PDF) or half of
 * a UTF-16 surrogate pair (text cut in the middle of an emoji).
 */
export const INVALID_CHARACTERS_MESSAGES: Record<TLocale, string> = {
  ar: 'يحتوي هذا النص على رموز غير صالحة (مثل محرف فارغ أو رمز مبتور). احذفها أو أعد كتابة النص.',
  fr: 'Ce texte contient des caractères invalides (caractère nul ou symbole tronqué). Supprimez-les ou retapez le texte.',
  en: 'This text contains invalid characters (a null character or a cut symbol). Remove them or type the text again.',
};

/**
 * Characters PostgreSQL refuses in text and jsonb: NUL, and a UTF-16 surrogate without its other half.
 * JSON lets a client send both ("\u0000", "\ud800"), and text pasted from a PDF can carry NULs.
 */
// eslint-disable-next-line no-control-regex -- NUL is the character to find
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text holds a character PostgreSQL refuses in text and jsonb: NUL, or half a surrogate pair. */
export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE_TEXT.test(text);
}

/** The text without those characters (they are invisible: a NUL copied from a PDF, half of a cut emoji). */
export function stripUnstorableText(text: string): string {
  return text.replace(new RegExp(UNSTORABLE_TEXT.source, 'g'), '');
}

export function errorMessage(code: TErrorCode, locale: TLocale): string {
  return ERROR_MESSAGES[code][locale];
}
