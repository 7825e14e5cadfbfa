import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';
import { CALL_ID, reportFormFixture, staffCallFixture } from '../test-fixtures';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const FORM = `/api/calls/${CALL_ID}/programme/report-form`;

describe("a programme's report form", { timeout: 20_000 }, () => {
  it('edits the default form with the form builder and saves it with version 0 and the whole definition', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, staffCallFixture()),
      [`GET ${FORM}`]: () => json(200, reportFormFixture()),
      [`PUT ${FORM}`]: async (request) => {
        const body = (await request.clone().json()) as { definition: unknown };
        return json(200, reportFormFixture({ version: 1, definition: body.definition as never }));
      },
    });
    renderApp(`/admin/calls/${CALL_ID}/programme/report-form`);

    expect(await screen.findByRole('heading', { level: 1, name: "Formulaire des rapports d'avancement" })).toBeInTheDocument();
    expect(screen.getByText('Version 0')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "← Programme d'accompagnement · Fonds d’initiatives solidaires" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/programme`);

    fireEvent.click(screen.getByRole('button', { name: 'Descendre la question Qu’avez-vous réalisé pendant cette période ?' }));
    expect(screen.getByText('Modifications non enregistrées.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le formulaire' }));
    await waitFor(() => expect(screen.getByText('Toutes les modifications sont enregistrées.')).toBeInTheDocument());

    const put = calls.find((request) => request.method === 'PUT');
    const body = (await put!.clone().json()) as { version: number; definition: { sections: { fields: { key: string }[] }[] } };
    expect(body.version).toBe(0);
    expect(body.definition.sections[0]!.fields.map((field) => field.key)).toEqual(['difficulties', 'achievements', 'evidence']);
    expect(screen.getByText('Version 1')).toBeInTheDocument();
    expect(await screen.findByText('Formulaire des rapports enregistré (version 1).')).toBeInTheDocument();
  });

  it('keeps saved questions once reports were sent: hide, never delete', async () => {
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, staffCallFixture()),
      [`GET ${FORM}`]: () => json(200, reportFormFixture({ version: 2, locked: true })),
    });
    renderApp(`/admin/calls/${CALL_ID}/programme/report-form`);
    expect(await screen.findByText('Des rapports ont déjà été envoyés')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Supprimer la question Quelles difficultés avez-vous rencontrées ?' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Masquer la question Quelles difficultés avez-vous rencontrées ?' })).toBeInTheDocument();
  });
});
