// core/documents: the firm's documents as plain data (invoice, contract 融资服务协议, plan 方案), the rules
// they meet before printing (invoice totals, contract terms, templates), the PDF and spreadsheet ports, and
// the downloads of stored invoices' and orders' documents (their areas answer through ports).
export * from './types.js';
export * from './ports.js';
export * from './invoice-totals.js';
export * from './template.js';
export * from './document-format.js';
export * from './contract-terms.js';
export * from './spreadsheet.js';
export { DocumentsService, type DocumentsDeps, type RenderedDocument } from './documents.service.js';
export * from './order-documents.js';
