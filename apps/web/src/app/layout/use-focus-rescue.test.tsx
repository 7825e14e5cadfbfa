import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusRescue } from './use-focus-rescue';

function Page() {
  useFocusRescue('main');
  const [submitted, setSubmitted] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <main id="main">
      <h1>Fiche d’évaluation</h1>
      {submitted ? <p>Envoyée</p> : <button onClick={() => setSubmitted(true)}>Envoyer</button>}
      <button>Enregistrer</button>
      <button>Rester</button>
      <button onClick={() => setEditing(true)}>Ajouter une étape</button>
      {editing ? (
        <div role="dialog">
          <input aria-label="Titre" onKeyDown={(event) => event.key === 'Escape' && setEditing(false)} />
        </div>
      ) : null}
    </main>
  );
}

describe('focus rescue', () => {
  it('moves focus to the main heading when the focused control disappears', async () => {
    render(<Page />);
    const submit = screen.getByRole('button', { name: 'Envoyer' });
    submit.focus();
    act(() => submit.click());
    expect(screen.queryByRole('button', { name: 'Envoyer' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Fiche d’évaluation' })));
  });

  it('moves focus to the main heading when the focused control is hidden from interaction', async () => {
    render(<Page />);
    const save = screen.getByRole('button', { name: 'Enregistrer' });
    save.focus();
    act(() => {
      save.setAttribute('inert', '');
      save.blur();
    });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Fiche d’évaluation' })));
  });

  it('gives focus back to the control that opened a dialog removed as it closed', async () => {
    render(<Page />);
    const add = screen.getByRole('button', { name: 'Ajouter une étape' });
    add.focus();
    act(() => add.click());
    const title = screen.getByRole('textbox', { name: 'Titre' });
    title.focus();
    act(() => {
      title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(add));
  });

  it('leaves focus alone when the person moved it away from a control that is still there', async () => {
    render(<Page />);
    const stay = screen.getByRole('button', { name: 'Rester' });
    stay.focus();
    act(() => stay.blur());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.activeElement).toBe(document.body);
  });
});
