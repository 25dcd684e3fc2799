// What core needs from a PDF library: the three documents rendered from plain data. adapters/pdf implements
// it with pdfkit; core never sees how.
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
