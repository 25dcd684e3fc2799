// 导入咨询 through the import-export plugin: the file sent as the raw body with the console's header and the
// session cookie; the job then runs on the server. Always as octet-stream: the server recognises .xlsx and .csv
// from their bytes, and browsers label a .csv variously (application/vnd.ms-excel on Windows).
import { apiUrl, problemOf } from '../../api/client.js';
import { currentLocale } from '../../i18n/index.js';
import type { ImportJob } from './types.js';

export const IMPORTS = '/plugins/import-export/imports';

export async function uploadImport(file: File): Promise<ImportJob> {
  const res = await fetch(`${apiUrl(IMPORTS)}?${new URLSearchParams({ fileName: file.name || 'import.xlsx' }).toString()}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'Accept-Language': currentLocale(), 'X-Requested-With': 'yunzhou-console' },
    body: file,
  });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as ImportJob;
}

/** The report's address for a link (the job names it from the API's root). */
export function reportHref(job: ImportJob): string {
  return apiUrl(job.reportUrl.replace(/^\/api\/v1/, ''));
}
