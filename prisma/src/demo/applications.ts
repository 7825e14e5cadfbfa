import type { Locale } from '../../generated/client/client';

export interface DemoApplication {
  owner: { email: string; displayName: string; locale: Locale };
  /** Days before the seed that it was submitted (for a draft: last edited). */
  submittedDaysAgo: number;
  /** Default SUBMITTED. */
  status?: 'SUBMITTED' | 'DRAFT';
  answers: Record<string, unknown>;
}

/**
 * Submitted applications inspired by the projects on the context page (fictional people and
 * organisations): a catering social enterprise training women, a bicycle project teaching road
 * safety, a citizen radio, an association training single mothers.
 */
export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    owner: { email: 'atelier.traiteur@tahkim.example', displayName: 'Nadia Berrada', locale: 'fr' },
    submittedDaysAgo: 7,
    answers: {
      project_name: 'Atelier Traiteur Solidaire',
      project_summary:
        "Un service traiteur pour les entreprises qui forme aux métiers de la cuisine des femmes en situation de précarité financière. Chaque cohorte suit 6 mois de cours et de stage dans notre atelier, sert lors d'événements, puis est accompagnée vers un emploi en restauration ou la création de sa propre activité.",
      region: 'MA-06',
      beneficiaries: ['women', 'single_mothers'],
      stage: 'growth',
      launch_date: '2023-03-01',
      organisation_name: 'Atelier Traiteur Solidaire SARL (entreprise sociale)',
      legal_form: 'social_enterprise',
      team: "Nadia Berrada, ingénieure industrielle, fondatrice ; une cheffe formatrice ; une chargée d'insertion ; deux cuisinières issues de la première cohorte.",
      contact_name: 'Nadia Berrada',
      contact_email: 'atelier.traiteur@tahkim.example',
      contact_phone: '0612345678',
      website: 'https://atelier-traiteur.example',
      economic_model:
        "Les prestations traiteur (plateaux-repas et événements d'entreprises) financent 70 % des coûts de formation ; le reste vient de partenaires. Équilibre prévu en 2027 avec 3 contrats annuels.",
      revenue_last_year: 640000,
      expected_impact:
        "Deux cohortes de 25 femmes par an (23 certifiées lors de la première cohorte). Objectif : 40 femmes certifiées et 30 en emploi ou en activité à 12 mois.",
      people_trained_target: 50,
      people_placed_target: 30,
      local_partners: "ANAPEC (placement), deux hôtels de Casablanca (stages), une association de quartier (repérage des bénéficiaires).",
      requested_amount: 250000,
      use_of_funds: "Équipement d'une seconde cuisine pédagogique (60 %), salaires de la formatrice pour une cohorte (30 %), certification (10 %).",
    },
  },
  {
    owner: { email: 'velo.medina@tahkim.example', displayName: 'Karim Ouazzani', locale: 'fr' },
    submittedDaysAgo: 5,
    answers: {
      project_name: 'Vélo Médina',
      project_summary:
        "Vente et location de vélos à Marrakech, avec des ateliers pour les jeunes sur la sécurité routière, la santé et la mobilité urbaine. Les jeunes formés à la mécanique tiennent l'atelier de réparation.",
      region: 'MA-07',
      beneficiaries: ['youth'],
      stage: 'launch',
      launch_date: '2025-09-15',
      organisation_name: 'Association Vélo Médina',
      legal_form: 'association',
      team: 'Karim Ouazzani, coordinateur ; un mécanicien formateur ; quatre jeunes bénévoles.',
      contact_name: 'Karim Ouazzani',
      contact_email: 'velo.medina@tahkim.example',
      contact_phone: '0661234567',
      economic_model: 'Location aux visiteurs et aux habitants (60 % des revenus), réparations, ventes de vélos reconditionnés.',
      revenue_last_year: 85000,
      expected_impact: '1 200 élèves sensibilisés à la sécurité routière, 20 jeunes formés à la mécanique, dont 8 employés par l\'atelier ou des partenaires.',
      people_trained_target: 20,
      people_placed_target: 8,
      local_partners: "Trois écoles de la médina, la commune de Marrakech (pistes cyclables), un réseau d'hébergements touristiques.",
      requested_amount: 120000,
      use_of_funds: 'Trente vélos, outillage de l\'atelier, un an de loyer du local.',
    },
  },
  {
    owner: { email: 'radio.haouz@tahkim.example', displayName: 'ياسين العمراني', locale: 'ar' },
    submittedDaysAgo: 3,
    answers: {
      project_name: 'إذاعة الحوز المواطنة',
      project_summary:
        'إذاعة محلية مواطنة وغير تجارية ومستقلة، تمنح الكلمة لساكنة الحوز القروية، وتكوّن الشباب على الصحافة والإنتاج الصوتي.',
      region: 'MA-07',
      beneficiaries: ['youth', 'rural_communities'],
      stage: 'launch',
      launch_date: '2025-01-10',
      organisation_name: 'جمعية صوت الحوز',
      legal_form: 'association',
      team: 'ياسين العمراني، صحفي ومنسق؛ تقنية صوت؛ عشرة متطوعين من شباب الدواوير.',
      contact_name: 'ياسين العمراني',
      contact_email: 'radio.haouz@tahkim.example',
      contact_phone: '0671234567',
      economic_model: 'اشتراكات الأعضاء، خدمات إنتاج صوتي للجمعيات والجماعات، ودعم الشركاء.',
      expected_impact: 'تكوين 30 شابًا وشابة على الإنتاج الإذاعي، وبث 200 ساعة من البرامج المحلية، وإدماج 5 منهم في مهن الإعلام.',
      people_trained_target: 30,
      people_placed_target: 5,
      local_partners: 'جماعات قروية بالحوز، دار الشباب، جمعيات تنموية محلية.',
      requested_amount: 90000,
      use_of_funds: 'معدات استوديو متنقل، تكوين المدربين، تكاليف البث لسنة.',
    },
  },
  {
    owner: { email: 'autonomie.meres@tahkim.example', displayName: 'Fatima Zahra Alaoui', locale: 'fr' },
    submittedDaysAgo: 1,
    answers: {
      project_name: 'Autonomie des mères',
      project_summary:
        "Programme d'autonomie pour les mères célibataires accueillies par l'association : formation en coiffure, couture et cuisine, gestion de projet et savoir-être, puis remise d'un kit professionnel pour démarrer une activité.",
      region: 'MA-09',
      beneficiaries: ['single_mothers', 'women'],
      stage: 'growth',
      launch_date: '2021-10-01',
      organisation_name: 'Association Dar Al Amal Souss',
      legal_form: 'association',
      team: 'Fatima Zahra Alaoui, directrice ; trois formatrices ; une assistante sociale.',
      contact_name: 'Fatima Zahra Alaoui',
      contact_email: 'autonomie.meres@tahkim.example',
      contact_phone: '0528123456',
      economic_model: "Subventions et dons aujourd'hui ; un salon de coiffure solidaire tenu par les diplômées doit couvrir 40 % des coûts d'ici 2028.",
      revenue_last_year: 30000,
      expected_impact: "80 femmes formées sur deux cohortes ; la première cohorte de 20 a créé des auto-entreprises. Objectif : 50 auto-entrepreneuses à 12 mois.",
      people_trained_target: 80,
      people_placed_target: 50,
      local_partners: "ANAPEC, le centre des petites entreprises solidaires d'Agadir, deux salons de coiffure partenaires.",
      requested_amount: 200000,
      use_of_funds: 'Kits professionnels (45 %), formatrices (35 %), accompagnement à la création d\'auto-entreprise (20 %).',
    },
  },
];

