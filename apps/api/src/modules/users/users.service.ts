import { Inject, Injectable } from '@nestjs/common';
import type { TUpdateRolesRequest, TUser, TUserList, TUserListQuery } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { normaliseRoles, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: TUserListQuery): Promise<TUserList> {
    const page = query.page;
    const pageSize = query.pageSize;
    const { items, total } = await this.users.list(this.prisma, { search: query.search, role: query.role }, page, pageSize);
    return { items, total, page, pageSize };
  }

  /**
   * Replaces someone's roles (admins only). The platform always keeps one admin, and a person whose
   * rights shrink is signed out so no open session keeps the old rights.
   */
  async setRoles(userId: string, input: TUpdateRolesRequest, ctx: RequestContext): Promise<TUser> {
    const roles = normaliseRoles(input.roles);
    return this.prisma.$transaction(async (tx) => {
      const before = await this.users.findById(tx, userId);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.roles.includes('ADMIN') && !roles.includes('ADMIN')) {
        const admins = await tx.user.count({ where: { roles: { has: 'ADMIN' }, disabledAt: null } });
        if (admins <= 1) throw new AppError('CONFLICT', { reason: 'LAST_ADMIN' });
      }
      const user = await this.users.update(tx, userId, { roles });
      await this.audit.record(tx, ctx, { action: 'user.roles_changed', entityType: 'User', entityId: userId, before: { roles: before.roles }, after: { roles } });
      if (before.roles.some((role) => !roles.includes(role))) await this.sessions.endAllForUser(tx, userId);
      return user;
    });
  }
}
