// core/invoices: 发票 rules (lines by 价税分离, buyer checks, the cap on an order's invoiced total, red-letter
// reversal, gapless numbering), the invoice state machine, and the use cases (requests, approval, the document of an
// invoice); core/documents renders it.
export * from './types.js';
export { INVOICE_MACHINE, INVOICE_EVENTS, invoiceStateLabel, wasIssued, withinCap, blueOnly, type InvoiceEvent, type InvoiceMachineContext } from './invoice-machine.js';
export { DEFAULT_INVOICE_SETTINGS, TAXPAYER_KINDS, CAP_BASES, defaultRate, applySettingsChange, type InvoiceSettingsChange } from './invoice-settings.js';
export { checkBuyer, type BuyerInput } from './buyer.js';
export { buildBlueLines, separateLine, unitPriceText, parseQuantity, MAX_LINES, type LineInput } from './invoice-lines.js';
// An invoice's 合计 and 价税合计: one function for the use cases and the printed document (core/documents).
export { invoiceTotals, type InvoiceTotals } from '../documents/index.js';
export { planRedLetter, reversalsByLine, remainingByLine, type LineReversal, type RedLineRequest } from './red-letter.js';
export { invoiceCap, invoiceableAmounts, issuableFen, requestProblem, type OrderInvoicingFacts, type InvoiceableAmounts } from './invoiceable.js';
export { formatInvoiceNumber, parseInvoiceNumber, numberingYear, SEQUENCE_DIGITS, MAX_SEQUENCE } from './invoice-number.js';
export { buildInvoiceDocument, sellerMissing } from './invoice-document.js';
export { invoiceView, type InvoiceView } from './invoice-view.js';
export * from './ports.js';
export { InvoicesService, type InvoicesDeps, type InvoiceRequest, type InvoiceDraftChange, type RedLetterRequest, type SubmitInvoiceInput, type InvoiceDetail, type InvoiceableView } from './invoices.service.js';
export { InvoiceApprovalSubject } from './invoice-approval-subject.js';
export { INVOICE_SHEET, invoiceSheetRow } from './invoice-export.js';
