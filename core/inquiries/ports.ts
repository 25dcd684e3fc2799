// What the inquiry use cases need from the world, and the two ports other areas use: the lifecycle moves
// (orders call them inside their own transaction) and merge participants (rows that follow a merge).
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { ScopeFilter } from '../organisation/index.js';
import type { DuplicateKeys } from './duplicate-check.js';
import type { FollowUp, Inquiry, InquiryDetail, InquirySettings, Lifecycle, PoolMove, TenantInquirySettings } from './types.js';

export type InquirySort = 'next_follow_up' | 'created';

export interface InquiryListFilter {
  readonly lifecycles: readonly Lifecycle[];
  /** true: owned records (the 咨询 and 准客户 lists); false: unowned ones (the pools). */
  readonly owned: boolean;
  /** The actor's data scope; null: the whole tenant. */
  readonly scope: ScopeFilter | null;
  readonly level?: string | undefined;
  readonly source?: string | undefined;
  readonly ownerId?: string | undefined;
  /** A department and its sub-departments. */
  readonly departmentIds?: readonly string[] | undefined;
  /** next_follow_up_at ≥ this (due today: today's start). */
  readonly nextFollowUpFrom?: Date | undefined;
  /** next_follow_up_at < this (due today: tomorrow's start; overdue: now). */
  readonly nextFollowUpBefore?: Date | undefined;
  readonly createdFrom?: Date | undefined;
  readonly createdBefore?: Date | undefined;
  /** Contact or company name containing the text, or the mobile's last four digits, or the whole mobile. */
  readonly keyword?: { readonly text: string; readonly lastFour?: string | undefined; readonly mobile?: string | undefined } | undefined;
}

export type UpdateOutcome = 'ok' | 'stale' | 'duplicate_mobile';

export interface InquiryRepository {
  /**
   * Inserts unless `exclusiveMobile` is set and an active record that also claimed its mobile exclusively
   * exists (a unique partial index: of two concurrent creates one wins); returns false then. With an
   * `idempotencyKey`, also false when the creator already recorded one under that key (read it with findByKey).
   */
  insert(tx: Tx, inquiry: Inquiry, options: { exclusiveMobile: boolean; idempotencyKey?: string | null | undefined }): Promise<boolean>;
  /** The record this person created under this Idempotency-Key, or null. */
  findByKey(tx: Tx, tenantId: string, createdBy: string, key: string): Promise<InquiryDetail | null>;
  /**
   * Bulk insert (demo data, imports). Mobiles are not exclusive unless `exclusiveMobile` is set: then each record
   * claims its mobile as insert() does, a record whose mobile is claimed already is skipped, and the ids
   * actually inserted are returned.
   */
  insertMany(tx: Tx, inquiries: readonly Inquiry[], options?: { exclusiveMobile?: boolean }): Promise<string[]>;
  /** Active (not merged) records of the tenant, owned or pooled, holding any of these mobiles (查重 of many rows: imports). */
  findByMobiles(tx: Tx, tenantId: string, mobiles: readonly string[]): Promise<InquiryDetail[]>;
  /** After bulk inserts: refreshes the planner's statistics (the embedded database has no autovacuum) so 查重 stays an index lookup. */
  refreshStatistics(tx: Tx): Promise<void>;
  /** With `lock`, the row stays locked until the transaction ends (FOR UPDATE). */
  get(tx: Tx, tenantId: string, id: string, options?: { lock?: boolean }): Promise<InquiryDetail | null>;
  /** Saves when the stored version is inquiry.version − 1. A merged record gives up its mobile claim. */
  update(tx: Tx, inquiry: Inquiry): Promise<UpdateOutcome>;
  /** Active (not merged) records of the tenant, owned or pooled, matching any of the keys. */
  findDuplicates(tx: Tx, tenantId: string, keys: DuplicateKeys, limit: number): Promise<InquiryDetail[]>;
  list(tx: Tx, tenantId: string, filter: InquiryListFilter, sort: InquirySort, page: PageRequest): Promise<Page<InquiryDetail>>;
  /** Active records per level code (a level in use cannot be removed). */
  countByLevel(tx: Tx, tenantId: string): Promise<Record<string, number>>;
  /**
   * After a merge: every row of every table with an `inquiry_id` column that points at `fromId` now points at
   * `toId` (the fallback that carries an area's rows without it registering a MergeParticipant). Returns the
   * count per table.
   */
  reassignReferences(tx: Tx, tenantId: string, fromId: string, toId: string): Promise<Record<string, number>>;
}
export const InquiryRepository = Symbol.for('yunzhou.InquiryRepository');

export interface FollowUpRepository {
  insert(tx: Tx, followUps: readonly FollowUp[]): Promise<void>;
  /** Inserts one follow-up under its author's Idempotency-Key; false when the author already logged one under it. */
  insertOnce(tx: Tx, followUp: FollowUp, idempotencyKey: string): Promise<boolean>;
  /** The follow-up this author logged under this Idempotency-Key, or null. */
  findByKey(tx: Tx, tenantId: string, authorId: string, key: string): Promise<FollowUp | null>;
  /** Newest first, with the author's name. */
  list(tx: Tx, tenantId: string, inquiryId: string): Promise<FollowUp[]>;
}
export const FollowUpRepository = Symbol.for('yunzhou.FollowUpRepository');

