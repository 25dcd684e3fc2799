// The plain data of orders (订单): the order itself, its enterprise profile (企业信息), plan (方案) and contract
// (合同), the amounts derived from their sources, and the tenant's order settings.
import type { Gender } from '../identity/index.js';
import type { PipelineConfig } from './stage-config.js';

/** Where an order stands, read from its stage: in the pipeline, completed (订单完成), 输单 or 已取消. */
export type OrderStatus = 'open' | 'completed' | 'lost' | 'cancelled';

/** An order as stored. The pipeline position and handler are the PipelineState that transition() moves. */
export interface Order {
  readonly tenantId: string;
  readonly id: string;
  /** The inquiry (咨询 → 准客户 → 客户) the order was created from. */
  readonly inquiryId: string;
  /** 订单标题, e.g. 企业信用贷. */
  readonly title: string;
  /** 企业名称: from the inquiry, corrected on the enterprise profile. */
  readonly companyName: string;
  /** normalizeCompanyName(companyName): the key 查重 compares. */
  readonly companyKey: string;
  /** 归属人员 and 归属部门: whose record it is (data scope). */
  readonly ownerId: string;
  readonly departmentId: string | null;
  /** 当前处理人: who works on the current step (下一节点操作人). */
  readonly handlerId: string;
  /** A configured stage key, or `lost` / `cancelled`. */
  readonly stageKey: string;
  /** While lost or cancelled: the stage the order left. */
  readonly stageBeforeOff: string | null;
  readonly stageEnteredAt: Date;
  /** The reason given when the order was lost or cancelled; null otherwise. */
  readonly offReason: string | null;
  readonly completedAt: Date | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/**
 * Money of an order, computed from its sources on every read (the view order_amounts), never stored: the
 * confirmed contract, matched products' totals, approved receipts, invoices and disbursements.
 */
export interface OrderAmounts {
  /** 合同金额: the confirmed contract's amount; null before confirmation. */
  readonly contractFen: number | null;
  /** Sum of the matched products' totals (0 until the products area adds lines). */
  readonly productTotalFen: number;
  /** 应回款: the contract amount once confirmed, else the products' total. */
  readonly receivableFen: number;
  /** 已回款: approved receipts (0 until the collections area). */
  readonly receivedFen: number;
  /** 未回款: receivable − received, never below 0. */
  readonly outstandingFen: number;
  /** 已开票 (0 until the invoices area). */
  readonly invoicedFen: number;
  /** 放款金额 (0 until the products area records disbursements). */
  readonly disbursedFen: number;
}

/** An order with the names a screen shows beside it and its derived amounts. */
export interface OrderSummary extends Order {
  readonly ownerName: string | null;
  readonly departmentName: string | null;
  readonly handlerName: string | null;
  /** 赢单时间: when the contract was confirmed. */
  readonly wonAt: Date | null;
  readonly amounts: OrderAmounts;
}

/** 法人婚姻状态. */
export type MaritalStatus = 'unmarried' | 'married' | 'divorced' | 'widowed';
export const MARITAL_STATUSES: readonly MaritalStatus[] = ['unmarried', 'married', 'divorced', 'widowed'];
export const MARITAL_STATUS_LABELS: Readonly<Record<MaritalStatus, string>> = { unmarried: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' };

/**
 * The enterprise profile (企业信息) as stored: the ID number, bank card and tax secrets only sealed (Cipher),
 * with blind indexes for equality search. Age, birth date and gender are never stored: they derive from
 * the ID number when it is read. The company name lives on the order.
 */
export interface StoredProfile {
  readonly tenantId: string;
  readonly orderId: string;
  /** 企业税号: 统一社会信用代码, normalised. */
  readonly taxId: string | null;
  readonly legalPersonName: string | null;
  readonly legalPersonMobile: string | null;
  readonly residentIdSealed: string | null;
  readonly residentIdIndex: string | null;
  readonly bankCardSealed: string | null;
  readonly bankCardIndex: string | null;
  /** The user confirmed a card number that fails the Luhn check (some real cards do). */
  readonly bankCardLuhnConfirmed: boolean;
  /** 开户网点. */
  readonly bankBranch: string | null;
  /** 法人居住地址. */
  readonly homeAddress: string | null;
  readonly maritalStatus: MaritalStatus | null;
  /** 税务秘密: e.g. the electronic tax bureau login, sealed. */
  readonly taxSecretsSealed: string | null;
  /** 联系人 and 与客户关系. */
  readonly contactName: string | null;
  readonly contactRelationship: string | null;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** What the legal representative's ID number tells, derived when read. */
export interface DerivedFromResidentId {
  readonly age: number;
  readonly gender: Gender;
  readonly birthDate: string;
}

/** 方案: the financing proposal (step 5). Attachments are files of kind plan_attachment. */
export interface Plan {
  readonly tenantId: string;
  readonly orderId: string;
  /** 项目名称. */
  readonly projectName: string;
  /** 项目概述、资质分析. */
  readonly overview: string;
  /** 预计完成时间, 'YYYY-MM-DD'. */
  readonly expectedCompletion: string;
  /** 财务计划、用途. */
  readonly financialPlan: string | null;
  /** 融资规划建议. */
  readonly financingAdvice: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** 合同: the service agreement (step 6). The signed copy is a file of kind contract_scan. */
export interface Contract {
  readonly tenantId: string;
  readonly orderId: string;
  /** 合同编号, unique in the tenant. */
  readonly number: string;
  readonly amountFen: number;
  /** 签订日期, 'YYYY-MM-DD'. */
  readonly signedOn: string;
  /** 甲方: the customer company, and who signed for it. */
  readonly customerParty: string;
  readonly customerSignatory: string | null;
  /** 乙方: the firm, and who signed for it. */
  readonly firmParty: string;
  readonly firmSignatory: string | null;
  readonly confirmedAt: Date | null;
  readonly confirmedBy: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** The tenant's order settings: its stages and which profile fields make a profile 已完善. */
export interface OrderSettings {
  readonly pipeline: PipelineConfig;
  /** The preset the stages were taken from, or null for the tenant's own set. */
  readonly preset: string | null;
  readonly requiredProfileFields: readonly string[];
  /** 0 while the tenant runs on the defaults; bumped on every save. */
  readonly version: number;
}