type Lang = 'ar' | 'fr';
type Stage = 'idea' | 'launch' | 'growth';
type LegalForm = 'association' | 'cooperative' | 'social_enterprise' | 'project_holder';

/** [language, owner, email name, project, summary, region, beneficiaries, stage, legal form, organisation, impact, amount MAD, trained, placed] */
type ProjectRow = [Lang, string, string, string, string, string, string[], Stage, LegalForm, string, string, number, number, number];

const MORE_PROJECTS: ProjectRow[] = [
  ['fr', 'Hicham Tazi', 'recycl.atlas', 'Recycl’Atlas', 'Collecte et tri des déchets plastiques dans les quartiers de Fès, transformés en pavés par des jeunes sans emploi formés au recyclage.', 'MA-03', ['youth'], 'launch', 'cooperative', 'Coopérative Recycl’Atlas', '12 tonnes de plastique recyclées par an, 25 jeunes formés, 15 emplois stables.', 180000, 25, 15],
  ['ar', 'خديجة المرابط', 'argan.tiznit', 'تعاونية أركان النساء', 'تثمين زيت الأركان وتسويقه مباشرة عبر الإنترنت لفائدة نساء دواوير تيزنيت، مع تكوين على الجودة والتسويق الرقمي.', 'MA-09', ['women', 'rural_communities'], 'growth', 'cooperative', 'تعاونية تيفاوين للأركان', 'رفع دخل 60 امرأة قروية بنسبة 40% وتكوينهن على التجارة الإلكترونية.', 220000, 60, 60],
  ['fr', 'Leila Chraibi', 'code.femmes', 'Codeuses de Salé', 'Bootcamp de développement web de six mois pour des jeunes femmes de Salé sans diplôme, avec stages en entreprise.', 'MA-04', ['women', 'youth'], 'growth', 'association', 'Association Codeuses du Maroc', '3 promotions de 20 apprenantes, 70 % en emploi six mois après.', 260000, 60, 42],
  ['ar', 'عبد الرحيم بوزيد', 'mada.sahara', 'ماء الواحة', 'تركيب أنظمة ري بالتنقيط تعمل بالطاقة الشمسية لصغار الفلاحين في واحات درعة لمواجهة الجفاف.', 'MA-08', ['rural_communities'], 'launch', 'association', 'جمعية واحة درعة للتنمية', 'تجهيز 40 ضيعة صغيرة وتوفير 30% من مياه السقي.', 290000, 40, 12],
  ['fr', 'Mehdi Bennis', 'handi.sport', 'Handisport pour tous', 'Clubs de sport adapté pour enfants en situation de handicap à Tanger, animés par des éducateurs formés.', 'MA-01', ['people_with_disabilities', 'children'], 'growth', 'association', 'Association Tanger Handisport', '150 enfants accueillis chaque semaine, 12 éducateurs certifiés.', 140000, 12, 6],
  ['ar', 'سعاد الإدريسي', 'khayata.oujda', 'ورشة الخياطة التضامنية', 'ورشة خياطة بوجدة تكوّن النساء في وضعية هشة وتنتج زيا مدرسيا بأسعار في المتناول.', 'MA-02', ['women', 'single_mothers'], 'launch', 'social_enterprise', 'مقاولة النسيج التضامني', 'تكوين 45 امرأة وإنتاج 3000 زي مدرسي سنويا.', 175000, 45, 30],
  ['fr', 'Omar Lahlou', 'ferme.ecole', 'Ferme-école de Béni Mellal', 'Une ferme pédagogique qui forme des jeunes ruraux à l’agroécologie et à la vente en circuit court.', 'MA-05', ['youth', 'rural_communities'], 'idea', 'project_holder', 'Omar Lahlou (porteur de projet)', '30 jeunes formés par an, 10 micro-exploitations créées en trois ans.', 200000, 30, 10],
  ['ar', 'نزهة الحسني', 'dar.ajaza', 'دار الأجداد', 'خدمة مرافقة منزلية للمسنين المعزولين بالدار البيضاء، يقدمها شباب مكوَّنون في الرعاية.', 'MA-06', ['older_people', 'youth'], 'launch', 'association', 'جمعية رعاية الأجداد', 'مرافقة 200 مسن وتشغيل 20 شابا في مهن الرعاية.', 160000, 20, 20],
  ['fr', 'Yasmine Alami', 'ludo.medina', 'Ludothèque de la médina', 'Ludothèque itinérante pour les enfants des quartiers anciens de Rabat, avec ateliers de lecture en arabe et en amazighe.', 'MA-04', ['children'], 'growth', 'association', 'Association Jeux et Savoirs', '2 000 enfants touchés par an, 8 animatrices formées.', 95000, 8, 8],
  ['ar', 'محمد أمين الشرقاوي', 'taqa.dawar', 'طاقة الدوار', 'تكوين شباب القرى على تركيب وصيانة الألواح الشمسية لتزويد المدارس والمستوصفات بالكهرباء.', 'MA-10', ['youth', 'rural_communities'], 'idea', 'cooperative', 'تعاونية الطاقة الخضراء كلميم', 'تكوين 25 تقنيا شابا وتجهيز 15 مؤسسة عمومية.', 250000, 25, 18],
  ['fr', 'Sanaa Filali', 'saveurs.rif', 'Saveurs du Rif', 'Conserverie artisanale de figues et d’olives gérée par des femmes d’Al Hoceïma, vendue aux épiceries fines.', 'MA-01', ['women', 'rural_communities'], 'growth', 'cooperative', 'Coopérative Saveurs du Rif', 'Revenus réguliers pour 35 femmes, 12 tonnes transformées par an.', 185000, 35, 35],
  ['ar', 'رشيد أيت علي', 'sahha.jabal', 'صحة الجبل', 'قافلة صحية متنقلة وتطبيق للمواعيد لفائدة ساكنة جبال الأطلس بإقليم أزيلال.', 'MA-05', ['rural_communities', 'older_people'], 'launch', 'association', 'جمعية أطلس للصحة', '5000 استشارة سنويا وتكوين 10 مرشدات صحيات من المنطقة.', 270000, 10, 10],
  ['fr', 'Adil Kettani', 'repair.cafe', 'Repair Café Casablanca', 'Ateliers de réparation d’appareils électroménagers tenus par des jeunes en insertion, pour réduire les déchets électroniques.', 'MA-06', ['youth'], 'launch', 'social_enterprise', 'Repair Café SARL', '40 jeunes formés à la réparation, 5 000 appareils sauvés de la décharge.', 130000, 40, 22],
  ['ar', 'فاطمة الزهراء بنعلي', 'hikaya.atfal', 'حكايات الأطفال', 'مكتبة رقمية لحكايات مسجلة بالدارجة والأمازيغية لأطفال المناطق القروية الذين لا يصلون إلى الكتب.', 'MA-07', ['children', 'rural_communities'], 'idea', 'project_holder', 'فاطمة الزهراء بنعلي (حاملة مشروع)', 'الوصول إلى 10000 طفل عبر 50 مدرسة قروية.', 80000, 15, 4],
  ['fr', 'Rachid Amrani', 'pecheurs.dakhla', 'Pêcheurs solidaires de Dakhla', 'Une chambre froide partagée et une marque collective pour les petits pêcheurs de Dakhla, afin de vendre au juste prix.', 'MA-12', ['rural_communities'], 'growth', 'cooperative', 'Coopérative des pêcheurs de Lassarga', '120 pêcheurs membres, +25 % de prix de vente moyen.', 280000, 30, 120],
  ['ar', 'حسناء الودغيري', 'sawt.sam', 'صوت الصم', 'ترجمة المحتوى الإخباري والإداري إلى لغة الإشارة المغربية وتكوين مترجمين شباب.', 'MA-04', ['people_with_disabilities', 'youth'], 'growth', 'association', 'جمعية الأمل للصم', 'تكوين 20 مترجما وإنتاج 300 فيديو مترجم سنويا.', 150000, 20, 14],
  ['fr', 'Karima Ennaji', 'mode.upcycle', 'Upcycling Souss', 'Atelier de mode qui transforme les invendus textiles en vêtements, avec des couturières d’Agadir en reconversion.', 'MA-09', ['women'], 'launch', 'social_enterprise', 'Souss Upcycling SARL', '25 couturières employées, 8 tonnes de textile réutilisées.', 170000, 25, 25],
  ['ar', 'يوسف القادري', 'nahl.ifrane', 'عسل الأطلس', 'تكوين الشباب على تربية النحل الحديثة بإفران وتسويق العسل عبر تعاونية.', 'MA-03', ['youth', 'rural_communities'], 'launch', 'cooperative', 'تعاونية نحل الأرز', 'إنشاء 40 منحلا يديرها شباب وإنتاج 4 أطنان من العسل.', 120000, 40, 40],
  ['fr', 'Nawal Berrada', 'garderie.usine', 'Crèche des ouvrières', 'Une crèche à horaires décalés près de la zone industrielle de Tanger pour les enfants des ouvrières du textile.', 'MA-01', ['women', 'children'], 'idea', 'association', 'Association Petits Pas', '60 enfants accueillis, 10 auxiliaires formées et embauchées.', 230000, 10, 10],
  ['ar', 'إلياس بنموسى', 'tariq.amen', 'الطريق الآمن', 'حملات للتربية على السلامة الطرقية في مدارس العيون بواسطة مسرح تفاعلي يقدمه شباب الحي.', 'MA-11', ['children', 'youth'], 'launch', 'association', 'جمعية شباب الساقية الحمراء', 'تحسيس 6000 تلميذ وتكوين 15 منشطا شابا.', 70000, 15, 6],
  ['fr', 'Zineb Mansouri', 'boulangerie.inclusive', 'Boulangerie inclusive', 'Boulangerie de quartier à Marrakech qui emploie et forme des adultes en situation de handicap mental.', 'MA-07', ['people_with_disabilities'], 'growth', 'social_enterprise', 'Pain Partagé SARL', '14 salariés en situation de handicap, 400 clients par jour.', 240000, 14, 14],
  ['ar', 'مريم العلوي', 'zarbiya.tazenakht', 'زرابي تازناخت', 'منصة لبيع زرابي نساء تازناخت مباشرة للزبناء مع ضمان أجر عادل وتتبع كل زربية.', 'MA-08', ['women', 'rural_communities'], 'growth', 'cooperative', 'تعاونية نساء تازناخت', 'بيع 500 زربية سنويا ومضاعفة دخل 80 نساجة.', 210000, 80, 80],
  ['fr', 'Anas Sebti', 'compost.meknes', 'Compost Meknès', 'Collecte des déchets organiques des marchés de Meknès et production de compost vendu aux agriculteurs.', 'MA-03', ['youth'], 'idea', 'project_holder', 'Anas Sebti (porteur de projet)', '3 000 tonnes de déchets valorisées, 12 emplois créés.', 190000, 12, 12],
  ['fr', 'Imane Bekkali', 'dentelle.tetouan', 'Broderies de Tétouan', 'Atelier de broderie traditionnelle qui forme des jeunes femmes de Tétouan et vend leurs créations aux hôtels et aux créateurs.', 'MA-01', ['women', 'youth'], 'launch', 'cooperative', 'Coopérative Tarz Tetouani', '30 brodeuses formées et rémunérées, 1 500 pièces vendues par an.', 145000, 30, 24],
  ['ar', 'عمر الكتاني', 'taxi.tadamoni', 'نقل تضامني', 'خدمة نقل بحافلات صغيرة مجهزة للأشخاص في وضعية إعاقة بمدينة فاس، بأسعار تضامنية وسائقين مكوَّنين.', 'MA-03', ['people_with_disabilities', 'older_people'], 'growth', 'social_enterprise', 'شركة النقل التضامني', 'نقل 300 مستفيد أسبوعيا وتكوين 12 سائقا.', 265000, 12, 12],
  ['fr', 'Salma Tahiri', 'cantine.ecole', 'Cantines du Haouz', 'Des cantines scolaires approvisionnées par les coopératives agricoles locales dans les villages du Haouz reconstruits après le séisme.', 'MA-07', ['children', 'rural_communities'], 'launch', 'association', 'Association Atlas Solidaire', '1 200 repas par jour, 9 coopératives fournisseuses, 18 cuisinières employées.', 295000, 18, 18],
  ['ar', 'أسماء بنكيران', 'tanmia.raqmiya', 'مهارات رقمية', 'تكوين نساء الأحياء الشعبية بسلا على الأدوات الرقمية والعمل الحر عبر الإنترنت.', 'MA-04', ['women'], 'idea', 'association', 'جمعية نساء المستقبل', 'تكوين 120 امرأة وحصول 40 منهن على أول دخل من العمل الحر.', 110000, 120, 40],
  ['ar', 'هشام الزياني', 'madrasa.thania', 'فرصة ثانية', 'برنامج للدعم المدرسي والتوجيه المهني لفائدة اليافعين المنقطعين عن الدراسة في أحياء طنجة.', 'MA-01', ['youth', 'children'], 'growth', 'association', 'جمعية الفرصة الثانية', 'إرجاع 150 يافعا إلى الدراسة أو التكوين المهني كل سنة.', 155000, 150, 90],
];

