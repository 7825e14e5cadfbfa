import { Drawer, Modal } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n';
import { TestProviders } from '../test/providers';
import { createQueryClient } from './query-client';

function renderDialogs() {
  return render(
    <TestProviders queryClient={createQueryClient()}>
      <Modal opened onClose={() => undefined} title="Conflit">
        <p>…</p>
      </Modal>
      <Drawer opened onClose={() => undefined} title="Fiches">
        <p>…</p>
      </Drawer>
    </TestProviders>,
  );
}

describe('dialogs', () => {
  afterEach(() => act(() => i18n.changeLanguage('fr')));

  it.each([
    ['fr', 'Fermer'],
    ['ar', 'إغلاق'],
    ['en', 'Close'],
  ])('name their close buttons in the page’s language (%s)', async (locale, name) => {
    await act(() => i18n.changeLanguage(locale));
    renderDialogs();
    expect(screen.getAllByRole('button', { name })).toHaveLength(2);
  });
});
