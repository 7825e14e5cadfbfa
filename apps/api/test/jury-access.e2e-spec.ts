import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ERROR_HTTP_STATUS, ERROR_MESSAGES, type TErrorCode } from '@tahkim/contracts';
import type { Response } from 'supertest';
import { FILE_STORAGE, newStorageKey, type FileStorage } from '../src/modules/storage/file-storage';
import { createApplication } from './support/application-factory';
import { pdfBytes } from './support/attachment-fixtures';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/**
 * Issue 4, acceptance 5: every jury route for every role, on a real database, with the error body.
 * One blind OPEN round (applications A1, A2, A3) is shared by the matrix; state-changing staff routes
 * act on a throw-away call so they never move what the juror rows rely on.
 */

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const text = (s: string) => ({ ar: s, fr: s, en: s });

const ROLES = ['anonymous', 'applicant', 'unassignedJuror', 'conflictedJuror', 'staff', 'assignedJuror'] as const;
type Role = (typeof ROLES)[number];
type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** A success status, or the error code the role must get. */
type Outcome = 200 | 201 | 204 | TErrorCode;

function errorBody(code: TErrorCode) {
  return { statusCode: ERROR_HTTP_STATUS[code], code, message: ERROR_MESSAGES[code].en, requestId: expect.any(String) };
}

interface Route {
  name: string;
  verb: Verb;
  url: (role: Role) => string;
  body?: (role: Role) => object;
  expect: Record<Role, Outcome>;
  /** Extra checks on a successful answer (what a role may see in it). */
  check?: (role: Role, res: Response) => void;
}

const staffOnly = (ok: 200 | 201 | 204): Record<Role, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  applicant: 'FORBIDDEN',
  unassignedJuror: 'FORBIDDEN',
  conflictedJuror: 'FORBIDDEN',
  assignedJuror: 'FORBIDDEN',
  staff: ok,
});

