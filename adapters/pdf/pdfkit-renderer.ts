// The PdfRenderer port implemented with pdfkit. One renderer reads and parses its fonts once and reuses
// them for every document; each document checks its data, is drawn, and streams out as PDF bytes.
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { checkInvoiceDocument } from '../../core/documents/invoice-totals.js';
import type { PdfRenderer } from '../../core/documents/ports.js';
import type { DocumentCharset } from '../../core/shared/document-charset.js';
import type { ContractDocument, InvoiceDocument, IsoDate, PlanDocument } from '../../core/documents/types.js';
import { Canvas, type FontKit } from './canvas.js';
import { drawContract } from './contract-layout.js';
import { assertDrawable, drawableBy, loadFonts } from './fonts.js';
import { drawInvoice } from './invoice-layout.js';
import { drawPlan } from './plan-layout.js';
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

  async renderInvoice(data: InvoiceDocument): Promise<Buffer> {
    return collect(this.invoiceStream(data));
  }

  async renderContract(data: ContractDocument): Promise<Buffer> {
    return collect(this.contractStream(data));
  }

  async renderPlan(data: PlanDocument): Promise<Buffer> {
    return collect(this.planStream(data));
  }

  /** The invoice as a PDF stream; bad data throws (a DomainError) before any byte is produced. */
  invoiceStream(data: InvoiceDocument): Readable {
    const totals = checkInvoiceDocument(data);
    assertDrawable(this.kit.fonts, data);
    const title = `${data.redLetter ? '红字' : ''}${data.kind === 'special' ? '增值税专用发票' : '普通发票'} ${data.number}`;
    return this.draw(title, data.issueDate, false, (canvas) => drawInvoice(canvas, data, totals));
  }

  /** The contract as a PDF stream; bad data or an unknown placeholder throws before any byte is produced. */
  contractStream(data: ContractDocument): Readable {
    assertDrawable(this.kit.fonts, data);
    return this.draw(`融资服务协议 ${data.number}`, data.signDate, true, (canvas) => drawContract(canvas, data));
  }

  /** The plan as a PDF stream; bad data throws before any byte is produced. */
  planStream(data: PlanDocument): Readable {
    assertDrawable(this.kit.fonts, data);
    return this.draw(`融资规划方案 ${data.projectName}`, data.preparedDate, true, (canvas) => drawPlan(canvas, data));
  }

  private draw(title: string, date: IsoDate | undefined, bufferPages: boolean, paint: (canvas: Canvas) => void): Readable {
    // The document's own date as CreationDate keeps the output identical for identical data.
    const created = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(0);
    const doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages,
      font: null as unknown as string, // no Helvetica: every text uses our embedded font
      info: { Title: title, Producer: 'yunzhou (pdfkit)', Creator: 'yunzhou', CreationDate: created },
    });
    paint(new Canvas(doc, this.kit));
    doc.end();
    return doc;
  }
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
