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
