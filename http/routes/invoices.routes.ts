// 发票 (step 13): the invoice settings (the firm's invoicing profile, rates, cap rule), what an order may still
// be invoiced for, 申请开票 from receipts or on its own, drafts, 提交审批 (approval issues the invoice with its
// number), 作废草稿, 申请红冲, 账务管理's list and .xlsx export; and the PDF downloads of stored records:
// an invoice, an order's contract and its plan.
import { Readable } from 'node:stream';
import type { InvoicesService } from '../../core/invoices/invoices.service.js';
import type { DocumentsService } from '../../core/documents/documents.service.js';
import { respond, type RouteDef, type RouteRequest } from '../../adapters/composition/route-def.js';
import { XLSX_CONTENT_TYPE, type SpreadsheetWriter } from '../../core/documents/spreadsheet.js';
import { CAP_BASES, TAXPAYER_KINDS } from '../../core/invoices/invoice-settings.js';
import { INVOICE_SHEET, invoiceSheetRow } from '../../core/invoices/invoice-export.js';
import { INVOICE_KINDS, INVOICE_STATES } from '../../core/invoices/types.js';
import { MAX_LINES } from '../../core/invoices/invoice-lines.js';
import type { InvoiceListFilter } from '../../core/invoices/ports.js';
import type { RenderedDocument } from '../../core/documents/documents.service.js';
import { contentDisposition } from '../content-disposition.js';
import { startedStream } from '../started-stream.js';
import { date, fen, idParams, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const tags = ['invoices'];
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableText = (maxLength: number) => ({ anyOf: [text(maxLength), { type: 'null' }] });
const rate = { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,6})?$', description: '税率 in percent as text: 6, 3, 1, 0.5' };
const kind = { type: 'string', enum: [...INVOICE_KINDS], description: 'ordinary 普通发票, special 专用发票' };
const version = { type: 'integer', minimum: 1, description: 'The version you last read (optimistic concurrency)' };

const buyer = objectSchema({
  name: { ...nullableText(100), description: '名称 (default: the order\'s company)' },
  taxId: { ...nullableText(30), description: '纳税人识别号 (default: the enterprise profile\'s tax id; required on a special invoice)' },
  address: { ...nullableText(200), description: '地址 (special invoice)' },
  phone: { ...nullableText(30), description: '电话 (special invoice)' },
  bank: { ...nullableText(100), description: '开户行 (special invoice)' },
  account: { ...nullableText(40), description: '银行账号 (special invoice; checked as a bank card number)' },
  accountConfirmed: { type: 'boolean', description: 'Keep an account number that fails the card checks (length or Luhn), e.g. a company account' },
});
const line = objectSchema({
  name: { ...text(100), description: '项目名称 (default: the tenant\'s service name)' },
  quantity: { ...nullableText(20), description: '数量, e.g. 1' },
  totalFen: { ...fen, minimum: 1, description: '价税合计 of the line in fen (VAT included)' },
  taxRate: { ...rate, description: '税率 (default: the tenant\'s rate)' },
}, ['totalFen']);
const lines = { type: 'array', items: line, minItems: 1, maxItems: MAX_LINES };
const receiptIds = { type: 'array', items: uuid, minItems: 1, maxItems: 100, uniqueItems: true, description: 'Approved receipts (回款单) marked 开票 to invoice' };
const remarks = { ...nullableText(200), description: '备注' };

const seller = {
  anyOf: [
    objectSchema({
      name: nonEmpty(100), taxId: nonEmpty(30), address: nonEmpty(200), phone: nonEmpty(30), bank: nonEmpty(100), account: nonEmpty(40),
    }, ['name', 'taxId', 'address', 'phone', 'bank', 'account']),
    { type: 'null' },
  ],
  description: '销售方: the firm\'s invoicing profile printed on every invoice',
};

const listQuery = objectSchema({
  ...pageQuery,
  state: { type: 'string', enum: [...INVOICE_STATES], description: 'draft 草稿, pending 待审批, issued 已开具, partially_reversed 部分红冲, reversed 已红冲, cancelled 已作废' },
  kind,
  direction: { type: 'string', enum: ['blue', 'red'], description: 'blue 蓝字, red 红字' },
  orderId: uuid,
  buyer: { ...text(100), description: 'Part of the buyer\'s name or tax id' },
  number: { ...text(20), description: '发票号码 or its start' },
  issuedFrom: { ...date, description: '开票日期 from (inclusive)' },
  issuedTo: { ...date, description: '开票日期 to (inclusive)' },
});

