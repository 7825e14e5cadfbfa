import { createUser } from './factories';
import { APP_ORIGIN, type Client, type TestApp } from './test-app';

type User = Awaited<ReturnType<typeof createUser>>;

/** One browser signed in as the user: its session cookie goes with every later request. */
export async function signIn(t: TestApp, user: { email: string; password: string }): Promise<Client> {
  const agent = t.agent();
  await agent.post('/api/auth/login').set({ Origin: APP_ORIGIN, 'Accept-Language': 'en' }).send({ email: user.email, password: user.password }).expect(200);
  return agent;
}

/** A new staff member signed in, and the roles kept out of staff's pages: a new applicant and a new juror, each signed in. */
export async function signInStaffAndOthers(t: TestApp): Promise<{ staffUser: User; staff: Client; others: Client[] }> {
  const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
  const staff = await signIn(t, staffUser);
  const others = [await signIn(t, await createUser(t.prisma)), await signIn(t, await createUser(t.prisma, { roles: ['JUROR'] }))];
  return { staffUser, staff, others };
}
