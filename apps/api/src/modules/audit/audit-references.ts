import type { TAuditReference, TLocalizedText } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';

type Db = PrismaClient | Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A list longer than this (an advance's thousand applications) is shown as a count: its ids are not resolved. */
export const LISTED_IDS_MAX = 20;
/** At most this many ids per page are resolved (a page holds at most 200 entries). */
const IDS_MAX = 2000;

/**
 * The ids an entry speaks of: its entity id and every id inside its before/after values (in short lists
 * only), lower-cased as PostgreSQL returns them.
 */
export function referencedIds(entries: ReadonlyArray<{ entityId: string | null; before: unknown; after: unknown }>): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (ids.size >= IDS_MAX || depth > 4) return;
    if (typeof value === 'string') {
      if (UUID.test(value)) ids.add(value.toLowerCase());
    } else if (Array.isArray(value)) {
      if (value.length <= LISTED_IDS_MAX) for (const item of value) walk(item, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) walk(inner, depth + 1);
    }
  };
  for (const entry of entries) {
    walk(entry.entityId, 0);
    walk(entry.before, 0);
    walk(entry.after, 0);
  }
  return [...ids];
}

function title(value: Prisma.JsonValue | undefined): TLocalizedText | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const text = (locale: string) => (typeof value[locale] === 'string' ? (value[locale] as string) : '');
  return { ar: text('ar'), fr: text('fr'), en: text('en') };
}

const applicationLabel = (application: { reference: string | null; title: string | null }) => application.reference ?? application.title;

const CALL = { select: { title: true } } as const;
const ROUND = { select: { number: true, call: CALL } } as const;
const APPLICATION = { select: { reference: true, title: true, call: CALL } } as const;
const JUROR = { select: { user: { select: { displayName: true } }, round: ROUND } } as const;

function reference(kind: TAuditReference['kind'], fields: Partial<Omit<TAuditReference, 'kind'>>): TAuditReference {
  return { kind, name: null, person: null, application: null, roundNumber: null, callTitle: null, ...fields };
}

/**
 * What each id names today, in one query per kind of record (a fixed few per page, whatever its size).
 * An id is a UUIDv7 unique across tables, so each one is found in at most one of them.
 */
export async function resolveReferences(db: Db, ids: readonly string[]): Promise<Record<string, TAuditReference>> {
  if (ids.length === 0) return {};
  const where = { id: { in: [...ids] } };
  const [calls, rounds, applications, users, jurors, assignments, scorecards, conflicts, attachments, ballots, invitations, advances, emails] = await Promise.all([
    db.call.findMany({ where, select: { id: true, title: true } }),
    db.round.findMany({ where, select: { id: true, ...ROUND.select } }),
    db.application.findMany({ where, select: { id: true, ...APPLICATION.select } }),
    db.user.findMany({ where, select: { id: true, displayName: true } }),
    db.juror.findMany({ where, select: { id: true, ...JUROR.select } }),
    db.assignment.findMany({ where, select: { id: true, juror: JUROR, application: APPLICATION } }),
    db.scorecard.findMany({ where, select: { id: true, assignment: { select: { juror: JUROR, application: APPLICATION } } } }),
    db.conflictOfInterest.findMany({ where, select: { id: true, user: { select: { displayName: true } }, application: APPLICATION } }),
    db.attachment.findMany({ where, select: { id: true, fileName: true, application: APPLICATION } }),
    db.ballot.findMany({ where, select: { id: true, juror: JUROR } }),
    db.invitation.findMany({ where, select: { id: true, email: true, round: ROUND } }),
    db.advance.findMany({ where, select: { id: true, toRound: ROUND } }),
    db.emailMessage.findMany({ where, select: { id: true, toAddress: true } }),
  ]);
  const found: Array<[string, TAuditReference]> = [
    ...calls.map((c) => [c.id, reference('call', { callTitle: title(c.title) })] as [string, TAuditReference]),
    ...rounds.map((r) => [r.id, reference('round', { roundNumber: r.number, callTitle: title(r.call.title) })] as [string, TAuditReference]),
    ...applications.map((a) => [a.id, reference('application', { name: applicationLabel(a), application: applicationLabel(a), callTitle: title(a.call.title) })] as [string, TAuditReference]),
    ...users.map((u) => [u.id, reference('user', { name: u.displayName, person: u.displayName })] as [string, TAuditReference]),
    ...jurors.map((j) => [j.id, reference('juror', { name: j.user.displayName, person: j.user.displayName, roundNumber: j.round.number, callTitle: title(j.round.call.title) })] as [string, TAuditReference]),
    ...assignments.map(
      (a) =>
        [a.id, reference('assignment', { person: a.juror.user.displayName, application: applicationLabel(a.application), roundNumber: a.juror.round.number, callTitle: title(a.application.call.title) })] as [string, TAuditReference],
    ),
    ...scorecards.map(
      (s) =>
        [
          s.id,
          reference('scorecard', {
            person: s.assignment.juror.user.displayName,
            application: applicationLabel(s.assignment.application),
            roundNumber: s.assignment.juror.round.number,
            callTitle: title(s.assignment.application.call.title),
          }),
        ] as [string, TAuditReference],
    ),
    ...conflicts.map((c) => [c.id, reference('conflict', { person: c.user.displayName, application: applicationLabel(c.application), callTitle: title(c.application.call.title) })] as [string, TAuditReference]),
    ...attachments.map((a) => [a.id, reference('attachment', { name: a.fileName, application: applicationLabel(a.application), callTitle: title(a.application.call.title) })] as [string, TAuditReference]),
    ...ballots.map((b) => [b.id, reference('ballot', { person: b.juror.user.displayName, roundNumber: b.juror.round.number, callTitle: title(b.juror.round.call.title) })] as [string, TAuditReference]),
    ...invitations.map((i) => [i.id, reference('invitation', { name: i.email, roundNumber: i.round?.number ?? null, callTitle: title(i.round?.call.title) })] as [string, TAuditReference]),
    ...advances.map((a) => [a.id, reference('advance', { roundNumber: a.toRound.number, callTitle: title(a.toRound.call.title) })] as [string, TAuditReference]),
    ...emails.map((e) => [e.id, reference('email', { name: e.toAddress })] as [string, TAuditReference]),
  ];
  return Object.fromEntries(found);
}