/** Drafts: people who started and will come back (a few answers only). */
const DRAFT_PROJECTS: Array<[Lang, string, string, string, string, string]> = [
  ['fr', 'Ilham Bouzidi', 'brouillon.tisserandes', 'Tisserandes de Chefchaouen', 'Valoriser le tissage traditionnel des femmes de Chefchaouen.', 'MA-01'],
  ['ar', 'سمير الفاسي', 'brouillon.rahma', 'مطعم الرحمة', 'مطعم تضامني يقدم وجبات للمشردين ويكوّن الشباب على الطبخ.', 'MA-03'],
  ['fr', 'Ghita Lamrani', 'brouillon.kayak', 'Kayak Oued Laou', 'Tourisme nautique responsable porté par des jeunes pêcheurs.', 'MA-01'],
  ['ar', 'نادية بنجلون', 'brouillon.qira2a', 'نوادي القراءة', 'نوادي للقراءة في دور الشباب بمدينة آسفي.', 'MA-07'],
  ['fr', 'Saad Ouali', 'brouillon.velo.cargo', 'Vélos-cargos de Kénitra', 'Livraisons à vélo-cargo par des jeunes du quartier.', 'MA-04'],
  ['ar', 'زينب العمراني', 'brouillon.khubz', 'فرن الحي', 'فرن تقليدي جماعي تسيره نساء حي سيدي مومن.', 'MA-06'],
  ['fr', 'Hamza Idrissi', 'brouillon.dune', 'École des dunes', 'Cours de soutien par visioconférence pour les enfants de Merzouga.', 'MA-08'],
  ['ar', 'لبنى الصقلي', 'brouillon.amal', 'أمل للأمهات', 'مرافقة الأمهات العازبات في البحث عن عمل بأكادير.', 'MA-09'],
];

