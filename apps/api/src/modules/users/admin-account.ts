import type { PrismaClient } from '@tahkim/db';
import { hashPassword } from '../auth/passwords';
import { normaliseRoles } from './users.repository';

/** pg_advisory_xact_lock key of the admin's provisioning. */
const ADMIN_LOCK_KEY = 7_212_027;

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD at start: creates this admin, or gives the existing account the admin
 * and staff roles and this password. Audited as a system action. Replicas starting together provision it
 * one after the other (a transaction-scoped advisory lock), so the second finds the account.
 */
export async function provisionAdmin(prisma: PrismaClient, admin: { email: string; password: string }): Promise<'created' | 'updated'> {
  const passwordHash = await hashPassword(admin.password);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK_KEY})`;
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
