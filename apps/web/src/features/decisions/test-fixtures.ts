import type {
  TApplicationOutcome,
  TBallotResult,
  TCallAnnouncement,
  TCallDecisionList,
  TCallDecisionRow,
  TDecision,
  TDecisionRound,
  TDecisionTemplateList,
  TPublicProfile,
} from '@tahkim/contracts';

export const CALL_ID = '5b0c7f3e-2a4d-4e8b-9f61-0c2d3e4f5a6b';
export const ROUND_ID = '7d1f3c2a-1b4e-4a51-9c57-2f1f3d6c7a10';
export const BALLOT_ID = '9e2a4b6c-8d0f-4a1b-b3c5-d7e9f1a3b5c7';

const text = (fr: string, ar: string) => ({ ar, fr, en: fr });

/** The call's rounds as the decisions list gives them: round 1 scored (5 scorecards), round 2 a ballot not voted yet. */
export function decisionRounds(ballotResults = 0): TDecisionRound[] {
  return [
    { id: ROUND_ID, number: 1, name: text('Présélection', 'الانتقاء الأولي'), type: 'SCORING', status: 'CLOSED', method: 'NORMALISED', results: 5 },
    { id: BALLOT_ID, number: 2, name: text('Vote final', 'التصويت النهائي'), type: 'BALLOT', status: 'OPEN', method: 'NORMALISED', results: ballotResults },
  ];
}

/** The final ballot over a2, a1, a3: a2 first; a1 and a3 share rank 2 (an unresolved tie). */
export function ballotResultFixture(): TBallotResult {
  const candidates = [
    { applicationId: 'a1', reference: 'FIS-2026-0001', title: 'Traiteur solidaire' },
    { applicationId: 'a2', reference: 'FIS-2026-0002', title: 'Coopérative d’argan' },
    { applicationId: 'a3', reference: 'FIS-2026-0003', title: 'Atelier de couture' },
  ];
  return {
    round: { id: BALLOT_ID, callId: CALL_ID, name: text('Vote final', 'التصويت النهائي'), status: 'OPEN' },
    candidates,
    pairwise: [
      [0, 1, 1],
      [2, 0, 2],
      [1, 0, 0],
    ],
    strongest: [
      [0, 0, 0],
      [2, 0, 2],
      [0, 0, 0],
    ],
    ranking: [
      { ...candidates[1]!, rank: 1, borda: 4, wins: 2 },
      { ...candidates[0]!, rank: 2, borda: 1, wins: 0 },
      { ...candidates[2]!, rank: 2, borda: 1, wins: 0 },
    ],
    submitted: 2,
    jurors: [],
  };
}

export function decision(overrides: Partial<TDecision> & Pick<TDecision, 'outcome'>): TDecision {
  return {
    note: null,
    message: null,
    roundId: ROUND_ID,
    decidedBy: { id: 'u2', displayName: 'Karim' },
    decidedAt: '2026-06-01T09:00:00.000Z',
    publishedAt: null,
    ...overrides,
  };
}

export function decisionRow(overrides: Partial<TCallDecisionRow> & { applicationId: string }): TCallDecisionRow {
  return {
    reference: overrides.applicationId.toUpperCase(),
    title: null,
    applicant: { displayName: 'Someone', email: `${overrides.applicationId}@example.ma`, locale: 'fr' },
    status: 'ELIGIBLE',
    decision: null,
    email: null,
    sharedCommentScripts: [],
    ...overrides,
  };
}

/**
 * Five applications: a1 winner and a2 not selected (unpublished), a3 undecided, a4 a published winner whose
 * email was sent, a5 ineligible. The ranking fixture of results ranks a1, a2, a3 (a4 unranked).
 */
