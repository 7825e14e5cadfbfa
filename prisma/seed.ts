import { type Algorithm, hash } from '@node-rs/argon2';
import type { Locale, Prisma, PrismaClient, Role } from './generated/client/client';
import { ALL_DEMO_APPLICATIONS } from './src/demo/applications';
import { DEMO_FORM, MAX_REQUESTED_AMOUNT_MAD } from './src/demo/form';
import { PREVIOUS_EDITION, PREVIOUS_EDITION_APPLICATIONS, PREVIOUS_EDITION_PROGRAMME, PREVIOUS_EDITION_REPORTS } from './src/demo/previous-edition';
import { DECISION_TEMPLATES, ROUND_ONE, ROUND_ONE_CRITERIA } from './src/demo/round';
import { ROUND_ONE_JURY, type RoundOneRows, seedRoundOneScores } from './src/demo/scores';
import { DEMO_JUROR_EXPERTISE, DEMO_TOPIC_TAGS, DEMO_TOPICS } from './src/demo/topics';
import { CALL_TEXTS } from './src/demo/texts';
import { allocateApplicationReference, referenceYear } from './src/references';

export interface DemoAccount {
  email: string;
  password: string;
  /** The role the account demonstrates. */
  role: Role;
  roles: Role[];
  displayName: string;
  locale: Locale;
  organisation?: string;
}

/** The accounts of the demo (README, tests and e2e flows sign in with them). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'staff@tahkim.example',
    password: 'Demo-staff-2026',
    role: 'STAFF',
    roles: ['STAFF', 'ADMIN'],
    displayName: 'Salma Bennani',
    locale: 'fr',
  },
  {
    email: 'juror@tahkim.example',
    password: 'Demo-juror-2026',
    role: 'JUROR',
    roles: ['JUROR'],
    displayName: 'منال التازي',
    locale: 'ar',
    organisation: 'جامعة الحسن الثاني',
  },
  {
    email: 'juror2@tahkim.example',
    password: 'Demo-juror-2026',
    role: 'JUROR',
    roles: ['JUROR'],
    displayName: 'Youssef Amrani',
    locale: 'fr',
    organisation: 'Atlas Impact Conseil',
  },
  {
    email: 'juror3@tahkim.example',
    password: 'Demo-juror-2026',
    role: 'JUROR',
    roles: ['JUROR'],
    displayName: 'Hassan Belkadi',
    locale: 'fr',
    organisation: 'Incubateur Cap Sud',
  },
  {
    email: 'juror4@tahkim.example',
    password: 'Demo-juror-2026',
    role: 'JUROR',
    roles: ['JUROR'],
    displayName: 'سناء بلحاج',
    locale: 'ar',
    organisation: 'المرصد الجهوي للاقتصاد الاجتماعي والتضامني',
  },
  {
    email: 'juror5@tahkim.example',
    password: 'Demo-juror-2026',
    role: 'JUROR',
    roles: ['JUROR'],
    displayName: 'Driss Lahbabi',
    locale: 'fr',
    organisation: 'Cabinet Lahbabi Audit & Conseil',
  },
  {
    email: 'juror6@tahkim.example',
    password: 'Demo-juror-2026',
    role: 'JUROR',
    roles: ['JUROR'],
    displayName: 'عزيز الحمداوي',
    locale: 'ar',
    organisation: 'جمعية أجيال للتنمية المحلية',
  },
  {
    email: 'applicant@tahkim.example',
    password: 'Demo-applicant-2026',
    role: 'APPLICANT',
    roles: ['APPLICANT'],
    displayName: 'Sara El Idrissi',
    locale: 'fr',
  },
];

/** Owners of the demo's submitted applications sign in with this password too. */
export const DEMO_SAMPLE_APPLICANT_PASSWORD = 'Demo-applicant-2026';
export const DEMO_CALL_SLUG = 'innovation-sociale-2026';

