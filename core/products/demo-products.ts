// A demo catalogue for a new tenant and for tests: realistic products in all eight default categories,
// including the four the brochure shows (税E贷 1, 快贷 2, e商助梦贷 11, 浦发-银税贷 24). Figures are typical of
// the market, not any bank's current terms.
import type { ProductData, RepaymentMethod } from './product.js';
import type { Requirement } from './requirement.js';

const yuan = (n: number): number => n * 100;
const wan = (n: number): number => n * 1_000_000;

const TAX_DOCS = ['营业执照', '法人身份证', '近两年纳税申报表', '征信查询授权书'];
const INVOICE_DOCS = ['营业执照', '法人身份证', '近一年开票数据', '征信查询授权书'];
const MORTGAGE_DOCS = ['营业执照', '法人身份证', '房产证', '婚姻证明', '近半年银行流水'];
const PERSONAL_DOCS = ['身份证', '收入证明', '近半年银行流水'];
const HOME_DOCS = ['身份证', '房产证', '婚姻证明', '收入证明'];
const VEHICLE_DOCS = ['身份证', '机动车登记证书', '行驶证', '车辆保险单'];

interface Row {
  readonly number: number;
  readonly name: string;
  readonly categoryCode: string;
  readonly institution: string;
  readonly feeYuan: number;
  readonly wanRange: readonly [number, number];
  readonly months: readonly [number, number];
  readonly rate: readonly [string, string];
  readonly methods: readonly RepaymentMethod[];
  readonly docs: readonly string[];
  readonly requirements: readonly Requirement[];
  readonly active?: boolean;
}

function product(r: Row): ProductData {
  return {
    number: r.number,
    name: r.name,
    categoryCode: r.categoryCode,
    institution: r.institution,
    defaultServiceFeeFen: yuan(r.feeYuan),
    amountFen: { min: wan(r.wanRange[0]), max: wan(r.wanRange[1]) },
    termMonths: { min: r.months[0], max: r.months[1] },
    annualRatePercent: { min: r.rate[0], max: r.rate[1] },
    repaymentMethods: r.methods,
    requiredDocuments: r.docs,
    active: r.active ?? true,
    requirements: r.requirements,
  };
}

const age = (min: number, max: number): Requirement => ({ kind: 'legalRepAge', min, max });
const companyAge = (min: number): Requirement => ({ kind: 'companyAgeMonths', min });
const rating = (...ratings: ('A' | 'B' | 'M' | 'C' | 'D')[]): Requirement => ({ kind: 'taxCreditRating', ratings });
const taxPaid = (wanYuan: number): Requirement => ({ kind: 'annualTaxPaid', minFen: wan(wanYuan) });
const invoicing = (wanYuan: number): Requirement => ({ kind: 'annualInvoicing', minFen: wan(wanYuan) });
const maxDebt = (wanYuan: number): Requirement => ({ kind: 'maxExistingDebt', maxFen: wan(wanYuan) });
const region = (...prefixes: string[]): Requirement => ({ kind: 'region', prefixes });
const property: Requirement = { kind: 'needsProperty' };
const vehicle: Requirement = { kind: 'needsVehicle' };

