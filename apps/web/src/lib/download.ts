import { currentLocale } from '../app/i18n';
import { toApiError } from './api';

/**
 * What the generated client does not cover: files built by the API (exports), read as bytes with
 * progress. Errors go through the app's one `toApiError`, so callers only ever see ApiError.
 */
export type QueryValue = string | number | boolean | undefined | null | readonly string[];

export function toSearchParams(query: Record<string, QueryValue> | undefined): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else search.set(key, String(value));
  }
  return search;
}

function url(path: string, query?: Record<string, QueryValue>): string {
  const search = toSearchParams(query).toString();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return `${origin}${path}${search ? `?${search}` : ''}`;
}

async function send(method: string, path: string, init: { body?: unknown; query?: Record<string, QueryValue> }): Promise<Response> {
  const headers = new Headers({ 'Accept-Language': currentLocale() });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await globalThis.fetch(
      new Request(url(path, init.query), {
        method,
        headers,
        credentials: 'include',
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
  } catch (cause) {
    throw toApiError(0, undefined, cause);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  return response;
}

/**
 * Downloads a file the API builds (an export): reads it while reporting the bytes received, then
 * hands it to the browser under the name the server gave.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
  onProgress?: (received: number) => void,
): Promise<void> {
  const response = await send('GET', path, { query });
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress?.(received);
    }
  }
  const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' });
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
