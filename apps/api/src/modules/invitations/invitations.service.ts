import { Inject, Injectable } from '@nestjs/common';
import {
  errorMessage,
  type TAcceptInvitationRequest,
  type TCreateInvitationRequest,
  type TInvitableRole,
  type TInvitation,
  type TInvitationPreview,
  type TLocalizedText,
  type TUser,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { hashToken, newToken } from '../../common/security/tokens';
import { AuditService } from '../audit/audit.service';
import { suggestConflicts } from '../jury-admin/conflict-suggestions';
import type { AuthenticatedUser } from '../auth/auth.types';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import { ipKey, ThrottleService, type ThrottleTicket } from '../auth/throttle.service';
import { OutboxService } from '../notifications/outbox.service';
import { normaliseRoles, UsersRepository } from '../users/users.repository';

export const INVITATION_TTL_DAYS = 7;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof INVITATION_FIELDS }>;
const INVITATION_FIELDS = { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, tokenHash: true } as const;

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Invites someone as a juror or staff member. Staff may invite jurors; only admins may make someone
   * staff. A person who already has an account gets the role at once and is told by email.
   */
  async create(input: TCreateInvitationRequest, inviter: AuthenticatedUser, ctx: RequestContext): Promise<TInvitation> {
    if (input.role === 'STAFF' && !inviter.roles.includes('ADMIN')) throw new AppError('FORBIDDEN');
    const locale = input.locale ?? ctx.locale;
    return this.prisma.$transaction(async (tx) => {
      const existing = await this.users.findByEmail(tx, input.email);
      if (existing) {
        const roles = normaliseRoles([...existing.roles, input.role]);
        if (roles.length !== existing.roles.length) {
          await this.users.update(tx, existing.id, { roles });
          await this.audit.record(tx, ctx, { action: 'user.role_granted', entityType: 'User', entityId: existing.id, before: { roles: existing.roles }, after: { roles } });
        }
        // Recorded as accepted the moment it was made (expiry = acceptance), with a token nobody holds.
        const now = new Date();
        const invitation = await tx.invitation.create({
          data: {
            email: existing.email, role: input.role, tokenHash: hashToken(newToken()), locale: existing.locale,
            invitedById: inviter.id, expiresAt: now, acceptedAt: now, acceptedById: existing.id,
          },
          select: INVITATION_FIELDS,
        });
        await this.audit.record(tx, ctx, { action: 'invitation.created', entityType: 'Invitation', entityId: invitation.id, after: { email: existing.email, role: input.role, existingAccount: true } });
        await this.outbox.enqueue(tx, {
          to: existing.email, locale: existing.locale, template: 'role-granted', userId: existing.id,
          params: { name: existing.displayName, inviter: inviter.displayName, role: input.role, link: `${this.config.appUrl}/login` },
        });
        return toInvitation(invitation, true);
      }

      // A fresh invitation replaces any earlier pending one for the same address and role.
      await tx.invitation.updateMany({
        where: { email: input.email, role: input.role, acceptedAt: null, expiresAt: { gt: new Date() } },
        data: { expiresAt: new Date() },
      });
      const token = newToken();
      const invitation = await tx.invitation.create({
        data: {
          email: input.email, role: input.role, tokenHash: hashToken(token), locale, invitedById: inviter.id,
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
        },
        select: INVITATION_FIELDS,
      });
      await this.audit.record(tx, ctx, { action: 'invitation.created', entityType: 'Invitation', entityId: invitation.id, after: { email: input.email, role: input.role, existingAccount: false } });
      await this.outbox.enqueue(tx, {
        to: input.email, locale, template: 'invitation',
        params: { inviter: inviter.displayName, role: input.role, link: `${this.config.appUrl}/invitations/${token}`, days: INVITATION_TTL_DAYS },
      });
      return toInvitation(invitation, false);
    });
  }

  async list(): Promise<TInvitation[]> {
    const rows = await this.prisma.invitation.findMany({
      select: INVITATION_FIELDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 500,
    });
    return rows.map((row) => toInvitation(row, row.acceptedAt?.getTime() === row.expiresAt.getTime()));
  }

  /** What the invitation page shows: for whom, which role, from whom, and which jury it joins. */
  async preview(token: string, ctx: RequestContext): Promise<TInvitationPreview> {
    const invitation = await this.findUsable(this.prisma, token, ctx);
    const [inviter, account, round] = await Promise.all([
      this.users.findById(this.prisma, invitation.invitedById),
      this.users.findByEmail(this.prisma, invitation.email),
      invitation.roundId
        ? this.prisma.round.findUnique({ where: { id: invitation.roundId }, select: { name: true, closesAt: true, call: { select: { title: true } } } })
        : null,
    ]);
    return {
      email: invitation.email,
      role: invitation.role as TInvitableRole,
      invitedBy: inviter?.displayName ?? '',
      hasAccount: Boolean(account),
      expiresAt: invitation.expiresAt.toISOString(),
      jury: round ? { callTitle: round.call.title as TLocalizedText, roundName: round.name as TLocalizedText, closesAt: round.closesAt?.toISOString() ?? null } : null,
    };
  }

  /**
   * Accepts once. Someone new chooses a name and password; someone who has meanwhile created an account
   * with the invited address confirms with that account's password. Either way they are signed in.
   */
  async accept(token: string, input: TAcceptInvitationRequest, ctx: RequestContext, previousSessionId?: string): Promise<{ user: TUser; sessionToken: string }> {
    const passwordHash = await hashPassword(input.password);
    // Confirming with an existing account's password is a sign-in attempt: same throttle, same audit row.
    let wrongPassword: { userId: string; email: string; ticket: ThrottleTicket } | undefined;
    try {
      return await this.acceptInTransaction(token, input, ctx, passwordHash, previousSessionId, (failure) => (wrongPassword = failure));
    } catch (error) {
      if (!wrongPassword) throw error;
      const { userId, email, ticket } = wrongPassword;
      await this.prisma.$transaction((tx) =>
        this.audit.record(tx, ctx, { action: 'auth.login_failed', entityType: 'User', entityId: userId, actorId: null, after: { email, reason: 'wrong_password' } }),
      );
      throw this.throttle.failure(ticket, new AppError('INVALID_CREDENTIALS'));
    }
  }

  private acceptInTransaction(
    token: string,
    input: TAcceptInvitationRequest,
    ctx: RequestContext,
    passwordHash: string,
    previousSessionId: string | undefined,
    onWrongPassword: (failure: { userId: string; email: string; ticket: ThrottleTicket }) => void,
  ): Promise<{ user: TUser; sessionToken: string }> {
    return this.prisma.$transaction(async (tx) => {
      const invitation = await this.findUsable(tx, token, ctx);
      const role = invitation.role as TInvitableRole;
      const existing = await this.users.findByEmail(tx, invitation.email);
      let user: TUser;
      if (existing) {
        const ticket = await this.throttle.takeLogin(existing.email, ctx.ip);
        if (!(await verifyPassword(existing.passwordHash, input.password))) {
          onWrongPassword({ userId: existing.id, email: existing.email, ticket });
          throw new AppError('INVALID_CREDENTIALS');
        }
        await this.throttle.loginSucceeded(existing.email, ctx.ip, ticket);
        const roles = normaliseRoles([...existing.roles, role]);
        user = await this.users.update(tx, existing.id, { roles });
        await this.audit.record(tx, ctx, { action: 'user.role_granted', entityType: 'User', entityId: user.id, actorId: user.id, before: { roles: existing.roles }, after: { roles } });
      } else {
        if (!input.displayName) {
          throw new AppError('VALIDATION_FAILED', [{ path: ['displayName'], code: 'too_small', message: errorMessage('VALIDATION_FAILED', ctx.locale) }]);
        }
        user = await this.users.create(tx, { email: invitation.email, passwordHash, displayName: input.displayName, locale: input.locale ?? invitation.locale, roles: [role] });
        await this.audit.record(tx, ctx, { action: 'user.role_granted', entityType: 'User', entityId: user.id, actorId: user.id, before: { roles: [] }, after: { roles: user.roles } });
      }
      const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date(), acceptedById: user.id } });
      if (claimed.count !== 1) throw new AppError('TOKEN_INVALID');
      await this.audit.record(tx, ctx, { action: 'invitation.accepted', entityType: 'Invitation', entityId: invitation.id, actorId: user.id, after: { role } });
      // A juror invited into a round joins it on acceptance.
      if (invitation.roundId) {
        const joined = await tx.juror.createMany({ data: [{ roundId: invitation.roundId, userId: user.id }], skipDuplicates: true });
        if (joined.count === 1) {
          await this.audit.record(tx, ctx, { action: 'juror.added', entityType: 'Round', entityId: invitation.roundId, actorId: user.id, after: { userId: user.id, viaInvitation: invitation.id } });
          // An existing account may already name an organisation that applied.
          await suggestConflicts(tx, { roundId: invitation.roundId, userIds: [user.id] }, this.audit, ctx, user.id);
        }
      }
      const sessionToken = await this.sessions.start(tx, user.id, ctx, previousSessionId);
      return { user, sessionToken };
    });
  }

  /** Looks a link up, throttled per address (its own counter: it never slows sign-in or password resets). */
  private async findUsable(db: PrismaClient | Prisma.TransactionClient, token: string, ctx: RequestContext) {
    const ticket = await this.throttle.take([{ kind: 'INVITATION_TOKEN', key: ipKey(ctx.ip) }]);
    const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw this.throttle.failure(ticket, new AppError('TOKEN_INVALID'));
    }
    await this.throttle.giveBack(ticket);
    return invitation;
  }
}

function toInvitation(row: Pick<InvitationRow, 'id' | 'email' | 'role' | 'expiresAt' | 'acceptedAt'>, addedToExistingAccount: boolean): TInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as TInvitableRole,
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    addedToExistingAccount,
  };
}
