// The seam between an order's contract and the PDF renderer: the plain ContractDocument (core/documents)
// built from the order, its profile and its contract. Matched products and the collection plan come from
// their areas when they exist; until then the document lists none.
import type { ContractDocument, ContractInstalment, ContractProductLine } from '../documents/index.js';
import type { Actor } from '../organisation/index.js';
import type { Contract, Order, StoredProfile } from './types.js';

/** Builds the contract document of an order the actor may see (the PDF issue renders it with PdfRenderer). */
export type ContractDocumentSource = (actor: Actor, orderId: string) => Promise<ContractDocument>;

/** 服务内容 of the firm's standard agreement, one paragraph each. */
export const DEFAULT_SERVICE_SCOPE: readonly string[] = [
  '乙方根据甲方的经营及资质情况，为甲方提供融资咨询、方案设计及金融产品匹配服务。',
  '乙方协助甲方准备、整理并提交申请资料，跟进合作机构的审批与放款进度。',
];

/** 合同条款 with the placeholders of core/documents/contract-terms.ts; paragraphs separated by blank lines. */
export const DEFAULT_CONTRACT_TERMS = [
  '甲方{{customer.name}}（统一社会信用代码：{{customer.taxId}}，法定代表人：{{customer.legalRepresentative}}）委托乙方{{firm.name}}提供融资服务，双方于{{contract.signDate}}签订本协议，合同编号{{contract.number}}。',
  '服务费总额为人民币{{fee.amount}}元（大写：{{fee.uppercase}}），按回款计划分{{plan.instalments}}期支付。',
  '乙方对在服务中获知的甲方信息负有保密义务；本协议一式两份，双方各执一份，自双方签字盖章之日起生效。',
].join('\n\n');

export interface ContractDocumentInput {
  readonly order: Order;
  readonly profile: StoredProfile | null;
  readonly contract: Contract;
  /** The firm's name (the tenant) and the handling sales person's name (经办人). */
  readonly firmName: string;
  readonly agentName: string | null;
  readonly products?: readonly ContractProductLine[];
  readonly collectionPlan?: readonly ContractInstalment[];
  readonly termsTemplate?: string;
}

/** The document of a recorded contract: 甲方 from the contract and profile, 乙方 the firm, the fee its amount. */
export function buildContractDocument(input: ContractDocumentInput): ContractDocument {
  const { order, profile, contract } = input;
  const opt = <K extends string>(key: K, v: string | null | undefined): Partial<Record<K, string>> =>
    (v ? { [key]: v } : {}) as Partial<Record<K, string>>;
  return {
    number: contract.number,
    signDate: contract.signedOn,
    customer: {
      name: contract.customerParty || order.companyName,
      taxId: profile?.taxId ?? '',
      legalRepresentative: contract.customerSignatory ?? profile?.legalPersonName ?? '',
      ...opt('address', profile?.homeAddress),
      ...opt('phone', profile?.legalPersonMobile),
      ...opt('contactPerson', profile?.contactName),
    },
    firm: {
      name: contract.firmParty || input.firmName,
      ...opt('legalRepresentative', contract.firmSignatory),
      ...opt('agent', input.agentName),
    },
    serviceScope: DEFAULT_SERVICE_SCOPE,
    products: input.products ?? [],
    feeFen: contract.amountFen,
    collectionPlan: input.collectionPlan ?? [],
    termsTemplate: input.termsTemplate ?? DEFAULT_CONTRACT_TERMS,
  };
}
