import type { TFormDefinition, TFormDefinitionInput } from '@tahkim/contracts';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall, DEMO_LIKE_FORM } from './support/call-factory';
import { loadCallForm } from '../src/modules/calls/call-form';

const browser = { Origin: APP_ORIGIN };
const text = (fr: string) => ({ ar: `ع ${fr}`, fr, en: `en ${fr}` });

/** A deep copy of the demo-like form to edit in a test. */
function demoForm(): TFormDefinitionInput {
  return structuredClone(DEMO_LIKE_FORM) as TFormDefinitionInput;
}

describe('call forms', () => {
  let t: TestApp;
  let staff: Client;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let applicant: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  async function startApplication(callId: string) {
    const owner = await createUser(t.prisma);
    await t.prisma.application.create({ data: { callId, ownerId: owner.id, answers: { project_title: 'Traiteur solidaire' } } });
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    applicant = await signIn(await createUser(t.prisma));
  });
  afterAll(() => t.close());

  it('serves the form of a published call to anyone, in order, with defaults applied', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const res = await t.http().get(`/api/calls/${call.id}/form`).expect(200);
    expect(res.body).toMatchObject({ callId: call.id, version: 1, locked: false });
    const definition = res.body.definition as TFormDefinition;
    expect(definition.sections.map((section) => section.key)).toEqual(['organisation', 'project']);
    expect(definition.sections[1]!.fields.map((field) => field.key)).toEqual(DEMO_LIKE_FORM.sections[1]!.fields.map((field) => field.key));
    expect(definition.sections[0]!.fields.find((field) => field.key === 'region')).toMatchObject({ type: 'REGION', required: true, hidden: false, options: [] });
    expect(definition.sections[1]!.fields.find((field) => field.key === 'pitch_deck')).toMatchObject({ limits: { acceptedMediaTypes: ['application/pdf'], maxFiles: 1 } });
    expect((await applicant.get(`/api/calls/${call.id}/form`).expect(200)).body).toEqual(res.body);

    const loaded = await loadCallForm(t.prisma, call.id);
    expect(loaded.form).toEqual(definition);
    expect(loaded.version).toBe(1);

    await t.http().get('/api/calls/not-a-uuid/form').expect(404);
    await t.http().get('/api/calls/00000000-0000-4000-8000-000000000000/form').expect(404);
  });

  it('replaces the form in the given order, bumps the version, keeps a snapshot and audits it', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT' });
    const form = demoForm();
    form.sections.reverse();
    form.sections[0]!.fields.reverse();
    form.sections[0]!.fields.push({ key: 'team', type: 'LONG_TEXT', label: text('Équipe') });

    const res = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: form }).expect(200);
    expect(res.body).toMatchObject({ callId: call.id, version: 2, locked: false });
    expect(res.body.definition.sections.map((section: { key: string }) => section.key)).toEqual(['project', 'organisation']);
    expect(res.body.definition.sections[0].fields.map((field: { key: string }) => field.key)).toEqual(form.sections[0]!.fields.map((field) => field.key));

    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).formVersion).toBe(2);
    const versions = await t.prisma.formVersion.findMany({ where: { callId: call.id }, orderBy: { version: 'asc' } });
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    expect(versions[1]!.definition).toEqual(res.body.definition);
    expect(versions[1]!.createdById).toBe(staffUser.id);

    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: call.id, action: 'form.updated' } });
    expect(audit).toMatchObject({ actorId: staffUser.id, before: { version: 1 }, after: { version: 2, sections: ['project', 'organisation'] } });
    expect((audit.after as { fields: string[] }).fields).toContain('team');

    // Before any application, a field may be removed or change type freely.
    const smaller = demoForm();
    smaller.sections[1]!.fields = smaller.sections[1]!.fields.filter((field) => field.key !== 'beneficiaries');
    smaller.sections[1]!.fields[0]!.type = 'LONG_TEXT';
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 2, definition: smaller }).expect(200);
  });

  it('answers a stale version with 409 VERSION_CONFLICT and the current form', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT' });
    const mine = demoForm();
    mine.sections[0]!.title = text('Première modification');
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: mine }).expect(200);

    const theirs = demoForm();
    theirs.sections[0]!.title = text('Modification concurrente');
    const stale = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: theirs }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { callId: call.id, version: 2, locked: false } } });
    expect(stale.body.details.current.definition.sections[0].title).toEqual(text('Première modification'));
    expect(await t.prisma.formVersion.count({ where: { callId: call.id } })).toBe(2);
  });

  it('lets one of several simultaneous editors of the same version win', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT' });
    const editors = await Promise.all(
      ['A', 'B', 'C'].map((name) => {
        const form = demoForm();
        form.sections[0]!.title = text(`Éditeur ${name}`);
        return staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: form });
      }),
    );
    expect(editors.map((res) => res.status).sort()).toEqual([200, 409, 409]);
    expect(await t.prisma.formVersion.count({ where: { callId: call.id } })).toBe(2);
    const winner = editors.find((res) => res.status === 200)!;
    expect((await t.http().get(`/api/calls/${call.id}/form`)).status).toBe(404);
    expect((await staff.get(`/api/calls/${call.id}/form`).expect(200)).body).toEqual(winner.body);
  });

  it('once applications exist, refuses removing or retyping but accepts hiding and adding', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    await startApplication(call.id);
    expect((await t.http().get(`/api/calls/${call.id}/form`).expect(200)).body.locked).toBe(true);

    const removing = demoForm();
    removing.sections[1]!.fields = removing.sections[1]!.fields.filter((field) => field.key !== 'social_impact');
    const removed = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: removing }).expect(409);
    expect(removed.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'FORM_LOCKED', removedFields: ['social_impact'], removedSections: [], retypedFields: [] } });

    const droppingSection = demoForm();
    droppingSection.sections.pop();
    const dropped = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: droppingSection }).expect(409);
    expect(dropped.body.details).toMatchObject({ removedSections: ['project'], removedFields: expect.arrayContaining(['project_title', 'pitch_deck']) });

    const retyping = demoForm();
    retyping.sections[1]!.fields[0]!.type = 'LONG_TEXT';
    const retyped = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: retyping }).expect(409);
    expect(retyped.body.details).toMatchObject({ retypedFields: [{ key: 'project_title', from: 'SHORT_TEXT', to: 'LONG_TEXT' }] });
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).formVersion).toBe(1);

    const evolving = demoForm();
    evolving.sections[1]!.fields.find((field) => field.key === 'social_impact')!.hidden = true;
    evolving.sections[0]!.hidden = true;
    // A field may also move to another section: its key and type are what answers depend on.
    const website = evolving.sections[0]!.fields.splice(3, 1)[0]!;
    evolving.sections[1]!.fields.push(website, { key: 'business_model', type: 'LONG_TEXT', label: text('Modèle économique'), required: true });
    const res = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: evolving }).expect(200);
    expect(res.body).toMatchObject({ version: 2, locked: true });
    const project = res.body.definition.sections[1];
    expect(project.fields.find((field: { key: string }) => field.key === 'social_impact')).toMatchObject({ hidden: true });
    expect(project.fields.slice(-2).map((field: { key: string }) => field.key)).toEqual(['website', 'business_model']);
    expect(res.body.definition.sections[0]).toMatchObject({ key: 'organisation', hidden: true });
  });

  it('keeps the call’s eligibility rules consistent with the form', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT', eligibilityRules: [{ kind: 'AT_MOST', fieldKey: 'requested_amount', max: 100_000 }] });
    const without = demoForm();
    without.sections[1]!.fields = without.sections[1]!.fields.filter((field) => field.key !== 'requested_amount');
    const res = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: without }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['eligibilityRules', 0, 'fieldKey'] }] });

    const hidden = demoForm();
    hidden.sections[1]!.fields.find((field) => field.key === 'requested_amount')!.hidden = true;
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: hidden }).expect(200);
  });

  it('refuses an invalid definition with the path of each problem', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT' });
    const duplicate = demoForm();
    duplicate.sections[1]!.fields.push({ key: 'region', type: 'SHORT_TEXT', label: text('Encore') });
    const dup = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: duplicate }).expect(400);
    expect(dup.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['definition', 'sections', 1, 'fields', 6, 'key'] }] });

    const noOptions = demoForm();
    noOptions.sections[0]!.fields.push({ key: 'sector', type: 'SINGLE_CHOICE', label: text('Secteur') });
    const opt = await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: noOptions }).expect(400);
    expect(opt.body.details).toEqual([expect.objectContaining({ path: ['definition', 'sections', 0, 'fields', 7, 'options'] })]);

    const longLabel = demoForm();
    longLabel.sections[0]!.fields[0]!.label = { ar: '', fr: 'x'.repeat(501), en: '' };
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: longLabel }).expect(400);
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: { sections: [] } }).expect(400);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).formVersion).toBe(1);
  });
});
