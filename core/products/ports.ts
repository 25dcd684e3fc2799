// What the products use cases need from the world: their own tables, a view of the orders area's data, a keyed
// digest for the customer's query codes, and persisted counters of wrong status-page answers.
import type { DomainError, Page, PageRequest, Tx } from '../shared/index.js';
import type { FeeRule, RejectionRefundPolicy } from '../fees/index.js';
import type { Application } from './application.js';
import type { MatchFacts, OrderProfileFacts } from './match-facts.js';
import type { ProductCategory } from './product-category.js';
import type { Product, ProductData } from './product.js';
import type { FailureCounter } from './status-code.js';
import type { OrderStage } from './status-view.js';

/** A product as stored: its content, its tenant and its edit version. */
export interface StoredProduct extends Product {
  readonly tenantId: string;
  /** 收费规则; null (or absent): today's rule, the fixed defaultServiceFeeFen due on the contract. */
  readonly feeRule?: FeeRule | null | undefined;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ProductListFilter {
  readonly categoryCode?: string | undefined;
  readonly institution?: string | undefined;
  readonly active?: boolean | undefined;
  /** Part of the name or the number. */
  readonly keyword?: string | undefined;
}

export interface CategoryWithCount extends ProductCategory {
  readonly productCount: number;
}

export interface ProductRepository {
  listCategories(tx: Tx, tenantId: string): Promise<CategoryWithCount[]>;
  /** Just the codes, in tab order (cheaper than listCategories). */
  categoryCodes(tx: Tx, tenantId: string): Promise<string[]>;
  /** Adds the categories that are missing (by code); existing ones are left as the tenant changed them. */
  insertCategories(tx: Tx, tenantId: string, categories: readonly ProductCategory[]): Promise<void>;
  /** False when a category with that code already exists. */
  insertCategory(tx: Tx, tenantId: string, category: ProductCategory): Promise<boolean>;
  /** False when there is no such category. */
  updateCategory(tx: Tx, tenantId: string, category: ProductCategory): Promise<boolean>;

