import { currentLocale } from '../../app/i18n';
import { toApiError } from '../../lib/api';

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Uploads one file as multipart `file`, reporting progress (0..1) from the browser's upload events,
 * which fetch cannot give. Resolves with the API's JSON answer, rejects with an ApiError.
 */
export function uploadWithProgress<T>(path: string, file: File, onProgress: (fraction: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', new URL(path, window.location.origin).toString());
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    // Every byte is sent: the bar shows 100 % while the server checks and stores the file. (Waiting for
    // the answer instead meant the bar was removed in the same render, so 100 % was never seen.)
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(toApiError(0, undefined, new Error('network error during upload')));
    xhr.onabort = () => reject(toApiError(0, undefined, new DOMException('upload aborted', 'AbortError')));
    const data = new FormData();
    data.append('file', file, file.name);
    xhr.send(data);
  });
  return { promise, abort: () => xhr.abort() };
}
