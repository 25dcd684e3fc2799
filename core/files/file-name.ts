// The name a file was uploaded under: kept for display and downloads only, never used as a storage path.

const MAX_NAME_CHARS = 200;

/**
 * The client's file name made safe to show and to send back: no folders (either slash), no control or
 * bidirectional-override characters, trimmed, at most 200 characters (the extension kept); '未命名' if empty.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const printable = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const chars = [...printable];
  if (chars.length === 0 || printable === '.' || printable === '..') return '未命名';
  if (chars.length <= MAX_NAME_CHARS) return printable;
  const dot = printable.lastIndexOf('.');
  const ext = dot > 0 ? [...printable.slice(dot)] : [];
  if (ext.length > 0 && ext.length <= 10) return chars.slice(0, MAX_NAME_CHARS - ext.length).join('') + ext.join('');
  return chars.slice(0, MAX_NAME_CHARS).join('');
}
