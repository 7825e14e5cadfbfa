import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditExportButton } from '../features/audit/components/audit-export-button';
import { RankingExportButtons } from '../features/results/components/ranking-export-buttons';
import { json, mockApi, renderApp } from '../test/render';

function show(element: React.ReactNode, handlers: Parameters<typeof mockApi>[0]) {
  const api = mockApi(handlers);
  renderApp('/', [{ path: '/', element }]);
  return api;
}

/** A response whose bytes the test sends when it likes. */
function streamed(headers: Record<string, string>) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { response: new Response(body, { status: 200, headers }), send: (bytes: number) => controller.enqueue(new Uint8Array(bytes)), end: () => controller.close() };
}

// jsdom has no object URLs: keep each blob under a made-up one, and record the files handed over.
const blobs = new Map<string, Blob>();
const saved: { name: string; blob: Blob | undefined }[] = [];
beforeEach(() => {
  blobs.clear();
  saved.length = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const href = `blob:test/${blobs.size}`;
    blobs.set(href, blob as Blob);
    return href;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href) });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the download buttons shared by the exports', { timeout: 20_000 }, () => {
  it('asks for the chosen format, tells what has arrived, and hands the file over under the server’s name', async () => {
    const file = streamed({ 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="classement.csv"' });
    const api = show(<RankingExportButtons roundId="r 1" roundNumber={2} method="normalised" />, { 'GET /api/rounds/r%201/ranking.csv': () => file.response });

    fireEvent.click(await screen.findByRole('button', { name: 'Exporter en CSV' }));
    expect(await screen.findByText('Préparation du fichier…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exporter en Excel (XLSX)' })).toBeDisabled();
    file.send(3 * 1024);
    expect(await screen.findByText('3 Ko reçus…')).toBeInTheDocument();
    file.send(2 * 1024);
    expect(await screen.findByText('5 Ko reçus…')).toBeInTheDocument();
    file.end();

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('classement.csv');
    expect(saved[0]!.blob?.size).toBe(5 * 1024);
    expect(new URL(api.calls[0]!.url).searchParams.get('method')).toBe('normalised');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Exporter en Excel (XLSX)' })).toBeEnabled());
    expect(screen.queryByText(/Ko reçus/u)).not.toBeInTheDocument();
  });

  it('names the file itself when the server does not', async () => {
    const api = show(<AuditExportButton filters={{ page: 3, actor: 'amina' }} />, { 'GET /api/audit.csv': () => new Response('a,b\n', { headers: { 'content-type': 'text/csv' } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter en CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('audit-trail.csv');
    expect(new URL(api.calls[0]!.url).searchParams.get('actor')).toBe('amina');
  });

  it('shows a refusal, and hands nothing over', async () => {
    show(<AuditExportButton filters={{ page: 1 }} />, { 'GET /api/audit.csv': () => json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Accès refusé.', requestId: 'r' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter en CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Accès refusé.');
    expect(screen.getByRole('button', { name: 'Exporter en CSV' })).toBeEnabled();
    expect(saved).toHaveLength(0);
  });
});
