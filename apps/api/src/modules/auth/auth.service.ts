import { Inject, Injectable } from '@nestjs/common';
import type {
  TLoginRequest,
  TPasswordResetConfirmRequest,
  TPasswordResetRequest,
  TRegisterRequest,
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
   * Checks the password, throttled per address and per account: the 10th failure within 5 minutes,
   * and every attempt after it, is refused with 429 until the window has passed.
   */
  async login(input: TLoginRequest, ctx: RequestContext, previousSessionId?: string): Promise<SignedIn> {
    const keys = [ipKey(ctx.ip), accountKey(input.email)];
    await this.throttle.assertAllowed('LOGIN_FAILURE', keys);
    const user = await this.users.findByEmail(this.prisma, input.email);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !valid || user.disabledAt) {
      const limitReached = await this.prisma.$transaction(async (tx) => {
        await this.audit.record(tx, ctx, {
          action: 'auth.login_failed',
          entityType: 'User',
          entityId: user?.id ?? null,
          actorId: null,
          after: { email: input.email, reason: user ? 'wrong_password' : 'unknown_account' },
        });
        return this.throttle.record(tx, 'LOGIN_FAILURE', keys);
      });
      throw new AppError(limitReached ? 'TOO_MANY_ATTEMPTS' : 'INVALID_CREDENTIALS');
    }
    return this.prisma.$transaction(async (tx) => {
      await this.throttle.clear(tx, 'LOGIN_FAILURE', [accountKey(input.email)]);
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

  async me(userId: string): Promise<TUser> {
    const user = await this.users.findById(this.prisma, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }

  async updateMe(userId: string, input: TUpdateMeRequest): Promise<TUser> {
    const { organisation, ...rest } = input;
    // A blank organisation is no organisation (it would match every blank answer).
    return this.users.update(this.prisma, userId, organisation === undefined ? rest : { ...rest, organisation: organisation?.trim() || null });
  }

  /**
   * Always answers the same way, whether or not the account exists, so the form cannot be used to
   * find out who has an account. Requests are throttled per address and per account.
   */
  async requestPasswordReset(input: TPasswordResetRequest, ctx: RequestContext): Promise<void> {
    const keys = [ipKey(ctx.ip), accountKey(input.email)];
    await this.throttle.assertAllowed('RESET_REQUEST', keys);
    await this.prisma.$transaction(async (tx) => {
      await this.throttle.record(tx, 'RESET_REQUEST', keys);
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
    const keys = [ipKey(ctx.ip)];
    await this.throttle.assertAllowed('TOKEN_FAILURE', keys);
    const passwordHash = await hashPassword(input.password);
    const done = await this.prisma.$transaction(async (tx) => {
      const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(input.token) } });
      if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) return false;
      // Conditional on still being unused: two concurrent uses of one link cannot both succeed.
      const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count !== 1) return false;
      await this.users.update(tx, reset.userId, { passwordHash });
      await this.sessions.endAllForUser(tx, reset.userId);
      await this.throttle.clear(tx, 'LOGIN_FAILURE', [accountKey((await this.users.findById(tx, reset.userId))!.email)]);
      await this.audit.record(tx, ctx, { action: 'auth.password_reset', entityType: 'User', entityId: reset.userId, actorId: reset.userId });
      return true;
    });
    if (!done) {
      const limitReached = await this.throttle.record(this.prisma, 'TOKEN_FAILURE', keys);
      throw new AppError(limitReached ? 'TOO_MANY_ATTEMPTS' : 'TOKEN_INVALID');
    }
  }
}