export function decisionsFixture(overrides: Partial<TCallDecisionList> = {}): TCallDecisionList {
  return {
    call: {
      id: CALL_ID,
      title: text('Fonds d’initiatives solidaires', 'صندوق المبادرات التضامنية'),
      status: 'CLOSED',
      feedbackEnabled: false,
      decidedAt: null,
      closesAt: '2026-05-15T17:00:00.000Z',
      acceptingApplications: false,
      drafts: 0,
    },
    templatesSaved: ['NOT_SELECTED', 'WINNER'],
    rounds: decisionRounds(),
    counts: { applications: 5, winners: 2, notSelected: 1, pendingPublication: 2, published: 1, emailsQueued: 0, emailsSent: 1, emailsFailed: 0 },
    items: [
      decisionRow({
        applicationId: 'a1', reference: 'FIS-2026-0001', title: 'Traiteur solidaire', status: 'SHORTLISTED',
        applicant: { displayName: 'Amina Idrissi', email: 'amina@example.ma', locale: 'fr' },
        decision: decision({ outcome: 'WINNER', note: 'Unanimité du comité' }),
      }),
      decisionRow({
        applicationId: 'a2', reference: 'FIS-2026-0002', title: 'Coopérative d’argan', status: 'SHORTLISTED',
        applicant: { displayName: 'يوسف العلوي', email: 'youssef@example.ma', locale: 'ar' },
        decision: decision({ outcome: 'NOT_SELECTED' }),
      }),
      decisionRow({
        applicationId: 'a3', reference: 'FIS-2026-0003', title: 'Atelier de couture', status: 'ELIGIBLE',
        applicant: { displayName: 'Salma Bennani', email: 'salma@example.ma', locale: 'en' },
      }),
      decisionRow({
        applicationId: 'a4', reference: 'FIS-2026-0004', title: 'Ferme pédagogique', status: 'WINNER',
        applicant: { displayName: 'Omar Tazi', email: 'omar@example.ma', locale: 'ar' },
        decision: decision({ outcome: 'WINNER', publishedAt: '2026-06-02T10:00:00.000Z' }),
        email: { status: 'SENT', locale: 'ar', attempts: 1, lastError: null, queuedAt: '2026-06-02T10:00:00.000Z', sentAt: '2026-06-02T10:00:05.000Z' },
      }),
      decisionRow({
        applicationId: 'a5', reference: 'FIS-2026-0005', title: 'Hors sujet', status: 'INELIGIBLE',
        applicant: { displayName: 'Nadia Fassi', email: 'nadia@example.ma', locale: 'fr' },
      }),
    ],
    ...overrides,
  };
}

export function templatesFixture(): TDecisionTemplateList {
  return {
    placeholders: ['displayName', 'reference', 'projectTitle', 'callTitle', 'feedback', 'message'],
    items: [
      {
        outcome: 'WINNER',
        subject: { fr: 'Votre projet {{reference}} est lauréat', ar: 'مشروعكم {{reference}} فائز', en: '' },
        body: { fr: 'Bonjour {{displayName}},\n\nFélicitations !', ar: 'مرحبًا {{displayName}}،\n\nتهانينا!', en: '' },
        saved: true,
        updatedAt: '2026-06-01T08:00:00.000Z',
      },
      {
        outcome: 'NOT_SELECTED',
        subject: { fr: 'Votre candidature {{reference}}', ar: 'ترشيحكم {{reference}}', en: 'Your application {{reference}}' },
        body: { fr: 'Bonjour {{displayName}},', ar: 'مرحبًا {{displayName}}،', en: 'Hello {{displayName}},' },
        saved: false,
        updatedAt: null,
      },
    ],
  };
}

export function outcomeFixture(overrides: Partial<TApplicationOutcome> = {}): TApplicationOutcome {
  return {
    published: true,
    outcome: 'WINNER',
    publishedAt: '2026-06-02T10:00:00.000Z',
    message: 'Nous avons hâte de vous rencontrer.',
    feedback: {
      criteria: [
        { label: text('Impact social', 'الأثر الاجتماعي'), mean: 3.666, scaleMin: 0, scaleMax: 5 },
        { label: text('Viabilité', 'الاستدامة'), mean: 8, scaleMin: 1, scaleMax: 10 },
      ],
      comments: ['Modèle économique solide.', 'تأثير واضح على النساء'],
    },
    ...overrides,
  };
}

