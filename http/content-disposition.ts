// Content-Disposition for downloads: an ASCII `filename` for old clients and the real (often Chinese) name
// as RFC 5987 / RFC 6266 `filename*=UTF-8''…`.

/** `attachment; filename="___.pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf` for a name like 合同.pdf. */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
