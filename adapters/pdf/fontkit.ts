// fontkit is pdfkit's own font engine. We load the copy pdfkit resolves (not a second one of ours), so the
// font we parse is exactly what pdfkit would have parsed, and no extra dependency can drift from it.
import { createRequire } from 'node:module';

/** The part of a fontkit font this adapter uses. pdfkit takes such an object wherever it takes a font file. */
export interface FontkitFont {
  readonly postscriptName: string;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  /** hhea ascent and descent (negative), in font units */
  readonly ascent: number;
  readonly descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { readonly advanceWidth: number };
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont | { readonly fonts: readonly FontkitFont[] };
}

const requireHere = createRequire(import.meta.url);
const requireFromPdfkit = createRequire(requireHere.resolve('pdfkit'));
const fontkit = requireFromPdfkit('fontkit') as Fontkit;

/** Parses a font file's bytes (one .ttf or .otf face; a .ttc collection is refused). */
export function parseFont(bytes: Uint8Array): FontkitFont {
  const parsed = fontkit.create(bytes);
  if ('fonts' in parsed) {
    throw new Error(`the font file is a collection of ${parsed.fonts.length} faces: extract one face to a .ttf or .otf file`);
  }
  if (typeof parsed.layout !== 'function' || typeof parsed.hasGlyphForCodePoint !== 'function') {
    throw new Error('not a font fontkit can lay out');
  }
  return parsed;
}
