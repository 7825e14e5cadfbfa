import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { TCallStaff } from '@tahkim/contracts';
import { signIn } from './support/app';
import { DEMO, expect, test } from './support/test';

/** Types a date and a time of day into the date-time field named `label` (French page). */
async function typeDateTime(page: Page, label: RegExp, date: string, time: string) {
  const field = page.getByRole('group', { name: label });
  await field.getByRole('textbox', { name: /^Date \(jj\/mm\/aaaa\)/u }).fill(date);
  await field.getByRole('textbox', { name: /^Heure \(hh:mm, 24 h\)/u }).fill(time);
}

/**
 * Morocco moved to permanent UTC+0 on 2026-09-20; browsers' own time-zone data varies (older ones
 * still say UTC+1). A staff member abroad types 18:00 Casablanca time: the API receives "…T18:00" and
 * stores 18:00 UTC, and every visitor reads 18:00, UTC+00:00, whatever their browser's zone.
 */
test('a deadline typed as 18:00 from a browser in New York is stored at 18:00 UTC and shown as 18:00 (UTC+00:00) in Tokyo', async ({ newPerson }) => {
  // Three browsers, a call created in one of them and published: over 30 s on a busy machine.
  test.setTimeout(90_000);
  const staff = await newPerson({ timezoneId: 'America/New_York' });
  await signIn(staff, 'fr', DEMO.staff);
  await expect(staff).not.toHaveURL(/\/login/);

  // A winter day a few weeks ahead (the test date is read in UTC; Casablanca is UTC+0 then).
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const suffix = randomBytes(3).toString('hex');
  const slug = `fuseau-${suffix}`;
  await staff.goto('/admin/calls/new');
  await expect(staff.getByRole('heading', { level: 1, name: 'Nouvel appel à projets' })).toBeVisible();
  await staff.getByRole('textbox', { name: 'Titre', exact: true }).filter({ visible: true }).fill(`Appel fuseau ${suffix}`);
  await staff.getByLabel(/^Identifiant dans l'adresse/u).fill(slug);
  await staff.getByLabel(/^Préfixe des numéros/u).fill(`TZ${suffix.toUpperCase()}`);
  // Typed day/month/year and on 24 hours, as the French page asks, whatever the browser's language.
  const typed = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  await typeDateTime(staff, /^Ouverture des candidatures/u, typed, '09:00');
  await typeDateTime(staff, /^Date limite de dépôt/u, typed, '18:00');
  await expect(staff.getByText('Heure du Maroc (Africa/Casablanca), soit UTC+00:00 à cette date.').first()).toBeVisible();

  const sent = staff.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/calls');
  await staff.getByRole('button', { name: "Créer l'appel" }).click();
  // The browser sends the wall-clock time as typed: its own zone data plays no part.
  expect((await sent).postDataJSON()).toMatchObject({ opensAt: `${day}T09:00`, closesAt: `${day}T18:00` });
  // A new call opens on its home, whose next step is its form.
  await expect(staff).toHaveURL(/\/admin\/calls\/[0-9a-f-]{36}$/);

  const list = (await (await staff.request.get('/api/admin/calls')).json()) as { items: TCallStaff[] };
  const call = list.items.find((item) => item.slug === slug)!;
  expect(call.closesAt).toBe(`${day}T18:00:00.000Z`);
  expect(call.opensAt).toBe(`${day}T09:00:00.000Z`);
  expect(call.closesAtLocal).toEqual({ dateTime: `${day}T18:00`, offset: '+00:00' });

  // The editor shows back the server's wall-clock time, not New York's reading of the instant.
  await staff.goto(`/admin/calls/${call.id}/settings`);
  const deadlineField = staff.getByRole('group', { name: /^Date limite de dépôt/u });
  await expect(deadlineField.getByRole('textbox', { name: /^Date/u })).toHaveValue(typed);
  await expect(deadlineField.getByRole('textbox', { name: /^Heure/u })).toHaveValue('18:00');

  // Published (a question first), so that anyone can read it.
  const form = await (await staff.request.get(`/api/calls/${call.id}/form`)).json();
  const saved = await staff.request.put(`/api/calls/${call.id}/form`, {
    data: {
      version: form.version,
      definition: {
        sections: [{ key: 'general', title: { ar: 'عام', fr: 'Général', en: 'General' }, fields: [{ key: 'project_title', type: 'SHORT_TEXT', label: { ar: 'العنوان', fr: 'Titre du projet', en: 'Project title' }, required: true }] }],
      },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await staff.request.post(`/api/calls/${call.id}/publish`);
  expect(published.status(), await published.text()).toBe(200);

  for (const timezoneId of ['Asia/Tokyo', 'America/New_York']) {
    const visitor = await newPerson({ timezoneId });
    await visitor.goto(`/calls/${slug}`);
    await expect(visitor.getByRole('heading', { level: 1, name: `Appel fuseau ${suffix}` })).toBeVisible();
    const deadline = visitor.locator(`time[datetime="${day}T18:00:00.000Z"]`).first();
    await expect(deadline).toContainText('18:00');
    await expect(deadline).toContainText('(heure du Maroc, UTC+00:00)');
  }
});