export interface DemoSeedSummary {
  /** false when the database already had a call: nothing was written. */
  created: boolean;
  callId?: string;
  callSlug?: string;
  roundId?: string;
  /** Emails of the accounts created; accounts that already existed are left untouched. */
  usersCreated: string[];
  applications: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** argon2id, 19 MiB, 2 passes, as the API hashes passwords. */
const ARGON2_OPTIONS = {
  // Algorithm.Argon2id: an ambient const enum, which isolatedModules forbids reading.
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};
/** pg_advisory_xact_lock key: two API replicas starting together seed once. */
const SEED_LOCK_KEY = 7_212_026;

/**
 * Loads the demo on a database without any call: the accounts of DEMO_ACCOUNTS, the published call
 * "Appel à projets d'innovation sociale 2026" with its form, the decision emails, about forty
 * applications (most submitted, a few drafts) and round 1, open, with its six criteria, six jurors and
 * their scorecards (src/demo/scores.ts): staff can read a ranking at once, and the demo juror still has
 * applications to score. Also last year's edition, decided, with its winners on a published results page
 * (src/demo/previous-edition.ts). Does nothing on a database that has a call.
 */
export async function seedDemoData(prisma: PrismaClient, options: { now?: Date } = {}): Promise<DemoSeedSummary> {
  const nothing: DemoSeedSummary = { created: false, usersCreated: [], applications: 0 };
  if ((await prisma.call.count()) > 0) return nothing;

  const now = options.now ?? new Date();
  const hashes = await hashPasswords([
    ...DEMO_ACCOUNTS.map((account) => account.password),
    DEMO_SAMPLE_APPLICANT_PASSWORD,
  ]);

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.call.count()) > 0) return nothing;

      const people = [
        ...DEMO_ACCOUNTS,
        ...[...ALL_DEMO_APPLICATIONS, ...PREVIOUS_EDITION_APPLICATIONS].map(({ owner }) => ({
          ...owner,
          password: DEMO_SAMPLE_APPLICANT_PASSWORD,
          roles: ['APPLICANT'] as Role[],
          organisation: undefined,
        })),
      ];
      const existing = await tx.user.findMany({
        where: { email: { in: people.map((person) => person.email) } },
        select: { email: true },
      });
      const existingEmails = new Set(existing.map((user) => user.email));
      const toCreate = people.filter((person) => !existingEmails.has(person.email));
      await tx.user.createMany({
        data: toCreate.map((person) => ({
          email: person.email,
          passwordHash: hashes.get(person.password)!,
          displayName: person.displayName,
          locale: person.locale,
          roles: person.roles,
          organisation: person.organisation ?? null,
        })),
      });
      const users = new Map(
        (await tx.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } })).map(
          (user) => [user.email, user.id],
        ),
      );
      const userId = (email: string) => users.get(email)!;
      const staffId = userId('staff@tahkim.example');

      const opensAt = new Date(now.getTime() - 10 * DAY_MS);
      const closesAt = new Date(now.getTime() + 45 * DAY_MS);
      const call = await tx.call.create({
        data: {
          slug: DEMO_CALL_SLUG,
          ...CALL_TEXTS,
          opensAt,
          closesAt,
          // Generated as instants by the server itself: nothing for staff to review.
          deadlinesReviewedAt: now,
          status: 'PUBLISHED',
          publishedAt: opensAt,
          referencePrefix: 'FAB',
          maxApplicationsPerApplicant: 1,
          feedbackEnabled: true,
          settings: { currency: 'MAD', maxRequestedAmount: MAX_REQUESTED_AMOUNT_MAD, eligibilityRules: DEMO_ELIGIBILITY_RULES },
          createdById: staffId,
          createdAt: new Date(opensAt.getTime() - 5 * DAY_MS),
        },
      });

      await writeDemoForm(tx, call.id, call.formVersion, staffId);
      await tx.callTopic.createMany({ data: DEMO_TOPICS.map((topic, position) => ({ callId: call.id, key: topic.key, label: topic.label, position })) });
      await tx.decisionTemplate.createMany({
        data: Object.entries(DECISION_TEMPLATES).map(([outcome, template]) => ({
          callId: call.id,
          outcome: outcome as keyof typeof DECISION_TEMPLATES,
          subject: template.subject,
          body: template.body,
        })),
      });

      const roundOpensAt = new Date(now.getTime() - 8 * DAY_MS);
      const round = await tx.round.create({
        data: {
          callId: call.id,
          number: 1,
          name: ROUND_ONE.name,
          instructions: ROUND_ONE.instructions,
          type: 'SCORING',
          blind: true,
          scorecardsRequired: 3,
          disagreementThreshold: 15,
          method: 'NORMALISED',
          // Pre-selection runs while the call is open: applications are scored as they come in.
          opensAt: roundOpensAt,
          closesAt: new Date(now.getTime() + 10 * DAY_MS),
          deadlinesReviewedAt: now,
          status: 'OPEN',
          criteria: {
            createMany: {
              data: ROUND_ONE_CRITERIA.map((criterion, index) => ({ ...criterion, position: index + 1 })),
            },
          },
          jurors: {
            createMany: {
              data: ROUND_ONE_JURY.map((juror) => ({
                userId: userId(juror.email),
                joinedAt: new Date(roundOpensAt.getTime() - 2 * DAY_MS),
                conflictsReviewedAt: new Date(roundOpensAt.getTime() + DAY_MS / 2),
                expertise: DEMO_JUROR_EXPERTISE[juror.email] ?? [],
              })),
            },
          },
        },
        include: { criteria: { orderBy: { position: 'asc' } }, jurors: { include: { user: { select: { email: true } } } } },
      });

      // References follow the order of submission, as the submit route gives them.
      const samples = ALL_DEMO_APPLICATIONS.map((sample, index) => ({
        sample,
        at: new Date(now.getTime() - sample.submittedDaysAgo * DAY_MS - index * 60_000),
      })).sort((a, b) => a.at.getTime() - b.at.getTime());
      const submitted: RoundOneRows['applications'][number][] = [];
      for (const { sample, at } of samples) {
        const common = {
          callId: call.id,
          ownerId: userId(sample.owner.email),
          answers: sample.answers as Prisma.InputJsonObject,
          title: String(sample.answers.project_name),
          createdAt: new Date(at.getTime() - 2 * DAY_MS),
        };
        if (sample.status === 'DRAFT') {
          await tx.application.create({ data: { ...common, status: 'DRAFT', version: 3, updatedAt: at } });
          continue;
        }
        const application = await tx.application.create({
          data: {
            ...common,
            status: 'SUBMITTED',
            version: 2,
            formVersion: call.formVersion,
            reference: await allocateApplicationReference(tx, call, referenceYear(at)),
            submittedAt: at,
            eligibilitySuggestion: eligibilitySuggestion(sample.answers),
            // Staff tagged each project with its fields while screening it.
            topicTags: DEMO_TOPIC_TAGS[sample.owner.email] ?? [],
            topicsTaggedAt: DEMO_TOPIC_TAGS[sample.owner.email] ? at : null,
          },
        });
        submitted.push({ id: application.id, key: sample.owner.email, eligible: application.eligibilitySuggestion === 'ELIGIBLE', submittedAt: at });
      }

      await seedPreviousEdition(tx, { now, staffId, userId });

      const locales = new Map(DEMO_ACCOUNTS.map((account) => [account.email, account.locale]));
      await seedRoundOneScores(tx, {
        roundId: round.id,
        opensAt: roundOpensAt,
        now,
        staffId,
        jurorIds: new Map(round.jurors.map((juror) => [juror.user.email, juror.id])),
        languageOf: (email) => locales.get(email) ?? 'fr',
        applications: submitted,
        criteria: round.criteria,
      });

      return {
        created: true,
        callId: call.id,
        callSlug: call.slug,
        roundId: round.id,
        usersCreated: toCreate.map((person) => person.email),
        applications: ALL_DEMO_APPLICATIONS.length,
      };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** The demo call's automatic screening rules (Call.settings.eligibilityRules). */
