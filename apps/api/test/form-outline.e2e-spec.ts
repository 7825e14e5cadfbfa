import { ZCallFormOutline, type TFormDefinitionInput } from '@tahkim/contracts';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall } from './support/call-factory';

const browser = { Origin: APP_ORIGIN };
const text = (fr: string) => ({ ar: `ع ${fr}`, fr, en: `en ${fr}` });

/** Visible and hidden questions, a hidden step, and two document questions (one with defaults). */
const FORM: TFormDefinitionInput = {
  sections: [
    {
      key: 'organisation',
      title: text('Organisation'),
      description: text('Qui porte le projet'),
      fields: [
        { key: 'org_name', type: 'SHORT_TEXT', label: text('Nom'), required: true, identifying: true },
        { key: 'old_budget', type: 'MONEY', label: text('Ancien budget'), hidden: true },
        { key: 'kind', type: 'SINGLE_CHOICE', label: text('Statut'), options: [{ value: 'coop', label: text('Coopérative') }] },
      ],
    },
    { key: 'retired', title: text('Étape retirée'), hidden: true, fields: [{ key: 'retired_q', type: 'LONG_TEXT', label: text('Question retirée') }] },
    {
      key: 'documents',
      title: text('Documents'),
      fields: [
        {
          key: 'statutes',
          type: 'FILE',
          label: text('Statuts'),
          required: true,
          limits: { maxFiles: 2, maxFileSizeBytes: 5 * 1024 * 1024, acceptedMediaTypes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
        },
        { key: 'photos', type: 'FILE', label: text('Photos') },
      ],
    },
  ],
};

describe('public outline of a call form', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = t.agent();
    await staff.post('/api/auth/login').set(browser).send({ email: staffUser.email, password: staffUser.password }).expect(200);
  });
  afterAll(() => t.close());

  it('shows a visitor the visible steps, questions and documents of a published call, nothing internal', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, form: FORM });
    const res = await t.http().get(`/api/calls/${call.id}/form/outline`).expect(200);
    const outline = ZCallFormOutline.parse(res.body);

    expect(outline.callId).toBe(call.id);
    expect(outline.sections.map((section) => section.key)).toEqual(['organisation', 'documents']);
    expect(outline.sections[0]).toEqual({
      key: 'organisation',
      title: text('Organisation'),
      description: text('Qui porte le projet'),
      fields: [
        { key: 'org_name', type: 'SHORT_TEXT', label: text('Nom'), required: true },
        { key: 'kind', type: 'SINGLE_CHOICE', label: text('Statut'), required: false },
      ],
    });
    expect(outline.sections[1]!.fields).toEqual([
      {
        key: 'statutes',
        type: 'FILE',
        label: text('Statuts'),
        required: true,
        files: { maxFiles: 2, maxFileSizeBytes: 5 * 1024 * 1024, acceptedMediaTypes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
      },
      // No limits set: the ones the upload check applies (one PDF of at most 10 MB).
      { key: 'photos', type: 'FILE', label: text('Photos'), required: false, files: { maxFiles: 1, maxFileSizeBytes: 10 * 1024 * 1024, acceptedMediaTypes: ['application/pdf'] } },
    ]);

    const raw = JSON.stringify(res.body);
    for (const internal of ['old_budget', 'retired', 'retired_q', 'identifying', 'hidden', 'options', 'limits', 'locked', 'version']) {
      expect(raw).not.toContain(internal);
    }
  });

  it('is 404 for a draft call, even for staff, and for an unknown call', async () => {
    const draft = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT', form: FORM });
    const anonymous = await t.http().get(`/api/calls/${draft.id}/form/outline`).expect(404);
    expect(anonymous.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await staff.get(`/api/calls/${draft.id}/form/outline`).expect(404);

    const unknown = await t.http().get('/api/calls/00000000-0000-4000-8000-000000000000/form/outline').expect(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is 404 once the call is closed or archived', async () => {
    for (const status of ['CLOSED', 'ARCHIVED'] as const) {
      const call = await createCall(t.prisma, { createdById: staffUser.id, status, form: FORM });
      const res = await t.http().get(`/api/calls/${call.id}/form/outline`).expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
