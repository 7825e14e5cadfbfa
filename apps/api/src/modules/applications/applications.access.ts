import { isStaff } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../auth/auth.types';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Who may read or change an application, decided for many ids at once. An applicant reads and edits
 * only their own; staff read every one; anybody else (another applicant, a juror outside the jury
 * workspace) learns nothing, not even that it exists: 404.
 */
export async function readableApplicationIds(db: Db, user: AuthenticatedUser, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.application.findMany({
    where: isStaff(user.roles) ? { id: { in: [...ids] } } : { id: { in: [...ids] }, ownerId: user.id },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

export async function assertCanRead(db: Db, user: AuthenticatedUser, id: string): Promise<void> {
  if (!(await readableApplicationIds(db, user, [id])).has(id)) throw new AppError('NOT_FOUND');
}

/**
 * Only the owner changes an application. Staff, who may read it, are told they may not (403); for
 * everyone else it does not exist (404). `found` says whether the caller owns it (undefined: no such id).
 */
export function assertOwnerOf<T extends { owned: boolean }>(found: T | undefined, user: AuthenticatedUser): asserts found is T {
  if (found?.owned) return;
  throw new AppError(found && isStaff(user.roles) ? 'FORBIDDEN' : 'NOT_FOUND');
}

/** assertOwnerOf for an application read here (staff read every application, so one read decides). */
export async function assertOwner(db: Db, user: AuthenticatedUser, id: string): Promise<void> {
  const row = await db.application.findUnique({ where: { id }, select: { ownerId: true } });
  assertOwnerOf(row ? { owned: row.ownerId === user.id } : undefined, user);
}
