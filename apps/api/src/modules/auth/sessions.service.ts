import { Inject, Injectable } from '@nestjs/common';
import { isLocale, type TRole } from '@tahkim/contracts';
import { PREPARED, type Prisma, type PrismaClient, type Sql } from '@tahkim/db';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, PRISMA, SQL } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { AppRequest, RequestContext } from '../../common/http/request-context';
import { hashToken, newToken } from '../../common/security/tokens';
import type { AuthenticatedUser } from './auth.types';

/** A session ends after this long without use... */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** ...and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Last use is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

type Db = PrismaClient | Prisma.TransactionClient;

/** A session and its user, read together in one prepared statement: every signed-in request starts with it. */
const FIND_SESSION = `${PREPARED}
  SELECT s."id", s."lastUsedAt", s."expiresAt", u."id" AS "userId", u."email", u."displayName",
         u."locale"::text AS "locale", u."roles"::text[] AS "roles", u."disabledAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
   WHERE s."tokenHash" = $1`;

/** What FIND_SESSION reads. */
interface SessionRow {
  id: string;
  lastUsedAt: Date;
  expiresAt: Date;
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  roles: string[];
  disabledAt: Date | null;
}

@Injectable()
export class SessionsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL) private readonly sql: Sql,
  ) {}

  get cookieName(): string {
    // The __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and for path /.
    return this.config.secureCookies ? '__Host-tahkim_session' : 'tahkim_session';
  }

  /** The session named by the request's cookie, if it is still valid. */
  async resolve(request: AppRequest): Promise<{ sessionId: string; user: AuthenticatedUser } | undefined> {
    const token = request.cookies?.[this.cookieName];
    if (!token) return undefined;
    const session = (await this.sql.rows<SessionRow>(FIND_SESSION, [hashToken(token)]))[0];
    if (!session) return undefined;
    const now = Date.now();
    const idleEnd = session.lastUsedAt.getTime() + SESSION_IDLE_MS;
    if (session.expiresAt.getTime() <= now || idleEnd <= now || session.disabledAt) {
      await this.prisma.session.deleteMany({ where: { id: session.id } });
      return undefined;
    }
    if (now - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.session.updateMany({ where: { id: session.id }, data: { lastUsedAt: new Date(now) } });
    }
    return {
      sessionId: session.id,
      user: {
        id: session.userId,
        email: session.email,
        displayName: session.displayName,
        locale: isLocale(session.locale) ? session.locale : 'fr',
        roles: session.roles as TRole[],
      },
    };
  }

  /**
   * Starts a new session for a user who just proved who they are. Any session the browser already
   * carried is ended first, so a token planted before sign-in is worthless after it.
   */
  async start(db: Db, userId: string, ctx: RequestContext, previousSessionId?: string): Promise<string> {
    if (previousSessionId) await db.session.deleteMany({ where: { id: previousSessionId } });
    const token = newToken();
    await db.session.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
        ip: ctx.ip,
        userAgent: ctx.userAgent ?? null,
      },
    });
    return token;
  }

  async end(db: Db, sessionId: string): Promise<void> {
    await db.session.deleteMany({ where: { id: sessionId } });
  }

  async endAllForUser(db: Db, userId: string): Promise<void> {
    await db.session.deleteMany({ where: { userId } });
  }

  setCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(this.cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
    });
  }

  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(this.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies });
  }
}
