import ExcelJS from 'exceljs';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall } from './support/call-factory';
import { attachFile, createApplication, demoLikeAnswers } from './support/application-factory';

const browser = { Origin: APP_ORIGIN };
type Row = { id: string; reference: string | null; title: string | null; status: string; region: string | null };

describe('applications: staff table, screening and exports', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;
  let applicantClient: Client;
  let juror: Client;
  let call: Awaited<ReturnType<typeof createCall>>;
  const ids: Record<string, string> = {};

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    applicantClient = await signIn(await createUser(t.prisma));
    juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
    call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 5 });

    const day = 86_400_000;
    const samples: Array<[string, Parameters<typeof createApplication>[1]['status'], Record<string, unknown>, 'ELIGIBLE' | 'INELIGIBLE' | 'UNSURE' | undefined]> = [
      ['argan', 'SUBMITTED', {}, 'ELIGIBLE'],
      ['radio', 'SUBMITTED', { project_title: 'إذاعة الحوز المواطنة', social_impact: 'إذاعة محلية تمنح الكلمة لساكنة الحوز القروية وتكوّن الشباب.', region: 'MA-07', legal_form: 'association', beneficiary_groups: ['youth', 'rural'] }, 'UNSURE'],
      ['bikes', 'ELIGIBLE', { project_title: 'Vélo Médina', social_impact: 'Location de vélos et éducation à la sécurité routière.', region: 'MA-07', legal_form: 'association', beneficiary_groups: ['youth'] }, 'ELIGIBLE'],
      ['catering', 'SUBMITTED', { project_title: 'Atelier Traiteur Solidaire', social_impact: 'Former des femmes en difficulté aux métiers de la cuisine.', region: 'MA-06', legal_form: 'company', beneficiary_groups: ['women'], requested_amount: 450000 }, 'INELIGIBLE'],
      ['mothers', 'SUBMITTED', { project_title: 'Autonomie des mères', region: 'MA-09', legal_form: 'association', beneficiary_groups: ['women'] }, undefined],
      ['withdrawn', 'WITHDRAWN', { project_title: 'Projet retiré' }, undefined],
      ['draft', 'DRAFT', { project_title: 'Brouillon caché', social_impact: 'الحوز' }, undefined],
    ];
    for (const [index, [name, status, overrides, suggestion]] of samples.entries()) {
      const owner = await createUser(t.prisma, { locale: name === 'radio' ? 'ar' : 'fr' });
      const application = await createApplication(t.prisma, {
        callId: call.id,
        ownerId: owner.id,
        status: status === 'WITHDRAWN' ? 'SUBMITTED' : status,
        answers: demoLikeAnswers(overrides),
        submittedAt: new Date(Date.now() - (10 - index) * day),
        eligibilitySuggestion: suggestion,
      });
      if (status === 'WITHDRAWN') await t.prisma.application.update({ where: { id: application.id }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });
      ids[name] = application.id;
    }
    await attachFile(t.prisma, ids.radio!, 'pitch_deck', 'عرض-المشروع.pdf');
    // Another call's application never shows here.
    const otherCall = await createCall(t.prisma, { createdById: staffUser.id });
    await createApplication(t.prisma, { callId: otherCall.id, ownerId: staffUser.id, status: 'SUBMITTED', answers: demoLikeAnswers({ project_title: 'Autre appel' }) });
  }, 120_000);
  afterAll(() => t.close());

  const list = async (query: Record<string, string | string[]> = {}) => {
    const res = await staff.get(`/api/calls/${call.id}/applications`).query(query).expect(200);
    return res.body as { items: Row[]; total: number; page: number; pageSize: number };
  };
  const titles = (page: { items: Row[] }) => page.items.map((item) => item.title).sort();

  it('lists submitted applications (not drafts), newest first, with the applicant and region', async () => {
    const page = await list();
    expect(page.total).toBe(6);
    expect(page.items.map((item) => item.id)).toEqual([ids.withdrawn, ids.mothers, ids.catering, ids.bikes, ids.radio, ids.argan]);
    expect(page.items.find((item) => item.id === ids.radio)).toMatchObject({
      status: 'SUBMITTED',
      region: 'MA-07',
      reference: expect.stringMatching(new RegExp(`^${call.referencePrefix}-\\d{4}-\\d{4}$`)),
      eligibilitySuggestion: 'UNSURE',
      applicant: { displayName: expect.any(String), email: expect.stringContaining('@') },
    });
    expect(titles(await list({ status: 'DRAFT' }))).toEqual(['Brouillon caché']);
  });

  it('pages and sorts on the server', async () => {
    const first = await list({ pageSize: '2', page: '1', sort: 'title', order: 'asc' });
    const second = await list({ pageSize: '2', page: '2', sort: 'title', order: 'asc' });
    const fourth = await list({ pageSize: '2', page: '4', sort: 'title', order: 'asc' });
    expect(first).toMatchObject({ total: 6, page: 1, pageSize: 2 });
    expect(first.items.map((item) => item.title)).toEqual(['Atelier Traiteur Solidaire', 'Autonomie des mères']);
    expect(second.items.map((item) => item.title)).toEqual(['Huile d’argan équitable', 'Projet retiré']);
    expect(fourth.items).toEqual([]);
    const byReference = await list({ sort: 'reference', order: 'asc' });
    const references = byReference.items.map((item) => item.reference!);
    expect(references).toEqual([...references].sort());
    await staff.get(`/api/calls/${call.id}/applications`).query({ pageSize: '1000' }).expect(400);
    await staff.get(`/api/calls/${call.id}/applications`).query({ sort: 'password' }).expect(400);
  });

  it('filters by status, region, eligibility suggestion and any choice field', async () => {
    expect(titles(await list({ region: 'MA-07' }))).toEqual(['Vélo Médina', 'إذاعة الحوز المواطنة']);
    expect(titles(await list({ status: 'ELIGIBLE' }))).toEqual(['Vélo Médina']);
    expect(titles(await list({ eligibility: 'INELIGIBLE' }))).toEqual(['Atelier Traiteur Solidaire']);
    expect(titles(await list({ choice: 'legal_form:association' }))).toEqual(['Autonomie des mères', 'Vélo Médina', 'إذاعة الحوز المواطنة']);
    expect(titles(await list({ choice: 'beneficiary_groups:youth' }))).toEqual(['Vélo Médina', 'إذاعة الحوز المواطنة']);
    expect(titles(await list({ choice: ['beneficiary_groups:rural', 'legal_form:association'] }))).toEqual(['إذاعة الحوز المواطنة']);
    expect(titles(await list({ region: 'MA-07', choice: 'beneficiary_groups:women' }))).toEqual([]);
    const bad = await staff.get(`/api/calls/${call.id}/applications`).query({ choice: 'social_impact:x' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['choice', 0] }] });
  });

  it('searches titles, references, applicants and answers, Arabic included, ignoring case', async () => {
    expect(titles(await list({ q: 'الحوز' }))).toEqual(['إذاعة الحوز المواطنة']);
    expect(titles(await list({ q: 'القروية' }))).toEqual(['إذاعة الحوز المواطنة']);
    expect(titles(await list({ q: 'SÉCURITÉ ROUTIÈRE' }))).toEqual(['Vélo Médina']);
    expect(titles(await list({ q: 'vélo' }))).toEqual(['Vélo Médina']);
    const reference = (await t.prisma.application.findUniqueOrThrow({ where: { id: ids.catering } })).reference!;
    expect(titles(await list({ q: reference.toLowerCase() }))).toEqual(['Atelier Traiteur Solidaire']);
    const owner = await t.prisma.application.findUniqueOrThrow({ where: { id: ids.mothers }, include: { owner: true } });
    expect(titles(await list({ q: owner.owner.email.toUpperCase() }))).toEqual(['Autonomie des mères']);
    expect((await list({ q: '100%_' })).total).toBe(0);
  });

  it('keeps the table and the staff view of an application to staff', async () => {
    for (const client of [applicantClient, juror]) {
      const res = await client.get(`/api/calls/${call.id}/applications`).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      await client.get(`/api/admin/applications/${ids.radio}`).expect(403);
      await client.get(`/api/calls/${call.id}/applications.csv`).expect(403);
      await client.post(`/api/applications/${ids.radio}/screening`).set(browser).send({ decision: 'ELIGIBLE' }).expect(403);
    }
    expect((await t.http().get(`/api/calls/${call.id}/applications`).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await staff.get('/api/calls/00000000-0000-4000-8000-000000000000/applications').expect(404);

    const view = await staff.get(`/api/admin/applications/${ids.radio}`).expect(200);
    expect(view.body).toMatchObject({
      id: ids.radio,
      status: 'SUBMITTED',
      applicant: { email: expect.any(String), locale: 'ar' },
      eligibilitySuggestion: 'UNSURE',
      answers: { project_title: 'إذاعة الحوز المواطنة', pitch_deck: [expect.any(String)] },
      attachments: [expect.objectContaining({ fileName: 'عرض-المشروع.pdf' })],
      screeningNote: null,
    });
    await staff.get('/api/admin/applications/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('screens submitted applications, audited with before and after, and refuses drafts', async () => {
    // The call still accepts applications: screening now says it knows late ones may follow.
    const res = await staff.post(`/api/applications/${ids.mothers}/screening`).set(browser).send({ decision: 'INELIGIBLE', note: '  Hors zone  ', acknowledgeEarly: true }).expect(200);
    expect(res.body).toMatchObject({ status: 'INELIGIBLE', screeningNote: 'Hors zone', screenedBy: staffUser.id, screenedAt: expect.any(String) });
    const revised = await staff.post(`/api/applications/${ids.mothers}/screening`).set(browser).send({ decision: 'ELIGIBLE', acknowledgeEarly: true }).expect(200);
    expect(revised.body).toMatchObject({ status: 'ELIGIBLE', screeningNote: null });

    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'application.screened', entityId: ids.mothers }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: staffUser.id, before: { status: 'SUBMITTED', screeningNote: null }, after: { status: 'INELIGIBLE', screeningNote: 'Hors zone' } });
    expect(audit[1]).toMatchObject({ before: { status: 'INELIGIBLE', screeningNote: 'Hors zone' }, after: { status: 'ELIGIBLE' } });

    for (const id of [ids.draft, ids.withdrawn]) {
      const refused = await staff.post(`/api/applications/${id}/screening`).set(browser).send({ decision: 'ELIGIBLE', acknowledgeEarly: true }).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_SCREENABLE' } });
    }
    await staff.post(`/api/applications/${ids.argan}/screening`).set(browser).send({ decision: 'MAYBE' }).expect(400);
    expect(await t.prisma.auditEvent.count({ where: { action: 'application.screened', entityId: { in: [ids.draft!, ids.withdrawn!, ids.argan!] } } })).toBe(0);
  });

  it('exports the filtered list as CSV in UTF-8 with a byte-order mark, Arabic intact, labels in the staff’s language', async () => {
    const res = await staff.get(`/api/calls/${call.id}/applications.csv`).query({ region: 'MA-07', sort: 'title', order: 'asc' }).set('Accept-Language', 'fr').responseType('blob').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="applications-${call.slug}.csv"`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Référence,Statut,Candidat·e,Adresse e-mail,Envoyée le \(heure de Casablanca\),Éligibilité suggérée,Nom de l'organisation,/);
    expect(lines[0]).toContain('Présentation (PDF)');
    expect(lines[1]).toContain('Vélo Médina');
    expect(lines[1]).toContain('Marrakech-Safi');
    expect(lines[2]).toContain('إذاعة الحوز المواطنة');
    expect(lines[2]).toContain('"Jeunes; Populations rurales"');
    expect(lines[2]).toContain('عرض-المشروع.pdf');
    expect(lines[2]).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/);
  });

  it('exports XLSX that reads back with Arabic intact, right to left for Arabic readers', async () => {
    const res = await staff.get(`/api/calls/${call.id}/applications.xlsx`).query({ q: 'الحوز' }).set('Accept-Language', 'ar').responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="applications-${call.slug}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Buffer as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['المرجع', 'الحالة']);
    expect(header).toContain('الجهة');
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[1]).toBe('مودَع');
    expect(row).toContain('إذاعة الحوز المواطنة');
    expect(row).toContain('جهة مراكش آسفي');
    expect(row).toContain(150000);
  });
});
