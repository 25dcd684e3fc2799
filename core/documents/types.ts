// The documents the firm prints (发票, 融资服务协议, 方案) as plain data: strings, integer fen amounts and dates
// as 'YYYY-MM-DD' text, so that a host app can render them without a database, and a renderer never has to
// compute anything but sums of the amounts it is given.
import type { MethodSummary, RepaymentMethod } from '../loans/index.js';

/** A calendar date as 'YYYY-MM-DD', already in the tenant's business time zone. */
export type IsoDate = string;

// ---------------------------------------------------------------------------------------------- invoice

/** 专用发票 (the buyer may deduct the input VAT) or 普通发票. */
export type InvoiceKind = 'special' | 'ordinary';

/** 购买方 or 销售方 as printed on the invoice. */
export interface InvoiceParty {
  /** 名称 */
  readonly name: string;
  /** 统一社会信用代码/纳税人识别号 */
  readonly taxId: string;
  /** 地址 (printed on special invoices) */
  readonly address?: string;
  /** 电话 (printed on special invoices) */
  readonly phone?: string;
  /** 开户行 (printed on special invoices) */
  readonly bank?: string;
  /** 银行账号 (printed on special invoices) */
  readonly account?: string;
}

/** 税率/征收率: a percentage as written on a tax setting ('6', '3', '0.5'), or 免税 / 不征税 whose tax prints as ***. */
export type InvoiceTaxRate = string | 'exempt' | 'not_taxable';

/** One line of the invoice (货物或应税劳务、服务). Amounts exclude VAT; a red-letter invoice's are negative. */
export interface InvoiceLine {
  /** 项目名称, e.g. '*经纪代理服务*融资服务费' */
  readonly name: string;
  /** 规格型号 */
  readonly specification?: string;
  /** 单位 */
  readonly unit?: string;
  /** 数量 as printed ('1', '2.5'); service lines often leave it empty */
  readonly quantity?: string;
  /** 单价 excluding VAT, in yuan as the tax system prints it ('9433.96226415'); often empty with the quantity */
  readonly unitPrice?: string;
  /** 金额 excluding VAT, in fen */
  readonly amountFen: number;
  readonly taxRate: InvoiceTaxRate;
  /** 税额 in fen */
  readonly taxFen: number;
}

/** The blue invoice that a red-letter invoice (红字发票) reverses. */
export interface RedLetterReference {
  /** 被红冲蓝字发票号码 */
  readonly originalNumber: string;
  /** 被红冲蓝字发票开票日期 */
  readonly originalIssueDate?: IsoDate;
  /** 红冲原因, e.g. '开票有误' */
  readonly reason?: string;
}

/** A VAT e-invoice (电子发票) laid out like the tax authority's: title by kind, parties, lines, totals, 备注. */
export interface InvoiceDocument {
  readonly kind: InvoiceKind;
  /** 发票号码 (20 digits on a 数电票) */
  readonly number: string;
  /** 开票日期 */
  readonly issueDate: IsoDate;
  /** 购买方 */
  readonly buyer: InvoiceParty;
  /** 销售方 */
  readonly seller: InvoiceParty;
  readonly lines: readonly InvoiceLine[];
  /** 备注 */
  readonly remarks?: string;
  /** 收款人 */
  readonly payee?: string;
  /** 复核 */
  readonly reviewer?: string;
  /** 开票人 */
  readonly drawer: string;
  /** Present on a red-letter invoice (红字发票), whose amounts are negative. */
  readonly redLetter?: RedLetterReference;
}

// --------------------------------------------------------------------------------------------- contract

/** 甲方: the customer company. */
export interface ContractCustomer {
  /** 公司名称 */
  readonly name: string;
  /** 统一社会信用代码 */
  readonly taxId: string;
  /** 法定代表人 */
  readonly legalRepresentative: string;
  readonly address?: string;
  readonly phone?: string;
  /** 联系人 */
  readonly contactPerson?: string;
}

