// A thin drawing surface over one pdfkit document: text placed by its top or its middle, our own wrapping,
// lines and boxes. Layouts speak points (1/72 inch); `mm()` converts from the millimetres forms are drawn in.
import type { PdfFonts } from './fonts.js';
import type { TextMeasure } from './text-measure.js';

export type Align = 'left' | 'center' | 'right';

/** A layout drawing a document: it yields each time it has finished a page (the last, when it returns). */
export type Drawing = Generator<void, void, void>;

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
}

/** The parsed fonts and their measures, shared by every document a renderer draws. */
export interface FontKit {
  readonly fonts: PdfFonts;
  readonly regular: TextMeasure;
  readonly bold: TextMeasure;
}

export const BLACK = '#1a1a1a';

/** A document that draws nothing (every call returns it again, so chains work): for laying out without drawing. */
export const NO_DOCUMENT: PDFKit.PDFDocument = new Proxy({}, { get: () => () => NO_DOCUMENT }) as PDFKit.PDFDocument;

/** Millimetres to points. */
export function mm(v: number): number {
  return (v * 72) / 25.4;
}

// Where a CJK ideograph's visual middle sits above the baseline, per point of size (its em box is -0.12…0.88).
const IDEOGRAPH_MIDDLE = 0.38;

export class Canvas {
  private font = '';
  private size = 0;
  private color = '';

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly kit: FontKit,
  ) {
    // pdfkit accepts a parsed fontkit font wherever it takes a font file: no re-parse per document.
    doc.registerFont('regular', kit.fonts.regular as unknown as Buffer);
    if (kit.fonts.bold) doc.registerFont('bold', kit.fonts.bold as unknown as Buffer);
  }

  /** Starts a new page; the PDF's graphics state starts afresh with it, so our cached state does too. */
  addPage(size: [number, number], margins?: { top: number; bottom: number; left: number; right: number }): void {
    this.doc.addPage({ size, margins: margins ?? { top: 0, bottom: 0, left: 0, right: 0 } });
    this.resetState();
  }

  /** Forgets the font and colour last set, so the next text sets them again (after switching pages). */
  resetState(): void {
    this.font = '';
    this.size = 0;
    this.color = '';
  }

  /** Width of one line of text. */
  width(text: string, style: TextStyle): number {
    return this.measure(style).width(text, style.size);
  }

  /** Height of one line of text of this size (no gap). */
  lineHeight(style: TextStyle): number {
    return this.measure(style).lineHeightRatio * style.size;
  }

  /** The text broken into lines that fit the width. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    return this.measure(style).wrap(text, width, style.size);
  }

  /** One line of text whose line box starts at y; aligned inside [x, x + width] when a width is given. */
  text(text: string, x: number, y: number, style: TextStyle, box?: { width: number; align: Align }): void {
    if (text === '') return;
    let left = x;
    if (box && box.align !== 'left') {
      const free = box.width - this.width(text, style);
      left = x + (box.align === 'center' ? free / 2 : free);
    }
    this.use(style);
    const fauxBold = style.bold === true && !this.kit.fonts.bold;
    if (fauxBold) this.doc.lineWidth(style.size * 0.035).strokeColor(style.color ?? BLACK);
    this.doc.text(text, left, y, { lineBreak: false, fill: true, stroke: fauxBold });
  }

  /** One line of text centred vertically on `middle` (the middle of its ideographs). */
  textMiddle(text: string, x: number, middle: number, style: TextStyle, box?: { width: number; align: Align }): void {
    this.text(text, x, this.topForMiddle(middle, style), style, box);
  }

  /** The y to pass to text() so that the line's ideographs are centred on `middle`. */
  topForMiddle(middle: number, style: TextStyle): number {
    return middle - (this.measure(style).ascentRatio - IDEOGRAPH_MIDDLE) * style.size;
  }

  /** Lines drawn one under the other from y; returns the height used. */
  lines(lines: readonly string[], x: number, y: number, style: TextStyle, opts: { width: number; align?: Align; gap?: number }): number {
    const step = this.lineHeight(style) + (opts.gap ?? 0);
    lines.forEach((line, i) => this.text(line, x, y + i * step, style, { width: opts.width, align: opts.align ?? 'left' }));
    return lines.length * step;
  }

  /** Height that lines() will use for this many lines. */
  linesHeight(count: number, style: TextStyle, gap = 0): number {
    return count * (this.lineHeight(style) + gap);
  }

  /** Characters stacked vertically, centred in the box (the 购买方信息 / 备注 labels of an invoice). */
  verticalText(text: string, x: number, y: number, width: number, height: number, style: TextStyle): void {
    const chars = [...text];
    const step = Math.min(style.size * 1.25, height / chars.length);
    const fitted = step < style.size * 1.1 ? { ...style, size: step / 1.1 } : style;
    const top = y + (height - step * chars.length) / 2;
    chars.forEach((ch, i) => this.textMiddle(ch, x, top + step * (i + 0.5), fitted, { width, align: 'center' }));
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.6): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  rect(x: number, y: number, w: number, h: number, color: string, width = 0.6): void {
    this.doc.rect(x, y, w, h).lineWidth(width).strokeColor(color).stroke();
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.rect(x, y, w, h).fillColor(color).fill();
    this.color = color;
  }

  private measure(style: TextStyle): TextMeasure {
    return style.bold && this.kit.fonts.bold ? this.kit.bold : this.kit.regular;
  }

  private use(style: TextStyle): void {
    const font = style.bold && this.kit.fonts.bold ? 'bold' : 'regular';
    if (font !== this.font || style.size !== this.size) {
      this.doc.font(font, style.size);
      this.font = font;
      this.size = style.size;
    }
    const color = style.color ?? BLACK;
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }
}
