// The PdfRenderer port implemented with pdfkit. One renderer reads and parses its fonts once and reuses
// them for every document; each document checks its data, then streams out page by page as it is drawn.
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { checkInvoiceDocument } from '../../core/documents/invoice-totals.js';
import type { PdfRenderer } from '../../core/documents/ports.js';
import type { DocumentCharset } from '../../core/shared/document-charset.js';
import type { ContractDocument, InvoiceDocument, IsoDate, PlanDocument } from '../../core/documents/types.js';
import { Canvas, NO_DOCUMENT, type Drawing, type FontKit } from './canvas.js';
import { drawContract } from './contract-layout.js';
import { assertDrawable, drawableBy, loadFonts } from './fonts.js';
import { drawInvoice } from './invoice-layout.js';
import { PageStream } from './page-stream.js';
import { drawPlan } from './plan-layout.js';
import { drawCommissionStatement } from './commission-statement-layout.js';
import { drawDepartmentStatement } from './department-statement-layout.js';
import type { DepartmentStatementDocument, StatementDocument } from '../../core/commissions/statement-export.js';
import { TextMeasure } from './text-measure.js';

export interface PdfRendererOptions {
  /** A .ttf or .otf font with the CJK characters to print; the shipped Noto Sans SC (GB 18030 level 2 subset) by default. */
  readonly fontPath?: string;
  /** A bold face for titles and headings; without it they are drawn as stroked (faux) bold. */
  readonly boldFontPath?: string;
}

export class PdfkitRenderer implements PdfRenderer, DocumentCharset {
  private readonly kit: FontKit;
  private readonly drawableCodePoint: (codePoint: number) => boolean;

  constructor(options: PdfRendererOptions = {}) {
    const fonts = loadFonts(options);
    this.kit = { fonts, regular: new TextMeasure(fonts.regular), bold: new TextMeasure(fonts.bold ?? fonts.regular) };
    this.drawableCodePoint = drawableBy(fonts);
  }

  /** Whether this renderer's fonts draw a code point: what a save checks text bound for a document against. */
  drawable(codePoint: number): boolean {
    return this.drawableCodePoint(codePoint);
  }

  /** The invoice as a PDF stream; bad data throws (a DomainError) before any byte is produced. */
  invoiceStream(data: InvoiceDocument): Readable {
    const totals = checkInvoiceDocument(data);
    assertDrawable(this.kit.fonts, data);
    const title = `${data.redLetter ? '红字' : ''}${data.kind === 'special' ? '增值税专用发票' : '普通发票'} ${data.number}`;
    return this.stream(title, data.issueDate, (canvas) => drawInvoice(canvas, data, totals));
  }

  /** The contract as a PDF stream; bad data or an unknown placeholder throws before any byte is produced. */
  contractStream(data: ContractDocument): Readable {
    assertDrawable(this.kit.fonts, data);
    const pages = this.countPages((canvas) => drawContract(canvas, data, 0));
    return this.stream(`融资服务协议 ${data.number}`, data.signDate, (canvas) => drawContract(canvas, data, pages));
  }

  /** The plan as a PDF stream; bad data throws before any byte is produced. */
  planStream(data: PlanDocument): Readable {
    assertDrawable(this.kit.fonts, data);
    const pages = this.countPages((canvas) => drawPlan(canvas, data, 0));
    return this.stream(`融资规划方案 ${data.projectName}`, data.preparedDate, (canvas) => drawPlan(canvas, data, pages));
  }

  /** 提成月结单 as a PDF stream; bad data throws before any byte is produced. */
  statementStream(data: StatementDocument): Readable {
    assertDrawable(this.kit.fonts, data);
    const pages = this.countPages((canvas) => drawCommissionStatement(canvas, data, 0));
    return this.stream(`提成月结单 ${data.month} ${data.personName}`, data.printedOn, (canvas) => drawCommissionStatement(canvas, data, pages));
  }

  /** 部门提成汇总 as a PDF stream; bad data throws before any byte is produced. */
  departmentStatementStream(data: DepartmentStatementDocument): Readable {
    assertDrawable(this.kit.fonts, data);
    const pages = this.countPages((canvas) => drawDepartmentStatement(canvas, data, 0));
    return this.stream(`部门提成汇总 ${data.month} ${data.departmentName}`, data.printedOn, (canvas) => drawDepartmentStatement(canvas, data, pages));
  }

  /** The invoice as PDF bytes, for a caller that needs the whole document (an attachment, a file). */
  renderInvoice(data: InvoiceDocument): Promise<Buffer> {
    return collect(() => this.invoiceStream(data));
  }

  /** The contract as PDF bytes. */
  renderContract(data: ContractDocument): Promise<Buffer> {
    return collect(() => this.contractStream(data));
  }

  /** The plan as PDF bytes. */
  renderPlan(data: PlanDocument): Promise<Buffer> {
    return collect(() => this.planStream(data));
  }

  // The footers print 第 n 页 / 共 m 页, but pages are sent as they are drawn: a first pass lays the document
  // out without drawing to count them (and meets any error in the data before a byte is sent).
  private countPages(layout: (canvas: Canvas) => Drawing): number {
    let pages = 1;
    for (const _ of layout(new Canvas(NO_DOCUMENT, this.kit))) pages += 1;
    return pages;
  }

  private stream(title: string, date: IsoDate | undefined, layout: (canvas: Canvas) => Drawing): Readable {
    // The document's own date as CreationDate keeps the output identical for identical data.
    const created = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(0);
    const doc = new PDFDocument({
      autoFirstPage: false,
      font: null as unknown as string, // no Helvetica: every text uses our embedded font
      info: { Title: title, Producer: 'yunzhou (pdfkit)', Creator: 'yunzhou', CreationDate: created },
    });
    return new PageStream(doc, layout(new Canvas(doc, this.kit)));
  }
}

// A stream's bytes as one Buffer; an error thrown while starting it rejects the promise.
async function collect(start: () => Readable): Promise<Buffer> {
  const stream = start();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
