// The seam between a stored invoice and the PDF renderer: the plain InvoiceDocument (core/documents) of an
// issued invoice, the seller being the tenant's invoicing profile and the buyer as the invoice recorded it.
import { domainError, type DomainError } from '../shared/index.js';
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from '../documents/index.js';
import type { Invoice, InvoiceBuyer, InvoiceLineRecord, SellerProfile } from './types.js';

/** The firm's invoicing profile must be filled in before an invoice is submitted or printed. */
export function sellerMissing(): DomainError {
  return domainError('invoice.seller_missing', 'rule', '尚未填写本公司的开票信息（销售方），请联系管理员在发票设置中填写',
    'The firm\'s invoicing profile (the seller) is not filled in; an administrator must set it in the invoice settings');
}

function party(p: InvoiceBuyer | SellerProfile): InvoiceParty {
  const opt = <K extends string>(key: K, v: string | null): Partial<Record<K, string>> => (v ? { [key]: v } : {}) as Partial<Record<K, string>>;
  return {
    name: p.name, taxId: p.taxId ?? '',
    ...opt('address', p.address), ...opt('phone', p.phone), ...opt('bank', p.bank), ...opt('account', p.account),
  };
}

function line(l: InvoiceLineRecord): InvoiceLine {
  return {
    name: l.name, amountFen: l.amountFen, taxRate: l.taxRate, taxFen: l.taxFen,
    ...(l.quantity !== null ? { quantity: l.quantity } : {}), ...(l.unitPrice !== null ? { unitPrice: l.unitPrice } : {}),
  };
}

/** Only an issued invoice prints: its number, date, seller and drawer are those frozen when it was issued. */
export function buildInvoiceDocument(invoice: Invoice, original: Pick<Invoice, 'number' | 'issueDate'> | null): InvoiceDocument {
  const seller = invoice.seller;
  if (invoice.number === null || invoice.issueDate === null) {
    throw domainError('invoice.not_issued', 'rule', '发票尚未开具，没有可下载的发票文件', 'The invoice is not issued yet, so there is no invoice file', { id: invoice.id, state: invoice.state });
  }
  if (seller === null) throw sellerMissing();
  return {
    kind: invoice.kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    buyer: party(invoice.buyer),
    seller: party(seller),
    lines: invoice.lines.map(line),
    ...(invoice.remarks ? { remarks: invoice.remarks } : {}),
    ...(invoice.payee ? { payee: invoice.payee } : {}),
    ...(invoice.reviewer ? { reviewer: invoice.reviewer } : {}),
    drawer: invoice.drawer ?? '',
    ...(invoice.direction === 'red' && original?.number
      ? { redLetter: { originalNumber: original.number, ...(original.issueDate ? { originalIssueDate: original.issueDate } : {}), ...(invoice.reason ? { reason: invoice.reason } : {}) } }
      : {}),
  };
}
