import { Inject, Injectable } from '@nestjs/common';
import type { TJurorHasWorkDetails, TJuryMembershipList, TLocale, TLocalizedText, TRoundJuror } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { z } from 'zod';
import type { ZAddJurorsRequest, ZAddJurorsResult } from '@tahkim/contracts';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { hashToken, newToken } from '../../common/security/tokens';
import { casablancaTime } from '../../common/time/casablanca-time';
import { AuditService } from '../audit/audit.service';
import { INVITATION_TTL_DAYS } from '../invitations/invitations.service';
import { OutboxService } from '../notifications/outbox.service';
import type { JuryRoundFacts } from '../notifications/templates/email-templates';
import { normaliseRoles } from '../users/users.repository';
import { suggestConflicts } from './conflict-suggestions';
import { JuryAdminRepository } from './jury-admin.repository';
import { lockRankingStamp } from '../results/ranking-stamp-lock';

type AddJurors = z.output<typeof ZAddJurorsRequest>;
type AddJurorsResult = z.output<typeof ZAddJurorsResult>;

/** The roster of a round: who is on the jury, how far they are, who was invited. */
@Injectable()
export class JurorsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: JuryAdminRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(roundId: string) {
    await this.repo.round(this.prisma, roundId);
    const [rows, invitations] = await Promise.all([
      this.repo.jurorsWithProgress(this.prisma, roundId),
      this.prisma.invitation.findMany({
        where: { roundId, acceptedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true, email: true, expiresAt: true },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    const items: TRoundJuror[] = rows.map((row) => ({
      id: row.jurorId, userId: row.userId, displayName: row.displayName, email: row.email, organisation: row.organisation,
      joinedAt: row.joinedAt.toISOString(), progress: { assigned: row.assigned, draft: row.draft, submitted: row.submitted }, expertise: row.expertise,
    }));
    return { items, pendingInvitations: invitations.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt.toISOString() })) };
  }

  /** The rounds this person sits on as a juror, with how many applications are assigned to them. */
  async memberships(userId: string): Promise<TJuryMembershipList> {
    const rows = await this.repo.memberships(this.prisma, userId);
    return {
      items: rows.map(({ round, assigned, bids, topics, expertise }) => ({
        round: { id: round.id, name: round.name as TLocalizedText, type: round.type, status: round.status, closesAt: round.closesAt?.toISOString() ?? null },
        call: { id: round.call.id, title: round.call.title as TLocalizedText },
        assigned,
        biddingOpen: round.biddingOpen,
        topics,
        expertise,
        bids,
      })),
    };
  }

  /**
   * Existing accounts join at once (with the JUROR role if they lacked it) and are told by email;
   * unknown addresses get an invitation tied to the round, so that accepting it joins the round.
   * Conflicts with the round's applications are suggested for those who joined (same organisation).
   */
  async add(roundId: string, input: AddJurors, ctx: RequestContext): Promise<AddJurorsResult> {
    const inviter = ctx.user!;
    const emails = [...new Set(input.emails)];
    return this.prisma.$transaction(async (tx) => {
      const round = await this.repo.round(tx, roundId);
      const applications = (await this.repo.applicationCount(tx, round)) || null;
      // What the email says of the round, in the recipient's language.
      const facts = (locale: TLocale): JuryRoundFacts => ({
        callTitle: (round.call.title as TLocalizedText)[locale],
        roundName: (round.name as TLocalizedText)[locale],
        applications,
        closesAt: round.closesAt ? casablancaTime.format(round.closesAt, locale) : null,
      });
      const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, displayName: true, locale: true, roles: true } });
      const members = new Set((await tx.juror.findMany({ where: { roundId, userId: { in: users.map((u) => u.id) } }, select: { userId: true } })).map((j) => j.userId));
      const result: AddJurorsResult = { added: [], invited: [], alreadyMembers: [] };
      for (const email of emails) {
        const user = users.find((u) => u.email === email);
        if (user && members.has(user.id)) {
          result.alreadyMembers.push(email);
          continue;
        }
        if (user) {
          const roles = normaliseRoles([...user.roles, 'JUROR']);
          if (roles.length !== user.roles.length) {
            await tx.user.update({ where: { id: user.id }, data: { roles } });
            await this.audit.record(tx, ctx, { action: 'user.role_granted', entityType: 'User', entityId: user.id, before: { roles: user.roles }, after: { roles } });
          }
          const juror = await tx.juror.create({ data: { roundId, userId: user.id } });
          await this.audit.record(tx, ctx, { action: 'juror.added', entityType: 'Juror', entityId: juror.id, after: { roundId, userId: user.id } });
          const locale = user.locale as TLocale;
          await this.outbox.enqueue(tx, {
            to: user.email, locale, template: 'jury-added', userId: user.id,
            params: { name: user.displayName, inviter: inviter.displayName, ...facts(locale), link: `${this.config.appUrl}/jury` },
          });
          result.added.push(email);
          continue;
        }
        // No account yet: the language staff chose on the form (by default, the page's).
        const locale = input.locale ?? ctx.locale;
        // A fresh invitation replaces an earlier pending one for the same address and round.
        await tx.invitation.updateMany({ where: { email, role: 'JUROR', roundId, acceptedAt: null, expiresAt: { gt: new Date() } }, data: { expiresAt: new Date() } });
        const token = newToken();
        const invitation = await tx.invitation.create({
          data: { email, role: 'JUROR', tokenHash: hashToken(token), locale, invitedById: inviter.id, roundId, expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000) },
          select: { id: true },
        });
        await this.audit.record(tx, ctx, { action: 'invitation.created', entityType: 'Invitation', entityId: invitation.id, after: { email, role: 'JUROR', roundId, existingAccount: false } });
        await this.outbox.enqueue(tx, {
          to: email, locale, template: 'invitation',
          params: { inviter: inviter.displayName, role: 'JUROR', link: `${this.config.appUrl}/invitations/${token}`, days: INVITATION_TTL_DAYS, jury: facts(locale) },
        });
        result.invited.push(email);
      }
      const joined = users.filter((u) => result.added.includes(u.email)).map((u) => u.id);
      await suggestConflicts(tx, { roundId, userIds: joined }, this.audit, ctx);
      return result;
    });
  }

  /**
   * Removes a juror who has submitted nothing in the round, with their unsubmitted assignments and draft
   * ballot. Submitted scorecards or a submitted ballot count in the results: 409 JUROR_HAS_WORK says so.
   */
  async remove(roundId: string, jurorId: string, ctx: RequestContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, roundId);
      const juror = await tx.juror.findFirst({ where: { id: jurorId, roundId } });
      if (!juror) throw new AppError('NOT_FOUND');
      // One after the other: a transaction's statements share one connection.
      const scorecards = await tx.scorecard.count({ where: { status: 'SUBMITTED', assignment: { jurorId } } });
      const ballots = await tx.ballot.count({ where: { jurorId, status: 'SUBMITTED' } });
      if (scorecards > 0 || ballots > 0) throw new AppError('JUROR_HAS_WORK', { scorecards, ballot: ballots > 0 } satisfies TJurorHasWorkDetails);
      const removed = await tx.assignment.deleteMany({ where: { jurorId, roundId } });
      await tx.ballot.deleteMany({ where: { jurorId, roundId, status: 'DRAFT' } });
      await tx.juror.delete({ where: { id: jurorId } });
      await this.audit.record(tx, ctx, { action: 'juror.removed', entityType: 'Juror', entityId: jurorId, before: { roundId, userId: juror.userId }, after: { removedAssignments: removed.count } });
    });
  }
}
