// Text that can be stored as it is: no NUL (U+0000, which PostgreSQL refuses in text and jsonb) and no lone
// UTF-16 surrogate (which would be stored as U+FFFD). docs/decisions/text-input.md.

// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text may be stored as it is. */
export function isCleanText(s: string): boolean {
  return !BAD_TEXT.test(s);
}

export const BAD_TEXT_MESSAGE = { zh: '不能包含空字符或无效的 Unicode 字符', en: 'must not contain NUL or invalid Unicode characters' } as const;