const TEXTS: Record<Lang, { team: (owner: string) => string; model: string; funds: string; partners: string }> = {
  fr: {
    team: (owner) => `${owner}, fondateur·rice et coordinateur·rice ; deux salarié·e·s ; une dizaine de bénévoles du quartier.`,
    model: 'Ventes de produits et de services (55 % des ressources), cotisations des membres, subventions de partenaires locaux ; équilibre visé en trois ans.',
    funds: 'Équipement (50 %), formation des bénéficiaires (30 %), communication et suivi de l’impact (20 %).',
    partners: 'La commune, l’ANAPEC, deux associations du quartier et une entreprise mécène.',
  },
  ar: {
    team: (owner) => `${owner}، مؤسس(ة) ومنسق(ة) المشروع؛ موظفان؛ وعشرة متطوعين من المنطقة.`,
    model: 'مبيعات المنتجات والخدمات (55% من الموارد)، مساهمات الأعضاء، ودعم الشركاء المحليين؛ التوازن المالي متوقع خلال ثلاث سنوات.',
    funds: 'التجهيزات (50%)، تكوين المستفيدين (30%)، التواصل وتتبع الأثر (20%).',
    partners: 'الجماعة الترابية، الوكالة الوطنية لإنعاش التشغيل والكفاءات، جمعيتان محليتان ومقاولة داعمة.',
  },
};

