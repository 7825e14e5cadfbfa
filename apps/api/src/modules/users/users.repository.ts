import { Inject, Injectable } from '@nestjs/common';
import type { TLocale, TRole, TUser } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';

type Db = PrismaClient | Prisma.TransactionClient;

const USER_FIELDS = { id: true, email: true, displayName: true, locale: true, roles: true, organisation: true } as const;

export interface UserWithPassword extends TUser {
  passwordHash: string;
  disabledAt: Date | null;
}

/** The only code that reads and writes users. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

  async findByEmail(db: Db, email: string): Promise<UserWithPassword | undefined> {
    const row = await db.user.findUnique({
      where: { email: email.toLowerCase() },
      select: { ...USER_FIELDS, passwordHash: true, disabledAt: true },
    });
    return row ? { ...toUser(row), passwordHash: row.passwordHash, disabledAt: row.disabledAt } : undefined;
  }

  async findById(db: Db, id: string): Promise<TUser | undefined> {
    const row = await db.user.findUnique({ where: { id }, select: USER_FIELDS });
    return row ? toUser(row) : undefined;
  }

  async create(db: Db, data: { email: string; passwordHash: string; displayName: string; locale: TLocale; roles: TRole[] }): Promise<TUser> {
    return toUser(await db.user.create({ data: { ...data, email: data.email.toLowerCase() }, select: USER_FIELDS }));
  }

  async update(db: Db, id: string, data: { displayName?: string; locale?: TLocale; passwordHash?: string; roles?: TRole[]; organisation?: string | null }): Promise<TUser> {
    return toUser(await db.user.update({ where: { id }, data, select: USER_FIELDS }));
  }

  async list(db: Db, where: { search?: string; role?: TRole }, page: number, pageSize: number): Promise<{ items: TUser[]; total: number }> {
    const filter: Prisma.UserWhereInput = {
      ...(where.role ? { roles: { has: where.role } } : {}),
      ...(where.search
        ? { OR: [{ email: { contains: where.search, mode: 'insensitive' } }, { displayName: { contains: where.search, mode: 'insensitive' } }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      db.user.findMany({ where: filter, select: USER_FIELDS, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize }),
      db.user.count({ where: filter }),
    ]);
    return { items: rows.map(toUser), total };
  }
}

export function toUser(row: { id: string; email: string; displayName: string; locale: string; roles: string[]; organisation: string | null }): TUser {
  return { id: row.id, email: row.email, displayName: row.displayName, locale: row.locale as TLocale, roles: row.roles as TRole[], organisation: row.organisation };
}

/** Roles in a stable order, without duplicates, so audit rows compare cleanly. */
export function normaliseRoles(roles: Iterable<TRole>): TRole[] {
  const order: TRole[] = ['APPLICANT', 'JUROR', 'STAFF', 'ADMIN'];
  const set = new Set(roles);
  return order.filter((role) => set.has(role));
}
