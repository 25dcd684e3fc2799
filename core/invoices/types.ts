// The plain data of invoices (发票): the invoice as stored (blue, or a red-letter 红字发票 reversing one), its
// lines, its buyer, and the tenant's invoice settings (the seller's invoicing profile and the tax rates).
import type { InvoiceKind } from '../documents/index.js';

export type { InvoiceKind };
export const INVOICE_KINDS: readonly InvoiceKind[] = ['ordinary', 'special'];
export const INVOICE_KIND_LABELS: Readonly<Record<InvoiceKind, string>> = { ordinary: '普通发票', special: '专用发票' };

/** 草稿, 待审批, 已开具, 部分红冲, 已红冲, and 已作废 for a draft given up before it was ever issued. */
export type InvoiceState = 'draft' | 'pending' | 'issued' | 'partially_reversed' | 'reversed' | 'cancelled';
export const INVOICE_STATES: readonly InvoiceState[] = ['draft', 'pending', 'issued', 'partially_reversed', 'reversed', 'cancelled'];

/** A blue invoice bills money; a red-letter invoice (红字发票) reverses all or part of an issued blue one. */
export type InvoiceDirection = 'blue' | 'red';

/** 购买方: the customer company. Address, phone, bank and account are required on a special invoice. */
export interface InvoiceBuyer {
  readonly name: string;
  /** 统一社会信用代码/纳税人识别号, normalised; optional on an ordinary invoice. */
  readonly taxId: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  /** 开户行 */
  readonly bank: string | null;
  /** 银行账号 (digits) */
  readonly account: string | null;
}

/** One line (货物或应税劳务、服务名称): 金额 excludes VAT, 税额 is the VAT, total = amount + tax. */
export interface InvoiceLineRecord {
  /** 1-based position on the invoice. */
  readonly lineNo: number;
  /** 项目名称, e.g. '*经纪代理服务*融资服务费' */
  readonly name: string;
  /** 数量 as printed ('1'), or null for a service line without one. */
  readonly quantity: string | null;
  /** 单价 excluding VAT in yuan as printed ('9433.96226415'), null without a quantity. */
  readonly unitPrice: string | null;
  /** 金额 (excluding VAT), fen; negative on a red-letter invoice. */
  readonly amountFen: number;
  /** 税率 in percent as written ('6', '3'). */
  readonly taxRate: string;
  readonly taxFen: number;
  /** 价税合计 of the line. */
  readonly totalFen: number;
  /** On a red-letter line: the original invoice's line it reverses. */
  readonly originalLineNo: number | null;
}

/** An invoice as stored. Issued invoices are never changed again except for their reversal state. */
export interface Invoice {
  readonly tenantId: string;
  readonly id: string;
  readonly orderId: string;
  readonly direction: InvoiceDirection;
  /** The blue invoice a red-letter invoice reverses; null on a blue one. */
  readonly originalId: string | null;
  readonly kind: InvoiceKind;
  readonly state: InvoiceState;
  /** 发票号码: taken when issued (yyyy + 8-digit sequence per tenant and year), null before. */
  readonly number: string | null;
  readonly issueDate: string | null;
  readonly issuedAt: Date | null;
  /** Who approved it last (the decision that issued it). */
  readonly issuedBy: string | null;
  /** 销售方, 收款人, 复核, 开票人 as they were when it was issued: a later change of the settings never rewrites it. */
  readonly seller: SellerProfile | null;
  readonly payee: string | null;
  readonly reviewer: string | null;
  readonly drawer: string | null;
  readonly buyer: InvoiceBuyer;
  readonly lines: readonly InvoiceLineRecord[];
  /** 合计金额, 合计税额, 价税合计. */
  readonly amountFen: number;
  readonly taxFen: number;
  readonly totalFen: number;
  /** 备注 */
  readonly remarks: string | null;
  /** 红冲原因 on a red-letter invoice. */
  readonly reason: string | null;
  /** The approved receipts (回款单) the invoice bills, if it was requested from them. */
  readonly receiptIds: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly version: number;
}

/** Whose VAT rules the firm invoices under: 一般纳税人 (6% on financial consulting) or 小规模纳税人. */
export type TaxpayerKind = 'general' | 'small_scale';

/** What caps the invoiced total of an order: the money received (default) or the confirmed contract amount. */
export type InvoiceCapBasis = 'received' | 'contract';

/** 销售方: the firm's invoicing profile as it prints on every invoice. */
export interface SellerProfile {
  readonly name: string;
  readonly taxId: string;
  readonly address: string;
  readonly phone: string;
  readonly bank: string;
  readonly account: string;
}

/** The tenant's invoice settings, changed by administrators. */
export interface InvoiceSettings {
  /** null until an administrator fills it in; nothing can be issued before. */
  readonly seller: SellerProfile | null;
  readonly taxpayerKind: TaxpayerKind;
  /** 一般纳税人 rate for the firm's service, percent ('6'). */
  readonly generalRate: string;
  /** 小规模纳税人 征收率, percent ('3', or a reduced rate while one is in force, e.g. '1'). */
  readonly smallScaleRate: string;
  readonly capBasis: InvoiceCapBasis;
  /** The line name a request gets when it names none. */
  readonly defaultServiceName: string;
  /** 收款人, 复核, 开票人 printed under the invoice; the drawer defaults to whoever approved the issue. */
  readonly payee: string | null;
  readonly reviewer: string | null;
  readonly drawer: string | null;
  /** 0 while the tenant runs on the defaults; bumped by every save. */
  readonly version: number;
}