const ELIGIBLE_LEGAL_FORMS = ['association', 'cooperative', 'social_enterprise'];
/** The demo form's sections and fields, and its first recorded version. */
async function writeDemoForm(tx: Prisma.TransactionClient, callId: string, formVersion: number, staffId: string): Promise<void> {
  for (const [sectionIndex, section] of DEMO_FORM.entries()) {
    await tx.formSection.create({
      data: {
        callId,
        key: section.key,
        title: section.title,
        ...(section.description ? { description: section.description } : {}),
        position: sectionIndex + 1,
        fields: {
          createMany: {
            data: section.fields.map((field, fieldIndex) => ({
              callId,
              key: field.key,
              type: field.type,
              label: field.label,
              ...(field.help ? { help: field.help } : {}),
              required: field.required ?? false,
              identifying: field.identifying ?? false,
              limits: (field.limits ?? {}) as Prisma.InputJsonObject,
              ...(field.options ? { options: field.options as unknown as Prisma.InputJsonArray } : {}),
              position: fieldIndex + 1,
            })),
          },
        },
      },
    });
  }
  await tx.formVersion.create({
    data: { callId, version: formVersion, definition: { sections: DEMO_FORM } as unknown as Prisma.InputJsonObject, createdById: staffId },
  });
}

/**
 * Last year's edition, decided about eight months ago: three winners and two applications not selected,
 * decisions published, the results page published with the two winners who agreed to their presentation
 * (the third has not answered yet), and its support programme (four milestones, four indicators).
 */
