// The conditions an order must meet to leave a pipeline stage: pure checks on facts the use case loaded
// beforehand (profile, plan, matched products, review, contract, collection, close). Which condition guards
// which stage is tenant configuration (stage-config.ts); this file is the registry of what can be asked.
import type { Guard, UnmetCondition } from '../shared/index.js';

/** Facts about one order, loaded before a transition is checked; guards read nothing else. */
export interface OrderGuardContext {
  /** The enterprise profile (企业信息) has every required field: tax id, legal representative, ID card front … */
  readonly profileComplete: boolean;
  /** A plan (方案) has been uploaded. */
  readonly hasPlan: boolean;
  /** Products matched to the order (自动匹配 / 手动匹配). */
  readonly matchedProductCount: number;
  /** The internal review (内部审核) approval chain has approved the order. */
  readonly internalReviewApproved: boolean;
  /** The contract (合同) has been uploaded and confirmed. */
  readonly contractConfirmed: boolean;
  /** Every instalment of the collection plan has been received (未回款金额 is 0). */
  readonly fullyCollected: boolean;
  /** Finance and operations approved the close (结单). */
  readonly closeApproved: boolean;
}

export const ORDER_GUARD_NAMES = [
  'profile_complete',
  'has_plan',
  'products_matched',
  'internal_review_approved',
  'contract_confirmed',
  'fully_collected',
  'close_approved',
] as const;
export type OrderGuardName = (typeof ORDER_GUARD_NAMES)[number];

/** What each condition asks, in words for people (diagram, settings screen), and what to do when it is unmet. */
export interface OrderGuardText {
  /** The condition when it holds: 企业信息已完善. */
  readonly zh: string;
  readonly en: string;
  /** What the user should do when it does not: 请先完善企业信息. */
  readonly unmetZh: string;
  readonly unmetEn: string;
}

export const ORDER_GUARD_TEXT: Readonly<Record<OrderGuardName, OrderGuardText>> = {
  profile_complete: {
    zh: '企业信息已完善',
    en: 'the enterprise profile is complete',
    unmetZh: '请先完善企业信息（企业税号、法人信息、身份证正面等必填项）',
    unmetEn: 'Complete the enterprise profile first (tax id, legal representative, ID card front and the other required fields)',
  },
  has_plan: {
    zh: '已上传方案',
    en: 'a plan has been uploaded',
    unmetZh: '请先编写并上传方案',
    unmetEn: 'Write and upload the plan first',
  },
  products_matched: {
    zh: '至少匹配一个产品',
    en: 'at least one product is matched',
    unmetZh: '请至少匹配一个产品（自动匹配或手动匹配）',
    unmetEn: 'Match at least one product first (automatic or manual matching)',
  },
  internal_review_approved: {
    zh: '内部审核已通过',
    en: 'the internal review has approved the order',
    unmetZh: '内部审核尚未通过，请等待审批完成',
    unmetEn: 'The internal review has not approved the order yet; wait for the approval chain to finish',
  },
  contract_confirmed: {
    zh: '合同已上传并确认',
    en: 'the contract is uploaded and confirmed',
    unmetZh: '请先上传并确认合同',
    unmetEn: 'Upload and confirm the contract first',
  },
  fully_collected: {
    zh: '已全部回款',
    en: 'the service fee is fully collected',
    unmetZh: '尚有未回款金额，全部回款后才能结单',
    unmetEn: 'Part of the service fee is still outstanding; the order can be closed once it is fully collected',
  },
  close_approved: {
    zh: '财务、运营已审批结单',
    en: 'finance and operations approved the close',
    unmetZh: '结单须经财务、运营审批通过',
    unmetEn: 'Finance and operations must approve the close first',
  },
};

const MET: Readonly<Record<OrderGuardName, (c: OrderGuardContext) => boolean>> = {
  profile_complete: (c) => c.profileComplete,
  has_plan: (c) => c.hasPlan,
  products_matched: (c) => c.matchedProductCount >= 1,
  internal_review_approved: (c) => c.internalReviewApproved,
  contract_confirmed: (c) => c.contractConfirmed,
  fully_collected: (c) => c.fullyCollected,
  close_approved: (c) => c.closeApproved,
};

function guardFor(name: OrderGuardName): Guard<OrderGuardContext> {
  const text = ORDER_GUARD_TEXT[name];
  const unmet: UnmetCondition = { code: name, zh: text.unmetZh, en: text.unmetEn };
  return (c) => (MET[name](c) ? null : unmet);
}

/** The registry a stage configuration names its exit conditions from; an unmet one reports its own name as code. */
export const ORDER_GUARDS: Readonly<Record<OrderGuardName, Guard<OrderGuardContext>>> = Object.fromEntries(
  ORDER_GUARD_NAMES.map((n) => [n, guardFor(n)]),
) as Record<OrderGuardName, Guard<OrderGuardContext>>;

/** Whether a configured name is one the registry knows. */
export function isOrderGuardName(name: string): name is OrderGuardName {
  return (ORDER_GUARD_NAMES as readonly string[]).includes(name);
}

/**
 * The finance close (结单) always needs a confirmed contract, full collection and the close approval, whatever
 * the tenant configured: the fee is collected against the contract, and only finance closes an order.
 */
export const FINANCE_CLOSE_GUARDS: readonly OrderGuardName[] = ['contract_confirmed', 'fully_collected', 'close_approved'];
