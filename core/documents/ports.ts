// What core needs from a PDF library: the three documents rendered from plain data. adapters/pdf implements
// it with pdfkit; core never sees how. And where the documents of a stored order come from.
import type { Actor } from '../organisation/index.js';
import type { ContractDocument, InvoiceDocument, PlanDocument } from './types.js';

/** A PDF as it is drawn: its bytes in chunks, the first ready before the last page is drawn. */
export type PdfBytes = AsyncIterable<Uint8Array>;

/**
 * Renders the firm's documents as PDF streams (pdfkit's are Node Readables), so that a download starts with
 * the first page and a long document is never held whole. A text the font cannot draw is refused with the
 * DomainError `document.unsupported_characters` (never printed as an empty box), a contract template with an
 * unknown placeholder with `document.unknown_placeholder`: thrown by the call, before any byte.
 */
export interface PdfRenderer {
  invoiceStream(data: InvoiceDocument): PdfBytes;
  contractStream(data: ContractDocument): PdfBytes;
  planStream(data: PlanDocument): PdfBytes;
}
export const PdfRenderer = Symbol.for('yunzhou.PdfRenderer');

/** Builds the plain documents of stored orders (the orders, products and collections areas answer). */
export interface OrderDocumentSources {
  /** The contract of an order the actor may see (the orders area's contract, completed with the firm's details). */
  contract(actor: Actor, orderId: string): Promise<ContractDocument>;
  /** The plan of an order the actor may see, with each matched product's repayment comparison. */
  plan(actor: Actor, orderId: string): Promise<PlanDocument>;
}
export const OrderDocumentSources = Symbol.for('yunzhou.documents.OrderDocumentSources');
