// Builders for the PDF documents: realistic data with the rare-character names (喆 堃 犇 淼) that a font
// without full GBK coverage would print as empty boxes (the font now covers GB 18030 level 2, see fonts.test.ts).
import type {
  ContractDocument,
  InvoiceDocument,
  InvoiceLine,
  PlanDocument,
  PlanProduct,
} from '../../../core/documents/types.js';

export function anInvoiceLine(overrides: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    name: '*经纪代理服务*融资服务费',
    specification: '企业信用贷',
    unit: '次',
    quantity: '1',
    unitPrice: '9433.96226415',
    amountFen: 943_396,
    taxRate: '6',
    taxFen: 56_604,
    ...overrides,
  };
}

export function anInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: 'special',
    number: '25442000000123456789',
    issueDate: '2025-03-08',
    buyer: {
      name: '苏州王喆堃犇淼科技有限公司',
      taxId: '91320505MA1X2Y3Z4Q',
      address: '苏州市高新区狮山路 88 号',
      phone: '0512-66889900',
      bank: '中国建设银行苏州高新区支行',
      account: '32250199753600001234',
    },
    seller: {
      name: '大鑫金服（苏州）信息咨询有限公司',
      taxId: '91320594MA20ABCD1K',
      address: '苏州工业园区星湖街 328 号',
      phone: '0512-62880000',
      bank: '招商银行苏州分行营业部',
      account: '512905678910888',
    },
    lines: [anInvoiceLine()],
    remarks: '订单 DX-2025-0042 企业信用贷 服务费',
    payee: '孙露露',
    reviewer: '李淼',
    drawer: '张犇',
    ...overrides,
  };
}

export function aContract(overrides: Partial<ContractDocument> = {}): ContractDocument {
  return {
    number: 'HT-2025-0042',
    signDate: '2025-03-01',
    signPlace: '江苏省苏州市',
    customer: {
      name: '苏州王喆堃犇淼科技有限公司',
      taxId: '91320505MA1X2Y3Z4Q',
      legalRepresentative: '王喆',
      address: '苏州市高新区狮山路 88 号',
      phone: '13912345678',
      contactPerson: '赵堃',
    },
    firm: {
      name: '大鑫金服（苏州）信息咨询有限公司',
      taxId: '91320594MA20ABCD1K',
      legalRepresentative: '陈淼',
      address: '苏州工业园区星湖街 328 号',
      phone: '0512-62880000',
      agent: '孙露露',
    },
    serviceScope: [
      '乙方根据甲方的经营状况与融资需求，为甲方提供融资咨询、方案设计、资料整理、产品匹配及申请协助等服务。',
      '乙方不承诺贷款一定获批；贷款能否发放、额度与利率以合作机构的审批结果为准。',
    ],
    products: [
      { name: '税E贷', category: '税贷', institution: '中国建设银行', expectedAmountFen: 30_000_000, serviceFeeFen: 900_000, discountFen: 0, quantity: 1, totalFen: 900_000 },
      { name: '快贷', category: '企业信贷', institution: '中国工商银行', expectedAmountFen: 10_000_000, serviceFeeFen: 350_000, discountFen: 50_000, quantity: 1, totalFen: 300_000 },
    ],
    feeFen: 1_200_000,
    collectionPlan: [
      { sequence: 1, dueDate: '2025-03-15', amountFen: 600_000, note: '签约后支付' },
      { sequence: 2, dueDate: '2025-04-15', amountFen: 600_000, note: '放款后 3 个工作日内支付' },
    ],
    termsTemplate: [
      '1. 甲方（{{customer.name}}，法定代表人 {{customer.legalRepresentative}}）应向乙方提供真实、完整的资料。',
      '2. 本协议服务费总额为人民币 {{fee.amount}} 元（大写：{{fee.uppercase}}），分 {{plan.instalments}} 期支付。',
      '3. 乙方（{{firm.name}}）对甲方资料负有保密义务。本协议编号 {{contract.number}}，一式两份，双方各执一份，自双方签字盖章之日起生效。',
    ].join('\n\n'),
    ...overrides,
  };
}

export function aPlanProduct(overrides: Partial<PlanProduct> = {}): PlanProduct {
  return {
    name: '税E贷',
    category: '税贷',
    institution: '中国建设银行',
    principalFen: 30_000_000,
    annualRatePercent: '3.65',
    termMonths: 12,
    comparison: [
      { method: 'equal-installment', firstPaymentFen: 2_548_912, lastPaymentFen: 2_548_915, totalInterestFen: 586_947, totalPaymentFen: 30_586_947 },
      { method: 'equal-principal', firstPaymentFen: 2_591_250, lastPaymentFen: 2_507_604, totalInterestFen: 593_125, totalPaymentFen: 30_593_125 },
      { method: 'interest-first', firstPaymentFen: 91_250, lastPaymentFen: 30_091_250, totalInterestFen: 1_095_000, totalPaymentFen: 31_095_000 },
      { method: 'bullet', firstPaymentFen: 31_095_000, lastPaymentFen: 31_095_000, totalInterestFen: 1_095_000, totalPaymentFen: 31_095_000 },
    ],
    ...overrides,
  };
}

export function aPlan(overrides: Partial<PlanDocument> = {}): PlanDocument {
  return {
    reference: 'FA-2025-0042',
    customerName: '苏州王喆堃犇淼科技有限公司',
    firmName: '大鑫金服（苏州）信息咨询有限公司',
    projectName: '王喆堃犇淼科技 2025 年流动资金融资',
    overview: '企业成立 6 年，主营工业软件，近两年纳税等级 A，年开票额约 1,800 万元；法定代表人王喆征信良好，无逾期记录。',
    expectedCompletion: '2025-04-30',
    financialPlan: '融资 40 万元，用于采购服务器与支付研发人员工资，预计 12 个月内以经营回款偿还。',
    financingAdvice: '优先申请税E贷（利率低、纯信用），同时以快贷作为补充；建议选择等额本息，月供稳定。',
    preparedBy: '孙露露',
    preparedDate: '2025-02-20',
    products: [aPlanProduct()],
    ...overrides,
  };
}