/** 乙方: the firm (the tenant). */
export interface ContractFirm {
  readonly name: string;
  readonly taxId?: string;
  readonly legalRepresentative?: string;
  readonly address?: string;
  readonly phone?: string;
  /** 经办人: the sales person who handles the order */
  readonly agent?: string;
}

/** One matched product (匹配产品) with the firm's fee for placing it. */
export interface ContractProductLine {
  /** 产品名称, e.g. '税E贷' */
  readonly name: string;
  /** 产品类别, e.g. '税贷' */
  readonly category?: string;
  /** 合作机构, e.g. the bank */
  readonly institution?: string;
  /** 预计额度 in fen */
  readonly expectedAmountFen?: number;
  /** 服务费 per unit, in fen */
  readonly serviceFeeFen: number;
  /** 优惠折扣 on the whole line, in fen */
  readonly discountFen: number;
  readonly quantity: number;
  /** 总价 = fee × quantity − discount, in fen */
  readonly totalFen: number;
}

/** One instalment of the collection plan (回款计划). */
export interface ContractInstalment {
  /** 期数, from 1 */
  readonly sequence: number;
  /** 计划回款日期 */
  readonly dueDate: IsoDate;
  readonly amountFen: number;
  /** 说明, e.g. '放款后 3 个工作日内' */
  readonly note?: string;
}

/** The firm's financing service agreement (融资服务协议) with one customer company. */
export interface ContractDocument {
  /** 合同编号 */
  readonly number: string;
  /** 签订日期; left blank (for a hand-written date) when absent */
  readonly signDate?: IsoDate;
  /** 签订地点 */
  readonly signPlace?: string;
  readonly customer: ContractCustomer;
  readonly firm: ContractFirm;
  /** 服务内容: one paragraph per entry */
  readonly serviceScope: readonly string[];
  readonly products: readonly ContractProductLine[];
  /** 服务费总额 in fen */
  readonly feeFen: number;
  /** 回款计划 */
  readonly collectionPlan: readonly ContractInstalment[];
  /**
   * The tenant's terms (合同条款) with placeholders such as {{customer.name}} and {{fee.uppercase}}; paragraphs
   * are separated by blank lines. The placeholders are listed by `contractPlaceholderNames`.
   */
  readonly termsTemplate: string;
}

// ------------------------------------------------------------------------------------------------- plan

/**
 * One method's figures for one product (首期还款, 末期还款, 总利息, 还款总额), exactly as core/loans
 * `compareMethods` returns them, so its result goes into a plan as it is.
 */
export type RepaymentComparisonRow = MethodSummary;
export type { RepaymentMethod };

/** A matched product in the plan, with its loan terms and the comparison of the four methods. */
export interface PlanProduct {
  readonly name: string;
  readonly category?: string;
  readonly institution?: string;
  /** 贷款金额 in fen */
  readonly principalFen: number;
  /** 年利率 in percent as the bank quotes it ('3.65') */
  readonly annualRatePercent: string;
  /** 期限 in months */
  readonly termMonths: number;
  readonly comparison: readonly RepaymentComparisonRow[];
}

/** The financing plan (方案) written for the customer. */
export interface PlanDocument {
  /** 方案编号 or the order number, printed in the header */
  readonly reference?: string;
  /** The customer company it is written for */
  readonly customerName: string;
  /** The firm that writes it */
  readonly firmName: string;
  /** 项目名称 */
  readonly projectName: string;
  /** 项目概述、资质分析 */
  readonly overview: string;
  /** 预计完成时间 */
  readonly expectedCompletion: IsoDate;
  /** 财务计划、用途 */
  readonly financialPlan?: string;
  /** 融资规划建议 */
  readonly financingAdvice: string;
  /** 编制人 */
  readonly preparedBy?: string;
  /** 编制日期 */
  readonly preparedDate?: IsoDate;
  readonly products: readonly PlanProduct[];
}
