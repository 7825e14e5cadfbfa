import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@tahkim/contracts';
import type { TAuditReference, TLocale } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../app/i18n';
import { isKnownAction } from './audit-labels';
import { DESCRIBED_ACTIONS } from './audit-vocabulary';
import { AuditDescriber, type AuditEventInput, type Translate } from './describe-event';

const CALL = '01900000-0000-7000-8000-00000000ca11';
const ROUND_1 = '01900000-0000-7000-8000-0000000000r1'.replace('r1', 'a1');
const ROUND_2 = '01900000-0000-7000-8000-0000000000a2';
const APPLICATION = '01900000-0000-7000-8000-0000000000b1';
const APPLICATION_2 = '01900000-0000-7000-8000-0000000000b2';
const SALMA = '01900000-0000-7000-8000-0000000000c1';
const DRISS = '01900000-0000-7000-8000-0000000000c2';
const JUROR = '01900000-0000-7000-8000-0000000000d1';
const ASSIGNMENT = '01900000-0000-7000-8000-0000000000e1';
const SCORECARD = '01900000-0000-7000-8000-0000000000f1';
const CONFLICT = '01900000-0000-7000-8000-000000000101';
const ATTACHMENT = '01900000-0000-7000-8000-000000000201';
const BALLOT = '01900000-0000-7000-8000-000000000301';
const INVITATION = '01900000-0000-7000-8000-000000000401';
const ADVANCE = '01900000-0000-7000-8000-000000000501';
const DELETED = '01900000-0000-7000-8000-000000000999';
const CRITERION = '01900000-0000-7000-8000-000000000601';

const callTitle = { fr: 'Appel à projets 2026', ar: 'طلب المشاريع 2026', en: 'Call for projects 2026' };
const ref = (kind: TAuditReference['kind'], fields: Partial<TAuditReference> = {}): TAuditReference => ({
  kind,
  name: null,
  person: null,
  application: null,
  roundNumber: null,
  callTitle: null,
  ...fields,
});

const REFERENCES: Record<string, TAuditReference> = {
  [CALL]: ref('call', { callTitle }),
  [ROUND_1]: ref('round', { roundNumber: 1, callTitle }),
  [ROUND_2]: ref('round', { roundNumber: 2, callTitle }),
  [APPLICATION]: ref('application', { name: 'FAB-2026-0042', application: 'FAB-2026-0042', callTitle }),
  [APPLICATION_2]: ref('application', { name: 'FAB-2026-0043', application: 'FAB-2026-0043', callTitle }),
  [SALMA]: ref('user', { name: 'Salma Bennani', person: 'Salma Bennani' }),
  [DRISS]: ref('user', { name: 'Driss Lahbabi', person: 'Driss Lahbabi' }),
  [JUROR]: ref('juror', { name: 'Driss Lahbabi', person: 'Driss Lahbabi', roundNumber: 1, callTitle }),
  [ASSIGNMENT]: ref('assignment', { person: 'Driss Lahbabi', application: 'FAB-2026-0042', roundNumber: 1, callTitle }),
  [SCORECARD]: ref('scorecard', { person: 'Driss Lahbabi', application: 'FAB-2026-0042', roundNumber: 1, callTitle }),
  [CONFLICT]: ref('conflict', { person: 'Driss Lahbabi', application: 'FAB-2026-0042', callTitle }),
  [ATTACHMENT]: ref('attachment', { name: 'budget.pdf', application: 'FAB-2026-0042', callTitle }),
  [BALLOT]: ref('ballot', { person: 'Driss Lahbabi', roundNumber: 2, callTitle }),
  [INVITATION]: ref('invitation', { name: 'driss@jury.example', roundNumber: 1, callTitle }),
  [ADVANCE]: ref('advance', { roundNumber: 2, callTitle }),
};

const salma = { displayName: 'Salma Bennani' };
const driss = { displayName: 'Driss Lahbabi' };
const at = '2026-05-02T10:30:00.000Z';
const presentation = {
  title: { fr: 'Traiteur solidaire', ar: 'ممون تضامني', en: '' },
  organisation: { fr: 'Association Amal', ar: '', en: '' },
  summary: { fr: 'Un traiteur qui forme des femmes aux métiers de la cuisine.', ar: '', en: '' },
  region: 'MA-06',
  photoAttachmentId: ATTACHMENT,
};
const finalReport = { fr: 'Rapport final', ar: 'التقرير النهائي', en: 'Final report' };
const roundSummary = { number: 1, status: 'DRAFT', blind: true, scorecardsRequired: 3, method: 'NORMALISED', opensAt: null, closesAt: null };