  insertProduct(tx: Tx, tenantId: string, id: string, data: ProductData, at: Date): Promise<StoredProduct>;
  /** Saves when the stored version is `expectedVersion`; null when stale or missing. */
  updateProduct(tx: Tx, tenantId: string, id: string, data: ProductData, expectedVersion: number, at: Date): Promise<StoredProduct | null>;
  deleteProduct(tx: Tx, tenantId: string, id: string): Promise<void>;
  getProduct(tx: Tx, tenantId: string, id: string): Promise<StoredProduct | null>;
  getProducts(tx: Tx, tenantId: string, ids: readonly string[]): Promise<StoredProduct[]>;
  productNumbers(tx: Tx, tenantId: string): Promise<number[]>;
  /** The product that already has this number, if any. */
  productIdByNumber(tx: Tx, tenantId: string, number: number): Promise<string | null>;
  /** By category order, then number. */
  listProducts(tx: Tx, tenantId: string, filter: ProductListFilter, page: PageRequest): Promise<Page<StoredProduct>>;
  activeProducts(tx: Tx, tenantId: string): Promise<StoredProduct[]>;
  institutions(tx: Tx, tenantId: string): Promise<string[]>;
  /** How many order lines name the product. */
  lineCount(tx: Tx, tenantId: string, productId: string): Promise<number>;
  /** Sets (or clears, with null) the product's fee rule when the stored version is `expectedVersion`; null when stale or missing. */
  saveFeeRule(tx: Tx, tenantId: string, id: string, rule: FeeRule | null, expectedVersion: number, at: Date): Promise<StoredProduct | null>;
}
export const ProductRepository = Symbol.for('yunzhou.ProductRepository');

/** One product chosen for an order (选择产品) and its application (申请) at the bank. */
export interface ProductLine extends Application {
  readonly tenantId: string;
  readonly serviceFeeFen: number;
  readonly discountFen: number;
  readonly quantity: number;
  /** fee × quantity − discount, never negative. */
  readonly totalFen: number;
  /** How it was chosen: 自动匹配 or 手动匹配. */
  readonly source: 'auto' | 'manual';
  readonly position: number;
  readonly submittedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly version: number;
  /** The product's fee rule copied when the line was chosen; null: a fixed fee of serviceFeeFen (fixedFeeRule). */
  readonly feeRule: FeeRule | null;
  /** The up-front part due under the rule; null on a fixed-fee line, whose due amount is fee × quantity − discount. */
  readonly upFrontDueFen: number | null;
  /** The success part due (成功服务费), known once the bank disbursed. */
  readonly successDueFen: number;
  /** Up-front fee no longer owed after a refused application (refunded or waived under the firm's rule). */
  readonly feeWaivedFen: number;
  /** The last computation with its explanation (FeeComputation), null until the line's fee was first computed. */
  readonly feeComputation: FeeComputationRecord | null;
}

/** A line's fee computation as stored (built by fee-lines.ts): the rule, the bases, the result, the rounding. */
export type FeeComputationRecord = Readonly<Record<string, unknown>>;

export interface OrderLineRepository {
  listLines(tx: Tx, tenantId: string, orderId: string): Promise<ProductLine[]>;
  getLine(tx: Tx, tenantId: string, orderId: string, lineId: string): Promise<ProductLine | null>;
  /** The order's line-set version (0 when it never had lines); bumped by every save of the lines. */
  linesVersion(tx: Tx, tenantId: string, orderId: string): Promise<number>;
  /** Bumps the version when it is `expected`; false when someone saved in between. */
  bumpLinesVersion(tx: Tx, tenantId: string, orderId: string, expected: number, at: Date): Promise<boolean>;
  insertLine(tx: Tx, line: ProductLine): Promise<void>;
  updateLineAmounts(tx: Tx, line: ProductLine): Promise<void>;
  deleteLine(tx: Tx, tenantId: string, orderId: string, lineId: string): Promise<void>;
  /** Saves a status change when the stored version is line.version − 1; false when stale. */
  updateApplication(tx: Tx, line: ProductLine): Promise<boolean>;
  /** Saves the line's fee: its rule, the up-front and success parts due, the waived fee and the computation. */
  updateLineFee(tx: Tx, line: ProductLine): Promise<void>;