export const CALL_SLUG = 'fonds-initiatives-solidaires-2026';
export const PHOTO_1 = '01900000-0000-7000-8000-0000000000f1';
export const PHOTO_2 = '01900000-0000-7000-8000-0000000000f2';

const empty = { ar: '', fr: '', en: '' };

/** A4's presentation as saved: agreed by its winner (version 3), in French and Arabic. */
export function publicProfile(overrides: Partial<TPublicProfile> = {}): TPublicProfile {
  return {
    id: 'p4',
    applicationId: 'a4',
    title: { fr: 'Ferme pédagogique de Tiznit', ar: 'مزرعة تربوية في تيزنيت', en: '' },
    organisation: { fr: 'Coopérative Tafoukt', ar: 'تعاونية تافوكت', en: '' },
    summary: { fr: 'Une ferme qui accueille les écoles de la région.', ar: 'مزرعة تستقبل مدارس الجهة.', en: '' },
    region: 'MA-09',
    photoAttachmentId: null,
    consent: 'GIVEN',
    consentAt: '2026-06-10T09:00:00.000Z',
    version: 3,
    updatedAt: '2026-06-08T09:00:00.000Z',
    photoChoices: [],
    resultsPublished: false,
    callSlug: CALL_SLUG,
    ...overrides,
  };
}

/**
 * Three winners: a1 without a presentation (its draft comes from the answers, in French, with two photos),
 * a4 agreed (shown on the page), a6 refused.
 */
export function announcementFixture(overrides: Partial<TCallAnnouncement['call']> = {}): TCallAnnouncement {
  return {
    call: {
      id: CALL_ID,
      slug: CALL_SLUG,
      title: text('Fonds d’initiatives solidaires', 'صندوق المبادرات التضامنية'),
      status: 'DECIDED',
      locales: ['fr', 'ar'],
      resultsPublishedAt: null,
      ...overrides,
    },
    winners: [
      {
        applicationId: 'a1',
        reference: 'FIS-2026-0001',
        title: 'Traiteur solidaire',
        applicant: { displayName: 'Amina Idrissi', locale: 'fr' },
        profile: null,
        draft: {
          title: { ...empty, fr: 'Traiteur solidaire' },
          organisation: { ...empty, fr: 'Association Amal' },
          summary: { ...empty, fr: 'Un traiteur qui forme des femmes de Casablanca aux métiers de la cuisine.' },
          region: 'MA-06',
          photoAttachmentId: PHOTO_1,
          photoChoices: [
            { attachmentId: PHOTO_1, fileName: 'equipe.jpg' },
            { attachmentId: PHOTO_2, fileName: 'cuisine.png' },
          ],
        },
      },
      {
        applicationId: 'a4',
        reference: 'FIS-2026-0004',
        title: 'Ferme pédagogique',
        applicant: { displayName: 'Omar Tazi', locale: 'ar' },
        profile: publicProfile(),
        draft: { title: { ...empty, fr: 'Ferme pédagogique' }, organisation: empty, summary: empty, region: null, photoAttachmentId: null, photoChoices: [] },
      },
      {
        applicationId: 'a6',
        reference: 'FIS-2026-0006',
        title: 'Atelier de couture',
        applicant: { displayName: 'Salma Bennani', locale: 'en' },
        profile: publicProfile({
          id: 'p6',
          applicationId: 'a6',
          title: { ...empty, en: 'Sewing workshop' },
          organisation: empty,
          summary: { ...empty, en: 'Sewing lessons for young women.' },
          region: null,
          consent: 'WITHDRAWN',
          consentAt: '2026-06-11T15:00:00.000Z',
          version: 2,
        }),
        draft: { title: { ...empty, en: 'Sewing workshop' }, organisation: empty, summary: empty, region: null, photoAttachmentId: null, photoChoices: [] },
      },
    ],
    shownCount: 1,
  };
}
