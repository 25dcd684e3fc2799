// Measuring and wrapping text ourselves, from the font's advance widths (cached per renderer): faster than
// pdfkit's line wrapper, and it never adds a page behind our back, so every layout knows its heights first.
import type { FontkitFont } from './fontkit.js';

// A line may not start with closing punctuation, nor end with opening punctuation (the common 避头尾 rule).
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’％‰…—·,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{￥¥']);
// Runs of these characters are words, kept on one line when they fit: Latin words, numbers, amounts.
const WORD_CHAR = /[A-Za-z0-9@#&_.,:/%+\-*]/;

export class TextMeasure {
  private readonly advances = new Map<number, number>();
  private readonly unitsPerEm: number;
  /** Distance from a line's top (as pdfkit places text) to its baseline, per point of font size. */
  readonly ascentRatio: number;
  /** A line's height per point of font size, without extra gap. */
  readonly lineHeightRatio: number;

  constructor(private readonly font: FontkitFont) {
    this.unitsPerEm = font.unitsPerEm;
    this.ascentRatio = font.ascent / font.unitsPerEm;
    this.lineHeightRatio = (font.ascent - font.descent) / font.unitsPerEm;
  }

  /** Width of a single line of text in points. */
  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.advance(ch.codePointAt(0) ?? 0);
    return (units * size) / this.unitsPerEm;
  }

  /** Splits text into lines no wider than `width` (hard breaks kept; a word wider than a line is cut). */
  wrap(text: string, width: number, size: number): string[] {
    // Most cells are one short line: no need to tokenise them.
    if (!/[\n\r\t]/.test(text) && this.width(text, size) <= width) return [text];
    const lines: string[] = [];
    for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) this.wrapParagraph(paragraph, width, size, lines);
    return lines;
  }

  private wrapParagraph(paragraph: string, width: number, size: number, out: string[]): void {
    const maxUnits = (width * this.unitsPerEm) / size;
    let line = '';
    let lineUnits = 0;
    let wrapped = false;
    const flush = (): void => {
      out.push(line.trimEnd());
      line = '';
      lineUnits = 0;
      wrapped = true;
    };
    for (const token of tokens(paragraph)) {
      if (token === ' ' && line === '' && wrapped) continue; // no space at the start of a wrapped line
      const units = this.unitsOf(token);
      if (lineUnits + units <= maxUnits || line === '') {
        if (units > maxUnits && line === '') {
          // A single word wider than the line: cut it character by character.
          for (const ch of token) {
            const u = this.advance(ch.codePointAt(0) ?? 0);
            if (lineUnits + u > maxUnits && line !== '') flush();
            line += ch;
            lineUnits += u;
          }
          continue;
        }
        line += token;
        lineUnits += units;
        continue;
      }
      if (token === ' ') {
        flush();
        continue;
      }
      if (NO_LINE_START.has(token)) {
        // Closing punctuation hangs into the margin rather than starting a line.
        line += token;
        lineUnits += units;
        continue;
      }
      // Opening punctuation at the end of the line moves down with what it opens.
      let carried = '';
      const last = [...line].at(-1);
      if (last !== undefined && NO_LINE_END.has(last) && line.length > last.length) {
        carried = last;
        line = line.slice(0, -last.length);
      }
      flush();
      line = carried + token;
      lineUnits = this.unitsOf(line);
    }
    if (line !== '' || !wrapped) flush();
  }

  private unitsOf(text: string): number {
    let units = 0;
    for (const ch of text) units += this.advance(ch.codePointAt(0) ?? 0);
    return units;
  }

  private advance(cp: number): number {
    let a = this.advances.get(cp);
    if (a === undefined) {
      a = this.font.glyphForCodePoint(cp).advanceWidth;
      this.advances.set(cp, a);
    }
    return a;
  }
}

// Words (runs of WORD_CHAR), single spaces and single other characters (each CJK character may break).
function* tokens(text: string): Generator<string> {
  let word = '';
  for (const ch of text) {
    if (WORD_CHAR.test(ch)) {
      word += ch;
      continue;
    }
    if (word !== '') {
      yield word;
      word = '';
    }
    yield ch;
  }
  if (word !== '') yield word;
}
