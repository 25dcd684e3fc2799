// 下载: the PDF of a stored invoice, and of an order's contract and plan, built from the stored records and
// rendered through the PdfRenderer port. Sight of the record is checked by the sources (tenant, permission,
// data scope): what the actor cannot see is "not found".
import type { Actor } from '../organisation/index.js';
import type { PdfBytes, PdfRenderer } from './ports.js';
import type { InvoiceDocument } from './types.js';
import type { OrderDocumentSources } from './ports.js';

/** A document being rendered, and the file name it downloads as. */
export interface RenderedDocument {
  readonly fileName: string;
  readonly pdf: PdfBytes;
}

export interface DocumentsDeps {
  readonly invoiceDocument: (actor: Actor, id: string) => Promise<InvoiceDocument>;
  readonly orders: OrderDocumentSources;
  readonly renderer: PdfRenderer;
}

// Characters that file systems or headers dislike become '_'; the Chinese stays.
const safe = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_');

export class DocumentsService {
  constructor(private readonly d: DocumentsDeps) {}

  /** 发票 PDF of an issued invoice: `发票_<number>.pdf` (红字发票_… for a red-letter one). */
  async invoicePdf(actor: Actor, id: string): Promise<RenderedDocument> {
    const doc = await this.d.invoiceDocument(actor, id);
    return { fileName: `${doc.redLetter ? '红字发票' : '发票'}_${safe(doc.number)}.pdf`, pdf: this.d.renderer.invoiceStream(doc) };
  }

  /** 融资服务协议 PDF of an order's recorded contract: `合同_<number>.pdf`. */
  async contractPdf(actor: Actor, orderId: string): Promise<RenderedDocument> {
    const doc = await this.d.orders.contract(actor, orderId);
    return { fileName: `合同_${safe(doc.number)}.pdf`, pdf: this.d.renderer.contractStream(doc) };
  }

  /** 方案 PDF of an order's plan: `方案_<project>.pdf`. */
  async planPdf(actor: Actor, orderId: string): Promise<RenderedDocument> {
    const doc = await this.d.orders.plan(actor, orderId);
    return { fileName: `方案_${safe(doc.projectName)}.pdf`, pdf: this.d.renderer.planStream(doc) };
  }
}
