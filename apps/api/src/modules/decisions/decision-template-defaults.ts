import type { TDecisionOutcome } from '@tahkim/contracts';
import type { DecisionTemplateTexts } from './decision-email';

/**
 * What staff start from when a call has no template for an outcome yet: shown in the editor, used in
 * previews, and sent when decisions are published without a saved template (the publish panel says so).
 */
export const PROPOSED_DECISION_TEMPLATES: Record<TDecisionOutcome, DecisionTemplateTexts> = {
  WINNER: {
    subject: {
      ar: 'تهانينا: تم اختيار مشروعكم {{reference}}',
      fr: 'Félicitations : votre projet {{reference}} est retenu',
      en: 'Congratulations: your project {{reference}} has been selected',
    },
    body: {
      ar: 'مرحبًا {{displayName}}،\n\nيسعدنا إخباركم بأن لجنة التحكيم اختارت مشروعكم «{{projectTitle}}» في إطار «{{callTitle}}». سيتصل بكم فريق المؤسسة قريبًا لتحديد مراحل المواكبة.\n\n{{message}}\n\n{{feedback}}\n\nمع أطيب التحيات،\nفريق المؤسسة',
      fr: "Bonjour {{displayName}},\n\nNous avons le plaisir de vous annoncer que le jury a retenu votre projet « {{projectTitle}} » dans le cadre de « {{callTitle}} ». L'équipe de la fondation vous contactera prochainement pour organiser l'accompagnement.\n\n{{message}}\n\n{{feedback}}\n\nBien cordialement,\nL'équipe de la fondation",
      en: "Hello {{displayName}},\n\nWe are delighted to tell you that the jury has selected your project \"{{projectTitle}}\" in \"{{callTitle}}\". The foundation's team will contact you soon to organise the support.\n\n{{message}}\n\n{{feedback}}\n\nKind regards,\nThe foundation's team",
    },
  },
  NOT_SELECTED: {
    subject: {
      ar: 'نتيجة ترشيحكم {{reference}}',
      fr: 'Résultat de votre candidature {{reference}}',
      en: 'Outcome of your application {{reference}}',
    },
    body: {
      ar: 'مرحبًا {{displayName}}،\n\nنشكركم على مشاركتكم بمشروع «{{projectTitle}}» في «{{callTitle}}». بعد دراسة متأنية، لم تختر لجنة التحكيم مشروعكم في هذه الدورة.\n\n{{message}}\n\n{{feedback}}\n\nنتمنى لكم التوفيق ونشجعكم على المشاركة في الدورات المقبلة.\nفريق المؤسسة',
      fr: "Bonjour {{displayName}},\n\nMerci pour votre participation à « {{callTitle}} » avec le projet « {{projectTitle}} ». Après un examen attentif, le jury n'a pas retenu votre projet pour cette édition.\n\n{{message}}\n\n{{feedback}}\n\nNous vous souhaitons plein succès et vous encourageons à candidater aux prochaines éditions.\nL'équipe de la fondation",
      en: "Hello {{displayName}},\n\nThank you for taking part in \"{{callTitle}}\" with the project \"{{projectTitle}}\". After careful review, the jury has not selected your project for this edition.\n\n{{message}}\n\n{{feedback}}\n\nWe wish you every success and encourage you to apply to future editions.\nThe foundation's team",
    },
  },
};
