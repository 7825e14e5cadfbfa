/** A text in each language of the platform, as stored in Json columns. */
export type LocalizedText = { ar: string; fr: string; en: string };

export type ChoiceOption = { value: string; label: LocalizedText };

/** Morocco's 12 regions (2015 division), with their ISO 3166-2:MA codes as stored values. */
export const MOROCCO_REGIONS: readonly ChoiceOption[] = [
  { value: 'MA-01', label: { ar: 'جهة طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima' } },
  { value: 'MA-02', label: { ar: 'جهة الشرق', fr: "L'Oriental", en: 'Oriental' } },
  { value: 'MA-03', label: { ar: 'جهة فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' } },
  { value: 'MA-04', label: { ar: 'جهة الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra' } },
  { value: 'MA-05', label: { ar: 'جهة بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra' } },
  { value: 'MA-06', label: { ar: 'جهة الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat' } },
  { value: 'MA-07', label: { ar: 'جهة مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi' } },
  { value: 'MA-08', label: { ar: 'جهة درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' } },
  { value: 'MA-09', label: { ar: 'جهة سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' } },
  { value: 'MA-10', label: { ar: 'جهة كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun' } },
  { value: 'MA-11', label: { ar: 'جهة العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra' } },
  { value: 'MA-12', label: { ar: 'جهة الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab' } },
];

export const CALL_TEXTS: {
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  eligibility: LocalizedText;
} = {
  title: {
    ar: 'دعوة لتقديم مشاريع مبتكرة اجتماعيًا 2026',
    fr: "Appel à projets d'innovation sociale 2026",
    en: 'Call for social innovation projects 2026',
  },
  summary: {
    ar: 'تدعم المؤسسة المشاريع المبتكرة اجتماعيًا التي تعزز الاستقلالية المالية وتنمية قدرات الفئات التي تخدمها، في جميع جهات المملكة، من أجل تسريع تطورها وتوسيع نطاق وقعها الاجتماعي.',
    fr: "La fondation soutient des projets socialement innovants qui renforcent l'autonomie financière et les capacités des personnes qu'ils servent, dans toutes les régions du Royaume, pour accélérer leur développement et élargir leur impact social.",
    en: 'The foundation supports socially innovative projects that strengthen the financial autonomy and the capacities of the people they serve, in every region of the Kingdom, to speed up their growth and widen their social impact.',
  },
  description: {
    ar: [
      'تؤمن المؤسسة بأن الابتكار الاجتماعي رافعة أساسية للتنمية المستدامة والشاملة، وبأن تطويره لا يتم بشكل فعال دون تضافر جهود جميع الفاعلين في المنظومات المحلية والجهوية والوطنية.',
      'تدعو هذه الدورة الجمعيات والتعاونيات والمقاولات الاجتماعية وحاملي المشاريع إلى تقديم مشاريع تستجيب لحاجة اجتماعية حقيقية بحلول جديدة، مع وقع قابل للقياس: عدد الأشخاص المكوَّنين، والمدمجين في سوق الشغل، والمقاولات المحدثة.',
      'تستفيد المشاريع المختارة من دعم مالي يصل إلى 300.000 درهم، ومن مواكبة لمدة 12 شهرًا (تكوين، إرشاد، ربط بالشركاء)، ومن متابعة لوقعها على مدى الأفواج المتتالية.',
      'مراحل الانتقاء: دراسة الأهلية، ثم تقييم أولي من طرف لجنة تحكيم مستقلة، ثم عرض المشاريع المنتقاة أمام لجنة التحكيم النهائية.',
    ].join('\n\n'),
    fr: [
      "La fondation est convaincue que l'innovation sociale est un levier essentiel d'un développement durable et inclusif, et qu'elle ne progresse qu'avec la mobilisation de tous les acteurs des écosystèmes locaux, régionaux et nationaux.",
      "Cette édition invite associations, coopératives, entreprises sociales et porteurs de projets à proposer des réponses nouvelles à un besoin social réel, avec un impact mesurable : personnes formées, personnes insérées dans l'emploi, activités créées.",
      "Les projets retenus bénéficient d'un soutien financier jusqu'à 300 000 MAD, d'un accompagnement de 12 mois (formation, mentorat, mise en relation avec des partenaires) et d'un suivi de leur impact sur les cohortes successives.",
      "Étapes de la sélection : examen de l'éligibilité, présélection par un jury indépendant, puis présentation des projets présélectionnés devant le jury final.",
    ].join('\n\n'),
    en: [
      'The foundation believes that social innovation is an essential lever of sustainable and inclusive development, and that it only moves forward when every actor of the local, regional and national ecosystems takes part.',
      'This edition invites associations, cooperatives, social enterprises and project holders to propose new answers to a real social need, with a measurable impact: people trained, people placed in work, activities created.',
      'Selected projects receive financial support of up to MAD 300,000, 12 months of accompaniment (training, mentoring, introductions to partners) and a follow-up of their impact over successive cohorts.',
      'Selection steps: eligibility check, pre-selection by an independent jury, then a presentation of the shortlisted projects to the final jury.',
    ].join('\n\n'),
  },
  eligibility: {
    ar: [
      '- جمعية أو تعاونية أو مقاولة اجتماعية مسجلة بالمغرب، أو حامل(ة) مشروع يبلغ 18 سنة على الأقل.',
      '- مشروع ينفَّذ بالمغرب ويستجيب لحاجة اجتماعية محددة، في مرحلة الفكرة أو الانطلاق أو النمو.',
      '- وقع اجتماعي قابل للقياس لفائدة فئات في وضعية هشاشة (النساء، الشباب، الأشخاص في وضعية إعاقة، الساكنة القروية...).',
      '- مبلغ الدعم المطلوب لا يتجاوز 300.000 درهم.',
    ].join('\n'),
    fr: [
      '- Association, coopérative ou entreprise sociale enregistrée au Maroc, ou porteur·se de projet âgé·e de 18 ans au moins.',
      "- Projet mené au Maroc, répondant à un besoin social identifié, au stade de l'idée, du lancement ou de la croissance.",
      '- Impact social mesurable pour des publics en situation de vulnérabilité (femmes, jeunes, personnes en situation de handicap, populations rurales...).',
      '- Montant demandé inférieur ou égal à 300 000 MAD.',
    ].join('\n'),
    en: [
      '- An association, cooperative or social enterprise registered in Morocco, or a project holder aged 18 or over.',
      '- A project carried out in Morocco that answers an identified social need, at the idea, launch or growth stage.',
      '- A measurable social impact for vulnerable people (women, young people, people with disabilities, rural communities...).',
      '- A requested amount of MAD 300,000 or less.',
    ].join('\n'),
  },
};
