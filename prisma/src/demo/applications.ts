import type { Locale } from '../../generated/client/client';

export interface DemoApplication {
  owner: { email: string; displayName: string; locale: Locale };
  /** Days before the seed that it was submitted. */
  submittedDaysAgo: number;
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
