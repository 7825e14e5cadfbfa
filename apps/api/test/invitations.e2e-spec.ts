import { APP_ORIGIN, createTestApp, uniqueEmail, type Client, type TestApp } from './support/test-app';
import { createUser, latestEmailLink, TEST_PASSWORD } from './support/factories';

const browser = { Origin: APP_ORIGIN };

describe('invitations', () => {
  let t: TestApp;
  let staff: Client;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let admin: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    admin = await signIn(await createUser(t.prisma, { roles: ['STAFF', 'ADMIN'] }));
  });
  afterAll(() => t.close());

  it('invites a new juror by email; the link creates the account with the role and signs in, once', async () => {
    const email = uniqueEmail('juror');
    const created = await staff.post('/api/invitations').set(browser).send({ email, role: 'JUROR', locale: 'ar' }).expect(201);
    expect(created.body).toMatchObject({ email, role: 'JUROR', acceptedAt: null, addedToExistingAccount: false });

    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: email, template: 'invitation' } });
    expect(mail.locale).toBe('ar');
    const token = await latestEmailLink(t.prisma, email, /invitations\/([A-Za-z0-9_-]+)/);

    const preview = await t.http().get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ email, role: 'JUROR', invitedBy: staffUser.displayName, hasAccount: false });

    const juror = t.agent();
    const accepted = await juror.post(`/api/invitations/${token}/accept`).set(browser).send({ displayName: 'Dr. Salma Benali', password: 'juror-password-1' }).expect(200);
    expect(accepted.body).toMatchObject({ email, displayName: 'Dr. Salma Benali', roles: ['JUROR'], locale: 'ar' });
    expect((await juror.get('/api/auth/me').expect(200)).body.roles).toEqual(['JUROR']);

    const again = await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ displayName: 'Someone', password: 'other-password-1' }).expect(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
    await t.http().get(`/api/invitations/${token}`).expect(400);

    const audit = await t.prisma.auditEvent.findMany({ where: { OR: [{ entityId: created.body.id }, { entityId: accepted.body.id }] }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['invitation.created', 'user.role_granted', 'invitation.accepted']);
    expect(audit[0]!.actorId).toBe(staffUser.id);
    expect(audit[2]!.actorId).toBe(accepted.body.id);

    const list = await staff.get('/api/invitations').expect(200);
    expect(list.body.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ acceptedAt: expect.any(String) });
  });

  it('asks a new person for their name', async () => {
    const email = uniqueEmail('juror');
    await staff.post('/api/invitations').set(browser).send({ email, role: 'JUROR' }).expect(201);
    const token = await latestEmailLink(t.prisma, email, /invitations\/([A-Za-z0-9_-]+)/);
    const res = await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ password: 'juror-password-1' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['displayName'] }] });
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
  });

  it('gives an existing account the role at once and tells them by email', async () => {
    const applicant = await createUser(t.prisma, { locale: 'en' });
    const res = await staff.post('/api/invitations').set(browser).send({ email: applicant.email.toUpperCase(), role: 'JUROR' }).expect(201);
    expect(res.body).toMatchObject({ addedToExistingAccount: true, acceptedAt: expect.any(String) });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: applicant.id } })).roles).toEqual(['APPLICANT', 'JUROR']);
    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: applicant.email, template: 'role-granted' } });
    expect(mail.subject).toBe('You are now a jury member');
    const granted = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.role_granted', entityId: applicant.id } });
    expect(granted).toMatchObject({ actorId: staffUser.id, before: { roles: ['APPLICANT'] }, after: { roles: ['APPLICANT', 'JUROR'] } });
  });

  it('accepts with the password when the invited address has meanwhile signed up', async () => {
    const email = uniqueEmail('late');
    await staff.post('/api/invitations').set(browser).send({ email, role: 'JUROR' }).expect(201);
    const token = await latestEmailLink(t.prisma, email, /invitations\/([A-Za-z0-9_-]+)/);
    await createUser(t.prisma, { email });
    expect((await t.http().get(`/api/invitations/${token}`).expect(200)).body.hasAccount).toBe(true);
    await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ password: 'not-the-password' }).expect(401);
    const ok = await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ password: TEST_PASSWORD }).expect(200);
    expect(ok.body.roles).toEqual(['APPLICANT', 'JUROR']);
  });

  it('refuses an expired invitation', async () => {
    const email = uniqueEmail('expired');
    const created = await staff.post('/api/invitations').set(browser).send({ email, role: 'JUROR' }).expect(201);
    const token = await latestEmailLink(t.prisma, email, /invitations\/([A-Za-z0-9_-]+)/);
    await t.prisma.invitation.update({ where: { id: created.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ displayName: 'Late', password: 'juror-password-1' }).expect(400);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('lets only admins invite staff, and only staff invite at all', async () => {
    const forbidden = await staff.post('/api/invitations').set(browser).send({ email: uniqueEmail('s'), role: 'STAFF' }).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    await admin.post('/api/invitations').set(browser).send({ email: uniqueEmail('s'), role: 'STAFF' }).expect(201);

    const applicant = await signIn(await createUser(t.prisma));
    const res = await applicant.post('/api/invitations').set(browser).send({ email: uniqueEmail('x'), role: 'JUROR' }).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    await applicant.get('/api/invitations').expect(403);
    await t.http().post('/api/invitations').set(browser).send({ email: uniqueEmail('x'), role: 'JUROR' }).expect(401);
    // Nobody can be invited as an admin or applicant.
    await admin.post('/api/invitations').set(browser).send({ email: uniqueEmail('x'), role: 'ADMIN' }).expect(400);
  });

  it('lets admins change roles, audited, and keeps at least one admin', async () => {
    const person = await createUser(t.prisma);
    const res = await admin.put(`/api/admin/users/${person.id}/roles`).set(browser).send({ roles: ['APPLICANT', 'JUROR'] }).expect(200);
    expect(res.body.roles).toEqual(['APPLICANT', 'JUROR']);
    expect(await t.prisma.auditEvent.count({ where: { action: 'user.roles_changed', entityId: person.id } })).toBe(1);
    await staff.put(`/api/admin/users/${person.id}/roles`).set(browser).send({ roles: ['ADMIN'] }).expect(403);
    await admin.put('/api/admin/users/not-a-uuid/roles').set(browser).send({ roles: ['JUROR'] }).expect(404);
    await admin.put('/api/admin/users/00000000-0000-4000-8000-000000000000/roles').set(browser).send({ roles: ['JUROR'] }).expect(404);
  });
});
