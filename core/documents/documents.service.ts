// 下载: the PDF of a stored invoice, and of an order's contract and plan, built from the stored records and
// rendered through the PdfRenderer port. Sight of the record is checked by the sources (tenant, permission,
// data scope): what the actor cannot see is "not found".
import type { Actor } from '../organisation/index.js';
import type { OrderDocumentSources, PdfRenderer } from './ports.js';
import type { InvoiceDocument } from './types.js';

/** A rendered document and the file name it downloads as. */
export interface RenderedDocument {
  readonly fileName: string;
  readonly pdf: Buffer;
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
    return { fileName: `${doc.redLetter ? '红字发票' : '发票'}_${safe(doc.number)}.pdf`, pdf: await this.d.renderer.renderInvoice(doc) };
  }

  /** 融资服务协议 PDF of an order's recorded contract: `合同_<number>.pdf`. */
  async contractPdf(actor: Actor, orderId: string): Promise<RenderedDocument> {
    const doc = await this.d.orders.contract(actor, orderId);
    return { fileName: `合同_${safe(doc.number)}.pdf`, pdf: await this.d.renderer.renderContract(doc) };
  }

  /** 方案 PDF of an order's plan: `方案_<project>.pdf`. */
  async planPdf(actor: Actor, orderId: string): Promise<RenderedDocument> {
    const doc = await this.d.orders.plan(actor, orderId);
    return { fileName: `方案_${safe(doc.projectName)}.pdf`, pdf: await this.d.renderer.renderPlan(doc) };
  }
}
