import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Attempts counted in PostgreSQL, so every API replica sees the same counts.
 * Keys are `ip:<address>` (the socket address, or the proxy-reported one only when TRUST_PROXY says so)
 * and `account:<email>`.
 */
export const THROTTLE_RULES = {
  LOGIN_FAILURE: { limit: 10, windowMs: 5 * 60 * 1000 },
  RESET_REQUEST: { limit: 10, windowMs: 5 * 60 * 1000 },
  TOKEN_FAILURE: { limit: 10, windowMs: 5 * 60 * 1000 },
} as const;
export type ThrottleKind = keyof typeof THROTTLE_RULES;

export const ipKey = (ip: string) => `ip:${ip}`;
export const accountKey = (email: string) => `account:${email.toLowerCase()}`;

@Injectable()
export class ThrottleService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Refuses with 429 when any key has reached its limit within the window. */
  async assertAllowed(kind: ThrottleKind, keys: string[]): Promise<void> {
    if ((await this.highestCount(this.prisma, kind, keys)) >= THROTTLE_RULES[kind].limit) {
      throw new AppError('TOO_MANY_ATTEMPTS');
    }
  }

  /** Counts one more attempt for every key; true when this attempt reached the limit. */
  async record(db: Db, kind: ThrottleKind, keys: string[]): Promise<boolean> {
    await db.throttleEvent.createMany({ data: keys.map((key) => ({ kind, key })) });
    return (await this.highestCount(db, kind, keys)) >= THROTTLE_RULES[kind].limit;
  }

  async clear(db: Db, kind: ThrottleKind, keys: string[]): Promise<void> {
    await db.throttleEvent.deleteMany({ where: { kind, key: { in: keys } } });
  }

  private async highestCount(db: Db, kind: ThrottleKind, keys: string[]): Promise<number> {
    const since = new Date(Date.now() - THROTTLE_RULES[kind].windowMs);
    const counts = await db.throttleEvent.groupBy({
      by: ['key'],
      where: { kind, key: { in: keys }, createdAt: { gt: since } },
      _count: { _all: true },
    });
    return Math.max(0, ...counts.map((row) => row._count._all));
  }
}
