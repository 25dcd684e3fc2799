// How large an upload may be: the tenant's setting `maxUploadBytes`, 5 MB when unset, never above the
// installation's hard ceiling (the HTTP route refuses larger declared bodies before reading them).
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const HARD_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** The tenant's upload limit in bytes: its `maxUploadBytes` setting when a positive integer, else 5 MB; at most 64 MB. */
export function uploadLimitOf(settings: Readonly<Record<string, unknown>> | undefined): number {
  const v = settings?.maxUploadBytes;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) return DEFAULT_MAX_UPLOAD_BYTES;
  return Math.min(v, HARD_MAX_UPLOAD_BYTES);
}

/** "5 MB", "512 KB": a limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