  getMatchFacts(tx: Tx, tenantId: string, orderId: string): Promise<{ facts: MatchFacts; version: number } | null>;
  /** Saves when the stored version is `expectedVersion` (0: none stored yet); false when stale. */
  saveMatchFacts(tx: Tx, tenantId: string, orderId: string, facts: MatchFacts, expectedVersion: number, actorId: string, at: Date): Promise<boolean>;
}
export const OrderLineRepository = Symbol.for('yunzhou.OrderLineRepository');

/** An order as far as products are concerned: who may see it, and where it stands. */
export interface OrderRef {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly departmentId: string | null;
  /** The person handling the current step; they see the order as its owner does. */
  readonly handlerId: string;
}

/** The orders area's data that products read; the orders area's tables satisfy it. */
export interface OrderSource {
  findOrder(tx: Tx, tenantId: string, orderId: string): Promise<OrderRef | null>;
  /** What the enterprise profile and the inquiry say, for matching. */
  profileFacts(tx: Tx, tenantId: string, orderId: string): Promise<OrderProfileFacts>;
  /**
   * What the status page shows of the order, with the customer's mobiles (the inquiry's, the profile's) that the
   * last four digits are checked against; null when there is no such order.
   */
  statusFacts(tx: Tx, tenantId: string, orderId: string): Promise<{ stage: OrderStage; mobiles: readonly string[]; timeZone: string } | null>;
}
export const OrderSource = Symbol.for('yunzhou.products.OrderSource');

export interface StatusCodeRepository {
  /** Stores the digest of the order's code, replacing the one before. */
  saveCode(tx: Tx, tenantId: string, orderId: string, digest: string, actorId: string, at: Date): Promise<void>;
  codeIssuedAt(tx: Tx, tenantId: string, orderId: string): Promise<Date | null>;
  findByDigest(tx: Tx, digest: string): Promise<{ tenantId: string; orderId: string } | null>;
  /** The counters of wrong answers for these keys (missing ones are left out). */
  failureCounters(tx: Tx, keys: readonly string[]): Promise<Map<string, FailureCounter>>;
  /** Counts one more wrong answer on each key, starting a new window when the last one is over. */
  recordFailure(tx: Tx, keys: readonly string[], now: Date, windowSeconds: Readonly<Record<string, number>>): Promise<void>;
}
export const StatusCodeRepository = Symbol.for('yunzhou.StatusCodeRepository');

/** A keyed one-way digest (HMAC) of query codes and client addresses, so the database holds neither. */
export interface StatusCodeDigest {
  digest(text: string): string;
}
export const StatusCodeDigest = Symbol.for('yunzhou.StatusCodeDigest');

/**
 * Asked before an application is submitted (提交申请), in the same transaction: a DomainError refuses the
 * submission and nothing changes. Other areas contribute their rules (资料清单: blocking documents).
 */
export interface SubmissionCheck {
  check(tx: Tx, tenantId: string, orderId: string, productId: string, now: Date, timeZone: string): Promise<DomainError | null>;
}
export const SubmissionCheckContribution = Symbol.for('yunzhou.products.SubmissionCheck');

/** The firm's fee settings: what a refused application does to its up-front fee. */
export interface FeeSettings {
  readonly rejectionRefundPolicy: RejectionRefundPolicy;
  /** 0 while the firm runs on the default (keep). */
  readonly version: number;
}

export interface FeeSettingsRepository {
  get(tx: Tx, tenantId: string): Promise<FeeSettings | null>;
  /** Saves when the stored version is settings.version − 1 (0: none stored yet); false when stale. */
  save(tx: Tx, tenantId: string, settings: FeeSettings, by: string, at: Date): Promise<boolean>;
}
export const FeeSettingsRepository = Symbol.for('yunzhou.FeeSettingsRepository');

export type FeeAdjustmentKind = 'success_reduction' | 'rejection_refund';
export type FeeAdjustmentState = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** A change of a line's fee that lowers what the customer owes, decided by an approval (business type fee_adjustment). */
export interface FeeAdjustment {
  readonly tenantId: string;
  readonly id: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly kind: FeeAdjustmentKind;
  readonly state: FeeAdjustmentState;
  /** The part's due amount before and after (success fee, or the up-front fee for a refusal). */
  readonly fromFen: number;
  readonly toFen: number;
  /** Money received to pay back to the customer. */
  readonly refundFen: number;
  /** Fee not yet paid that is no longer owed. */
  readonly waiveFen: number;
  /** What was computed from what (the decision's text, the computation). */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
}

export interface FeeAdjustmentRepository {
  /** False when the line already has a pending adjustment. */
  insert(tx: Tx, adjustment: FeeAdjustment): Promise<boolean>;
  /** Loads and locks it for the deciding transaction. */
  getForUpdate(tx: Tx, tenantId: string, id: string): Promise<FeeAdjustment | null>;
  get(tx: Tx, tenantId: string, id: string): Promise<FeeAdjustment | null>;
  pendingForLine(tx: Tx, tenantId: string, lineId: string): Promise<FeeAdjustment | null>;
  ofOrder(tx: Tx, tenantId: string, orderId: string): Promise<FeeAdjustment[]>;
  /** Moves a pending adjustment to its outcome; false when it was not pending. */
  decide(tx: Tx, tenantId: string, id: string, state: Exclude<FeeAdjustmentState, 'pending'>, at: Date): Promise<boolean>;
}
export const FeeAdjustmentRepository = Symbol.for('yunzhou.FeeAdjustmentRepository');
