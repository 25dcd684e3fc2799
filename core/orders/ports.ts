// What the orders use cases need from the world: orders, their profiles, plans, contracts and the tenant's
// order settings. Amounts are read, never written: the repositories compute them from their sources.
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { ScopeFilter } from '../organisation/index.js';
import type { StagesInUse } from './order-settings.js';
import type { Contract, Order, OrderSettings, OrderSummary, Plan, StoredProfile } from './types.js';

export interface OrderListFilter {
  /** A stage key, or `lost` / `cancelled`. */
  readonly stage?: string | undefined;
  readonly ownerId?: string | undefined;
  readonly handlerId?: string | undefined;
  readonly createdFrom?: Date | undefined;
  /** Exclusive. */
  readonly createdTo?: Date | undefined;
  /** 赢单时间 (contract confirmed) from, inclusive. */
  readonly wonFrom?: Date | undefined;
  /** Exclusive. */
  readonly wonTo?: Date | undefined;
  /** In the title or the company name. */
  readonly keyword?: string | undefined;
}

/** Which orders a list may show: the actor's data scope (null: the whole tenant) and those they handle. */
export interface OrderVisibility {
  readonly userId: string;
  readonly scope: ScopeFilter | null;
}

/** Sums over every order a list matches (not only the page), for the list's footer. */
export interface OrderTotals {
  readonly count: number;
  readonly contractFen: number;
  readonly receivableFen: number;
  readonly receivedFen: number;
  readonly outstandingFen: number;
}

export interface OrderPage extends Page<OrderSummary> {
  readonly totals?: OrderTotals;
}

export interface OrderRepository {
  insert(tx: Tx, order: Order): Promise<void>;
  get(tx: Tx, tenantId: string, id: string): Promise<Order | null>;
  /** Saves when the stored version is order.version − 1; false when another change got there first. */
  update(tx: Tx, order: Order): Promise<boolean>;
  /** The order with names, won time and amounts computed from their sources. */
  summary(tx: Tx, tenantId: string, id: string): Promise<OrderSummary | null>;
  /** Newest first, keyset-paginated; totals with page.withTotal. */
  list(tx: Tx, tenantId: string, filter: OrderListFilter, visibility: OrderVisibility, page: PageRequest): Promise<OrderPage>;
  /** Orders per stage key, counting a lost or cancelled order under the stage it left too. */
  stagesInUse(tx: Tx, tenantId: string): Promise<StagesInUse>;
}
export const OrderRepository = Symbol.for('yunzhou.OrderRepository');

/** What 查重 matched an order's profile on. */
export type ProfileMatchField = 'taxId' | 'companyName' | 'legalPersonIdNumber' | 'bankCard';

export interface ProfileDuplicateQuery {
  readonly taxId?: string | undefined;
  readonly companyKey?: string | undefined;
  /** Blind indexes (Cipher.blindIndex) of the normalised numbers. */
  readonly residentIdIndex?: string | undefined;
  readonly bankCardIndex?: string | undefined;
  readonly excludeOrderId?: string | undefined;
}

/** Another order of the tenant whose company or legal representative matches. */
export interface ProfileDuplicateRow {
  readonly orderId: string;
  readonly title: string;
  readonly companyName: string;
  readonly ownerId: string;
  readonly ownerName: string | null;
  readonly departmentId: string | null;
  readonly handlerId: string;
  readonly stageKey: string;
  readonly matchedOn: readonly ProfileMatchField[];
}

export interface ProfileRepository {
  get(tx: Tx, tenantId: string, orderId: string): Promise<StoredProfile | null>;
  /** Inserts or replaces the order's profile. */
  save(tx: Tx, profile: StoredProfile): Promise<void>;
  /** Orders of the tenant matching any of the given keys, at most 20. */
  duplicates(tx: Tx, tenantId: string, query: ProfileDuplicateQuery): Promise<ProfileDuplicateRow[]>;
}
export const ProfileRepository = Symbol.for('yunzhou.ProfileRepository');

export interface PlanRepository {
  get(tx: Tx, tenantId: string, orderId: string): Promise<Plan | null>;
  save(tx: Tx, plan: Plan): Promise<void>;
}
export const PlanRepository = Symbol.for('yunzhou.PlanRepository');

export interface ContractRepository {
  get(tx: Tx, tenantId: string, orderId: string): Promise<Contract | null>;
  /** Another order's contract with this number, if any. */
  findByNumber(tx: Tx, tenantId: string, number: string): Promise<Contract | null>;
  save(tx: Tx, contract: Contract): Promise<void>;
}
export const ContractRepository = Symbol.for('yunzhou.ContractRepository');

export interface OrderSettingsRepository {
  /** The tenant's saved settings, or null while it runs on the defaults. */
  get(tx: Tx, tenantId: string): Promise<OrderSettings | null>;
  /** Saves when the stored version is settings.version − 1 (0: none stored yet); false when stale. */
  save(tx: Tx, tenantId: string, settings: OrderSettings, by: string, at: Date): Promise<boolean>;
}
export const OrderSettingsRepository = Symbol.for('yunzhou.OrderSettingsRepository');
