// Flowing A4 documents (contract, plan): a cursor that moves down the page, starts a new page when a block
// does not fit, and draws headings, paragraphs, label–value lines and ruled tables that repeat their header
// on each page. Each block is a generator that yields when it has finished a page, so the renderer can send
// that page before the next is drawn. The footer (第 n 页 / 共 m 页) is written as a page is left: the count
// comes from a first pass that lays the document out without drawing it.
import { BLACK, mm, type Align, type Canvas, type Drawing, type TextStyle } from './canvas.js';

export type { Drawing } from './canvas.js';

export const A4: [number, number] = [mm(210), mm(297)];
const MARGIN_X = mm(22);
const MARGIN_TOP = mm(22);
const MARGIN_BOTTOM = mm(22);
const RULE = '#555555';
const HEAD_FILL = '#eeeeee';

export interface TableColumn {
  readonly title: string;
  /** Share of the table width (the shares are scaled to fill it). */
  readonly weight: number;
  readonly align: Align;
  /** Amounts: never wrapped. The column widens to its widest cell, and the table's type shrinks if it must. */
  readonly nowrap?: boolean;
}

// The smallest type a table shrinks to so that its amounts fit, and the narrowest a wrapping column may get
// (two characters of its size).
const MIN_TABLE_SIZE = 5;
const MIN_WRAP_EMS = 2;

export class Flow {
  readonly left = MARGIN_X;
  readonly width = A4[0] - 2 * MARGIN_X;
  private readonly bottom = A4[1] - MARGIN_BOTTOM;
  private page = 1;
  y = MARGIN_TOP;

  /** `pageCount` is the document's number of pages, printed in each footer (0 on the pass that counts them). */
  constructor(
    readonly canvas: Canvas,
    private readonly footer: (page: number, count: number) => string,
    private readonly pageCount: number,
  ) {
    this.canvas.addPage(A4);
  }

