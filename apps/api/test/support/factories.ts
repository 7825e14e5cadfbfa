import type { TRole } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { hashPassword } from '../../src/modules/auth/passwords';
import { uniqueEmail } from './test-app';

export const TEST_PASSWORD = 'correct-horse-battery';

export async function createUser(prisma: PrismaClient, options: { roles?: TRole[]; locale?: 'ar' | 'fr' | 'en'; password?: string; email?: string } = {}) {
  const email = options.email ?? uniqueEmail((options.roles ?? ['APPLICANT'])[0]!.toLowerCase());
  const password = options.password ?? TEST_PASSWORD;
  const user = await prisma.user.create({
    data: {
      email,
      passwordHash: await hashPassword(password),
      displayName: `Test ${email.split('@')[0]}`,
      locale: options.locale ?? 'fr',
      roles: options.roles ?? ['APPLICANT'],
    },
  });
  return { ...user, password };
}

/** Reads the link of the latest email sent to an address (the outbox row is written in the same transaction). */
export async function latestEmailLink(prisma: PrismaClient, to: string, pattern: RegExp): Promise<string> {
  const email = await prisma.emailMessage.findFirst({ where: { toAddress: to }, orderBy: { createdAt: 'desc' } });
  const match = email?.text.match(pattern);
  if (!match) throw new Error(`No email to ${to} with ${pattern}`);
  return match[1] ?? match[0];
}
