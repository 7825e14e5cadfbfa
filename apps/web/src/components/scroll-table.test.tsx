import { Table } from '@mantine/core';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../app/i18n';
import { TestProviders } from '../test/providers';
import { hiddenEdges, ScrollTable } from './scroll-table';

/** jsdom lays nothing out: the table's box reports the sizes a browser would. */
const layout = { scrollWidth: 0, clientWidth: 0 };
const isBox = (element: Element) => element.classList.contains('scroll-table-box');

/** The ResizeObservers the component creates, to play a resize of the window or of the table. */
const observers: Array<() => void> = [];

beforeEach(() => {
  layout.scrollWidth = 320;
  layout.clientWidth = 320;
  observers.length = 0;
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isBox(this) ? layout.scrollWidth : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isBox(this) ? layout.clientWidth : 0;
  });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        observers.push(callback);
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

function renderTable() {
  return render(
    <TestProviders queryClient={new QueryClient()}>
      <ScrollTable label="Candidatures reçues" minWidth={980}>
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>FAB-2026-0001</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </TestProviders>,
  );
}

const shell = (region: HTMLElement) => region.closest('.scroll-table') as HTMLElement;

describe('hiddenEdges', () => {
  it('finds nothing hidden when the table fits, even with a pixel of rounding', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 328, clientWidth: 328 })).toEqual({ start: false, end: false });
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 329, clientWidth: 328 })).toEqual({ start: false, end: false });
  });

  it('follows the scroll from the start to the end, left to right', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 980, clientWidth: 328 })).toEqual({ start: false, end: true });
    expect(hiddenEdges({ scrollLeft: 300, scrollWidth: 980, clientWidth: 328 })).toEqual({ start: true, end: true });
    expect(hiddenEdges({ scrollLeft: 652, scrollWidth: 980, clientWidth: 328 })).toEqual({ start: true, end: false });
  });

  it('reads the negative scroll of a right-to-left page the same way', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 980, clientWidth: 328 })).toEqual({ start: false, end: true });
    expect(hiddenEdges({ scrollLeft: -300, scrollWidth: 980, clientWidth: 328 })).toEqual({ start: true, end: true });
    expect(hiddenEdges({ scrollLeft: -652, scrollWidth: 980, clientWidth: 328 })).toEqual({ start: true, end: false });
  });
});

describe('ScrollTable', () => {
  it('is a named region that takes keyboard focus, with no cue while the table fits', () => {
    renderTable();
    const region = screen.getByRole('region', { name: 'Candidatures reçues' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByText(/Faites défiler le tableau/)).not.toBeInTheDocument();
    expect(shell(region)).not.toHaveAttribute('data-hidden-end');
  });

  it('says more columns scroll when the table is wider than its box, and marks the edges that hide columns', () => {
    layout.scrollWidth = 980;
    layout.clientWidth = 328;
    renderTable();
    const region = screen.getByRole('region', { name: 'Candidatures reçues' });
    const cue = screen.getByText('Faites défiler le tableau sur le côté pour voir toutes ses colonnes.');
    expect(region).toHaveAttribute('aria-describedby', cue.id);
    expect(shell(region)).toHaveAttribute('data-hidden-end');
    expect(shell(region)).not.toHaveAttribute('data-hidden-start');

    region.scrollLeft = 652;
    fireEvent.scroll(region);
    expect(shell(region)).toHaveAttribute('data-hidden-start');
    expect(shell(region)).not.toHaveAttribute('data-hidden-end');
    // Scrolled to the end, columns still hide at the start: the cue stays.
    expect(cue).toBeInTheDocument();
  });

  it('shows or drops the cue when the window or the table changes size', () => {
    renderTable();
    expect(screen.queryByText(/Faites défiler le tableau/)).not.toBeInTheDocument();
    expect(observers.length).toBeGreaterThan(0);

    layout.clientWidth = 328;
    layout.scrollWidth = 980;
    act(() => observers.forEach((resized) => resized()));
    expect(screen.getByText(/Faites défiler le tableau/)).toBeInTheDocument();

    layout.clientWidth = 1100;
    act(() => observers.forEach((resized) => resized()));
    expect(screen.queryByText(/Faites défiler le tableau/)).not.toBeInTheDocument();
  });

  it('speaks the page language and follows a right-to-left scroll', async () => {
    await i18n.changeLanguage('ar');
    layout.scrollWidth = 980;
    layout.clientWidth = 328;
    renderTable();
    const region = screen.getByRole('region', { name: 'Candidatures reçues' });
    expect(screen.getByText('مرّر الجدول أفقيًا لرؤية باقي أعمدته.')).toBeInTheDocument();
    region.scrollLeft = -300;
    fireEvent.scroll(region);
    expect(shell(region)).toHaveAttribute('data-hidden-start');
    expect(shell(region)).toHaveAttribute('data-hidden-end');
  });
});