function filterOf(q: Record<string, string | undefined>): InvoiceListFilter {
  return {
    state: q.state as InvoiceListFilter['state'], kind: q.kind as InvoiceListFilter['kind'], direction: q.direction as InvoiceListFilter['direction'],
    orderId: q.orderId, buyer: q.buyer, number: q.number, issuedFrom: q.issuedFrom, issuedTo: q.issuedTo,
  };
}

/** The client's key for this attempt: the Idempotency-Key header, else the body's requestId. */
function requestIdOf(req: RouteRequest): string | undefined {
  return req.headers['idempotency-key'] ?? req.body?.requestId;
}

// Shown inside the console's own page (disposition=inline): the browser displays it in place of a download,
// and only a page of the same origin may frame it.
const SAME_ORIGIN_FRAME = { 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'self'" };

// The PDF is sent as it is drawn (no Content-Length: its length is known only at the end).
async function pdf(doc: RenderedDocument, disposition: 'attachment' | 'inline' = 'attachment') {
  return respond({
    headers: {
      'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(doc.fileName, disposition), 'Cache-Control': 'private, no-cache',
      ...(disposition === 'inline' ? SAME_ORIGIN_FRAME : {}),
    },
    stream: await startedStream(doc.pdf),
  });
}

export function invoiceRoutes(s: { invoices: InvoicesService; documents: DocumentsService; spreadsheets: SpreadsheetWriter }): RouteDef[] {
  const svc = s.invoices;
  return [
    {
      method: 'get', path: '/invoice-settings', tags, summary: '发票设置 The firm\'s invoicing profile (销售方), tax rates and cap rule',
      handler: async ({ actor }) => svc.settings(actor),
    },
    {
      method: 'put', path: '/invoice-settings', tags, summary: '修改发票设置 Set the invoicing profile, rates and cap rule (admin)',
      description: 'Rates are tenant settings: generalRate (一般纳税人, 6 by default) applies when taxpayerKind is general, smallScaleRate (征收率, 3 by default) when small_scale. capBasis: received (invoiced ≤ 已回款) or contract (invoiced ≤ 合同金额).',
      schemas: {
        body: objectSchema({
          version: { type: 'integer', minimum: 0, description: 'The settings version you read (0 while on the defaults)' },
          seller,
          taxpayerKind: { type: 'string', enum: [...TAXPAYER_KINDS], description: 'general 一般纳税人, small_scale 小规模纳税人' },
          generalRate: rate, smallScaleRate: rate,
          capBasis: { type: 'string', enum: [...CAP_BASES] },
          defaultServiceName: nonEmpty(100),
          payee: nullableText(20), reviewer: nullableText(20), drawer: { ...nullableText(20), description: '开票人 (default: whoever approves the issue)' },
        }, ['version']),
      },
      handler: async ({ actor, body }) => svc.saveSettings(actor, body),
    },
    {
      method: 'get', path: '/orders/:id/invoiceable', tags, summary: '可开票金额 What the order may still be invoiced for, and its receipts',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => svc.invoiceable(actor, params.id),
    },
    {
      method: 'post', path: '/invoices', tags, successStatus: 201, summary: '申请开票 Request an invoice (a draft) from receipts or with lines',
      description: 'With receiptIds the lines default to one line of their total and the kind to the receipts\' 发票类型. Refused with invoice.exceeds_invoiceable beyond what the order may still be invoiced for.',
      schemas: { body: objectSchema({ orderId: uuid, kind, receiptIds, buyer, lines, remarks }, ['orderId']) },
      handler: async ({ actor, body }) => svc.request(actor, body),
    },
    {
      method: 'get', path: '/invoices', tags, summary: '账务管理·发票 Invoices of orders in your scope, newest first (sums with withTotal)',
      schemas: { query: listQuery },
      handler: async ({ actor, query }) => svc.list(actor, filterOf(query), pageOf(query)),
    },
    {
      method: 'get', path: '/invoices/export', tags, summary: '导出发票 The filtered list as .xlsx (at most 10,000 rows)',
      schemas: { query: objectSchema(Object.fromEntries(Object.entries((listQuery as { properties: Record<string, unknown> }).properties).filter(([k]) => !(k in pageQuery)))) },
      handler: async ({ actor, query }) => {
        const rows = await svc.exportRows(actor, filterOf(query));
        async function* sheetRows() {
          for (const r of rows) yield invoiceSheetRow(r);
        }
        return respond({
          headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': contentDisposition('发票.xlsx'), 'Cache-Control': 'private, no-cache' },
          stream: Readable.from(s.spreadsheets.write(INVOICE_SHEET, sheetRows())),
        });
      },
    },
    {
      method: 'get', path: '/invoices/:id', tags, summary: '发票详情 The invoice with its lines, 大写 total and red-letter invoices',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => svc.get(actor, params.id),
    },
    {
      method: 'patch', path: '/invoices/:id', tags, summary: '修改草稿 Correct a draft (an issued invoice is only reversed)',
      schemas: { params: idParams, body: objectSchema({ version, kind, receiptIds, buyer, lines, remarks }, ['version']) },
      handler: async ({ actor, params, body }) => svc.update(actor, params.id, body),
    },
    {
      method: 'post', path: '/invoices/:id/submit', tags, summary: '提交审批 Submit the draft to the invoice (or 红冲发票) approval flow',
      description: 'The invoice becomes 待审批; when the flow approves it, it is issued with its number (yyyy + 8 digits, gapless per firm and year). A repeat with the same Idempotency-Key does not submit twice.',
      schemas: {
        params: idParams,
        body: objectSchema({
          chosenApprovers: { type: 'object', additionalProperties: { type: 'array', items: uuid, maxItems: 20 }, description: '请选择审批人: per node key, the approvers' },
          requestId: { type: 'string', minLength: 1, maxLength: 100 },
        }),
      },
      handler: async (req) => svc.submit(req.actor, req.params.id, { chosenApprovers: req.body?.chosenApprovers, requestId: requestIdOf(req) }),
    },
    {
      method: 'post', path: '/invoices/:id/cancel', tags, summary: '作废草稿 Give up a draft; its receipts and amount are free again',
      schemas: { params: idParams, body: objectSchema({ version }, ['version']) },
      handler: async ({ actor, params, body }) => svc.cancel(actor, params.id, body),
    },
    {
      method: 'post', path: '/invoices/:id/red-letter', tags, successStatus: 201, summary: '申请红冲 A red-letter draft reversing the issued invoice, in full or in part',
      description: 'Without lines everything left on the invoice is reversed; with lines, the named amounts of the named lines. Submit the red-letter draft to the 红冲发票 flow; once issued the original is 部分红冲 or 已红冲 and the amount can be invoiced again.',
      schemas: {
        params: idParams,
        body: objectSchema({
          reason: { ...nonEmpty(200), description: '红冲原因' },
          lines: { type: 'array', items: objectSchema({ lineNo: { type: 'integer', minimum: 1 }, totalFen: { ...fen, minimum: 1 } }, ['lineNo', 'totalFen']), minItems: 1, maxItems: MAX_LINES },
          remarks,
        }, ['reason']),
      },
      handler: async ({ actor, params, body }) => svc.requestRedLetter(actor, params.id, body),
    },
    {
      method: 'get', path: '/invoices/:id/timeline', tags, summary: '发票动态 The invoice\'s timeline, oldest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await svc.timeline(actor, params.id) }),
    },
    {
      method: 'get', path: '/invoices/:id/pdf', tags: ['invoices', 'documents'], summary: '下载发票 The issued invoice as PDF',
      description: 'disposition=inline serves it to be shown in a page of the same origin (the console embeds it); the default is a download.',
      schemas: {
        params: idParams,
        query: objectSchema({ disposition: { type: 'string', enum: ['attachment', 'inline'], description: 'attachment (default) downloads; inline shows it in a same-origin frame' } }),
      },
      handler: async ({ actor, params, query }) => pdf(await s.documents.invoicePdf(actor, params.id), query.disposition === 'inline' ? 'inline' : 'attachment'),
    },
    {
      method: 'get', path: '/orders/:id/contract.pdf', tags: ['orders', 'documents'], summary: '下载合同 The order\'s financing service agreement as PDF',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => pdf(await s.documents.contractPdf(actor, params.id)),
    },
    {
      method: 'get', path: '/orders/:id/plan.pdf', tags: ['orders', 'documents'], summary: '下载方案 The order\'s financing plan as PDF, with the repayment comparisons',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => pdf(await s.documents.planPdf(actor, params.id)),
    },
  ];
}
