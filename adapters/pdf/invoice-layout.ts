// The invoice drawn like the tax authority's VAT e-invoice (数电发票) on its own paper size, 241 mm × 140 mm:
// title by kind, number and date, buyer and seller side by side, the lines, 合计, 价税合计 in 大写 and in
// figures, 备注, and 收款人 / 复核 / 开票人. Lines that do not fit go on further pages with the same frame;
// the totals print on the last page.
import { toChineseUppercase } from '../../core/money/chinese-uppercase.js';
import { formatYuan } from '../../core/money/fen.js';
import { chineseDate, ratePercentText } from '../../core/documents/document-format.js';
import type { InvoiceTotals } from '../../core/documents/invoice-totals.js';
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from '../../core/documents/types.js';
import { mm, type Align, type Canvas, type Drawing, type TextStyle } from './canvas.js';

export const INVOICE_PAGE_SIZE: [number, number] = [mm(241), mm(140)];

const FRAME = '#9c4a1a'; // the e-invoice's brown frame and labels
const RED = '#c8102e';
const LEFT = mm(12);
const RIGHT = mm(229);
const WIDTH = RIGHT - LEFT;
const FRAME_TOP = mm(24);
const FRAME_BOTTOM = mm(125);
const LABEL_COL = mm(6); // the vertical 购买方信息 / 销售方信息 / 备注 labels
const PAD = mm(1.5);
const HEADER_ROW = mm(6);
const TOTAL_ROW = mm(6);
const SUM_ROW = mm(8);
const REMARKS_ROW = mm(16);
const ROWS_BOTTOM = FRAME_BOTTOM - REMARKS_ROW - SUM_ROW - TOTAL_ROW;

const LABEL: TextStyle = { size: 8.5, color: FRAME };
const VALUE: TextStyle = { size: 8.5 };
const CELL: TextStyle = { size: 8 };
const HEAD: TextStyle = { size: 8.5, color: FRAME };

interface Column {
  readonly title: string;
  readonly width: number;
  readonly align: Align;
  readonly cell: (line: InvoiceLine) => string;
  /** Figures (数量, 单价, 金额, 税额) are never wrapped: a long one is set smaller to fit its column. */
  readonly figure?: boolean;
}

const COLUMNS: readonly Column[] = [
  { title: '项目名称', width: mm(55), align: 'left', cell: (l) => l.name },
  { title: '规格型号', width: mm(26), align: 'left', cell: (l) => l.specification ?? '' },
  { title: '单位', width: mm(14), align: 'center', cell: (l) => l.unit ?? '' },
  { title: '数量', width: mm(20), align: 'right', cell: (l) => l.quantity ?? '', figure: true },
  { title: '单价', width: mm(28), align: 'right', cell: (l) => l.unitPrice ?? '', figure: true },
  { title: '金额', width: mm(28), align: 'right', cell: (l) => formatYuan(l.amountFen), figure: true },
  { title: '税率/征收率', width: mm(20), align: 'center', cell: (l) => ratePercentText(l.taxRate), figure: true },
  { title: '税额', width: mm(26), align: 'right', cell: (l) => (isTaxFree(l) ? '***' : formatYuan(l.taxFen)), figure: true },
];
const COLUMN_X = COLUMNS.reduce<number[]>((xs, c, i) => [...xs, (xs[i] ?? LEFT) + c.width], [LEFT]);

function isTaxFree(line: InvoiceLine): boolean {
  return line.taxRate === 'exempt' || line.taxRate === 'not_taxable';
}

interface Row {
  readonly cells: readonly (readonly string[])[]; // each cell's wrapped lines
  readonly height: number;
}

