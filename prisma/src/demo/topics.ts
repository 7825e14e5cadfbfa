import type { LocalizedText } from './texts';

/** The fields of the demo call's projects, as a foundation's staff would sort them. */
export const DEMO_TOPICS: Array<{ key: string; label: LocalizedText }> = [
  { key: 'agriculture', label: { ar: 'الفلاحة والصيد البحري', fr: 'Agriculture et pêche', en: 'Agriculture and fishing' } },
  { key: 'food', label: { ar: 'التغذية والطبخ', fr: 'Alimentation et cuisine', en: 'Food and cooking' } },
  { key: 'crafts', label: { ar: 'الصناعة التقليدية والنسيج', fr: 'Artisanat et textile', en: 'Crafts and textiles' } },
  { key: 'education', label: { ar: 'التعليم والتكوين', fr: 'Éducation et formation', en: 'Education and training' } },
  { key: 'health', label: { ar: 'الصحة والإعاقة', fr: 'Santé et handicap', en: 'Health and disability' } },
  { key: 'digital', label: { ar: 'الرقميات', fr: 'Numérique', en: 'Digital' } },
  { key: 'environment', label: { ar: 'البيئة والطاقة', fr: 'Environnement et énergie', en: 'Environment and energy' } },
  { key: 'media', label: { ar: 'الإعلام والثقافة', fr: 'Médias et culture', en: 'Media and culture' } },
];

/** Each submitted demo project's topics, by its owner's email (staff tagged them at screening). */
export const DEMO_TOPIC_TAGS: Record<string, string[]> = {
  'atelier.traiteur@tahkim.example': ['food', 'education'],
  'velo.medina@tahkim.example': ['education', 'environment'],
  'radio.haouz@tahkim.example': ['media'],
  'autonomie.meres@tahkim.example': ['education'],
  'recycl.atlas@tahkim.example': ['environment'],
  'argan.tiznit@tahkim.example': ['agriculture', 'digital'],
  'code.femmes@tahkim.example': ['digital', 'education'],
  'mada.sahara@tahkim.example': ['agriculture', 'environment'],
  'handi.sport@tahkim.example': ['health'],
  'khayata.oujda@tahkim.example': ['crafts'],
  'ferme.ecole@tahkim.example': ['agriculture', 'education'],
  'dar.ajaza@tahkim.example': ['health'],
  'ludo.medina@tahkim.example': ['education', 'media'],
  'taqa.dawar@tahkim.example': ['environment', 'education'],
  'saveurs.rif@tahkim.example': ['food', 'agriculture'],
  'sahha.jabal@tahkim.example': ['health', 'digital'],
  'repair.cafe@tahkim.example': ['environment'],
  'hikaya.atfal@tahkim.example': ['media', 'digital'],
  'pecheurs.dakhla@tahkim.example': ['agriculture', 'food'],
  'sawt.sam@tahkim.example': ['health', 'media'],
  'mode.upcycle@tahkim.example': ['crafts', 'environment'],
  'nahl.ifrane@tahkim.example': ['agriculture'],
  'garderie.usine@tahkim.example': ['education'],
  'tariq.amen@tahkim.example': ['education', 'media'],
  'boulangerie.inclusive@tahkim.example': ['food', 'health'],
  'zarbiya.tazenakht@tahkim.example': ['crafts', 'digital'],
  'compost.meknes@tahkim.example': ['environment', 'agriculture'],
  'dentelle.tetouan@tahkim.example': ['crafts'],
  'taxi.tadamoni@tahkim.example': ['health'],
  'cantine.ecole@tahkim.example': ['food', 'education'],
  'tanmia.raqmiya@tahkim.example': ['digital', 'education'],
  'madrasa.thania@tahkim.example': ['education'],
};

/** The demo jurors' distinct expertise: together they know every field. */
export const DEMO_JUROR_EXPERTISE: Record<string, string[]> = {
  'juror@tahkim.example': ['agriculture', 'food'],
  'juror2@tahkim.example': ['crafts'],
  'juror3@tahkim.example': ['education'],
  'juror4@tahkim.example': ['health'],
  'juror5@tahkim.example': ['digital', 'media'],
  'juror6@tahkim.example': ['environment'],
};