/** The demo catalogue; every product passes validateProduct. */
export const DEMO_PRODUCTS: readonly ProductData[] = [
  // 税贷: credit lines priced on the tax the company pays.
  product({ number: 1, name: '税E贷', categoryCode: 'tax_loan', institution: '工商银行', feeYuan: 10000, wanRange: [10, 300], months: [6, 12], rate: ['3.65', '4.35'], methods: ['interest_first', 'equal_installment'], docs: TAX_DOCS, requirements: [companyAge(24), rating('A', 'B', 'M'), taxPaid(2), age(22, 60), maxDebt(500)] }),
  product({ number: 2, name: '快贷', categoryCode: 'tax_loan', institution: '建设银行', feeYuan: 8000, wanRange: [5, 200], months: [1, 12], rate: ['3.85', '4.5'], methods: ['interest_first', 'bullet'], docs: TAX_DOCS, requirements: [companyAge(24), rating('A', 'B'), taxPaid(1), age(18, 65)] }),
  product({ number: 3, name: '云税贷', categoryCode: 'tax_loan', institution: '建设银行', feeYuan: 8000, wanRange: [10, 300], months: [12, 12], rate: ['3.95', '4.75'], methods: ['interest_first'], docs: TAX_DOCS, requirements: [companyAge(36), rating('A', 'B'), taxPaid(3), age(22, 60)] }),
  product({ number: 4, name: '税易贷', categoryCode: 'tax_loan', institution: '中国银行', feeYuan: 6000, wanRange: [5, 100], months: [6, 12], rate: ['4', '5.5'], methods: ['interest_first', 'equal_installment'], docs: TAX_DOCS, requirements: [companyAge(24), rating('A', 'B', 'M'), taxPaid(1), maxDebt(300)] }),
  product({ number: 5, name: '纳税e贷', categoryCode: 'tax_loan', institution: '农业银行', feeYuan: 6000, wanRange: [5, 200], months: [6, 12], rate: ['3.7', '4.6'], methods: ['interest_first', 'equal_principal'], docs: TAX_DOCS, requirements: [companyAge(24), rating('A', 'B'), taxPaid(2), age(18, 65)] }),

  // 个人信贷: unsecured consumer credit of the owner.
  product({ number: 6, name: '闪电贷', categoryCode: 'personal_credit', institution: '招商银行', feeYuan: 3000, wanRange: [1, 30], months: [6, 36], rate: ['3.6', '15'], methods: ['equal_installment', 'equal_principal'], docs: PERSONAL_DOCS, requirements: [age(22, 55), maxDebt(50)] }),
  product({ number: 7, name: '融e借', categoryCode: 'personal_credit', institution: '工商银行', feeYuan: 3000, wanRange: [1, 80], months: [6, 60], rate: ['3.45', '12'], methods: ['equal_installment'], docs: PERSONAL_DOCS, requirements: [age(18, 60), maxDebt(100)] }),
  product({ number: 8, name: '微粒贷', categoryCode: 'personal_credit', institution: '微众银行', feeYuan: 2000, wanRange: [1, 20], months: [5, 20], rate: ['7.2', '18'], methods: ['equal_installment'], docs: ['身份证'], requirements: [age(18, 60)] }),
  product({ number: 9, name: '网捷贷', categoryCode: 'personal_credit', institution: '农业银行', feeYuan: 3000, wanRange: [1, 30], months: [1, 12], rate: ['3.6', '6'], methods: ['bullet', 'equal_installment'], docs: PERSONAL_DOCS, requirements: [age(18, 60), property] }),

  // 票贷: credit lines priced on the invoices the company issues.
  product({ number: 10, name: '票e贷', categoryCode: 'invoice_loan', institution: '招商银行', feeYuan: 6000, wanRange: [10, 200], months: [6, 12], rate: ['4.2', '6.5'], methods: ['interest_first'], docs: INVOICE_DOCS, requirements: [companyAge(24), invoicing(300), age(22, 60)] }),
  product({ number: 11, name: 'e商助梦贷', categoryCode: 'invoice_loan', institution: '工商银行', feeYuan: 8000, wanRange: [10, 300], months: [6, 12], rate: ['3.9', '5.2'], methods: ['interest_first', 'equal_installment'], docs: INVOICE_DOCS, requirements: [companyAge(24), invoicing(500), rating('A', 'B', 'M'), age(22, 60)] }),
  product({ number: 12, name: '开票贷', categoryCode: 'invoice_loan', institution: '网商银行', feeYuan: 3000, wanRange: [1, 100], months: [3, 12], rate: ['5.4', '18'], methods: ['equal_installment', 'bullet'], docs: ['营业执照', '法人身份证'], requirements: [companyAge(12), invoicing(100)] }),
  product({ number: 13, name: '发票贷', categoryCode: 'invoice_loan', institution: '中信银行', feeYuan: 6000, wanRange: [10, 200], months: [6, 12], rate: ['4.5', '7'], methods: ['interest_first'], docs: INVOICE_DOCS, requirements: [companyAge(24), invoicing(500), maxDebt(400)] }),

  // 企业经营性抵押贷: business loans secured on the owner's home.
  product({ number: 14, name: '经营抵押贷', categoryCode: 'business_mortgage', institution: '工商银行', feeYuan: 15000, wanRange: [50, 1000], months: [12, 120], rate: ['3.3', '4.2'], methods: ['interest_first', 'equal_installment', 'equal_principal'], docs: MORTGAGE_DOCS, requirements: [companyAge(12), property, age(18, 65)] }),
  product({ number: 15, name: '抵押快贷', categoryCode: 'business_mortgage', institution: '建设银行', feeYuan: 12000, wanRange: [30, 1000], months: [12, 36], rate: ['3.4', '4.1'], methods: ['interest_first'], docs: MORTGAGE_DOCS, requirements: [companyAge(12), property, age(18, 65)] }),
  product({ number: 16, name: '房抵经营贷', categoryCode: 'business_mortgage', institution: '招商银行', feeYuan: 15000, wanRange: [50, 3000], months: [12, 240], rate: ['3.45', '4.6'], methods: ['interest_first', 'equal_installment'], docs: MORTGAGE_DOCS, requirements: [companyAge(24), property, age(20, 65), maxDebt(2000)] }),
  product({ number: 17, name: 'e抵快贷', categoryCode: 'business_mortgage', institution: '工商银行', feeYuan: 10000, wanRange: [10, 1000], months: [12, 60], rate: ['3.35', '4'], methods: ['interest_first', 'equal_installment'], docs: MORTGAGE_DOCS, requirements: [companyAge(12), property, region('32', '31', '33')] }),

  // 企业信贷: unsecured business credit.
  product({ number: 18, name: '微业贷', categoryCode: 'business_credit', institution: '微众银行', feeYuan: 5000, wanRange: [5, 300], months: [3, 24], rate: ['3.6', '18'], methods: ['equal_installment', 'equal_principal'], docs: ['营业执照', '法人身份证'], requirements: [companyAge(24), rating('A', 'B', 'M'), age(18, 65)] }),
  product({ number: 19, name: '网商贷', categoryCode: 'business_credit', institution: '网商银行', feeYuan: 3000, wanRange: [1, 100], months: [3, 12], rate: ['5.4', '18'], methods: ['equal_installment', 'bullet'], docs: ['营业执照', '法人身份证'], requirements: [companyAge(6), age(18, 65)] }),
  product({ number: 20, name: '生意贷', categoryCode: 'business_credit', institution: '招商银行', feeYuan: 6000, wanRange: [10, 300], months: [12, 36], rate: ['4.5', '9'], methods: ['equal_installment', 'interest_first'], docs: ['营业执照', '法人身份证', '近一年银行流水'], requirements: [companyAge(24), maxDebt(300), age(22, 60)] }),
  product({ number: 21, name: '经营快贷', categoryCode: 'business_credit', institution: '工商银行', feeYuan: 6000, wanRange: [10, 200], months: [6, 12], rate: ['3.65', '5'], methods: ['interest_first'], docs: ['营业执照', '法人身份证', '近一年银行流水'], requirements: [companyAge(24), rating('A', 'B'), age(18, 65)] }),
  product({ number: 22, name: '普惠e贷', categoryCode: 'business_credit', institution: '浦发银行', feeYuan: 6000, wanRange: [10, 300], months: [6, 12], rate: ['3.8', '5.5'], methods: ['interest_first', 'equal_installment'], docs: ['营业执照', '法人身份证', '近一年银行流水'], requirements: [companyAge(24), rating('A', 'B', 'M'), region('31', '32')] }),
  product({ number: 23, name: '科创贷', categoryCode: 'business_credit', institution: '中国银行', feeYuan: 10000, wanRange: [50, 1000], months: [12, 36], rate: ['3.5', '4.8'], methods: ['interest_first', 'equal_principal'], docs: ['营业执照', '法人身份证', '高新技术企业证书', '近两年财务报表'], requirements: [companyAge(36), rating('A', 'B'), taxPaid(20)] }),

  // 诺诺票贷: invoice loans through the 诺诺 invoicing platform's data.
  product({ number: 24, name: '浦发-银税贷', categoryCode: 'nuonuo_invoice_loan', institution: '浦发银行', feeYuan: 8000, wanRange: [10, 300], months: [12, 12], rate: ['3.85', '5.5'], methods: ['interest_first'], docs: INVOICE_DOCS, requirements: [companyAge(24), rating('A', 'B'), invoicing(200), age(22, 60)] }),
  product({ number: 25, name: '兴业-快易贷', categoryCode: 'nuonuo_invoice_loan', institution: '兴业银行', feeYuan: 6000, wanRange: [5, 200], months: [6, 12], rate: ['4.2', '6'], methods: ['interest_first', 'equal_installment'], docs: INVOICE_DOCS, requirements: [companyAge(24), invoicing(150), age(22, 60)] }),
  product({ number: 26, name: '南京-鑫e贷', categoryCode: 'nuonuo_invoice_loan', institution: '南京银行', feeYuan: 5000, wanRange: [5, 100], months: [6, 12], rate: ['4.35', '6.5'], methods: ['interest_first'], docs: INVOICE_DOCS, requirements: [companyAge(12), invoicing(100), region('江苏省')] }),
  product({ number: 27, name: '江苏-税e融', categoryCode: 'nuonuo_invoice_loan', institution: '江苏银行', feeYuan: 5000, wanRange: [5, 300], months: [6, 12], rate: ['3.9', '6'], methods: ['interest_first', 'equal_installment'], docs: INVOICE_DOCS, requirements: [companyAge(24), invoicing(200), rating('A', 'B', 'M'), region('32')] }),

  // 个人房抵押: the owner borrows against a home.
  product({ number: 28, name: '房抵e贷', categoryCode: 'personal_home_mortgage', institution: '中国银行', feeYuan: 12000, wanRange: [20, 1000], months: [12, 240], rate: ['3.5', '4.5'], methods: ['equal_installment', 'equal_principal'], docs: HOME_DOCS, requirements: [property, age(18, 65)] }),
  product({ number: 29, name: '宅e贷', categoryCode: 'personal_home_mortgage', institution: '浦发银行', feeYuan: 12000, wanRange: [20, 500], months: [12, 120], rate: ['3.6', '4.8'], methods: ['equal_installment', 'interest_first'], docs: HOME_DOCS, requirements: [property, age(20, 65), maxDebt(300)] }),
  product({ number: 30, name: '个人房产抵押贷', categoryCode: 'personal_home_mortgage', institution: '交通银行', feeYuan: 10000, wanRange: [10, 1000], months: [12, 360], rate: ['3.45', '4.9'], methods: ['equal_installment', 'equal_principal'], docs: HOME_DOCS, requirements: [property, age(18, 65)] }),
  product({ number: 31, name: '业主贷', categoryCode: 'personal_home_mortgage', institution: '平安银行', feeYuan: 8000, wanRange: [5, 100], months: [12, 36], rate: ['6', '12'], methods: ['equal_installment'], docs: ['身份证', '房产证', '收入证明'], requirements: [property, age(22, 60)] }),

  // 车辆抵押贷: borrowing against a vehicle.
  product({ number: 32, name: '车主贷', categoryCode: 'vehicle_mortgage', institution: '平安银行', feeYuan: 3000, wanRange: [3, 50], months: [12, 36], rate: ['6.5', '15'], methods: ['equal_installment'], docs: VEHICLE_DOCS, requirements: [vehicle, age(18, 60)] }),
  product({ number: 33, name: '车抵贷', categoryCode: 'vehicle_mortgage', institution: '招商银行', feeYuan: 3000, wanRange: [5, 100], months: [12, 36], rate: ['5.8', '12'], methods: ['equal_installment', 'interest_first'], docs: VEHICLE_DOCS, requirements: [vehicle, age(20, 60), maxDebt(100)] }),
  product({ number: 34, name: '车易贷', categoryCode: 'vehicle_mortgage', institution: '中信银行', feeYuan: 2500, wanRange: [3, 50], months: [12, 36], rate: ['6', '14'], methods: ['equal_installment'], docs: VEHICLE_DOCS, requirements: [vehicle, age(18, 65)] }),
  product({ number: 35, name: '车e抵', categoryCode: 'vehicle_mortgage', institution: '网商银行', feeYuan: 2000, wanRange: [2, 30], months: [6, 24], rate: ['7.2', '18'], methods: ['equal_installment', 'bullet'], docs: VEHICLE_DOCS, requirements: [vehicle], active: false }),
];
