import { ZFormDefinition, type TCallStatus, type TEligibilityRule, type TFormDefinitionInput, type TLocalizedText } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { randomInt } from 'node:crypto';
import { recordFormVersion, writeFormRows } from '../../src/modules/calls/call-form';

const DAY_MS = 24 * 60 * 60 * 1000;

const text = (fr: string, ar: string, en: string): TLocalizedText => ({ ar, fr, en });

/**
 * A form like the demo call's, with one field of every type: identifying name, email and phone, a
 * required REGION keyed `region`, a required PDF `pitch_deck`, choices, numbers, money, date, URL.
 */
export const DEMO_LIKE_FORM = {
  sections: [
    {
      key: 'organisation',
      title: text('Organisation', 'المنظمة', 'Organisation'),
      fields: [
        { key: 'organisation_name', type: 'SHORT_TEXT', label: text("Nom de l'organisation", 'اسم المنظمة', 'Organisation name'), required: true, identifying: true, limits: { maxLength: 200 } },
        { key: 'contact_email', type: 'EMAIL', label: text('E-mail de contact', 'البريد الإلكتروني للتواصل', 'Contact email'), required: true, identifying: true },
        { key: 'contact_phone', type: 'PHONE', label: text('Téléphone', 'الهاتف', 'Phone'), identifying: true },
        { key: 'website', type: 'URL', label: text('Site web', 'الموقع الإلكتروني', 'Website') },
        {
          key: 'legal_form',
          type: 'SINGLE_CHOICE',
          label: text('Forme juridique', 'الشكل القانوني', 'Legal form'),
          required: true,
          options: [
            { value: 'association', label: text('Association', 'جمعية', 'Association') },
            { value: 'cooperative', label: text('Coopérative', 'تعاونية', 'Cooperative') },
            { value: 'company', label: text('Entreprise', 'شركة', 'Company') },
          ],
        },
        { key: 'region', type: 'REGION', label: text('Région', 'الجهة', 'Region'), required: true },
        { key: 'founded_on', type: 'DATE', label: text('Date de création', 'تاريخ التأسيس', 'Founded on') },
      ],
    },
    {
      key: 'project',
      title: text('Projet', 'المشروع', 'Project'),
      fields: [
        { key: 'project_title', type: 'SHORT_TEXT', label: text('Titre du projet', 'عنوان المشروع', 'Project title'), required: true },
        { key: 'social_impact', type: 'LONG_TEXT', label: text('Impact social', 'الأثر الاجتماعي', 'Social impact'), required: true, limits: { maxLength: 3000 } },
        {
          key: 'beneficiary_groups',
          type: 'MULTIPLE_CHOICE',
          label: text('Bénéficiaires', 'المستفيدون', 'Beneficiaries'),
          limits: { maxChoices: 2 },
          options: [
            { value: 'women', label: text('Femmes', 'النساء', 'Women') },
            { value: 'youth', label: text('Jeunes', 'الشباب', 'Youth') },
            { value: 'rural', label: text('Populations rurales', 'سكان القرى', 'Rural people') },
          ],
        },
        { key: 'beneficiaries', type: 'NUMBER', label: text('Nombre de bénéficiaires', 'عدد المستفيدين', 'Number of beneficiaries'), limits: { min: 0, integer: true } },
        { key: 'requested_amount', type: 'MONEY', label: text('Montant demandé (MAD)', 'المبلغ المطلوب (درهم)', 'Requested amount (MAD)'), required: true, limits: { min: 0, max: 500_000, currency: 'MAD' } },
        {
          key: 'pitch_deck',
          type: 'FILE',
          label: text('Présentation (PDF)', 'العرض التقديمي (PDF)', 'Pitch deck (PDF)'),
          required: true,
          limits: { maxFiles: 1, maxFileSizeBytes: 5 * 1024 * 1024, acceptedMediaTypes: ['application/pdf'] },
        },
      ],
    },
  ],
} satisfies TFormDefinitionInput;

export interface CreateCallOptions {
  createdById: string;
  /** Default PUBLISHED (open now: opened a day ago, closes in 30 days). */
  status?: TCallStatus;
  opensAt?: Date;
  closesAt?: Date;
  /** Default DEMO_LIKE_FORM. */
  form?: TFormDefinitionInput;
  /** Default a unique 2-10 upper-case prefix. */
  referencePrefix?: string;
  slug?: string;
  maxApplicationsPerApplicant?: number;
  eligibilityRules?: TEligibilityRule[];
  title?: TLocalizedText;
}

let counter = 0;

const PREFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** References are unique across calls, so each test call gets its own prefix. */
export function uniquePrefix(): string {
  return `T${Array.from({ length: 9 }, () => PREFIX_CHARS[randomInt(PREFIX_CHARS.length)]).join('')}`;
}

/**
 * Writes a call with its form (Call, FormSection, FormField and FormVersion rows) the way the calls
 * service does, without going through HTTP. Other modules' tests build on it.
 */
export async function createCall(prisma: PrismaClient, options: CreateCallOptions) {
  counter += 1;
  const unique = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  const now = Date.now();
  const status = options.status ?? 'PUBLISHED';
  const form = ZFormDefinition.parse(options.form ?? DEMO_LIKE_FORM);
  const opensAt = options.opensAt ?? new Date(now - DAY_MS);
  const closesAt = options.closesAt ?? new Date(Math.max(now, opensAt.getTime()) + 30 * DAY_MS);
  const published = status !== 'DRAFT';
  return prisma.$transaction(async (tx) => {
    const call = await tx.call.create({
      data: {
        slug: options.slug ?? `test-call-${unique}`,
        title: options.title ?? text(`Appel de test ${counter}`, `طلب مشاريع تجريبي ${counter}`, `Test call ${counter}`),
        summary: text('Un appel pour les tests.', 'طلب للاختبار.', 'A call for tests.'),
        description: text('## Objectifs\nSoutenir des projets.', '## الأهداف\nدعم المشاريع.', '## Goals\nSupport projects.'),
        eligibility: text('Associations et coopératives.', 'الجمعيات والتعاونيات.', 'Associations and cooperatives.'),
        opensAt,
        closesAt,
        status,
        referencePrefix: options.referencePrefix ?? uniquePrefix(),
        maxApplicationsPerApplicant: options.maxApplicationsPerApplicant ?? 1,
        settings: { eligibilityRules: options.eligibilityRules ?? [] },
        createdById: options.createdById,
        publishedAt: published ? opensAt : null,
        closedAt: status === 'CLOSED' ? closesAt : null,
      },
    });
    await writeFormRows(tx, call.id, form);
    await recordFormVersion(tx, call.id, call.formVersion, form, options.createdById);
    return { ...call, form };
  });
}
