import type { FieldType } from '../../generated/client/client';
import { type ChoiceOption, type LocalizedText, MOROCCO_REGIONS } from './texts';

export interface DemoField {
  key: string;
  type: FieldType;
  label: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  identifying?: boolean;
  limits?: Record<string, unknown>;
  options?: readonly ChoiceOption[];
}

export interface DemoSection {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  fields: DemoField[];
}

const MB = 1024 * 1024;
export const MAX_REQUESTED_AMOUNT_MAD = 300_000;

const LEGAL_FORMS: ChoiceOption[] = [
  { value: 'association', label: { ar: 'جمعية', fr: 'Association', en: 'Association' } },
  { value: 'cooperative', label: { ar: 'تعاونية', fr: 'Coopérative', en: 'Cooperative' } },
  { value: 'social_enterprise', label: { ar: 'مقاولة اجتماعية', fr: 'Entreprise sociale', en: 'Social enterprise' } },
  { value: 'project_holder', label: { ar: 'حامل(ة) مشروع (شخص ذاتي)', fr: 'Porteur·se de projet (personne physique)', en: 'Project holder (individual)' } },
];

const BENEFICIARIES: ChoiceOption[] = [
  { value: 'women', label: { ar: 'النساء', fr: 'Femmes', en: 'Women' } },
  { value: 'youth', label: { ar: 'الشباب', fr: 'Jeunes', en: 'Young people' } },
  { value: 'people_with_disabilities', label: { ar: 'الأشخاص في وضعية إعاقة', fr: 'Personnes en situation de handicap', en: 'People with disabilities' } },
  { value: 'rural_communities', label: { ar: 'الساكنة القروية', fr: 'Populations rurales', en: 'Rural communities' } },
  { value: 'single_mothers', label: { ar: 'الأمهات العازبات', fr: 'Mères célibataires', en: 'Single mothers' } },
  { value: 'children', label: { ar: 'الأطفال', fr: 'Enfants', en: 'Children' } },
  { value: 'older_people', label: { ar: 'المسنون', fr: 'Personnes âgées', en: 'Older people' } },
];

const STAGES: ChoiceOption[] = [
  { value: 'idea', label: { ar: 'فكرة', fr: 'Idée', en: 'Idea' } },
  { value: 'launch', label: { ar: 'انطلاق', fr: 'Lancement', en: 'Launch' } },
  { value: 'growth', label: { ar: 'نمو', fr: 'Croissance', en: 'Growth' } },
];

/**
 * The demo call's form. Answer shapes used by the demo applications: texts as strings, NUMBER and
 * MONEY as numbers (MONEY in the currency of limits.currency), SINGLE_CHOICE and REGION as the
 * option value, MULTIPLE_CHOICE as an array of values, DATE as "YYYY-MM-DD", FILE as attachment ids.
 */