type Case = Omit<AuditEventInput, 'action'>;
const event = (entityType: string, entityId: string | null, actor: Case['actor'], before: unknown, after: unknown): Case => ({ entityType, entityId, actor, before, after });

/** One entry per action the API writes, with the values it records (see each service's `audit.record`). */
const CASES: Record<(typeof DESCRIBED_ACTIONS)[number], Case> = {
  'application.created': event('Application', APPLICATION, salma, null, { callId: CALL, status: 'DRAFT' }),
  'application.screened': event('Application', APPLICATION, salma, { status: 'SUBMITTED', screeningNote: null, screenedById: null }, { status: 'ELIGIBLE', screeningNote: 'Dossier complet', screenedById: SALMA }),
  'application.submitted': event('Application', APPLICATION, salma, { status: 'DRAFT', version: 4 }, { status: 'SUBMITTED', reference: 'FAB-2026-0042', formVersion: 2, eligibilitySuggestion: 'UNSURE' }),
  'application.topics_tagged': event('Application', APPLICATION, salma, { topics: null }, { topics: ['agriculture', 'food'] }),
  'application.withdrawn': event('Application', APPLICATION, salma, { status: 'SUBMITTED' }, { status: 'WITHDRAWN' }),
  'assignments.auto': event('Round', ROUND_1, salma, null, { created: 12, kept: 0, applications: 6, jurors: 3, minLoad: 4, maxLoad: 4, shortfalls: 0 }),
  'assignments.removed_by_conflict': event('ConflictOfInterest', CONFLICT, driss, null, { userId: DRISS, applicationId: APPLICATION, assignments: [ASSIGNMENT], removedSubmitted: 1 }),
  'assignments.replaced': event('Round', ROUND_1, salma, null, { added: 2, removed: 1, total: 13 }),
  'attachment.deleted': event('Attachment', DELETED, salma, { applicationId: APPLICATION, fieldKey: 'pitch_deck', fileName: 'budget.pdf', mediaType: 'application/pdf', size: 204_800, sha256: 'ab'.repeat(32) }, null),
  'attachment.uploaded': event('Attachment', ATTACHMENT, salma, null, { applicationId: APPLICATION, fieldKey: 'pitch_deck', fileName: 'budget.pdf', mediaType: 'application/pdf', size: 204_800, sha256: 'ab'.repeat(32) }),
  'auth.login': event('User', SALMA, salma, null, null),
  'auth.login_failed': event('User', SALMA, null, null, { email: 'salma@fondation.ma', reason: 'wrong_password' }),
  'auth.logout': event('User', SALMA, salma, null, null),
  'auth.password_reset': event('User', SALMA, salma, null, null),
  'auth.password_reset_requested': event('User', SALMA, null, null, { resetId: DELETED }),
  'auth.register': event('User', SALMA, salma, null, { email: 'salma@fondation.ma', roles: ['APPLICANT'] }),
  'bid.updated': event('Juror', JUROR, salma, { applicationId: APPLICATION, preference: 'NEUTRAL' }, { applicationId: APPLICATION, preference: 'WANT' }),
  'ballot.reopened': event('Ballot', BALLOT, salma, { status: 'SUBMITTED', submittedAt: at, order: [APPLICATION, APPLICATION_2], version: 2 }, { status: 'DRAFT', reason: 'Ordre inversé par erreur', roundId: ROUND_2, jurorId: JUROR }),
  'ballot.submitted': event('Ballot', BALLOT, driss, null, { roundId: ROUND_2, jurorId: JUROR, order: [APPLICATION_2, APPLICATION], version: 3 }),
  'call.closed': event('Call', CALL, salma, { status: 'PUBLISHED', closesAt: at }, { status: 'CLOSED', closesAt: '2026-04-30T18:00:00.000Z', reason: 'decisions.published' }),
  'call.created': event('Call', CALL, salma, null, {
    slug: 'appel-2026', title: callTitle, summary: callTitle, description: { fr: '120:0123456789ab', ar: '98:0123456789ab', en: '101:0123456789ab' },
    eligibility: { fr: '12:0123456789ab', ar: '10:0123456789ab', en: '11:0123456789ab' }, opensAt: at, closesAt: at, referencePrefix: 'FAB',
    maxApplicationsPerApplicant: 1, feedbackEnabled: false, eligibilityRules: [{ kind: 'AGE' }],
  }),
  'call.deadlines_confirmed': event('Call', CALL, salma, { dates: [{ round: null, field: 'closesAt', at }] }, { dates: [{ round: null, field: 'closesAt', at }], dataVersion: '2025b', rounds: [1] }),
  'call.deadlines_moved': event('Call', CALL, salma, { dates: [{ round: 1, field: 'closesAt', at }] }, { dates: [{ round: 1, field: 'closesAt', at: '2026-05-03T10:30:00.000Z' }], dataVersion: '2025b', rounds: [1, 2] }),
  'call.feedback_updated': event('Call', CALL, salma, { feedbackEnabled: false }, { feedbackEnabled: true }),
  'call.published': event('Call', CALL, salma, { status: 'DRAFT' }, { status: 'PUBLISHED', opensAt: at, closesAt: '2026-06-30T23:59:00.000Z' }),
  'call.results_published': event('Call', CALL, salma, null, { resultsPublishedAt: at }),
  'call.results_unpublished': event('Call', CALL, salma, { resultsPublishedAt: at }, null),
  'call.topics_updated': event('Call', CALL, salma, { topics: ['agriculture'], fieldKey: null }, { topics: ['agriculture', 'media'], fieldKey: 'sector' }),
  'call.updated': event('Call', CALL, salma, { title: { fr: 'Appel 2026', ar: 'طلب 2026', en: 'Call 2026' }, closesAt: at }, { title: callTitle, closesAt: '2026-07-01T10:30:00.000Z' }),
  'conflict.declared': event('ConflictOfInterest', CONFLICT, driss, null, {
    userId: DRISS, applicationId: APPLICATION, assignmentId: ASSIGNMENT, roundId: ROUND_1, reason: 'Ancien associé', source: 'DECLARED', status: 'CONFIRMED',
    ballot: { id: BALLOT, status: 'DRAFT', orderBefore: [APPLICATION], orderAfter: [] },
  }),
  'conflict.overridden': event('ConflictOfInterest', CONFLICT, salma, { status: 'PENDING' }, { status: 'DISMISSED', roundId: ROUND_1, jurorId: JUROR, applicationId: APPLICATION, reason: 'Même organisation' }),
  'conflict.recorded': event('ConflictOfInterest', CONFLICT, salma, { status: 'PENDING', source: 'SUGGESTED' }, { userId: DRISS, applicationId: APPLICATION, status: 'CONFIRMED', source: 'STAFF' }),
  'conflict.reviewed': event('ConflictOfInterest', CONFLICT, salma, { status: 'PENDING' }, { status: 'CONFIRMED' }),
  'conflict.suggested': event('ConflictOfInterest', CONFLICT, null, null, { userId: DRISS, applicationId: APPLICATION, reason: 'Cabinet Lahbabi', source: 'SUGGESTED', status: 'PENDING' }),
  'criteria.reset': event('Round', ROUND_1, salma, { criteria: [{ key: 'impact', weight: 3, scaleMin: 0, scaleMax: 5 }] }, { criteria: [{ key: 'impact', weight: 5, scaleMin: 0, scaleMax: 10 }], reopenedScorecards: 4 }),
  'criteria.updated': event('Round', ROUND_1, salma, { criteria: [] }, { criteria: [{ key: 'impact', weight: 50, scaleMin: 0, scaleMax: 5 }, { key: 'model', weight: 30, scaleMin: 0, scaleMax: 5 }, { key: 'team', weight: 20, scaleMin: 0, scaleMax: 5 }] }),
  'decision.recorded': event('Application', APPLICATION, salma, { outcome: 'SHORTLISTED', status: 'SHORTLISTED', decision: null }, { outcome: 'WINNER', status: 'SHORTLISTED', published: false, note: 'Double impact', roundId: ROUND_2 }),
  'decision_template.updated': event('Call', CALL, salma, { outcome: 'WINNER', saved: false }, { outcome: 'WINNER', subject: callTitle, body: callTitle }),
  'decisions.published': event('Call', CALL, salma, { status: 'CLOSED' }, { count: 6, queued: 6, winners: 1, notSelected: 5, applicationIds: [APPLICATION, APPLICATION_2, DELETED, DELETED, DELETED, DELETED], proposedTemplates: ['NOT_SELECTED'], roundsClosed: [ROUND_1, ROUND_2], callClosedEarly: false }),
  'form.updated': event('Call', CALL, salma, { version: 1, sections: ['project'], fields: ['project_title'], hiddenFields: [] }, { version: 2, sections: ['project', 'team'], fields: ['project_title', 'team_size'], hiddenFields: ['old_field'] }),
  'invitation.accepted': event('Invitation', INVITATION, driss, null, { role: 'JUROR' }),
  'invitation.created': event('Invitation', INVITATION, salma, null, { email: 'driss@jury.example', role: 'JUROR', roundId: ROUND_1, existingAccount: false }),
  'juror.added': event('Juror', JUROR, salma, null, { roundId: ROUND_1, userId: DRISS }),
  'juror.expertise_updated': event('Juror', JUROR, salma, { topics: [] }, { topics: ['agriculture'], by: 'STAFF' }),
  'juror.removed': event('Juror', DELETED, salma, { roundId: ROUND_1, userId: DRISS }, { removedAssignments: 4 }),
  'jury.reminders_sent': event('Round', ROUND_1, salma, null, { sent: 2, jurorIds: [JUROR, DELETED] }),
  'programme.updated': event(
    'Call',
    CALL,
    salma,
    { version: 1, milestones: [{ key: 'first_report', dueAt: '2026-12-31T23:59:00.000Z', reportDue: true }], indicators: [] },
    {
      version: 2,
      milestones: [
        { key: 'first_report', dueAt: '2026-12-31T23:59:00.000Z', reportDue: true },
        { key: 'final_report', dueAt: '2027-06-30T23:59:00.000Z', reportDue: true },
      ],
      indicators: [{ key: 'women_trained', target: 40, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' }],
    },
  ),
  'programme.reminders_run': event('Call', CALL, salma, null, { queued: 3, alreadySent: 1 }),
  'progress_report.accepted': event('Application', APPLICATION, salma, { status: 'SUBMITTED' }, { status: 'ACCEPTED', milestoneKey: 'final_report', milestone: finalReport }),
  'progress_report.changes_requested': event('Application', APPLICATION, salma, { status: 'SUBMITTED' }, { status: 'CHANGES_REQUESTED', milestoneKey: 'final_report', milestone: finalReport, comment: 'Joignez les factures.' }),
  'progress_report.submitted': event('Application', APPLICATION, driss, { status: 'DRAFT', version: 2 }, { status: 'SUBMITTED', milestoneKey: 'final_report', milestone: finalReport, late: true, submittedAt: at, formVersion: 1 }),
  'public_profile.consent_given': event('Application', APPLICATION, driss, { consent: 'PENDING' }, { consent: 'GIVEN' }),
  'public_profile.consent_withdrawn': event('Application', APPLICATION, driss, { consent: 'GIVEN' }, { consent: 'WITHDRAWN' }),
  'public_profile.created': event('Application', APPLICATION, salma, null, { ...presentation, consent: 'PENDING' }),
  'public_profile.updated': event('Application', APPLICATION, salma, { ...presentation, consent: 'GIVEN' }, { ...presentation, region: null, photoAttachmentId: null, consent: 'PENDING' }),
  'report_form.updated': event('Call', CALL, salma, { version: 0, sections: ['report'], fields: ['achievements', 'difficulties', 'evidence'], hiddenFields: [] }, { version: 1, sections: ['report'], fields: ['achievements', 'evidence'], hiddenFields: ['difficulties'] }),
  'round.advance_undone': event('Round', ROUND_1, salma, { advanceId: ADVANCE, fromRoundId: ROUND_1, toRoundId: ROUND_2, applicationIds: [APPLICATION] }, { removedApplications: 1, removedAssignments: 0, restoredStatuses: 1 }),
  'round.advanced': event('Round', ROUND_1, salma, null, { advanceId: ADVANCE, fromRoundId: ROUND_1, toRoundId: ROUND_2, toRoundNumber: 2, roundCreated: true, added: 2, alreadyIn: 0, applicationIds: [APPLICATION, APPLICATION_2] }),
  'round.created': event('Round', ROUND_2, salma, null, { ...roundSummary, number: 2, type: 'BALLOT', name: { fr: 'Finale', ar: 'النهائي', en: 'Final' } }),
  'round.deleted': event('Round', DELETED, salma, { callId: CALL, name: { fr: 'Tour 3', ar: 'الجولة 3', en: 'Round 3' }, type: 'SCORING', ...roundSummary, number: 3 }, null),
  'round.updated': event('Round', ROUND_1, salma, roundSummary, { ...roundSummary, status: 'OPEN', opensAt: at, closesAt: '2026-05-20T18:00:00.000Z' }),
  'scorecard.reopened': event('Scorecard', SCORECARD, salma, { status: 'SUBMITTED', weightedScore: 62.5, submittedAt: at, version: 3 }, { status: 'DRAFT', reason: 'Note saisie par erreur', assignmentId: ASSIGNMENT, roundId: ROUND_1, applicationId: APPLICATION }),
  'scorecard.removed_by_conflict': event('Scorecard', DELETED, driss, { assignmentId: ASSIGNMENT, roundId: ROUND_1, status: 'SUBMITTED', weightedScore: 62.5, submittedAt: at }, { conflictId: CONFLICT }),
  'scorecard.submitted': event('Scorecard', SCORECARD, driss, null, { assignmentId: ASSIGNMENT, roundId: ROUND_1, applicationId: APPLICATION, weightedScore: 62.5, values: { [CRITERION]: 3 }, version: 2 }),
  'user.admin_provisioned': event('User', SALMA, null, { roles: ['APPLICANT'] }, { roles: ['APPLICANT', 'STAFF', 'ADMIN'] }),
  'user.role_granted': event('User', DRISS, salma, { roles: ['APPLICANT'] }, { roles: ['APPLICANT', 'JUROR'] }),
  'user.roles_changed': event('User', DRISS, salma, { roles: ['APPLICANT', 'JUROR'] }, { roles: ['APPLICANT', 'JUROR', 'STAFF'] }),
};

function describer(locale: TLocale, references: Record<string, TAuditReference> = REFERENCES): AuditDescriber {
  return new AuditDescriber(i18n.getFixedT(locale, 'audit') as unknown as Translate, locale, references);
}

/** Every code of the platform (statuses, outcomes, roles, methods…): the words must never show them. */
const ENUM_VALUES = new Set(
  Object.values(contracts).flatMap((value) => {
    const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && 'options' in value && Array.isArray(value.options) ? value.options : [];
    return list.filter((item): item is string => typeof item === 'string' && /^[A-Z][A-Z_]{2,}$/.test(item));
  }),
);

/** What an entry's words must not contain: codes, field names, ids, machine dates, untranslated keys. */
function rawParts(text: string): string[] {
  const withoutEmails = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '');
  return [
    ...[...withoutEmails.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)].map((match) => match[0]).filter((word) => ENUM_VALUES.has(word)),
    ...(withoutEmails.match(/\b[a-z]+[A-Z]\w*\b/g) ?? []),
    ...(withoutEmails.match(/\b[a-z]+_[a-z_]+\b/g) ?? []),
    ...[...DESCRIBED_ACTIONS, 'decisions.published'].filter((action) => withoutEmails.includes(action)),
    ...(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/gi) ?? []),
    ...(text.match(/\d{4}-\d{2}-\d{2}T/g) ?? []),
    ...(text.match(/\{\{|\}\}|sentences\.|targets\.|fields\.|values\./g) ?? []),
  ];
}