async function seedPreviousEdition(
  tx: Prisma.TransactionClient,
  { now, staffId, userId }: { now: Date; staffId: string; userId: (email: string) => string },
): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const { slug, referencePrefix, ...texts } = PREVIOUS_EDITION;
  const call = await tx.call.create({
    data: {
      slug,
      referencePrefix,
      ...texts,
      opensAt: at(420),
      closesAt: at(360),
      deadlinesReviewedAt: at(420),
      status: 'DECIDED',
      publishedAt: at(420),
      closedAt: at(360),
      decidedAt: at(250),
      resultsPublishedAt: at(240),
      maxApplicationsPerApplicant: 1,
      settings: { currency: 'MAD', maxRequestedAmount: MAX_REQUESTED_AMOUNT_MAD },
      createdById: staffId,
      createdAt: at(430),
    },
  });
  await writeDemoForm(tx, call.id, call.formVersion, staffId);
  const programme = await tx.programme.create({
    data: {
      callId: call.id,
      createdAt: at(245),
      milestones: {
        createMany: {
          data: PREVIOUS_EDITION_PROGRAMME.milestones.map(({ dueInDays, ...milestone }, index) => ({ ...milestone, dueAt: endOfWorkingDay(at(-dueInDays)), position: index + 1 })),
        },
      },
      indicators: { createMany: { data: PREVIOUS_EDITION_PROGRAMME.indicators.map((indicator, index) => ({ ...indicator, position: index + 1 })) } },
    },
    include: { milestones: true },
  });
  const winners = new Map<string, string>();
  for (const [index, sample] of PREVIOUS_EDITION_APPLICATIONS.entries()) {
    const submittedAt = new Date(at(365).getTime() + index * 3_600_000);
    const application = await tx.application.create({
      data: {
        callId: call.id,
        ownerId: userId(sample.owner.email),
        status: sample.outcome,
        answers: sample.answers as Prisma.InputJsonObject,
        title: String(sample.answers.project_name),
        version: 2,
        formVersion: call.formVersion,
        reference: await allocateApplicationReference(tx, call, referenceYear(submittedAt)),
        submittedAt,
        createdAt: at(380),
      },
    });
    await tx.decision.create({
      data: { applicationId: application.id, outcome: sample.outcome, decidedById: staffId, decidedAt: at(255), publishedAt: at(250) },
    });
    winners.set(sample.owner.email, application.id);
    if (sample.profile) {
      const { consent, ...profile } = sample.profile;
      await tx.publicProfile.create({
        data: { applicationId: application.id, callId: call.id, ...profile, consent, consentAt: consent === 'GIVEN' ? at(242) : null, version: consent === 'GIVEN' ? 2 : 1, createdAt: at(245) },
      });
    }
  }
  await seedProgressReports(tx, { staffId, userId, milestones: programme.milestones, winners });
}