function moreApplications(): DemoApplication[] {
  const submitted = MORE_PROJECTS.map(
    ([lang, owner, emailName, name, summary, region, beneficiaries, stage, legalForm, organisation, impact, amount, trained, placed], index): DemoApplication => {
      const email = `${emailName}@tahkim.example`;
      const text = TEXTS[lang];
      return {
        owner: { email, displayName: owner, locale: lang },
        submittedDaysAgo: 9 - (index % 9) - 0.5,
        answers: {
          project_name: name,
          project_summary: summary,
          region,
          beneficiaries,
          stage,
          ...(stage === 'idea' ? {} : { launch_date: `${2019 + (index % 6)}-${String((index % 12) + 1).padStart(2, '0')}-01` }),
          organisation_name: organisation,
          legal_form: legalForm,
          team: text.team(owner),
          contact_name: owner,
          contact_email: email,
          contact_phone: `06${String(10_000_000 + index * 7_654_321).slice(0, 8)}`,
          economic_model: text.model,
          ...(stage === 'idea' ? {} : { revenue_last_year: 20_000 + index * 15_000 }),
          expected_impact: impact,
          people_trained_target: trained,
          people_placed_target: placed,
          local_partners: text.partners,
          requested_amount: amount,
          use_of_funds: text.funds,
        },
      };
    },
  );
  const drafts = DRAFT_PROJECTS.map(([lang, owner, emailName, name, summary, region], index): DemoApplication => ({
    owner: { email: `${emailName}@tahkim.example`, displayName: owner, locale: lang },
    status: 'DRAFT',
    submittedDaysAgo: index % 3,
    answers: { project_name: name, project_summary: summary, region, ...(index % 2 === 0 ? { contact_name: owner } : {}) },
  }));
  return [...submitted, ...drafts];
}

/** Every demo application: the four of the context page, about thirty more submitted, and a few drafts. */
export const ALL_DEMO_APPLICATIONS: DemoApplication[] = [...DEMO_APPLICATIONS, ...moreApplications()];