/** Draws the whole invoice, yielding after each page but the last; `totals` come from checkInvoiceDocument. */
export function* drawInvoice(canvas: Canvas, doc: InvoiceDocument, totals: InvoiceTotals): Drawing {
  const special = doc.kind === 'special';
  const partiesHeight = special ? mm(25) : mm(18);
  const rowsTop = FRAME_TOP + partiesHeight + HEADER_ROW;
  const pages = paginate(measureRows(canvas, doc.lines), ROWS_BOTTOM - rowsTop - mm(1));
  for (const [i, rows] of pages.entries()) {
    if (i > 0) yield;
    canvas.addPage(INVOICE_PAGE_SIZE);
    const page = { index: i + 1, count: pages.length };
    drawHeader(canvas, doc, page);
    drawParties(canvas, doc, partiesHeight, special);
    drawLinesHeader(canvas, FRAME_TOP + partiesHeight);
    drawRows(canvas, rows, rowsTop + mm(1));
    drawTotals(canvas, doc, totals, page);
    drawRemarks(canvas, doc, page);
    canvas.rect(LEFT, FRAME_TOP, WIDTH, FRAME_BOTTOM - FRAME_TOP, FRAME, 0.9);
    drawSignatures(canvas, doc);
  }
}

function drawHeader(canvas: Canvas, doc: InvoiceDocument, page: { index: number; count: number }): void {
  const title = doc.kind === 'special' ? '电子发票（增值税专用发票）' : '电子发票（普通发票）';
  const titleStyle: TextStyle = { size: 17, bold: true, color: FRAME };
  const titleWidth = canvas.width(title, titleStyle);
  const cx = (LEFT + RIGHT) / 2;
  canvas.textMiddle(title, cx - titleWidth / 2, mm(12), titleStyle);
  canvas.line(cx - titleWidth / 2, mm(16.6), cx + titleWidth / 2, mm(16.6), FRAME, 0.8);
  canvas.line(cx - titleWidth / 2, mm(17.4), cx + titleWidth / 2, mm(17.4), FRAME, 0.8);
  if (doc.redLetter) {
    const stamp: TextStyle = { size: 12, bold: true, color: RED };
    const w = canvas.width('红字发票', stamp) + mm(4);
    canvas.rect(LEFT, mm(8), w, mm(8), RED, 1);
    canvas.textMiddle('红字发票', LEFT, mm(12), stamp, { width: w, align: 'center' });
  }
  const x = mm(170);
  labelled(canvas, '发票号码：', doc.number, x, mm(10));
  labelled(canvas, '开票日期：', chineseDate(doc.issueDate, 'issueDate'), x, mm(15));
  if (page.count > 1) labelled(canvas, '页码：', `第 ${page.index} 页 / 共 ${page.count} 页`, x, mm(20));
}

function labelled(canvas: Canvas, label: string, value: string, x: number, middle: number, maxWidth = Infinity): void {
  canvas.textMiddle(label, x, middle, LABEL);
  const vx = x + canvas.width(label, LABEL);
  canvas.textMiddle(value, vx, middle, fit(canvas, value, maxWidth - (vx - x), VALUE));
}

/** The style shrunk so the text fits the width (long company names on a fixed form). */
function fit(canvas: Canvas, text: string, width: number, style: TextStyle): TextStyle {
  const w = canvas.width(text, style);
  return w <= width ? style : { ...style, size: Math.max(4, (style.size * width) / w) };
}

function drawParties(canvas: Canvas, doc: InvoiceDocument, height: number, special: boolean): void {
  const half = WIDTH / 2;
  drawParty(canvas, '购买方信息', doc.buyer, LEFT, half, height, special);
  drawParty(canvas, '销售方信息', doc.seller, LEFT + half, half, height, special);
  canvas.line(LEFT + half, FRAME_TOP, LEFT + half, FRAME_TOP + height, FRAME);
  canvas.line(LEFT, FRAME_TOP + height, RIGHT, FRAME_TOP + height, FRAME);
}