const strip = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

describe('audit entries as sentences', () => {
  it('covers every action the API writes (each `action:` of apps/api/src)', () => {
    const root = join(import.meta.dirname, '../../../../api/src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) files.push(path);
      }
    };
    walk(root);
    const written = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/action:\s*[^,}\n]*?'([a-z_]+\.[a-z_]+)'/g)].map((match) => match[1]!)));
    // The ternaries (`move ? 'call.deadlines_moved' : 'call.deadlines_confirmed'`) give their second code too.
    for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(/action:[^\n]*\?\s*'([a-z_.]+)'\s*:\s*'([a-z_.]+)'/g)) written.add(match[2]!);
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((action) => !(DESCRIBED_ACTIONS as readonly string[]).includes(action)).sort()).toEqual([]);
  });

  it('gives every action told as a sentence a short name for the filters, in each language', () => {
    for (const action of DESCRIBED_ACTIONS) {
      expect(isKnownAction(action), action).toBe(true);
      for (const locale of ['fr', 'ar', 'en'] as const) expect(i18n.getFixedT(locale, 'audit')(`actions.${action}`), `${locale} ${action}`).not.toBe(`actions.${action}`);
    }
  });

  for (const action of DESCRIBED_ACTIONS) {
    it(`${action}: a sentence with its values in words, in ar, fr and en`, () => {
      for (const locale of ['fr', 'ar', 'en'] as const) {
        const described = describer(locale).describe({ action, ...CASES[action] });
        const generic = describer(locale).describe({ action: 'unknown.action', ...CASES[action] });
        expect(described.sentence, `${locale} ${action}`).not.toBe(generic.sentence);
        const words = [described.sentence, ...described.details.flatMap((detail) => [detail.label, detail.before ?? '', detail.after ?? ''])].join(' | ');
        expect(rawParts(words), `${locale} ${action}: ${words}`).toEqual([]);
        expect(described.details.every((detail) => detail.label !== i18n.getFixedT(locale, 'audit')('fields.other')), `${locale} ${action}: ${words}`).toBe(true);
      }
    });
  }

  it('reads as the staff say it (French)', () => {
    const fr = describer('fr');
    const sentence = (action: string) => strip(fr.describe({ action, ...CASES[action as (typeof DESCRIBED_ACTIONS)[number]] }).sentence);
    expect(sentence('round.updated')).toBe('Salma Bennani a ouvert le tour 1 de « Appel à projets 2026 »');
    expect(sentence('call.published')).toBe('Salma Bennani a publié l\'appel « Appel à projets 2026 »');
    expect(sentence('juror.added')).toBe('Salma Bennani a ajouté Driss Lahbabi au jury du tour 1 de « Appel à projets 2026 »');
    expect(sentence('decision.recorded')).toBe('Salma Bennani a enregistré la décision « Lauréat » pour le dossier FAB-2026-0042');
    expect(sentence('round.deleted')).toBe('Salma Bennani a supprimé le tour 3 de l\'appel « Appel à projets 2026 »');
    expect(sentence('auth.login_failed')).toBe('Une tentative de connexion au compte de Salma Bennani a échoué');
    expect(sentence('attachment.deleted')).toBe('Salma Bennani a supprimé le fichier « budget.pdf » du dossier FAB-2026-0042');

    const published = fr.describe({ action: 'call.published', ...CASES['call.published'] }).details.map((detail) => ({ ...detail, before: detail.before && strip(detail.before), after: detail.after && strip(detail.after) }));
    expect(published).toEqual([
      { key: 'status', label: 'Statut', before: 'Brouillon', after: 'Publié' },
      { key: 'opensAt', label: 'Ouverture', after: '2 mai 2026 à 11:30' },
      { key: 'closesAt', label: 'Clôture', after: '1 juillet 2026 à 00:59' },
    ]);
    const screened = fr.describe({ action: 'application.screened', ...CASES['application.screened'] }).details;
    expect(screened.find((detail) => detail.key === 'screenedById')?.after).toContain('Salma Bennani');
    expect(strip(fr.describe({ action: 'decisions.published', ...CASES['decisions.published'] }).details.find((d) => d.key === 'applicationIds')!.after!)).toBe('6 dossiers');
    expect(strip(fr.describe({ action: 'round.advanced', ...CASES['round.advanced'] }).details.find((d) => d.key === 'applicationIds')!.after!)).toBe('dossier FAB-2026-0042 et dossier FAB-2026-0043');
    expect(fr.describe({ action: 'criteria.updated', ...CASES['criteria.updated'] }).details[0]).toMatchObject({ label: 'Critères', before: 'aucun', after: '3 critères (poids 50, 30 et 20)' });
    const created = fr.describe({ action: 'call.created', ...CASES['call.created'] }).details;
    expect(created.find((detail) => detail.key === 'description')?.after).toBe('texte de 120 caractères');
    expect(strip(created.find((detail) => detail.key === 'title')!.after!)).toBe('« Appel à projets 2026 »');
    expect(sentence('public_profile.created')).toBe('Salma Bennani a rédigé la présentation publique du dossier FAB-2026-0042');
    expect(sentence('public_profile.consent_withdrawn')).toBe('Driss Lahbabi a refusé la présentation publique du dossier FAB-2026-0042');
    expect(sentence('call.results_published')).toBe("Salma Bennani a publié la page des résultats de l'appel « Appel à projets 2026 »");
    expect(sentence('programme.updated')).toBe("Salma Bennani a enregistré le programme d'accompagnement de l'appel « Appel à projets 2026 »");
    expect(fr.describe({ action: 'programme.updated', ...CASES['programme.updated'] }).details).toEqual([
      { key: 'version', label: 'Version', before: '1', after: '2' },
      { key: 'milestones', label: 'Étapes du suivi', before: '1 étape (échéance 31 décembre 2026 à 23:59)', after: '2 étapes (échéances 31 décembre 2026 à 23:59 et 30 juin 2027 à 23:59)' },
      { key: 'indicators', label: "Indicateurs d'impact", before: 'aucun', after: '1 indicateur' },
    ]);
    expect(sentence('progress_report.changes_requested')).toBe("Salma Bennani a demandé des modifications au rapport d'avancement du dossier FAB-2026-0042");
    expect(fr.describe({ action: 'progress_report.changes_requested', ...CASES['progress_report.changes_requested'] }).details.map((detail) => ({ ...detail, before: detail.before && strip(detail.before), after: detail.after && strip(detail.after) }))).toEqual([
      { key: 'status', label: 'Statut', before: 'Déposée', after: 'Modifications demandées' },
      { key: 'milestone', label: 'Étape du suivi', after: '« Rapport final »' },
      { key: 'comment', label: 'Commentaire', after: '« Joignez les factures. »' },
    ]);
    expect(sentence('programme.reminders_run')).toBe("Salma Bennani a lancé les relances des rapports d'avancement de l'appel « Appel à projets 2026 »");
    expect(sentence('report_form.updated')).toBe("Salma Bennani a modifié le formulaire des rapports d'avancement de l'appel « Appel à projets 2026 »");
    const updated = fr.describe({ action: 'public_profile.updated', ...CASES['public_profile.updated'] }).details.map((detail) => ({ ...detail, before: detail.before && strip(detail.before), after: detail.after && strip(detail.after) }));
    expect(updated).toEqual([
      { key: 'region', label: 'Région', before: 'Casablanca-Settat', after: 'aucun' },
      { key: 'photoAttachmentId', label: 'Photo', before: 'fichier « budget.pdf » du dossier FAB-2026-0042', after: 'aucun' },
      { key: 'consent', label: 'Accord du lauréat', before: 'Acceptée', after: "En attente d'accord" },
    ]);
    // Hashes and internal ids stay in the record as stored only.
    expect(fr.describe({ action: 'attachment.uploaded', ...CASES['attachment.uploaded'] }).details.map((detail) => detail.key)).toEqual(['applicationId', 'fileName', 'mediaType', 'size']);
  });

  it('reads in Arabic and English too, with ids named and the values translated', () => {
    expect(strip(describer('ar').describe({ action: 'round.updated', ...CASES['round.updated'] }).sentence)).toBe('فتح Salma Bennani الجولة 1 من «طلب المشاريع 2026»');
    expect(strip(describer('en').describe({ action: 'round.updated', ...CASES['round.updated'] }).sentence)).toBe('Salma Bennani opened round 1 of “Call for projects 2026”');
    const status = describer('ar').describe({ action: 'round.updated', ...CASES['round.updated'] }).details.find((detail) => detail.key === 'status');
    expect(status).toMatchObject({ label: 'الحالة', before: 'مسودة', after: 'مفتوحة' });
  });

  it('names a record deleted since by its kind, and an action it does not know in a generic sentence', () => {
    const fr = describer('fr', {});
    expect(strip(fr.describe({ action: 'round.updated', ...CASES['round.updated'] }).sentence)).toBe('Salma Bennani a ouvert le tour supprimé depuis');
    const unknown = fr.describe({ action: 'round.archived', entityType: 'Round', entityId: ROUND_1, actor: salma, before: { status: 'CLOSED' }, after: { status: 'ARCHIVED', somethingNew: 3 } });
    expect(strip(unknown.sentence)).toBe('Salma Bennani a effectué une action sur cet élément : tour supprimé depuis');
    expect(unknown.details.map((detail) => detail.label)).toEqual(['Statut', 'Autre détail']);
    expect(rawParts(unknown.details.map((detail) => `${detail.before} ${detail.after}`).join(' '))).toEqual([]);
  });
});
