import type { LocalizedText } from './texts';

export interface DemoCriterion {
  key: string;
  label: LocalizedText;
  guidance: LocalizedText;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export const ROUND_ONE = {
  name: { ar: 'الانتقاء الأولي', fr: 'Présélection', en: 'Pre-selection' },
  instructions: {
    ar: 'قيّموا كل مشروع على حدة وفق المعايير الستة، دون مقارنته بالمشاريع الأخرى. صرّحوا بأي تضارب في المصالح قبل قراءة الملفات. التقييم مجهول الهوية: لا تحاولوا التعرف على حاملي المشاريع.',
    fr: "Évaluez chaque projet pour lui-même selon les six critères, sans le comparer aux autres. Déclarez tout conflit d'intérêts avant de lire les dossiers. L'évaluation est anonyme : ne cherchez pas à identifier les porteurs.",
    en: 'Score each project on its own against the six criteria, without comparing it with the others. Declare any conflict of interest before reading the applications. The evaluation is blind: do not try to identify the applicants.',
  } satisfies LocalizedText,
};

/** The jury's criteria in the foundation's 2019 call, from the context page: double impact first. */
export const ROUND_ONE_CRITERIA: DemoCriterion[] = [
  {
    key: 'social_impact',
    label: { ar: 'الوقع الاجتماعي', fr: 'Impact social', en: 'Social impact' },
    guidance: {
      ar: '0: وقع غامض أو غير مقيس. 5: وقع قوي، مرقّم وقابل للتحقق لدى المستفيدين (مثلاً عدد النساء المكوَّنات والمُدمجات مهنيًا في كل فوج).',
      fr: "0 : impact vague ou non mesuré. 5 : impact fort, chiffré et vérifiable sur les bénéficiaires (par exemple le nombre de femmes formées puis insérées par cohorte).",
      en: '0: vague or unmeasured impact. 5: strong, quantified and verifiable impact on beneficiaries (e.g. women trained then placed in work per cohort).',
    },
    weight: 3,
    scaleMin: 0,
    scaleMax: 5,
  },
  {
    key: 'economic_model',
    label: { ar: 'النموذج الاقتصادي والاستقلالية المالية', fr: 'Modèle économique et autonomie financière', en: 'Economic model and financial autonomy' },
    guidance: {
      ar: '0: يعتمد كليًا على الهبات دون خطة. 5: مداخيل ذاتية واضحة ومسار واقعي نحو التوازن المالي، للمشروع وللمستفيدين.',
      fr: "0 : dépend entièrement de dons, sans plan. 5 : revenus propres clairs et trajectoire réaliste vers l'équilibre, pour le projet comme pour ses bénéficiaires.",
      en: '0: entirely dependent on donations, with no plan. 5: clear own revenue and a realistic path to break-even, for the project and for its beneficiaries.',
    },
    weight: 2,
    scaleMin: 0,
    scaleMax: 5,
  },
  {
    key: 'capacity_building',
    label: { ar: 'تنمية قدرات المستفيدين', fr: 'Renforcement des capacités des bénéficiaires', en: 'Capacity building of beneficiaries' },
    guidance: {
      ar: '0: المستفيدون متلقّون فقط. 5: تكوين مُشهَّد، ومواكبة نحو الشغل أو إحداث نشاط ذاتي.',
      fr: "0 : les bénéficiaires ne font que recevoir. 5 : formation certifiante et accompagnement vers l'emploi ou la création d'activité.",
      en: '0: beneficiaries only receive. 5: certified training and support towards a job or starting their own activity.',
    },
    weight: 2,
    scaleMin: 0,
    scaleMax: 5,
  },
  {
    key: 'innovation',
    label: { ar: 'الابتكار', fr: 'Innovation', en: 'Innovation' },
    guidance: {
      ar: '1: حل موجود ومنتشر. 10: مقاربة جديدة في سياقها، تغيّر طريقة الاستجابة للحاجة.',
      fr: '1 : solution existante et répandue. 10 : approche nouvelle dans son contexte, qui change la façon de répondre au besoin.',
      en: '1: an existing, widespread solution. 10: an approach new in its context that changes how the need is met.',
    },
    weight: 1.5,
    scaleMin: 1,
    scaleMax: 10,
  },
  {
    key: 'scalability',
    label: { ar: 'قابلية التوسع', fr: "Potentiel de changement d'échelle", en: 'Potential to scale' },
    guidance: {
      ar: '1: مرتبط بشخص أو بمكان واحد. 10: نموذج قابل للتكرار في جهات أخرى أو مع أفواج جديدة.',
      fr: "1 : lié à une personne ou à un seul lieu. 10 : modèle reproductible dans d'autres régions ou avec de nouvelles cohortes.",
      en: '1: tied to one person or one place. 10: a model that can be repeated in other regions or with new cohorts.',
    },
    weight: 1,
    scaleMin: 1,
    scaleMax: 10,
  },
  {
    key: 'local_ecosystem',
    label: { ar: 'التعاون مع المنظومة المحلية', fr: "Ancrage dans l'écosystème local", en: 'Collaboration with the local ecosystem' },
    guidance: {
      ar: '0: يعمل بمعزل عن غيره. 5: شراكات فعلية مع جمعيات وجماعات ومقاولات ومؤسسات عمومية محلية.',
      fr: '0 : agit seul. 5 : partenariats effectifs avec des associations, communes, entreprises et institutions publiques locales.',
      en: '0: works alone. 5: actual partnerships with local associations, municipalities, companies and public bodies.',
    },
    weight: 1,
    scaleMin: 0,
    scaleMax: 5,
  },
];

export const DECISION_TEMPLATES = {
  WINNER: {
    subject: {
      ar: 'تهانينا: تم اختيار مشروعكم {{reference}}',
      fr: 'Félicitations : votre projet {{reference}} est retenu',
      en: 'Congratulations: your project {{reference}} has been selected',
    },
    body: {
      ar: 'مرحبًا {{displayName}}،\n\nيسعدنا إخباركم بأن لجنة التحكيم اختارت مشروعكم في إطار "{{callTitle}}". سيتصل بكم فريق المؤسسة قريبًا لتحديد مراحل المواكبة.\n\n{{feedback}}\n\nمع أطيب التحيات،\nفريق المؤسسة',
      fr: 'Bonjour {{displayName}},\n\nNous avons le plaisir de vous annoncer que le jury a retenu votre projet dans le cadre de « {{callTitle}} ». L\'équipe de la fondation vous contactera prochainement pour organiser l\'accompagnement.\n\n{{feedback}}\n\nBien cordialement,\nL\'équipe de la fondation',
      en: "Hello {{displayName}},\n\nWe are delighted to tell you that the jury has selected your project in \"{{callTitle}}\". The foundation's team will contact you soon to organise the support.\n\n{{feedback}}\n\nKind regards,\nThe foundation's team",
    },
  },
  NOT_SELECTED: {
    subject: {
      ar: 'نتيجة ترشيحكم {{reference}}',
      fr: 'Résultat de votre candidature {{reference}}',
      en: 'Outcome of your application {{reference}}',
    },
    body: {
      ar: 'مرحبًا {{displayName}}،\n\nنشكركم على مشاركتكم في "{{callTitle}}". بعد دراسة متأنية، لم تختر لجنة التحكيم مشروعكم في هذه الدورة.\n\n{{feedback}}\n\nنتمنى لكم التوفيق ونشجعكم على المشاركة في الدورات المقبلة.\nفريق المؤسسة',
      fr: 'Bonjour {{displayName}},\n\nMerci pour votre participation à « {{callTitle}} ». Après un examen attentif, le jury n\'a pas retenu votre projet pour cette édition.\n\n{{feedback}}\n\nNous vous souhaitons plein succès et vous encourageons à candidater aux prochaines éditions.\nL\'équipe de la fondation',
      en: "Hello {{displayName}},\n\nThank you for taking part in \"{{callTitle}}\". After careful review, the jury has not selected your project for this edition.\n\n{{feedback}}\n\nWe wish you every success and encourage you to apply to future editions.\nThe foundation's team",
    },
  },
} satisfies Record<'WINNER' | 'NOT_SELECTED', { subject: LocalizedText; body: LocalizedText }>;