function drawParty(canvas: Canvas, label: string, party: InvoiceParty, x: number, width: number, height: number, special: boolean): void {
  canvas.verticalText(label, x, FRAME_TOP, LABEL_COL, height, LABEL);
  canvas.line(x + LABEL_COL, FRAME_TOP, x + LABEL_COL, FRAME_TOP + height, FRAME);
  const fields: [string, string][] = [
    ['名称：', party.name],
    ['统一社会信用代码/纳税人识别号：', party.taxId],
  ];
  if (special) {
    fields.push(['地址、电话：', joinNonEmpty(party.address, party.phone)]);
    fields.push(['开户行及账号：', joinNonEmpty(party.bank, party.account)]);
  }
  const fx = x + LABEL_COL + PAD;
  const step = height / fields.length;
  fields.forEach(([l, v], i) => labelled(canvas, l, v, fx, FRAME_TOP + step * (i + 0.5), width - LABEL_COL - 2 * PAD));
}

function joinNonEmpty(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p.trim() !== '').join(' ');
}

function drawLinesHeader(canvas: Canvas, top: number): void {
  COLUMNS.forEach((c, i) => canvas.textMiddle(c.title, COLUMN_X[i] ?? LEFT, top + HEADER_ROW / 2, HEAD, { width: c.width, align: 'center' }));
}

function measureRows(canvas: Canvas, lines: readonly InvoiceLine[]): Row[] {
  const lineHeight = canvas.lineHeight(CELL);
  return lines.map((line) => {
    const cells = COLUMNS.map((c) => (c.figure ? [c.cell(line)] : canvas.wrap(c.cell(line), c.width - 2 * PAD, CELL)));
    const count = Math.max(...cells.map((c) => c.length));
    return { cells, height: count * lineHeight + mm(0.8) };
  });
}

/** Rows cut into pages of at most `room` points; every page holds at least one row. */
function paginate(rows: readonly Row[], room: number): Row[][] {
  const pages: Row[][] = [[]];
  let used = 0;
  for (const row of rows) {
    const page = pages[pages.length - 1] ?? [];
    if (used + row.height > room && page.length > 0) {
      pages.push([row]);
      used = row.height;
    } else {
      page.push(row);
      used += row.height;
    }
  }
  return pages;
}

function drawRows(canvas: Canvas, rows: readonly Row[], top: number): void {
  let y = top;
  for (const row of rows) {
    row.cells.forEach((lines, i) => {
      const c = COLUMNS[i];
      if (!c) return;
      // A figure set smaller sits on the middle of the row's first line, level with the others.
      const style = c.figure ? fit(canvas, lines[0] ?? '', c.width - 2 * PAD, CELL) : CELL;
      const dy = (canvas.lineHeight(CELL) - canvas.lineHeight(style)) / 2;
      canvas.lines(lines, (COLUMN_X[i] ?? LEFT) + PAD, y + dy, style, { width: c.width - 2 * PAD, align: c.align });
    });
    y += row.height;
  }
}

