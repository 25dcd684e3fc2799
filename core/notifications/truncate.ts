// Cutting text to a vendor's limit without breaking a character: limits are counted in UTF-8 bytes (WeCom),
// UTF-16 code units (a conservative reading of Aliyun's "characters"), or bytes after HTML escaping. The cut
// falls between code points, so a surrogate pair (an emoji, a rare 汉字 outside the BMP) is kept or dropped
// whole, and an ellipsis says something was left out.

/** What one code point costs against a limit. */
export type Cost = (codePoint: string) => number;

export const utf8Bytes: Cost = (cp) => {
  const c = cp.codePointAt(0) ?? 0;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
};

/** UTF-16 code units: what JavaScript's and Java's `length` count. */
export const utf16Units: Cost = (cp) => cp.length;

/** The total cost of a text. */
export function costOf(text: string, cost: Cost): number {
  let n = 0;
  for (const cp of text) n += cost(cp);
  return n;
}

export function utf8Length(text: string): number {
  return costOf(text, utf8Bytes);
}

/**
 * The longest prefix of `text` (whole code points) that, with `ellipsis` appended when something was cut,
 * costs at most `limit`. A text within the limit comes back unchanged; a lone surrogate in the input is
 * treated as one code point and never paired up with anything.
 */
export function truncate(text: string, limit: number, cost: Cost, ellipsis = '…'): string {
  if (costOf(text, cost) <= limit) return text;
  const room = limit - costOf(ellipsis, cost);
  if (room < 0) return '';
  let used = 0;
  let out = '';
  for (const cp of text) {
    const c = cost(cp);
    if (used + c > room) break;
    used += c;
    out += cp;
  }
  return out + ellipsis;
}

/** Truncate to a number of UTF-8 bytes. */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  return truncate(text, maxBytes, utf8Bytes, ellipsis);
}

/** Truncate to a number of UTF-16 code units. */
export function truncateUnits(text: string, maxUnits: number, ellipsis = '…'): string {
  return truncate(text, maxUnits, utf16Units, ellipsis);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escape for HTML, cutting first so that the escaped text fits `maxBytes` and no entity is split. */
export function escapeHtmlWithin(text: string, maxBytes: number): string {
  return escapeHtml(truncate(text, maxBytes, (cp) => utf8Length(HTML_ESCAPES[cp] ?? cp)));
}
