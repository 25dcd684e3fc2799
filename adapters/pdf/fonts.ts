// The fonts a renderer draws with: read from disk and parsed once per renderer, then handed to every
// document as the parsed font (pdfkit would otherwise parse the whole CJK font again for each PDF).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { domainError, type DomainError } from '../../core/shared/domain-error.js';
import { parseFont, type FontkitFont } from './fontkit.js';

/** The font shipped in assets/fonts: Noto Sans CJK SC cut to GB 18030-2022 level 2 and 通用规范汉字表 (OFL, see OFL.txt there). */
export const DEFAULT_FONT_FILE = 'NotoSansSC-GB18030-Regular.otf';

export interface PdfFonts {
  readonly regular: FontkitFont;
  /** A real bold face when one was configured; otherwise headings are drawn as stroked (faux) bold. */
  readonly bold: FontkitFont | null;
}

/** The shipped font's path: assets/fonts in the package root, found from here in the sources and in dist/. */
export function defaultFontPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, 'assets', 'fonts', DEFAULT_FONT_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the PDF font assets/fonts/${DEFAULT_FONT_FILE} is missing from the package; pass fontPath to createPdfRenderer`);
}

/** Reads and parses the configured fonts (the shipped one by default). A missing or broken file is a configuration bug. */
export function loadFonts(options: { fontPath?: string; boldFontPath?: string } = {}): PdfFonts {
  return {
    regular: loadFont(options.fontPath ?? defaultFontPath()),
    bold: options.boldFontPath === undefined ? null : loadFont(options.boldFontPath),
  };
}

function loadFont(path: string): FontkitFont {
  try {
    return parseFont(readFileSync(path));
  } catch (e) {
    throw new Error(`cannot use the PDF font ${path}: ${(e as Error).message}`, { cause: e });
  }
}

// Line breaks and tabs are layout, not glyphs: the renderer breaks lines on them and draws tabs as spaces.
const LAYOUT_CHARACTERS = new Set([0x0a, 0x0d, 0x09]);

/**
 * Every character of the document's texts that a font cannot draw, with where it was found. A document is
 * refused rather than printed with empty boxes, which on an invoice or a contract would misstate a name.
 */
export function unsupportedCharacters(fonts: PdfFonts, data: unknown): { characters: string[]; fields: string[] } {
  const characters = new Set<string>();
  const fields = new Set<string>();
  const drawable = coverage(fonts);
  walkTexts(data, '', (text, path) => {
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (LAYOUT_CHARACTERS.has(cp)) continue;
      if (!drawable(cp)) {
        characters.add(ch);
        fields.add(path);
      }
    }
  });
  return { characters: [...characters], fields: [...fields] };
}

/** Whether the fonts draw a code point, line breaks and tabs counting as drawable: the DocumentCharset port. */
export function drawableBy(fonts: PdfFonts): (codePoint: number) => boolean {
  const drawable = coverage(fonts);
  return (cp) => LAYOUT_CHARACTERS.has(cp) || drawable(cp);
}

// Whether every face has a glyph for a code point, remembered per set of fonts (a cmap lookup costs more).
const coverageCache = new WeakMap<PdfFonts, (cp: number) => boolean>();
function coverage(fonts: PdfFonts): (cp: number) => boolean {
  let drawable = coverageCache.get(fonts);
  if (!drawable) {
    const known = new Map<number, boolean>();
    const faces = fonts.bold ? [fonts.regular, fonts.bold] : [fonts.regular];
    drawable = (cp) => {
      let yes = known.get(cp);
      if (yes === undefined) {
        yes = faces.every((f) => f.hasGlyphForCodePoint(cp));
        known.set(cp, yes);
      }
      return yes;
    };
    coverageCache.set(fonts, drawable);
  }
  return drawable;
}

/** Refuses a document whose texts hold characters the fonts cannot draw, listing the characters and fields. */
export function assertDrawable(fonts: PdfFonts, data: unknown): void {
  const { characters, fields } = unsupportedCharacters(fonts, data);
  if (characters.length > 0) throw unsupported(characters, fields);
}

function unsupported(characters: readonly string[], fields: readonly string[]): DomainError {
  const codePoints = characters.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  const listed = characters.map((c, i) => `“${c}”（${codePoints[i]}）`).join('、');
  return domainError(
    'document.unsupported_characters',
    'invalid',
    `文档中有字体无法显示的字符：${listed}，位于 ${fields.join('、')}。请改用常用汉字或删去这些字符（表情符号等无法打印）`,
    `The document has characters the font cannot draw: ${characters.map((c, i) => `"${c}" (${codePoints[i]})`).join(', ')} in ${fields.join(', ')}. Replace or remove them (emoji and rare scripts cannot be printed)`,
    { characters: [...characters], codePoints, fields: [...fields] },
  );
}

function walkTexts(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path || '/');
  else if (Array.isArray(value)) value.forEach((v, i) => walkTexts(v, `${path}/${i}`, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkTexts(v, `${path}/${k}`, visit);
  }
}
