// Text bound for a document (an invoice's buyer, a contract's parties, a plan's overview …) is checked when it
// is saved, so that nothing is issued whose PDF the font cannot draw. Which characters the font draws is the
// PDF adapter's knowledge: core asks this port and never reads a font.
import { validationFailed, type FieldError } from './domain-error.js';

/** The characters the firm's documents can print (the PDF renderer's font answers). */
export interface DocumentCharset {
  /** Whether the documents' font draws this code point (line breaks and tabs are layout: drawable). */
  drawable(codePoint: number): boolean;
}
export const DocumentCharset = Symbol.for('yunzhou.DocumentCharset');

/** Text fields by their request path ('/buyer/name'); absent and null values are not checked. */
export type DocumentTexts = Readonly<Record<string, string | null | undefined>>;

const codePointLabel = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The characters of a text the documents cannot print, each once, in the order they appear. */
export function undrawableCharacters(charset: DocumentCharset, text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (!charset.drawable(ch.codePointAt(0) ?? 0)) found.add(ch);
  return [...found];
}

/**
 * One field error (`document.unsupported_characters`) per text that holds characters the documents cannot
 * print, naming the characters and their code points: a name saved so would make its invoice or contract
 * impossible to print for ever.
 */
export function undrawableFields(charset: DocumentCharset, texts: DocumentTexts): FieldError[] {
  const errors: FieldError[] = [];
  for (const [path, text] of Object.entries(texts)) {
    if (typeof text !== 'string' || text === '') continue;
    const characters = undrawableCharacters(charset, text);
    if (characters.length === 0) continue;
    errors.push({
      path,
      code: 'document.unsupported_characters',
      zh: `含有发票、合同等文档的字体无法显示的字符：${characters.map((c) => `“${c}”（${codePointLabel(c)}）`).join('、')}，请改用通用规范汉字或删去这些字符`,
      en: `holds characters the documents' font cannot print: ${characters.map((c) => `"${c}" (${codePointLabel(c)})`).join(', ')}; use standard characters or remove them`,
    });
  }
  return errors;
}

/** Refuses (validation.failed, each field named) text bound for a document that the documents cannot print. */
export function requireDrawable(charset: DocumentCharset, texts: DocumentTexts): void {
  const errors = undrawableFields(charset, texts);
  if (errors.length > 0) throw validationFailed(errors);
}
