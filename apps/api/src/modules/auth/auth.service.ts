import { Inject, Injectable } from '@nestjs/common';
import type {
  TLoginRequest,
  TPasswordResetConfirmRequest,
  TPasswordResetRequest,
  TRegisterRequest,
  TSession,
  TUpdateMeRequest,
  TUser,
} from '@tahkim/contracts';
import { DEFAULT_LOCALE, errorMessage } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { hashToken, newToken } from '../../common/security/tokens';
import { AuditService } from '../audit/audit.service';
import { suggestConflicts } from '../jury-admin/conflict-suggestions';
import { OutboxService } from '../notifications/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { accountKey, ipKey, ThrottleService } from './throttle.service';

export const PASSWORD_RESET_TTL_MINUTES = 30;

export interface SignedIn {
  user: TUser;
  sessionToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** An applicant creates their account and is signed in. */
  async register(input: TRegisterRequest, ctx: RequestContext, previousSessionId?: string): Promise<SignedIn> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const user = await this.users.create(tx, {
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          locale: input.locale ?? ctx.locale,
          roles: ['APPLICANT'],
        });
        await this.audit.record(tx, ctx, { action: 'auth.register', entityType: 'User', entityId: user.id, actorId: user.id, after: { email: user.email, roles: user.roles } });
        const sessionToken = await this.sessions.start(tx, user.id, ctx, previousSessionId);
        return { user, sessionToken };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('EMAIL_TAKEN', [{ path: ['email'], code: 'taken', message: errorMessage('EMAIL_TAKEN', ctx.locale) }]);
      throw error;
    }
  }

  /**
   * Checks the password, throttled before the check (see THROTTLE_RULES): per account from one address
   * and per address, 10 checks in 5 minutes; per account from every address, a growing delay between
   * attempts of the addresses that failed, never for one that did not. The failure that reaches a limit,
   * and every refused attempt, is answered 429. Every check leaves an audit row.
   */
  async login(input: TLoginRequest, ctx: RequestContext, previousSessionId?: string): Promise<SignedIn> {
    const ticket = await this.throttle.takeLogin(input.email, ctx.ip);
    const user = await this.users.findByEmail(this.prisma, input.email);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !valid || user.disabledAt) {
      await this.prisma.$transaction((tx) =>
        this.audit.record(tx, ctx, {
          action: 'auth.login_failed',
          entityType: 'User',
          entityId: user?.id ?? null,
          actorId: null,
          after: { email: input.email, reason: user ? 'wrong_password' : 'unknown_account' },
        }),
      );
      throw this.throttle.failure(ticket, new AppError('INVALID_CREDENTIALS'));
    }
    await this.throttle.loginSucceeded(input.email, ctx.ip, ticket);
    return this.prisma.$transaction(async (tx) => {
      await this.audit.record(tx, ctx, { action: 'auth.login', entityType: 'User', entityId: user.id, actorId: user.id });
      const sessionToken = await this.sessions.start(tx, user.id, ctx, previousSessionId);
      const { passwordHash: _hash, disabledAt: _disabled, ...profile } = user;
      return { user: profile, sessionToken };
    });
  }

  async logout(sessionId: string | undefined, ctx: RequestContext): Promise<void> {
    if (!sessionId || !ctx.user) return;
    await this.prisma.$transaction(async (tx) => {
      await this.sessions.end(tx, sessionId);
      await this.audit.record(tx, ctx, { action: 'auth.logout', entityType: 'User', entityId: ctx.user!.id });
    });
  }

  /** The person signed in on this browser, or null: a signed-out visitor is an answer, not an error. */
  async session(userId: string | undefined): Promise<TSession> {
    const user = userId === undefined ? undefined : await this.users.findById(this.prisma, userId);
    return { user: user ?? null };
  }

  async me(userId: string): Promise<TUser> {
    const user = await this.users.findById(this.prisma, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }

  /** A new organisation is compared at once with the applications of the rounds the person judges (suggested conflicts). */
  async updateMe(userId: string, input: TUpdateMeRequest, ctx: RequestContext): Promise<TUser> {
    const { organisation, ...rest } = input;
    if (organisation === undefined) return this.users.update(this.prisma, userId, rest);
    return this.prisma.$transaction(async (tx) => {
      // A blank organisation is no organisation (it would match every blank answer).
      const user = await this.users.update(tx, userId, { ...rest, organisation: organisation?.trim() || null });
      await suggestConflicts(tx, { userIds: [userId] }, this.audit, ctx, userId);
      return user;
    });
  }

  /**
   * Always answers the same way, whether or not the account exists, so the form cannot be used to
   * find out who has an account. Requests are throttled per address and per account.
   */
  async requestPasswordReset(input: TPasswordResetRequest, ctx: RequestContext): Promise<void> {
    await this.throttle.take([
      { kind: 'RESET_REQUEST_ADDRESS', key: ipKey(ctx.ip) },
      { kind: 'RESET_REQUEST_ACCOUNT', key: accountKey(input.email) },
    ]);
    await this.prisma.$transaction(async (tx) => {
      const user = await this.users.findByEmail(tx, input.email);
      if (!user || user.disabledAt) return;
      const token = newToken();
      // A new link replaces any earlier one still unused.
      await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
      const reset = await tx.passwordReset.create({
        data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000) },
      });
      await this.audit.record(tx, ctx, { action: 'auth.password_reset_requested', entityType: 'User', entityId: user.id, actorId: null, after: { resetId: reset.id } });
      await this.outbox.enqueue(tx, {
        to: user.email,
        locale: user.locale ?? DEFAULT_LOCALE,
        template: 'password-reset',
        params: { name: user.displayName, link: `${this.config.appUrl}/reset-password?token=${token}`, minutes: PASSWORD_RESET_TTL_MINUTES },
        userId: user.id,
      });
    });
  }

  /** Sets the new password, uses up the link and signs the account out everywhere. */
  async confirmPasswordReset(input: TPasswordResetConfirmRequest, ctx: RequestContext): Promise<void> {
    const ticket = await this.throttle.take([{ kind: 'RESET_TOKEN', key: ipKey(ctx.ip) }]);
    const passwordHash = await hashPassword(input.password);
    const email = await this.prisma.$transaction(async (tx) => {
      const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(input.token) } });
      if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) return null;
      // Conditional on still being unused: two concurrent uses of one link cannot both succeed.
      const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count !== 1) return null;
      const user = await this.users.update(tx, reset.userId, { passwordHash });
      await this.sessions.endAllForUser(tx, reset.userId);
      await this.audit.record(tx, ctx, { action: 'auth.password_reset', entityType: 'User', entityId: reset.userId, actorId: reset.userId });
      return user.email;
    });
    if (!email) throw this.throttle.failure(ticket, new AppError('TOKEN_INVALID'));
    await this.throttle.giveBack(ticket);
    // The owner proved who they are: failed sign-ins against the account no longer hold them back.
    await this.throttle.clearAccount(email);
  }
}
