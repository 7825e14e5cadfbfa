import { createPrismaClient } from '@tahkim/db';
import { verifyPassword } from '../src/modules/auth/passwords';
import { provisionAdmin } from '../src/modules/users/admin-account';
import { createUser } from './support/factories';
import { uniqueEmail } from './support/test-app';

describe('ADMIN_EMAIL / ADMIN_PASSWORD at start', () => {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  afterAll(() => prisma.$disconnect());

  it('creates the admin, then updates its password on a later start, audited each time', async () => {
    const email = uniqueEmail('admin');
    expect(await provisionAdmin(prisma, { email, password: 'first-admin-password' })).toBe('created');
    let admin = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(admin.roles).toEqual(['STAFF', 'ADMIN']);
    expect(await verifyPassword(admin.passwordHash, 'first-admin-password')).toBe(true);

    expect(await provisionAdmin(prisma, { email, password: 'second-admin-password' })).toBe('updated');
    admin = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(admin.passwordHash, 'second-admin-password')).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: 'user.admin_provisioned', entityId: admin.id, actorId: null } })).toBe(2);
  });

  it('makes an existing account an admin, keeping its other roles', async () => {
    const juror = await createUser(prisma, { roles: ['JUROR'] });
    expect(await provisionAdmin(prisma, { email: juror.email, password: 'new-admin-password' })).toBe('updated');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: juror.id } })).roles).toEqual(['JUROR', 'STAFF', 'ADMIN']);
  });
});
