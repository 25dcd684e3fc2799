// Sends a file to the files API (POST /files, raw body) with upload progress, which fetch cannot report:
// XMLHttpRequest's upload events. A refusal (413 file.too_large, unsupported type …) is an ApiProblem with
// the server's own message, as every other call.
import { ApiProblem, apiUrl } from '../api/client.js';
import { currentLocale } from '../i18n/index.js';

export interface UploadTarget {
  readonly subjectType: string;
  readonly subjectId: string;
  readonly kind: string;
}

export interface UploadedFile {
  readonly id: string;
  readonly kind: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly contentUrl: string;
}

/** Uploads `file`; `onProgress` gets 0–100 as bytes leave the device. */
export function uploadFile(target: UploadTarget, file: File, onProgress: (percent: number) => void = () => {}): Promise<UploadedFile> {
  const query = new URLSearchParams({ ...target, fileName: file.name || 'file' });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiUrl('/files')}?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.setRequestHeader('X-Requested-With', 'yunzhou-console');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { code?: string; detail?: string; title?: string; errors?: [] } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as UploadedFile);
      } else {
        reject(new ApiProblem(xhr.status, body.code ?? `http.${xhr.status}`, body.detail ?? body.title ?? xhr.statusText, body.errors ?? []));
      }
    };
    xhr.onerror = () => reject(new ApiProblem(0, 'network.offline', navigator.onLine ? 'network error' : 'offline'));
    xhr.send(file);
  });
}
