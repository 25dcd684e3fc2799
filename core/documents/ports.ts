// What core needs from a PDF library: the three documents rendered from plain data. adapters/pdf implements
// it with pdfkit; core never sees how. And where the documents of a stored order come from.
import type { Actor } from '../organisation/index.js';
import type { ContractDocument, InvoiceDocument, PlanDocument } from './types.js';

/**
 * Renders the firm's documents as PDF bytes. A text the font cannot draw is refused with the DomainError
 * `document.unsupported_characters` (never printed as an empty box); a contract template with an unknown
 * placeholder with `document.unknown_placeholder`.
 */
export interface PdfRenderer {
  renderInvoice(data: InvoiceDocument): Promise<Buffer>;
  renderContract(data: ContractDocument): Promise<Buffer>;
  renderPlan(data: PlanDocument): Promise<Buffer>;
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
