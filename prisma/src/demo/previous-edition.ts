import type { Locale } from '../../generated/client/client';
import type { LocalizedText } from './texts';

/**
 * Last year's edition of the demo call, decided: its winners announced on a public results page with
 * their consent, so a new user sees how a call ends (fictional people and projects, in the spirit of the
 * context page: a catering enterprise training women, a weaving cooperative, young people repairing
 * and recycling).
 */
export const PREVIOUS_EDITION = {
  slug: 'innovation-sociale-2025',
  referencePrefix: 'IS',
  title: {
    ar: 'طلب مشاريع الابتكار الاجتماعي 2025',
    fr: "Appel à projets d'innovation sociale 2025",
    en: 'Social innovation call for projects 2025',
  },
  summary: {
    ar: 'الدورة السابقة: مشاريع ذات أثر اجتماعي مزدوج، اختارت لجنة التحكيم ثلاثة منها ترافقها المؤسسة لمدة سنة.',
    fr: "L'édition précédente : des projets à double impact social, dont trois choisis par le jury et accompagnés un an par la fondation.",
    en: 'Last edition: projects with a double social impact, three of them chosen by the jury and supported for a year by the foundation.',
  },
  description: {
    ar: 'دعت المؤسسة حاملي المشاريع المبتكرة اجتماعيا إلى تقديم مشاريعهم لتسريع تطورها وتوسيع أثرها الاجتماعي.',
    fr: "La fondation a invité les porteurs de projets socialement innovants à présenter leurs projets pour en accélérer le développement et élargir leur impact social.",
    en: 'The foundation invited holders of socially innovative projects to apply, to speed up their development and widen their social impact.',
  },
  eligibility: {
    ar: 'جمعيات وتعاونيات ومقاولات اجتماعية وحاملو مشاريع مقيمون بالمغرب.',
    fr: 'Associations, coopératives, entreprises sociales et porteurs de projets établis au Maroc.',
    en: 'Associations, cooperatives, social enterprises and project holders based in Morocco.',
  },
} as const satisfies { slug: string; referencePrefix: string; title: LocalizedText; summary: LocalizedText; description: LocalizedText; eligibility: LocalizedText };

export interface PreviousEditionApplication {
  owner: { email: string; displayName: string; locale: Locale };
  outcome: 'WINNER' | 'NOT_SELECTED';
  answers: Record<string, unknown>;
  /** The presentation staff wrote for a winner, and the winner's answer. */
  profile?: { title: LocalizedText; organisation: LocalizedText; summary: LocalizedText; region: string; consent: 'GIVEN' | 'PENDING' };
}