  /** Finishes this page (its footer), yields it, and starts the next. */
  *newPage(): Drawing {
    this.writeFooter();
    yield;
    this.canvas.addPage(A4);
    this.page += 1;
    this.y = MARGIN_TOP;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  *ensure(height: number): Drawing {
    if (this.y + height > this.bottom && this.y > MARGIN_TOP) yield* this.newPage();
  }

  space(height: number): void {
    this.y += height;
  }

  /** A centred title. */
  *title(text: string, size = 20): Drawing {
    const style: TextStyle = { size, bold: true };
    yield* this.ensure(this.canvas.lineHeight(style));
    this.canvas.text(text, this.left, this.y, style, { width: this.width, align: 'center' });
    this.y += this.canvas.lineHeight(style) + mm(2);
  }

  /** A section heading, kept on the page with at least a few lines after it. */
  *heading(text: string): Drawing {
    const style: TextStyle = { size: 12, bold: true };
    yield* this.ensure(this.canvas.lineHeight(style) + mm(18));
    this.y += mm(2);
    this.canvas.text(text, this.left, this.y, style);
    this.y += this.canvas.lineHeight(style) + mm(1.5);
  }

  /** Wrapped text, split across pages line by line when it is long. */
  *paragraph(text: string, opts: { size?: number; indent?: number; align?: Align; color?: string } = {}): Drawing {
    const style: TextStyle = { size: opts.size ?? 10.5, color: opts.color ?? BLACK };
    const indent = opts.indent ?? 0;
    const gap = style.size * 0.45;
    const step = this.canvas.lineHeight(style) + gap;
    for (const line of this.canvas.wrap(text, this.width - indent, style)) {
      yield* this.ensure(step);
      this.canvas.text(line, this.left + indent, this.y, style, { width: this.width - indent, align: opts.align ?? 'left' });
      this.y += step;
    }
    this.y += mm(1);
  }

  /** "标签：值" with the value wrapped beside the label. */
  *field(label: string, value: string, opts: { indent?: number; size?: number } = {}): Drawing {
    const style: TextStyle = { size: opts.size ?? 10.5 };
    const labelStyle: TextStyle = { ...style, color: '#444444' };
    const x = this.left + (opts.indent ?? 0);
    const labelWidth = this.canvas.width(label, labelStyle);
    const lines = this.canvas.wrap(value, this.left + this.width - x - labelWidth, style);
    const step = this.canvas.lineHeight(style) + style.size * 0.35;
    yield* this.ensure(step * lines.length);
    this.canvas.text(label, x, this.y, labelStyle);
    this.canvas.lines(lines, x + labelWidth, this.y, style, { width: this.width - labelWidth, gap: style.size * 0.35 });
    this.y += step * Math.max(1, lines.length);
  }

  /** A ruled table; rows that do not fit go to the next page under a repeated header. `totals` rows are shaded. */
  *table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], opts: { totals?: readonly (readonly string[])[]; size?: number } = {}): Drawing {
    const pad = mm(1.5);
    const { size, widths } = this.fitColumns(columns, [...rows, ...(opts.totals ?? [])], opts.size ?? 9, pad);
    const style: TextStyle = { size };
    const headStyle: TextStyle = { ...style, bold: true };
    const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? this.left) + w], [this.left]);
    const lineH = this.canvas.lineHeight(style);
    const measure = (cells: readonly string[], st: TextStyle) => {
      const wrapped = columns.map((_, i) => this.canvas.wrap(cells[i] ?? '', (widths[i] ?? 0) - 2 * pad, st));
      return { wrapped, height: Math.max(1, ...wrapped.map((w) => w.length)) * lineH + 2 * pad };
    };
    const head = measure(columns.map((c) => c.title), headStyle);
    const drawRow = (row: { wrapped: string[][]; height: number }, st: TextStyle, fill: string | null, header: boolean): void => {
      if (fill) this.canvas.fillRect(this.left, this.y, this.width, row.height, fill);
      row.wrapped.forEach((lines, i) => {
        const textHeight = lines.length * lineH;
        const top = this.y + (row.height - textHeight) / 2;
        this.canvas.lines(lines, (xs[i] ?? 0) + pad, top, st, { width: (widths[i] ?? 0) - 2 * pad, align: header ? 'center' : columns[i]?.align ?? 'left' });
      });
      xs.forEach((x) => this.canvas.line(x, this.y, x, this.y + row.height, RULE, 0.5));
      this.canvas.line(this.left, this.y + row.height, this.left + this.width, this.y + row.height, RULE, 0.5);
      this.y += row.height;
    };
    const drawHeader = (): void => {
      this.canvas.line(this.left, this.y, this.left + this.width, this.y, RULE, 0.5);
      drawRow(head, headStyle, HEAD_FILL, true);
    };
    const first = rows[0] ? measure(rows[0], style) : head;
    yield* this.ensure(head.height + first.height);
    drawHeader();
    const all = [...rows.map((r) => ({ cells: r, total: false })), ...(opts.totals ?? []).map((r) => ({ cells: r, total: true }))];
    for (const { cells, total } of all) {
      const st = total ? headStyle : style;
      const row = measure(cells, st);
      if (this.y + row.height > this.bottom) {
        yield* this.newPage();
        drawHeader();
      }
      drawRow(row, st, total ? '#f6f6f6' : null, false);
    }
    this.y += mm(3);
  }

  /**
   * Column widths that fill the table: shares by weight, except that an amount column (nowrap) gets at least
   * its widest cell, taken from the wrapping columns. When the amounts do not fit even so, the table's type
   * shrinks (half a point at a time, down to MIN_TABLE_SIZE) until they do: an amount is never split.
   */
  private fitColumns(columns: readonly TableColumn[], cells: readonly (readonly string[])[], size: number, pad: number): { size: number; widths: number[] } {
    for (let s = size; ; s -= 0.5) {
      // Totals rows are bold; the faux bold's stroke adds a little to each glyph, hence the slack.
      const bold: TextStyle = { size: s, bold: true };
      const need = columns.map((c, i) => (c.nowrap ? Math.max(0, ...cells.map((r) => this.canvas.width(r[i] ?? '', bold))) + 2 * pad + s * 0.15 : 0));
      const widths = this.shares(columns, need);
      const minWrap = MIN_WRAP_EMS * s + 2 * pad;
      if (widths.every((w, i) => (columns[i]?.nowrap ? w >= (need[i] ?? 0) - 0.01 : w >= minWrap)) || s - 0.5 < MIN_TABLE_SIZE) return { size: s, widths };
    }
  }

  // Shares of the width by weight, raising amount columns to what they need and taking it from the others.
  private shares(columns: readonly TableColumn[], need: readonly number[]): number[] {
    const fixed = new Map<number, number>();
    for (;;) {
      const room = this.width - [...fixed.values()].reduce((a, b) => a + b, 0);
      const weight = columns.reduce((sum, c, i) => (fixed.has(i) ? sum : sum + c.weight), 0);
      const widths = columns.map((c, i) => fixed.get(i) ?? (weight > 0 ? (Math.max(0, room) * c.weight) / weight : 0));
      const short = widths.findIndex((w, i) => !fixed.has(i) && w < (need[i] ?? 0));
      if (short < 0) return widths;
      fixed.set(short, need[short] ?? 0);
    }
  }

  /** Finishes the last page (call once, after everything is drawn). */
  finish(): void {
    this.writeFooter();
  }

  private writeFooter(): void {
    this.canvas.resetState();
    this.canvas.text(this.footer(this.page, this.pageCount), this.left, A4[1] - mm(14), { size: 8, color: '#777777' }, { width: this.width, align: 'center' });
  }
}
