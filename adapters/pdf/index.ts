// adapters/pdf: the PdfRenderer port with pdfkit, and shortcuts that use one lazily created default renderer.
import type { Readable } from 'node:stream';
import type { ContractDocument, InvoiceDocument, PlanDocument } from '../../core/documents/types.js';
import { PdfkitRenderer, type PdfRendererOptions } from './pdfkit-renderer.js';

export { PdfkitRenderer, type PdfRendererOptions } from './pdfkit-renderer.js';
export { DEFAULT_FONT_FILE, defaultFontPath, unsupportedCharacters } from './fonts.js';
export { REPAYMENT_METHOD_NAMES } from './plan-layout.js';

/** A renderer with its fonts read and parsed once (the shipped CJK font unless paths are given). */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfkitRenderer {
  return new PdfkitRenderer(options);
}

let defaultRenderer: PdfkitRenderer | undefined;

// Created on first use, so that importing the package never reads the 7 MB font.
function renderer(): PdfkitRenderer {
  defaultRenderer ??= new PdfkitRenderer();
  return defaultRenderer;
}

/** The invoice as PDF bytes, with the default renderer. */
export function renderInvoicePdf(data: InvoiceDocument): Promise<Buffer> {
  return renderer().renderInvoice(data);
}

/** The contract as PDF bytes, with the default renderer. */
export function renderContractPdf(data: ContractDocument): Promise<Buffer> {
  return renderer().renderContract(data);
}

/** The plan as PDF bytes, with the default renderer. */
export function renderPlanPdf(data: PlanDocument): Promise<Buffer> {
  return renderer().renderPlan(data);
}

/** The invoice as a PDF stream (pipe it to a response); bad data throws a DomainError at once. */
export function renderInvoicePdfStream(data: InvoiceDocument): Readable {
  return renderer().invoiceStream(data);
}

/** The contract as a PDF stream; bad data throws a DomainError at once. */
export function renderContractPdfStream(data: ContractDocument): Readable {
  return renderer().contractStream(data);
}

/** The plan as a PDF stream; bad data throws a DomainError at once. */
export function renderPlanPdfStream(data: PlanDocument): Readable {
  return renderer().planStream(data);
}