export const PREVIOUS_EDITION_APPLICATIONS: readonly PreviousEditionApplication[] = [
  {
    owner: { email: 'matbakh.nour@tahkim.example', displayName: 'خديجة المنصوري', locale: 'ar' },
    outcome: 'WINNER',
    answers: {
      project_name: 'مطبخ النور التضامني',
      project_summary:
        'مقاولة اجتماعية للطبخ بفاس تكوّن النساء في وضعية هشاشة مالية في مهن الطبخ، ثم ترافقهن نحو العمل في المطاعم أو إنشاء مشاريعهن الخاصة. تخرّجت من الفوج الأول 23 امرأة حاصلة على شهادة.',
      region: 'MA-03',
      beneficiaries: ['women'],
      stage: 'growth',
      organisation_name: 'مطبخ النور (مقاولة اجتماعية)',
      legal_form: 'social_enterprise',
      contact_name: 'خديجة المنصوري',
      contact_email: 'matbakh.nour@tahkim.example',
      economic_model: 'خدمات الطبخ للمقاولات والمناسبات تمول 65 % من كلفة التكوين.',
      expected_impact: 'فوجان من 25 امرأة كل سنة، و30 امرأة في عمل أو نشاط خاص بعد 12 شهرا.',
      people_trained_target: 50,
      people_placed_target: 30,
      requested_amount: 200000,
    },
    profile: {
      title: { ar: 'مطبخ النور التضامني', fr: 'Matbakh Ennour, cuisine solidaire', en: 'Matbakh Ennour, solidarity kitchen' },
      organisation: { ar: 'مطبخ النور، مقاولة اجتماعية', fr: 'Matbakh Ennour, entreprise sociale', en: 'Matbakh Ennour, social enterprise' },
      summary: {
        ar: 'اختارته لجنة التحكيم لأثره المزدوج: الاستقلال المالي للنساء اللواتي يكوّنهن وتقوية قدراتهن. تخرّجت من الفوج الأول 23 امرأة، التحق بعضهن بالمطاعم وأنشأت أخريات مشاريعهن.',
        fr: "Retenu par le jury pour son double impact : l'autonomie financière des femmes qu'il forme et le renforcement de leurs capacités. 23 femmes certifiées dès la première cohorte ; certaines ont rejoint des restaurants, d'autres ont créé leur activité.",
        en: 'Chosen by the jury for its double impact: the financial autonomy of the women it trains and the building of their skills. 23 women certified in the first cohort; some joined restaurants, others started their own business.',
      },
      region: 'MA-03',
      consent: 'GIVEN',
    },
  },
  {
    owner: { email: 'tissage.atlas@tahkim.example', displayName: 'Fatima Zahra Aït Lahcen', locale: 'fr' },
    outcome: 'WINNER',
    answers: {
      project_name: 'Tissage Atlas',
      project_summary:
        "Une coopérative de tisserandes du Drâa-Tafilalet qui vend en ligne des tapis tissés à la main, forme les jeunes femmes du douar au tissage et à la gestion, et leur reverse un revenu régulier.",
      region: 'MA-08',
      beneficiaries: ['women', 'rural_communities'],
      stage: 'launch',
      organisation_name: 'Coopérative Tissage Atlas',
      legal_form: 'cooperative',
      contact_name: 'Fatima Zahra Aït Lahcen',
      contact_email: 'tissage.atlas@tahkim.example',
      economic_model: 'Ventes en ligne et à trois boutiques partenaires ; 15 % des ventes financent la formation.',
      expected_impact: '40 tisserandes formées, un revenu mensuel pour 25 d\'entre elles.',
      people_trained_target: 40,
      people_placed_target: 25,
      requested_amount: 150000,
    },
    profile: {
      title: { ar: 'نسيج الأطلس', fr: 'Tissage Atlas', en: 'Tissage Atlas' },
      organisation: { ar: 'تعاونية نسيج الأطلس', fr: 'Coopérative Tissage Atlas', en: 'Tissage Atlas cooperative' },
      summary: {
        ar: 'تعاونية للنساجات بجهة درعة تافيلالت تبيع الزرابي المنسوجة يدويا عبر الإنترنت، وتكوّن شابات الدوار في النسيج والتسيير وتضمن لهن دخلا منتظما.',
        fr: 'Une coopérative de tisserandes du Drâa-Tafilalet qui vend en ligne des tapis tissés à la main, forme les jeunes femmes du douar au tissage et à la gestion, et leur assure un revenu régulier.',
        en: 'A cooperative of weavers in Drâa-Tafilalet selling hand-woven rugs online, training young village women in weaving and management, and giving them a regular income.',
      },
      region: 'MA-08',
      consent: 'GIVEN',
    },
  },
  {
    owner: { email: 'recyclerie.sale@tahkim.example', displayName: 'Omar Tazi', locale: 'fr' },
    outcome: 'WINNER',
    answers: {
      project_name: 'Recyclerie des jeunes de Salé',
      project_summary: "Des jeunes sans emploi de Salé collectent, réparent et revendent meubles et appareils ; l'atelier les forme à la réparation et à la vente.",
      region: 'MA-04',
      beneficiaries: ['youth'],
      stage: 'launch',
      organisation_name: 'Association Salé Réemploi',
      legal_form: 'association',
      contact_name: 'Omar Tazi',
      contact_email: 'recyclerie.sale@tahkim.example',
      economic_model: 'Revente des objets réparés (80 % des revenus) et collecte payante pour les entreprises.',
      expected_impact: '30 jeunes formés par an, 12 tonnes d\'objets détournées de la décharge.',
      people_trained_target: 30,
      people_placed_target: 12,
      requested_amount: 180000,
    },
    // Written by staff, not yet answered by the winner: not on the results page.
    profile: {
      title: { ar: 'معمل إعادة الاستعمال لشباب سلا', fr: 'Recyclerie des jeunes de Salé', en: 'Salé youth repair and reuse shop' },
      organisation: { ar: 'جمعية سلا لإعادة الاستعمال', fr: 'Association Salé Réemploi', en: 'Salé Réemploi association' },
      summary: {
        ar: 'شباب بدون عمل من سلا يجمعون الأثاث والأجهزة ويصلحونها ويعيدون بيعها، ويتكوّنون في الإصلاح والبيع.',
        fr: "Des jeunes sans emploi de Salé collectent, réparent et revendent meubles et appareils, et se forment à la réparation et à la vente.",
        en: 'Unemployed young people in Salé collect, repair and resell furniture and appliances, learning repair and sales on the way.',
      },
      region: 'MA-04',
      consent: 'PENDING',
    },
  },
  {
    owner: { email: 'ferme.ifrane@tahkim.example', displayName: 'Leïla Chraïbi', locale: 'fr' },
    outcome: 'NOT_SELECTED',
    answers: {
      project_name: 'Ferme pédagogique d’Ifrane',
      project_summary: 'Une ferme pédagogique qui accueille les écoles rurales autour d’Ifrane pour des ateliers d’agriculture durable.',
      region: 'MA-03',
      beneficiaries: ['children', 'rural_communities'],
      stage: 'idea',
      organisation_name: 'Association Terre d’Ifrane',
      legal_form: 'association',
      contact_name: 'Leïla Chraïbi',
      contact_email: 'ferme.ifrane@tahkim.example',
      requested_amount: 90000,
    },
  },
  {
    owner: { email: 'argan.essaouira@tahkim.example', displayName: 'حميد أوعلي', locale: 'ar' },
    outcome: 'NOT_SELECTED',
    answers: {
      project_name: 'تعاونية أركان الصويرة',
      project_summary: 'تعاونية نسائية لإنتاج زيت الأركان وتسويقه مباشرة للفنادق.',
      region: 'MA-07',
      beneficiaries: ['women', 'rural_communities'],
      stage: 'growth',
      organisation_name: 'تعاونية أركان الصويرة',
      legal_form: 'cooperative',
      contact_name: 'حميد أوعلي',
      contact_email: 'argan.essaouira@tahkim.example',
      requested_amount: 120000,
    },
  },
];