/**
 * The winners' progress reports (src/demo/previous-edition.ts), as the report routes would have left them:
 * answers to the default report form, indicator values, the submission and the review, each step in the
 * audit trail (the report's history) at its date.
 */
async function seedProgressReports(
  tx: Prisma.TransactionClient,
  { staffId, userId, milestones, winners }: { staffId: string; userId: (email: string) => string; milestones: Array<{ id: string; key: string; dueAt: Date }>; winners: Map<string, string> },
): Promise<void> {
  const audit: Prisma.AuditEventCreateManyInput[] = [];
  for (const report of PREVIOUS_EDITION_REPORTS) {
    const milestone = milestones.find((candidate) => candidate.key === report.milestone)!;
    const applicationId = winners.get(report.owner)!;
    const day = (days: number) => new Date(milestone.dueAt.getTime() + days * DAY_MS);
    const submittedAt = day(report.submittedDaysFromDue);
    const reviewedAt = report.reviewedDaysFromDue === undefined ? null : day(report.reviewedDaysFromDue);
    // Saved three times as a draft, then submitted (and accepted): the version the routes would give.
    const submittedVersion = 4;
    await tx.progressReport.create({
      data: {
        milestoneId: milestone.id,
        applicationId,
        status: report.status,
        answers: report.answers,
        indicatorValues: report.indicatorValues,
        version: reviewedAt ? submittedVersion + 1 : submittedVersion,
        formVersion: 0,
        submittedAt,
        reviewedAt,
        reviewedById: reviewedAt ? staffId : null,
        createdAt: day(report.submittedDaysFromDue - 12),
        updatedAt: reviewedAt ?? submittedAt,
      },
    });
    const milestoneKey = report.milestone;
    audit.push({
      action: 'progress_report.submitted',
      entityType: 'Application',
      entityId: applicationId,
      actorId: userId(report.owner),
      before: { milestoneKey, status: 'DRAFT', version: submittedVersion - 1 },
      after: { milestoneKey, status: 'SUBMITTED', late: submittedAt > milestone.dueAt, version: submittedVersion },
      createdAt: submittedAt,
    });
    if (reviewedAt) {
      audit.push({
        action: 'progress_report.accepted',
        entityType: 'Application',
        entityId: applicationId,
        actorId: staffId,
        before: { milestoneKey, status: 'SUBMITTED', version: submittedVersion },
        after: { milestoneKey, status: 'ACCEPTED', version: submittedVersion + 1, comment: null },
        createdAt: reviewedAt,
      });
    }
  }
  await tx.auditEvent.createMany({ data: audit });
}

/** 17:00 UTC that day: the end of a working day in Morocco (18:00 while it kept UTC+1, 17:00 since). */
function endOfWorkingDay(day: Date): Date {
  const at = new Date(day);
  at.setUTCHours(17, 0, 0, 0);
  return at;
}

const DEMO_ELIGIBILITY_RULES = [
  { kind: 'IN_LIST', fieldKey: 'legal_form', values: ELIGIBLE_LEGAL_FORMS },
  { kind: 'AT_MOST', fieldKey: 'requested_amount', max: MAX_REQUESTED_AMOUNT_MAD },
];

/** What the submit route's evaluation of DEMO_ELIGIBILITY_RULES gives for complete answers. */
function eligibilitySuggestion(answers: Record<string, unknown>): 'ELIGIBLE' | 'INELIGIBLE' | 'UNSURE' {
  const { legal_form: legalForm, requested_amount: amount } = answers;
  if (typeof legalForm !== 'string' || typeof amount !== 'number') return 'UNSURE';
  return ELIGIBLE_LEGAL_FORMS.includes(legalForm) && amount <= MAX_REQUESTED_AMOUNT_MAD ? 'ELIGIBLE' : 'INELIGIBLE';
}

async function hashPasswords(passwords: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(passwords)];
  const hashed = await Promise.all(distinct.map((password) => hash(password, ARGON2_OPTIONS)));
  return new Map(distinct.map((password, index) => [password, hashed[index]!]));
}
