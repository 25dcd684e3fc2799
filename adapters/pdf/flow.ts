// Flowing A4 documents (contract, plan): a cursor that moves down the page, starts a new page when a block
// does not fit, and draws headings, paragraphs, label–value lines and ruled tables that repeat their header
// on each page. Page numbers are written at the end, when the page count is known.
import { BLACK, mm, type Align, type Canvas, type TextStyle } from './canvas.js';

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
}

export class Flow {
  readonly left = MARGIN_X;
  readonly width = A4[0] - 2 * MARGIN_X;
  private readonly bottom = A4[1] - MARGIN_BOTTOM;
  private pages = 0;
  y = MARGIN_TOP;

  constructor(
    readonly canvas: Canvas,
    private readonly footer: (page: number, count: number) => string,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.canvas.addPage(A4);
    this.pages += 1;
    this.y = MARGIN_TOP;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN_TOP) this.newPage();
  }

  space(height: number): void {
    this.y += height;
  }

  /** A centred title. */
  title(text: string, size = 20): void {
    const style: TextStyle = { size, bold: true };
    this.ensure(this.canvas.lineHeight(style));
    this.canvas.text(text, this.left, this.y, style, { width: this.width, align: 'center' });
    this.y += this.canvas.lineHeight(style) + mm(2);
  }

  /** A section heading, kept on the page with at least a few lines after it. */
  heading(text: string): void {
    const style: TextStyle = { size: 12, bold: true };
    this.ensure(this.canvas.lineHeight(style) + mm(18));
    this.y += mm(2);
    this.canvas.text(text, this.left, this.y, style);
    this.y += this.canvas.lineHeight(style) + mm(1.5);
  }

  /** Wrapped text, split across pages line by line when it is long. */
  paragraph(text: string, opts: { size?: number; indent?: number; align?: Align; color?: string } = {}): void {
    const style: TextStyle = { size: opts.size ?? 10.5, color: opts.color ?? BLACK };
    const indent = opts.indent ?? 0;
    const gap = style.size * 0.45;
    const step = this.canvas.lineHeight(style) + gap;
    for (const line of this.canvas.wrap(text, this.width - indent, style)) {
      this.ensure(step);
      this.canvas.text(line, this.left + indent, this.y, style, { width: this.width - indent, align: opts.align ?? 'left' });
      this.y += step;
    }
    this.y += mm(1);
  }

  /** "标签：值" with the value wrapped beside the label. */
  field(label: string, value: string, opts: { indent?: number; size?: number } = {}): void {
    const style: TextStyle = { size: opts.size ?? 10.5 };
    const labelStyle: TextStyle = { ...style, color: '#444444' };
    const x = this.left + (opts.indent ?? 0);
    const labelWidth = this.canvas.width(label, labelStyle);
    const lines = this.canvas.wrap(value, this.left + this.width - x - labelWidth, style);
    const step = this.canvas.lineHeight(style) + style.size * 0.35;
    this.ensure(step * lines.length);
    this.canvas.text(label, x, this.y, labelStyle);
    this.canvas.lines(lines, x + labelWidth, this.y, style, { width: this.width - labelWidth, gap: style.size * 0.35 });
    this.y += step * Math.max(1, lines.length);
  }

  /** A ruled table; rows that do not fit go to the next page under a repeated header. `totals` rows are shaded. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], opts: { totals?: readonly (readonly string[])[]; size?: number } = {}): void {
    const style: TextStyle = { size: opts.size ?? 9 };
    const headStyle: TextStyle = { ...style, bold: true };
    const pad = mm(1.5);
    const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (this.width * c.weight) / totalWeight);
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
    this.ensure(head.height + first.height);
    drawHeader();
    const all = [...rows.map((r) => ({ cells: r, total: false })), ...(opts.totals ?? []).map((r) => ({ cells: r, total: true }))];
    for (const { cells, total } of all) {
      const st = total ? headStyle : style;
      const row = measure(cells, st);
      if (this.y + row.height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(row, st, total ? '#f6f6f6' : null, false);
    }
    this.y += mm(3);
  }

  /** Writes the footer on every page (call once, after the last page is drawn). */
  finish(): void {
    const doc = this.canvas.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      this.canvas.resetState();
      this.canvas.text(this.footer(i - range.start + 1, range.count), this.left, A4[1] - mm(14), { size: 8, color: '#777777' }, { width: this.width, align: 'center' });
    }
  }
}