/** The edition's support programme: a year of milestones (days from the seed: negative is past) and four indicators. */
export const PREVIOUS_EDITION_PROGRAMME = {
  milestones: [
    {
      key: 'kickoff',
      title: { ar: 'لقاء انطلاق المواكبة', fr: "Rencontre de lancement de l'accompagnement", en: 'Support kick-off meeting' },
      description: { ar: 'لقاء مع كل مشروع لتحديد أهداف السنة.', fr: "Une rencontre avec chaque projet pour fixer les objectifs de l'année.", en: "A meeting with each project to set the year's goals." },
      dueInDays: -230,
      reportDue: false,
    },
    { key: 'first_cohort', title: { ar: 'تقرير الفوج الأول', fr: 'Rapport de la première cohorte', en: 'First cohort report' }, dueInDays: -120, reportDue: true },
    { key: 'midterm', title: { ar: 'تقرير منتصف المدة', fr: 'Rapport à mi-parcours', en: 'Mid-term report' }, dueInDays: -20, reportDue: true },
    { key: 'final_report', title: { ar: 'التقرير النهائي', fr: 'Rapport final', en: 'Final report' }, dueInDays: 110, reportDue: true },
  ],
  indicators: [
    { key: 'women_trained', label: { ar: 'النساء المكوَّنات', fr: 'Femmes formées', en: 'Women trained' }, unit: { ar: 'امرأة', fr: 'femmes', en: 'women' }, target: 50, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
    { key: 'jobs_created', label: { ar: 'مناصب الشغل المحدثة', fr: 'Emplois créés', en: 'Jobs created' }, unit: { ar: 'منصب', fr: 'emplois', en: 'jobs' }, target: 15, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
    { key: 'monthly_revenue', label: { ar: 'رقم المعاملات الشهري', fr: "Chiffre d'affaires mensuel", en: 'Monthly revenue' }, unit: { ar: 'درهم', fr: 'MAD', en: 'MAD' }, target: 40000, direction: 'HIGHER_IS_BETTER', aggregation: 'LATEST' },
    { key: 'beneficiaries', label: { ar: 'المستفيدون', fr: 'Bénéficiaires', en: 'Beneficiaries' }, unit: { ar: 'شخص', fr: 'personnes', en: 'people' }, target: 200, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
  ],
} as const;

export interface PreviousEditionReport {
  /** The winner, by its owner's email. */
  owner: string;
  milestone: 'first_cohort' | 'midterm';
  status: 'SUBMITTED' | 'ACCEPTED';
  /** Days from the milestone's due date (negative: before it). */
  submittedDaysFromDue: number;
  /** For an accepted report: when staff accepted it, in days from the due date. */
  reviewedDaysFromDue?: number;
  /** Answers to the default report form (defaultReportForm in contracts), in the project's language. */
  answers: { achievements: string; difficulties: string };
  indicatorValues: { women_trained: number | null; jobs_created: number | null; monthly_revenue: number | null; beneficiaries: number | null };
}

/**
 * The winners' progress reports so far: the first cohort's report accepted for all three; the mid-term one
 * accepted for Matbakh Ennour, sent by Tissage Atlas and waiting for staff, not sent by the Salé recyclerie
 * (late). Indicator values are for the report's period (SUM) or the state at its date (monthly revenue).
 */
export const PREVIOUS_EDITION_REPORTS: readonly PreviousEditionReport[] = [
  {
    owner: 'matbakh.nour@tahkim.example',
    milestone: 'first_cohort',
    status: 'ACCEPTED',
    submittedDaysFromDue: -3,
    reviewedDaysFromDue: 4,
    answers: {
      achievements:
        'أنهت 23 امرأة من الفوج الأول تكوينهن في مهن الطبخ وحصلن على شهادة. التحقت 6 منهن بمطاعم في فاس، وبدأت 3 أخريات نشاط تموين منزلي. وقّعنا عقدين مع مقاولتين لتوفير وجبات الغداء اليومية، ما رفع رقم معاملاتنا الشهري.',
      difficulties:
        'صعوبة في تنقل بعض المستفيدات من الأحياء البعيدة، وتأخر في الحصول على ترخيص المطبخ الثاني. خصصنا منحة نقل صغيرة لمن يحتجن إليها.',
    },
    indicatorValues: { women_trained: 23, jobs_created: 6, monthly_revenue: 18500, beneficiaries: 60 },
  },
  {
    owner: 'matbakh.nour@tahkim.example',
    milestone: 'midterm',
    status: 'ACCEPTED',
    submittedDaysFromDue: -2,
    reviewedDaysFromDue: 3,
    answers: {
      achievements:
        'انطلق الفوج الثاني بـ 21 امرأة، وأضفنا وحدة للتسيير المالي حتى تتمكن المستفيدات من تدبير مداخيلهن. أصبحت خدمات التموين للمقاولات والمناسبات تغطي ثلثي كلفة التكوين، ووظّفنا 5 نساء من الفوج الأول في مطبخنا.',
      difficulties: 'ارتفاع أسعار المواد الأولية خلال الأشهر الأخيرة، وصعوبة التوفيق بين التكوين ورعاية الأطفال لدى عدد من المستفيدات.',
    },
    indicatorValues: { women_trained: 21, jobs_created: 5, monthly_revenue: 27000, beneficiaries: 55 },
  },
  {
    owner: 'tissage.atlas@tahkim.example',
    milestone: 'first_cohort',
    status: 'ACCEPTED',
    submittedDaysFromDue: -1,
    reviewedDaysFromDue: 5,
    answers: {
      achievements:
        "14 jeunes femmes du douar ont suivi la formation au tissage et à la gestion de la coopérative. La boutique en ligne est ouverte : 38 tapis vendus en trois mois, dont une commande d'une boutique partenaire de Marrakech. Quatre tisserandes reçoivent désormais un revenu mensuel.",
      difficulties:
        "La connexion internet au douar est instable, ce qui retarde les photos et les réponses aux clients. L'expédition depuis Errachidia coûte plus cher que prévu.",
    },
    indicatorValues: { women_trained: 14, jobs_created: 4, monthly_revenue: 9500, beneficiaries: 35 },
  },
  {
    owner: 'tissage.atlas@tahkim.example',
    milestone: 'midterm',
    status: 'SUBMITTED',
    submittedDaysFromDue: 2,
    answers: {
      achievements:
        "Deuxième groupe de 12 tisserandes formé, dont trois qui encadrent désormais les nouvelles. Nous avons ajouté les coussins et les sacs aux tapis, et les ventes en ligne ont augmenté de moitié. Trois emplois créés à l'atelier (finitions, emballage, expédition).",
      difficulties: "La laine teinte naturellement manque en hiver ; nous cherchons un second fournisseur dans la vallée du Drâa.",
    },
    indicatorValues: { women_trained: 12, jobs_created: 3, monthly_revenue: 14200, beneficiaries: 30 },
  },
  {
    owner: 'recyclerie.sale@tahkim.example',
    milestone: 'first_cohort',
    status: 'ACCEPTED',
    submittedDaysFromDue: -4,
    reviewedDaysFromDue: 2,
    answers: {
      achievements:
        "Première promotion de 18 jeunes formés à la réparation d'électroménager et de meubles, dont 3 jeunes femmes. L'atelier a collecté 4 tonnes d'objets ; 5 jeunes sont salariés de la recyclerie et la boutique du quartier Tabriquet ouvre six jours sur sept.",
      difficulties: "Le local est trop petit pour stocker les meubles collectés, et certaines pièces détachées sont difficiles à trouver à Salé.",
    },
    indicatorValues: { women_trained: 3, jobs_created: 5, monthly_revenue: 12000, beneficiaries: 28 },
  },
];