export const DEMO_FORM: DemoSection[] = [
  {
    key: 'project',
    title: { ar: 'المشروع', fr: 'Le projet', en: 'The project' },
    description: {
      ar: 'قدّموا مشروعكم في بضع جمل: الحاجة الاجتماعية التي يستجيب لها، ولمن، وأين.',
      fr: "Présentez votre projet en quelques phrases : le besoin social auquel il répond, pour qui, et où.",
      en: 'Present your project in a few sentences: the social need it answers, for whom, and where.',
    },
    fields: [
      {
        key: 'project_name',
        type: 'SHORT_TEXT',
        label: { ar: 'اسم المشروع', fr: 'Nom du projet', en: 'Project name' },
        required: true,
        limits: { maxLength: 120 },
      },
      {
        key: 'project_summary',
        type: 'LONG_TEXT',
        label: { ar: 'ملخص المشروع', fr: 'Résumé du projet', en: 'Project summary' },
        help: {
          ar: 'ما المشكلة؟ ما الحل الذي تقترحونه؟ ما الجديد فيه؟',
          fr: "Quel problème ? Quelle solution proposez-vous ? Qu'a-t-elle de nouveau ?",
          en: 'What is the problem? What solution do you propose? What is new about it?',
        },
        required: true,
        limits: { maxLength: 1500 },
      },
      {
        key: 'region',
        type: 'REGION',
        label: { ar: 'جهة التنفيذ', fr: "Région d'intervention", en: 'Region of activity' },
        required: true,
        options: MOROCCO_REGIONS,
      },
      {
        key: 'beneficiaries',
        type: 'MULTIPLE_CHOICE',
        label: { ar: 'الفئات المستفيدة', fr: 'Bénéficiaires', en: 'Beneficiaries' },
        required: true,
        options: BENEFICIARIES,
        limits: { minChoices: 1 },
      },
      {
        key: 'stage',
        type: 'SINGLE_CHOICE',
        label: { ar: 'مرحلة المشروع', fr: 'Stade du projet', en: 'Project stage' },
        required: true,
        options: STAGES,
      },
      {
        key: 'launch_date',
        type: 'DATE',
        label: { ar: 'تاريخ انطلاق النشاط', fr: "Date de lancement de l'activité", en: 'Activity start date' },
        help: { ar: 'اتركوه فارغًا إذا كان المشروع في مرحلة الفكرة.', fr: "Laissez vide si le projet est au stade de l'idée.", en: 'Leave empty if the project is still an idea.' },
      },
    ],
  },
  {
    key: 'organisation',
    title: { ar: 'الهيئة الحاملة للمشروع', fr: "L'organisation", en: 'The organisation' },
    description: {
      ar: 'هذه المعلومات لا تُعرض على لجنة التحكيم خلال الانتقاء الأولي.',
      fr: 'Ces informations ne sont pas montrées au jury pendant la présélection.',
      en: 'This information is not shown to the jury during the pre-selection.',
    },
    fields: [
      {
        key: 'organisation_name',
        type: 'SHORT_TEXT',
        label: { ar: 'اسم الهيئة', fr: "Nom de l'organisation", en: 'Organisation name' },
        help: { ar: 'أو اسمكم الكامل إذا كنتم حاملي مشروع.', fr: 'Ou votre nom complet si vous êtes porteur·se de projet.', en: 'Or your full name if you are an individual project holder.' },
        required: true,
        identifying: true,
        limits: { maxLength: 160 },
      },
      {
        key: 'legal_form',
        type: 'SINGLE_CHOICE',
        label: { ar: 'الصفة القانونية', fr: 'Forme juridique', en: 'Legal form' },
        required: true,
        options: LEGAL_FORMS,
      },
      {
        key: 'team',
        type: 'LONG_TEXT',
        label: { ar: 'الفريق', fr: "L'équipe", en: 'The team' },
        help: { ar: 'الأعضاء، أدوارهم، وخبراتهم.', fr: 'Membres, rôles et expériences.', en: 'Members, roles and experience.' },
        required: true,
        identifying: true,
        limits: { maxLength: 1000 },
      },
      {
        key: 'contact_name',
        type: 'SHORT_TEXT',
        label: { ar: 'الشخص المسؤول عن التواصل', fr: 'Personne de contact', en: 'Contact person' },
        required: true,
        identifying: true,
        limits: { maxLength: 120 },
      },
      {
        key: 'contact_email',
        type: 'EMAIL',
        label: { ar: 'البريد الإلكتروني', fr: 'Adresse e-mail', en: 'Email address' },
        required: true,
        identifying: true,
      },
      {
        key: 'contact_phone',
        type: 'PHONE',
        label: { ar: 'رقم الهاتف', fr: 'Téléphone', en: 'Phone number' },
        // The same example as the error message shown for a number that is not valid; isolated so it reads left to right in Arabic.
        help: { ar: 'مثال: \u2066+212 6 12 34 56 78\u2069', fr: 'Exemple : +212 6 12 34 56 78', en: 'For example +212 6 12 34 56 78' },
        required: true,
        identifying: true,
      },
      {
        key: 'website',
        type: 'URL',
        label: { ar: 'الموقع الإلكتروني أو صفحة التواصل الاجتماعي', fr: 'Site web ou page de réseau social', en: 'Website or social media page' },
        identifying: true,
      },
    ],
  },
  {
    key: 'model_impact',
    title: { ar: 'النموذج الاقتصادي والوقع', fr: 'Modèle économique et impact', en: 'Economic model and impact' },
    fields: [
      {
        key: 'economic_model',
        type: 'LONG_TEXT',
        label: { ar: 'النموذج الاقتصادي', fr: 'Modèle économique', en: 'Economic model' },
        help: {
          ar: 'كيف يموّل المشروع نفسه؟ ما مصادر دخله؟ متى يبلغ توازنه المالي؟',
          fr: "Comment le projet se finance-t-il ? Quelles sont ses sources de revenus ? Quand atteindra-t-il l'équilibre ?",
          en: 'How does the project fund itself? What are its sources of income? When will it break even?',
        },
        required: true,
        limits: { maxLength: 1500 },
      },
      {
        key: 'revenue_last_year',
        type: 'MONEY',
        label: { ar: 'رقم المعاملات للسنة الماضية', fr: "Chiffre d'affaires de l'an dernier", en: "Last year's revenue" },
        limits: { min: 0, currency: 'MAD' },
      },
      {
        key: 'expected_impact',
        type: 'LONG_TEXT',
        label: { ar: 'الوقع المنتظر خلال 12 شهرًا', fr: 'Impact attendu à 12 mois', en: 'Expected impact within 12 months' },
        help: {
          ar: 'أعطوا أرقامًا: عدد المستفيدين، عدد المستفيدات المكوَّنات في كل فوج، عدد المُدمجين في سوق الشغل...',
          fr: "Donnez des chiffres : nombre de bénéficiaires, de femmes formées par cohorte, de personnes insérées dans l'emploi...",
          en: 'Give numbers: beneficiaries, women trained per cohort, people placed in work...',
        },
        required: true,
        limits: { maxLength: 1500 },
      },
      {
        key: 'people_trained_target',
        type: 'NUMBER',
        label: { ar: 'عدد الأشخاص المراد تكوينهم', fr: 'Personnes à former', en: 'People to train' },
        required: true,
        limits: { min: 0, max: 100000, integer: true },
      },
      {
        key: 'people_placed_target',
        type: 'NUMBER',
        label: { ar: 'عدد الأشخاص المراد إدماجهم مهنيًا', fr: "Personnes à insérer dans l'emploi", en: 'People to place in work' },
        required: true,
        limits: { min: 0, max: 100000, integer: true },
      },
      {
        key: 'local_partners',
        type: 'LONG_TEXT',
        label: { ar: 'الشركاء المحليون', fr: 'Partenaires locaux', en: 'Local partners' },
        help: {
          ar: 'جماعات، جمعيات، مقاولات، مؤسسات عمومية (مثل الوكالة الوطنية لإنعاش التشغيل والكفاءات)...',
          fr: "Communes, associations, entreprises, institutions publiques (comme l'ANAPEC)...",
          en: 'Municipalities, associations, companies, public bodies (such as ANAPEC, the national employment agency)...',
        },
        limits: { maxLength: 1000 },
      },
    ],
  },
  {
    key: 'support',
    title: { ar: 'الدعم المطلوب', fr: 'Soutien demandé', en: 'Support requested' },
    fields: [
      {
        key: 'requested_amount',
        type: 'MONEY',
        label: { ar: 'المبلغ المطلوب (بالدرهم)', fr: 'Montant demandé (MAD)', en: 'Amount requested (MAD)' },
        required: true,
        limits: { min: 10_000, max: MAX_REQUESTED_AMOUNT_MAD, currency: 'MAD' },
      },
      {
        key: 'use_of_funds',
        type: 'LONG_TEXT',
        label: { ar: 'أوجه استعمال الدعم', fr: 'Utilisation des fonds', en: 'Use of the funds' },
        required: true,
        limits: { maxLength: 1000 },
      },
      {
        key: 'pitch_deck',
        type: 'FILE',
        label: { ar: 'عرض تقديمي للمشروع (PDF)', fr: 'Présentation du projet (pitch deck, PDF)', en: 'Pitch deck (PDF)' },
        help: { ar: 'ملف واحد، 10 ميغابايت كحد أقصى.', fr: 'Un fichier, 10 Mo au plus.', en: 'One file, 10 MB at most.' },
        limits: { maxFiles: 1, maxFileSizeBytes: 10 * MB, acceptedMediaTypes: ['application/pdf'] },
      },
      {
        key: 'other_documents',
        type: 'FILE',
        label: { ar: 'وثائق أخرى', fr: 'Autres documents', en: 'Other documents' },
        help: {
          ar: 'النظام الأساسي، شهادات، صور... (3 ملفات كحد أقصى)',
          fr: 'Statuts, attestations, photos... (3 fichiers au plus)',
          en: 'Statutes, certificates, photos... (3 files at most)',
        },
        limits: { maxFiles: 3, maxFileSizeBytes: 10 * MB, acceptedMediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
      },
    ],
  },
];
