import type { PrismaClient } from '@tahkim/db';
import { hashPassword } from '../auth/passwords';
import { normaliseRoles } from './users.repository';

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD at start: creates this admin, or gives the existing account the admin
 * and staff roles and this password. Audited as a system action.
 */
export async function provisionAdmin(prisma: PrismaClient, admin: { email: string; password: string }): Promise<'created' | 'updated'> {
  const passwordHash = await hashPassword(admin.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: admin.email } });
    if (!existing) {
      const user = await tx.user.create({
        data: { email: admin.email, passwordHash, displayName: admin.email.split('@')[0] ?? admin.email, roles: ['STAFF', 'ADMIN'] },
      });
      await tx.auditEvent.create({ data: { action: 'user.admin_provisioned', entityType: 'User', entityId: user.id, after: { roles: user.roles } } });
      return 'created';
    }
    const roles = normaliseRoles([...(existing.roles as Array<'APPLICANT' | 'JUROR' | 'STAFF' | 'ADMIN'>), 'STAFF', 'ADMIN']);
    await tx.user.update({ where: { id: existing.id }, data: { passwordHash, roles, disabledAt: null } });
    await tx.auditEvent.create({
      data: { action: 'user.admin_provisioned', entityType: 'User', entityId: existing.id, before: { roles: existing.roles }, after: { roles } },
    });
    return 'updated';
  });
}