function drawTotals(canvas: Canvas, doc: InvoiceDocument, totals: InvoiceTotals, page: { index: number; count: number }): void {
  const last = page.index === page.count;
  const totalTop = ROWS_BOTTOM;
  const sumTop = totalTop + TOTAL_ROW;
  const amountCol = 5;
  const taxCol = 7;
  canvas.textMiddle('合        计', LEFT, totalTop + TOTAL_ROW / 2, HEAD, { width: COLUMNS[0]?.width ?? 0, align: 'center' });
  if (last) {
    const cellBox = (col: number) => ({ x: (COLUMN_X[col] ?? LEFT) + PAD, width: (COLUMNS[col]?.width ?? 0) - 2 * PAD });
    const a = cellBox(amountCol);
    const amount = `¥${formatYuan(totals.amountFen)}`;
    canvas.textMiddle(amount, a.x, totalTop + TOTAL_ROW / 2, fit(canvas, amount, a.width, CELL), { width: a.width, align: 'right' });
    const t = cellBox(taxCol);
    const tax = `¥${formatYuan(totals.taxFen)}`;
    canvas.textMiddle(tax, t.x, totalTop + TOTAL_ROW / 2, fit(canvas, tax, t.width, CELL), { width: t.width, align: 'right' });
  } else {
    canvas.textMiddle('（续下页）', COLUMN_X[amountCol] ?? LEFT, totalTop + TOTAL_ROW / 2, HEAD, { width: mm(50), align: 'center' });
  }
  canvas.line(LEFT, sumTop, RIGHT, sumTop, FRAME);
  const labelWidth = mm(32);
  const mid = sumTop + SUM_ROW / 2;
  canvas.textMiddle('价税合计（大写）', LEFT, mid, HEAD, { width: labelWidth, align: 'center' });
  canvas.line(LEFT + labelWidth, sumTop, LEFT + labelWidth, sumTop + SUM_ROW, FRAME);
  if (last) {
    const fx = mm(165);
    const words = toChineseUppercase(totals.totalFen);
    canvas.textMiddle(words, LEFT + labelWidth + mm(4), mid, fit(canvas, words, fx - LEFT - labelWidth - mm(6), { size: 9.5 }));
    const figures = `¥${formatYuan(totals.totalFen)}`;
    canvas.textMiddle('（小写）', fx, mid, HEAD);
    const figuresX = fx + canvas.width('（小写）', HEAD);
    canvas.textMiddle(figures, figuresX, mid, fit(canvas, figures, RIGHT - PAD - figuresX, { size: 9.5 }));
  } else {
    canvas.textMiddle(`见第 ${page.count} 页`, LEFT + labelWidth + mm(4), mid, HEAD);
  }
  canvas.line(LEFT, sumTop + SUM_ROW, RIGHT, sumTop + SUM_ROW, FRAME);
}

function drawRemarks(canvas: Canvas, doc: InvoiceDocument, page: { index: number; count: number }): void {
  const top = FRAME_BOTTOM - REMARKS_ROW;
  canvas.verticalText('备注', LEFT, top, LABEL_COL, REMARKS_ROW, LABEL);
  canvas.line(LEFT + LABEL_COL, top, LEFT + LABEL_COL, FRAME_BOTTOM, FRAME);
  if (page.index !== page.count) return;
  const parts: string[] = [];
  if (doc.redLetter) {
    const r = doc.redLetter;
    parts.push(
      [
        `被红冲蓝字发票号码：${r.originalNumber}`,
        r.originalIssueDate ? `开票日期：${chineseDate(r.originalIssueDate, 'redLetter/originalIssueDate')}` : '',
        r.reason ? `红冲原因：${r.reason}` : '',
      ].filter((p) => p !== '').join('  '),
    );
  }
  if (doc.remarks && doc.remarks.trim() !== '') parts.push(doc.remarks);
  const width = WIDTH - LABEL_COL - 2 * PAD;
  let style: TextStyle = { size: 8 };
  let lines = canvas.wrap(parts.join('\n'), width, style);
  // Long remarks shrink until they fit the box rather than spill out of the form.
  while (canvas.linesHeight(lines.length, style) > REMARKS_ROW - mm(1.5) && style.size > 4) {
    style = { size: style.size - 0.5 };
    lines = canvas.wrap(parts.join('\n'), width, style);
  }
  canvas.lines(lines, LEFT + LABEL_COL + PAD, top + mm(0.8), style, { width });
}

function drawSignatures(canvas: Canvas, doc: InvoiceDocument): void {
  const mid = FRAME_BOTTOM + mm(5);
  labelled(canvas, '收款人：', doc.payee ?? '', LEFT + mm(4), mid);
  labelled(canvas, '复核：', doc.reviewer ?? '', LEFT + mm(80), mid);
  labelled(canvas, '开票人：', doc.drawer, LEFT + mm(150), mid);
}