describe('jury access matrix (every jury route x every role)', () => {
  let t: TestApp;
  let dataDir: string;
  const clients = {} as Record<Role, Client>;
  // Main fixture: call C, blind OPEN round R, applications A1 (the applicant's), A2, A3.
  let call: Awaited<ReturnType<typeof createCall>>;
  let round: Awaited<ReturnType<typeof createRound>>;
  let a1: Awaited<ReturnType<typeof createApplication>>;
  let a2: Awaited<ReturnType<typeof createApplication>>;
  let attachmentId: string;
  let asgA1: string; // the assigned juror's assignment to A1
  let asgA3: string; // the assigned juror's assignment to A3 (they declare a conflict on it)
  let asgU2: string; // the unassigned juror's own assignment (to A2)
  let conflictedOldAsg: string; // the conflicted juror's assignment to A1, removed by their declaration
  let conflictedReplanted: string; // an assignment of theirs to A1 made afterwards, still hidden
  // Throw-away fixture for state-changing staff routes: call X, OPEN round XR, DRAFT round XD.
  let xCall: Awaited<ReturnType<typeof createCall>>;
  let xRound: Awaited<ReturnType<typeof createRound>>;
  let xDraft: Awaited<ReturnType<typeof createRound>>;
  let x1: Awaited<ReturnType<typeof createApplication>>;
  let xSubmitted: { id: string; jurorId: string };
  let xRemovable: { id: string };
  let xConflictUser: { id: string };
  let xConflictAsg: string;
  let xConflictClient: Client;
  let xPendingConflict: string;
  let xNewcomer: string;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  const full = (criteria: ReadonlyArray<{ id: string; scaleMax: number }>) => criteria.map((c) => ({ criterionId: c.id, value: c.scaleMax, comment: null }));

  function send(client: Client, verb: Verb, url: string, body?: object) {
    const req = client[verb](url).set(browser);
    return body === undefined ? req : req.send(body);
  }

  function expectOutcome(res: Response, outcome: Outcome, label: string) {
    if (typeof outcome === 'number') {
      if (res.status !== outcome) throw new Error(`${label}: expected ${outcome}, got ${res.status} ${res.text}`);
      return;
    }
    if (res.status !== ERROR_HTTP_STATUS[outcome]) throw new Error(`${label}: expected ${ERROR_HTTP_STATUS[outcome]} ${outcome}, got ${res.status} ${res.text}`);
    expect(res.body).toEqual(errorBody(outcome));
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-jury-access-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    const applicantUser = await createUser(t.prisma);
    const assignedUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const unassignedUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const conflictedUser = await createUser(t.prisma, { roles: ['JUROR'] });

    call = await createCall(t.prisma, { createdById: staffUser.id });
    a1 = await createApplication(t.prisma, { callId: call.id, ownerId: applicantUser.id, status: 'SUBMITTED' });
    a2 = await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' });
    const a3 = await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' });
    const bytes = pdfBytes(2000);
    const storageKey = newStorageKey();
    await t.app.get<FileStorage>(FILE_STORAGE).put(storageKey, Readable.from(bytes), { maxBytes: 1_000_000 });
    attachmentId = (
      await t.prisma.attachment.create({
        data: { applicationId: a1.id, fieldKey: 'pitch_deck', fileName: 'dossier.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey },
      })
    ).id;

    round = await createRound(t.prisma, { callId: call.id, blind: true, status: 'OPEN' });
    const assigned = await addJuror(t.prisma, round.id, assignedUser.id);
    const unassigned = await addJuror(t.prisma, round.id, unassignedUser.id);
    const conflicted = await addJuror(t.prisma, round.id, conflictedUser.id);
    asgA1 = (await assign(t.prisma, round.id, assigned.id, a1.id)).id;
    asgA3 = (await assign(t.prisma, round.id, assigned.id, a3.id)).id;
    asgU2 = (await assign(t.prisma, round.id, unassigned.id, a2.id)).id;
    conflictedOldAsg = (await assign(t.prisma, round.id, conflicted.id, a1.id)).id;

    clients.anonymous = t.http();
    clients.applicant = await signIn(applicantUser);
    clients.assignedJuror = await signIn(assignedUser);
    clients.unassignedJuror = await signIn(unassignedUser);
    clients.conflictedJuror = await signIn(conflictedUser);
    clients.staff = await signIn(staffUser);

    // The conflicted juror declares their conflict through the API; then an assignment to A1 is planted again.
    await clients.conflictedJuror.post('/api/jury/conflicts').set(browser).send({ assignmentId: conflictedOldAsg, reason: 'Je connais la porteuse.' }).expect(201);
    expect(await t.prisma.assignment.count({ where: { id: conflictedOldAsg } })).toBe(0);
    conflictedReplanted = (await t.prisma.assignment.create({ data: { roundId: round.id, jurorId: conflicted.id, applicationId: a1.id } })).id;

    // Throw-away call for the staff routes that change things.
    xCall = await createCall(t.prisma, { createdById: staffUser.id });
    x1 = await createApplication(t.prisma, { callId: xCall.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' });
    const x2 = await createApplication(t.prisma, { callId: xCall.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' });
    xRound = await createRound(t.prisma, { callId: xCall.id, status: 'OPEN' });
    xDraft = await createRound(t.prisma, { callId: xCall.id, status: 'DRAFT' });
    const xScorerUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const xScorer = await addJuror(t.prisma, xRound.id, xScorerUser.id);
    const xScorerAsg = await assign(t.prisma, xRound.id, xScorer.id, x1.id);
    const xScorerClient = await signIn(xScorerUser);
    await xScorerClient.put(`/api/scorecards/${xScorerAsg.id}`).set(browser).send({ version: 1, values: full(xRound.criteria) }).expect(200);
    await xScorerClient.post(`/api/scorecards/${xScorerAsg.id}/submit`).set(browser).send({ version: 2 }).expect(200);
    xSubmitted = { id: xScorerAsg.id, jurorId: xScorer.id };
    xRemovable = await addJuror(t.prisma, xRound.id, (await createUser(t.prisma, { roles: ['JUROR'] })).id);
    const xConflictUserRow = await createUser(t.prisma, { roles: ['JUROR'] });
    xConflictUser = xConflictUserRow;
    const xConflictJuror = await addJuror(t.prisma, xRound.id, xConflictUserRow.id);
    xConflictAsg = (await assign(t.prisma, xRound.id, xConflictJuror.id, x1.id)).id;
    xConflictClient = await signIn(xConflictUserRow);
    xPendingConflict = (
      await t.prisma.conflictOfInterest.create({ data: { userId: xScorerUser.id, applicationId: x2.id, source: 'SUGGESTED', status: 'PENDING', reason: 'Same organisation' } })
    ).id;
    xNewcomer = (await createUser(t.prisma)).email;
  }, 120_000);

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const routes: Route[] = [
    // ---- Staff: rounds and criteria
    { name: 'GET /calls/:id/rounds', verb: 'get', url: () => `/api/calls/${call.id}/rounds`, expect: staffOnly(200) },
    { name: 'POST /calls/:id/rounds', verb: 'post', url: () => `/api/calls/${xCall.id}/rounds`, body: () => ({ name: text('Extra') }), expect: staffOnly(201) },
    { name: 'GET /rounds/:id', verb: 'get', url: () => `/api/rounds/${round.id}`, expect: staffOnly(200) },
    { name: 'PATCH /rounds/:id', verb: 'patch', url: () => `/api/rounds/${xDraft.id}`, body: () => ({ blind: false }), expect: staffOnly(200) },
    { name: 'GET /rounds/:id/criteria', verb: 'get', url: () => `/api/rounds/${round.id}/criteria`, expect: staffOnly(200) },
    {
      name: 'PUT /rounds/:id/criteria',
      verb: 'put',
      url: () => `/api/rounds/${xDraft.id}/criteria`,
      body: () => ({ criteria: [{ key: 'impact', label: text('Impact'), weight: 1, scaleMin: 0, scaleMax: 5 }] }),
      expect: staffOnly(200),
    },
    // ---- Staff: roster and conflicts
    { name: 'GET /rounds/:id/jurors', verb: 'get', url: () => `/api/rounds/${round.id}/jurors`, expect: staffOnly(200) },
    { name: 'POST /rounds/:id/jurors', verb: 'post', url: () => `/api/rounds/${xRound.id}/jurors`, body: () => ({ emails: [xNewcomer] }), expect: staffOnly(200) },
    { name: 'DELETE /rounds/:id/jurors/:jurorId', verb: 'delete', url: () => `/api/rounds/${xRound.id}/jurors/${xRemovable.id}`, expect: staffOnly(204) },
    { name: 'GET /rounds/:id/conflicts', verb: 'get', url: () => `/api/rounds/${round.id}/conflicts`, expect: staffOnly(200) },
    {
      name: 'POST /rounds/:id/conflicts',
      verb: 'post',
      url: () => `/api/rounds/${xRound.id}/conflicts`,
      body: () => ({ jurorUserId: xConflictUser.id, applicationId: x1.id, reason: 'Staff know of a family tie.' }),
      expect: staffOnly(200),
    },
    { name: 'PATCH /conflicts/:id', verb: 'patch', url: () => `/api/conflicts/${xPendingConflict}`, body: () => ({ status: 'DISMISSED' }), expect: staffOnly(200) },
    // ---- Staff: assignments, progress, reminders, reopening
    { name: 'GET /rounds/:id/assignments', verb: 'get', url: () => `/api/rounds/${round.id}/assignments`, expect: staffOnly(200) },
    {
      name: 'PUT /rounds/:id/assignments',
      verb: 'put',
      url: () => `/api/rounds/${xRound.id}/assignments`,
      body: () => ({ assignments: [{ jurorId: xSubmitted.jurorId, applicationId: x1.id }] }),
      expect: staffOnly(200),
    },
    { name: 'POST /rounds/:id/assignments/auto', verb: 'post', url: () => `/api/rounds/${xRound.id}/assignments/auto`, expect: staffOnly(200) },
    { name: 'GET /rounds/:id/progress', verb: 'get', url: () => `/api/rounds/${round.id}/progress`, expect: staffOnly(200) },
    { name: 'POST /rounds/:id/reminders', verb: 'post', url: () => `/api/rounds/${xRound.id}/reminders`, body: () => ({}), expect: staffOnly(200) },
    { name: 'POST /scorecards/:id/reopen', verb: 'post', url: () => `/api/scorecards/${xSubmitted.id}/reopen`, body: () => ({ reason: 'Merci de revoir.' }), expect: staffOnly(200) },

    // ---- Juror routes (all on A1's assignment of the assigned juror unless said otherwise)
    {
      name: 'GET /jury/assignments',
      verb: 'get',
      url: () => '/api/jury/assignments',
      expect: { anonymous: 'UNAUTHENTICATED', applicant: 'FORBIDDEN', unassignedJuror: 200, conflictedJuror: 200, staff: 'FORBIDDEN', assignedJuror: 200 },
      check: (role, res) => {
        const ids = res.body.items.map((item: { id: string }) => item.id);
        if (role === 'assignedJuror') expect(ids).toEqual(expect.arrayContaining([asgA1, asgA3]));
        if (role === 'unassignedJuror') expect(ids).toEqual([asgU2]);
        if (role === 'conflictedJuror') expect(ids).toEqual([]);
        expect(res.text).not.toContain(a1.id);
      },
    },
    {
      name: 'GET /jury/assignments/:id',
      verb: 'get',
      url: () => `/api/jury/assignments/${asgA1}`,
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 'NOT_FOUND', conflictedJuror: 'NOT_FOUND', staff: 'FORBIDDEN', assignedJuror: 200 },
      check: (_role, res) => expect(res.body).toMatchObject({ assignmentId: asgA1, blind: true }),
    },
    {
      name: 'GET /jury/assignments/:id/attachments/:attachmentId',
      verb: 'get',
      url: () => `/api/jury/assignments/${asgA1}/attachments/${attachmentId}`,
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 'NOT_FOUND', conflictedJuror: 'NOT_FOUND', staff: 'FORBIDDEN', assignedJuror: 200 },
      check: (_role, res) => {
        expect(res.headers['content-disposition']).toMatch(/^attachment/);
        expect(res.headers['content-disposition']).not.toContain('dossier');
      },
    },
    {
      name: 'GET /scorecards/:assignmentId',
      verb: 'get',
      url: () => `/api/scorecards/${asgA1}`,
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 'NOT_FOUND', conflictedJuror: 'NOT_FOUND', staff: 200, assignedJuror: 200 },
      check: (_role, res) => expect(res.body).toMatchObject({ assignmentId: asgA1, status: 'DRAFT', version: 1 }),
    },
    {
      name: 'PUT /scorecards/:assignmentId',
      verb: 'put',
      url: () => `/api/scorecards/${asgA1}`,
      body: () => ({ version: 1, values: full(round.criteria) }),
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 'NOT_FOUND', conflictedJuror: 'NOT_FOUND', staff: 'FORBIDDEN', assignedJuror: 200 },
      check: (_role, res) => expect(res.body).toMatchObject({ status: 'DRAFT', version: 2 }),
    },
    {
      name: 'POST /scorecards/:assignmentId/submit',
      verb: 'post',
      url: () => `/api/scorecards/${asgA1}/submit`,
      body: () => ({ version: 2 }),
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 'NOT_FOUND', conflictedJuror: 'NOT_FOUND', staff: 'FORBIDDEN', assignedJuror: 200 },
      check: (_role, res) => expect(res.body).toMatchObject({ status: 'SUBMITTED', weightedScore: 100 }),
    },
    {
      name: 'GET /jury/rounds/:roundId/ranking',
      verb: 'get',
      url: () => `/api/jury/rounds/${round.id}/ranking`,
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 200, conflictedJuror: 200, staff: 'FORBIDDEN', assignedJuror: 200 },
      check: (role, res) => {
        const ids = res.body.items.map((item: { assignmentId: string }) => item.assignmentId);
        expect(ids).toEqual(role === 'assignedJuror' ? [asgA1] : []);
      },
    },
    {
      name: 'POST /jury/conflicts',
      verb: 'post',
      url: () => '/api/jury/conflicts',
      // The assigned juror declares on their A3 assignment (so A1 stays theirs); everyone else tries A1's.
      body: (role) => ({ assignmentId: role === 'assignedJuror' ? asgA3 : asgA1, reason: 'Conflit.' }),
      expect: { anonymous: 'NOT_FOUND', applicant: 'NOT_FOUND', unassignedJuror: 'NOT_FOUND', conflictedJuror: 'NOT_FOUND', staff: 'FORBIDDEN', assignedJuror: 201 },
      check: (_role, res) => expect(res.body).toMatchObject({ source: 'DECLARED', status: 'CONFIRMED' }),
    },
  ];

  it('covers every route of the jury controllers', () => {
    expect(routes).toHaveLength(26);
    expect(new Set(routes.map((r) => r.name)).size).toBe(routes.length);
  });

  describe.each(routes.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    it.each(ROLES.map((role) => [role, route.expect[role]] as const))('%s → %s', async (role, outcome) => {
      const res = await send(clients[role], route.verb, route.url(role), route.body?.(role));
      expectOutcome(res, outcome, `${route.name} as ${role}`);
      if (typeof outcome === 'number') route.check?.(role, res);
    });
  });

  it('keeps the state the matrix relied on: A1 submitted by the assigned juror, nothing done by anyone else', async () => {
    const cards = await t.prisma.scorecard.findMany({ where: { assignment: { applicationId: { in: [a1.id, a2.id] } } } });
    expect(cards.map((c) => [c.assignmentId, c.status])).toEqual([[asgA1, 'SUBMITTED']]);
    expect(await t.prisma.conflictOfInterest.count({ where: { applicationId: a1.id } })).toBe(1);
    // The submitted card is locked for its juror.
    const locked = await clients.assignedJuror.put(`/api/scorecards/${asgA1}`).set(browser).send({ version: 2, values: full(round.criteria) }).expect(409);
    expect(locked.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', details: { reason: 'SUBMITTED' }, requestId: expect.any(String) });
  });

  it('hides from a conflicted juror the assignment they had and any made since, on every juror route', async () => {
    const c = clients.conflictedJuror;
    for (const id of [conflictedOldAsg, conflictedReplanted]) {
      const calls: Array<[string, Promise<Response>]> = [
        ['view', send(c, 'get', `/api/jury/assignments/${id}`)],
        ['download', send(c, 'get', `/api/jury/assignments/${id}/attachments/${attachmentId}`)],
        ['scorecard', send(c, 'get', `/api/scorecards/${id}`)],
        ['save', send(c, 'put', `/api/scorecards/${id}`, { version: 1, values: full(round.criteria) })],
        ['submit', send(c, 'post', `/api/scorecards/${id}/submit`, { version: 1 })],
        ['declare again', send(c, 'post', '/api/jury/conflicts', { assignmentId: id, reason: 'Encore.' })],
      ];
      for (const [label, pending] of calls) expectOutcome(await pending, 'NOT_FOUND', `conflicted juror ${label} ${id}`);
    }
    expect(await t.prisma.scorecard.count({ where: { assignmentId: conflictedReplanted } })).toBe(0);
  });

  it('answers an unknown assignment id exactly like a forbidden one', async () => {
    const unknown = randomUUID();
    expectOutcome(await send(clients.assignedJuror, 'get', `/api/jury/assignments/${unknown}`), 'NOT_FOUND', 'unknown view');
    expectOutcome(await send(clients.assignedJuror, 'get', `/api/scorecards/${unknown}`), 'NOT_FOUND', 'unknown scorecard');
    expectOutcome(await send(clients.staff, 'get', `/api/scorecards/${unknown}`), 'NOT_FOUND', 'unknown scorecard (staff)');
    expectOutcome(await send(clients.staff, 'get', `/api/jury/assignments/${unknown}`), 'NOT_FOUND', 'unknown view (staff)');
    expectOutcome(await send(clients.assignedJuror, 'get', `/api/jury/rounds/${unknown}/ranking`), 'NOT_FOUND', 'unknown round ranking');
  });

  it('a conflict recorded by staff hides the application from that juror too', async () => {
    // The matrix's POST /rounds/:id/conflicts (staff) recorded it on the throw-away round.
    expect(await t.prisma.assignment.count({ where: { id: xConflictAsg } })).toBe(0);
    for (const [verb, url, body] of [
      ['get', `/api/jury/assignments/${xConflictAsg}`],
      ['get', `/api/scorecards/${xConflictAsg}`],
      ['put', `/api/scorecards/${xConflictAsg}`, { version: 1, values: [] }],
    ] as Array<[Verb, string, object?]>) {
      expectOutcome(await send(xConflictClient, verb, url, body), 'NOT_FOUND', `staff-conflicted ${verb} ${url}`);
    }
    const list = await xConflictClient.get('/api/jury/assignments').expect(200);
    expect(list.text).not.toContain(x1.id);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(xConflictAsg);
  });

  it('an assignment in a CLOSED round is gone for its juror (404 everywhere), while staff may still read its scorecard', async () => {
    const closedRound = await createRound(t.prisma, { callId: call.id, status: 'CLOSED' });
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const juror = await addJuror(t.prisma, closedRound.id, jurorUser.id);
    const asg = (await assign(t.prisma, closedRound.id, juror.id, a2.id)).id;
    const client = await signIn(jurorUser);
    for (const [verb, url, body] of [
      ['get', `/api/jury/assignments/${asg}`],
      ['get', `/api/jury/assignments/${asg}/attachments/${attachmentId}`],
      ['get', `/api/scorecards/${asg}`],
      ['put', `/api/scorecards/${asg}`, { version: 1, values: full(closedRound.criteria) }],
      ['post', `/api/scorecards/${asg}/submit`, { version: 1 }],
      ['post', '/api/jury/conflicts', { assignmentId: asg, reason: 'Trop tard.' }],
      ['get', `/api/jury/rounds/${closedRound.id}/ranking`],
    ] as Array<[Verb, string, object?]>) {
      expectOutcome(await send(client, verb, url, body), 'NOT_FOUND', `closed round ${verb} ${url}`);
    }
    expect((await client.get('/api/jury/assignments').expect(200)).body.items).toEqual([]);
    await clients.staff.get(`/api/scorecards/${asg}`).expect(200);
    expectOutcome(await send(clients.staff, 'get', `/api/jury/assignments/${asg}`), 'FORBIDDEN', 'closed round view (staff)');
    expect(await t.prisma.scorecard.count({ where: { assignmentId: asg } })).toBe(0);
  });

  it('an OPEN round past its closing date can be read but no longer scored (409 DEADLINE_PASSED)', async () => {
    const closesAt = new Date(Date.now() - 60_000);
    const lateRound = await createRound(t.prisma, { callId: call.id, status: 'OPEN', closesAt });
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const juror = await addJuror(t.prisma, lateRound.id, jurorUser.id);
    const asg = (await assign(t.prisma, lateRound.id, juror.id, a2.id)).id;
    const client = await signIn(jurorUser);
    await client.get(`/api/jury/assignments/${asg}`).expect(200);
    await client.get(`/api/scorecards/${asg}`).expect(200);
    const deadline = { ...errorBody('DEADLINE_PASSED'), details: { closesAt: closesAt.toISOString() } };
    expect((await send(client, 'put', `/api/scorecards/${asg}`, { version: 1, values: full(lateRound.criteria) }).expect(409)).body).toEqual(deadline);
    expect((await send(client, 'post', `/api/scorecards/${asg}/submit`, { version: 1 }).expect(409)).body).toEqual(deadline);
    expect(await t.prisma.scorecard.count({ where: { assignmentId: asg } })).toBe(0);
  });
});