/** A change of owner that only happens if no one else moved the record first. */
export interface OwnerChange {
  readonly tenantId: string;
  readonly id: string;
  /** The owner the record must still have; null: it must still be in its pool. */
  readonly expectedOwnerId: string | null;
  /** When given, the record must still be at this version. */
  readonly expectedVersion?: number | undefined;
  /** The new owner; null: into the pool. */
  readonly ownerId: string | null;
  /** The new department; undefined: unchanged. */
  readonly departmentId?: string | null | undefined;
  readonly at: Date;
}

/**
 * Which owned records may be due for recycling or its reminder: a superset the adapter can find with an
 * index-friendly query; core's recycleDecision / recycleReminderDue decide for each one.
 */
export interface RecycleWindow {
  readonly lifecycles: readonly Lifecycle[];
  readonly levels: readonly {
    readonly level: string;
    /** Last contact (the later of last follow-up and assignment) at or before this. */
    readonly quietSince: Date | null;
    /** Planned next follow-up (or assignment, if later) at or before this. */
    readonly overdueSince: Date | null;
  }[];
}

export interface PoolRepository {
  /** The conditional move (compare-and-set on the owner): the moved record, or null when it had moved on. */
  changeOwner(tx: Tx, change: OwnerChange): Promise<Inquiry | null>;
  /** Records of these lifecycles the person owns now. */
  holdings(tx: Tx, tenantId: string, ownerId: string, lifecycles: readonly Lifecycle[]): Promise<number>;
  /** Serialises one person's claims, so a holding limit holds under concurrent claims. */
  lockHolder(tx: Tx, tenantId: string, userId: string): Promise<void>;
  insertMoves(tx: Tx, moves: readonly PoolMove[]): Promise<void>;
  /** Who released the record to its pool (released or recycled) and when. */
  releasesOf(tx: Tx, tenantId: string, inquiryId: string): Promise<{ userId: string; releasedAt: Date }[]>;
  /**
   * Owned records in the window, ordered by id after `afterId`, locked FOR UPDATE SKIP LOCKED so that
   * recyclers in several processes never take the same record.
   */
  recycleCandidates(tx: Tx, tenantId: string, window: RecycleWindow, afterId: string | null, limit: number): Promise<Inquiry[]>;
  markReminded(tx: Tx, tenantId: string, id: string, recycleAt: Date): Promise<void>;
}
export const PoolRepository = Symbol.for('yunzhou.PoolRepository');

export interface InquirySettingsRepository {
  /**
   * The tenant's settings (defaults where it saved none) with its time zone; null for an unknown tenant. An
   * adapter may serve them from a short-lived cache unless `fresh` is asked for.
   */
  load(tx: Tx, tenantId: string, options?: { fresh?: boolean }): Promise<TenantInquirySettings | null>;
  /** Saves when the stored version is settings.version − 1 (0: never saved); false when stale. */
  save(tx: Tx, tenantId: string, settings: InquirySettings, actorId: string): Promise<boolean>;
  /** Every tenant, for the recycler. */
  tenantIds(tx: Tx): Promise<string[]>;
}
export const InquirySettingsRepository = Symbol.for('yunzhou.InquirySettingsRepository');

/**
 * An area whose rows reference inquiries and must follow a merge (orders, tasks …). Participants run in the
 * merge's transaction before the generic `inquiry_id` sweep, so an area with a special case (a unique key
 * on the inquiry, a differently named column) handles it here. Bind one per area to this token.
 */
export interface MergeParticipant {
  readonly name: string;
  /** Moves this area's rows from the duplicate to the survivor; returns how many moved. */
  reassign(tx: Tx, tenantId: string, fromInquiryId: string, toInquiryId: string): Promise<number>;
}
export const MergeParticipant = Symbol.for('yunzhou.MergeParticipant');

export interface LifecycleChange {
  readonly inquiryId: string;
  readonly from: Lifecycle;
  readonly to: Lifecycle;
  readonly changed: boolean;
}

/**
 * The lifecycle moves the orders area triggers, inside its own transaction (`uow.run(tx => …)`), so that the
 * order and the 准客户 move commit together. Each writes the record's timeline and an event; a move to an
 * earlier or the same lifecycle changes nothing (changed: false). An unknown id is `inquiry.not_found`, a
 * merged one `inquiry.already_merged` naming the survivor.
 */
export interface InquiryLifecycle {
  /** 咨询 → 准客户: the record's first order was created. */
  markProspect(tx: Tx, tenantId: string, inquiryId: string, actorId: string | null): Promise<LifecycleChange>;
  /** → 客户: a contract was won. */
  markCustomer(tx: Tx, tenantId: string, inquiryId: string, actorId: string | null): Promise<LifecycleChange>;
  /** The record as stored (for an order's title, company and contact), or null. */
  find(tx: Tx, tenantId: string, inquiryId: string): Promise<InquiryDetail | null>;
  /** The tax id learnt from the enterprise profile, so that 查重 by tax id finds the record (normalised, GB 32100). */
  recordTaxId(tx: Tx, tenantId: string, inquiryId: string, taxId: string, actorId: string | null): Promise<void>;
}
export const InquiryLifecycle = Symbol.for('yunzhou.InquiryLifecycle');
