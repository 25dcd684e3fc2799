// The plain data of inquiries (咨询): one record per company + contact person, which becomes a 准客户
// (prospect) with its first order and a 客户 (customer) when a contract is won; its follow-ups (跟进); its
// moves in and out of the public pools (公海).
import type { GradingLevel, WorkingHours, PoolSettings } from '../grading/index.js';

/** 咨询 → 准客户 → 客户: only ever forwards (see lifecycle.ts). */
export type Lifecycle = 'inquiry' | 'prospect' | 'customer';
export const LIFECYCLES: readonly Lifecycle[] = ['inquiry', 'prospect', 'customer'];

/** 咨询公海 holds unowned inquiries, 客户公海 unowned prospects and customers. */
export type PoolKind = 'inquiry' | 'customer';
export const POOL_KINDS: readonly PoolKind[] = ['inquiry', 'customer'];

export type Gender = 'male' | 'female';

/** An inquiry as stored. `ownerId` null means it sits in its public pool. */
export interface Inquiry {
  readonly tenantId: string;
  readonly id: string;
  readonly companyName: string;
  /** normalizeCompanyName(companyName): the key 查重 compares. */
  readonly companyKey: string;
  readonly contactName: string;
  /** Normalised 11 digits. */
  readonly mobile: string;
  readonly gender: Gender;
  readonly level: string;
  readonly nextFollowUpAt: Date;
  readonly lastFollowUpAt: Date | null;
  readonly source: string;
  readonly propertyType: string;
  readonly ownerId: string | null;
  readonly departmentId: string | null;
  readonly remark: string;
  /** 统一社会信用代码, normalised; known from creation or from the order's enterprise profile. */
  readonly taxId: string | null;
  readonly lifecycle: Lifecycle;
  /** Set when a manager merged this record into another: the survivor's id. */
  readonly mergedIntoId: string | null;
  /** When the current owner got it (claimed, assigned, transferred); null: owned since creation. */
  readonly assignedAt: Date | null;
  /** When it last went into its pool. */
  readonly poolEnteredAt: Date | null;
  /** The recycling instant the owner was last warned about (so a reminder goes out once). */
  readonly recycleRemindedFor: Date | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/** An inquiry with the names a screen shows beside it. */
export interface InquiryDetail extends Inquiry {
  readonly ownerName: string | null;
  readonly departmentName: string | null;
}

/** An inquiry as one actor may see it: others' mobiles masked unless the actor may see them. */
export interface InquiryView extends InquiryDetail {
  readonly levelLabel: string;
  /** The pool it sits in, or null when someone owns it. */
  readonly pool: PoolKind | null;
  readonly mobileMasked: boolean;
}

/** One logged contact (跟进). */
export interface FollowUp {
  readonly tenantId: string;
  readonly id: string;
  readonly inquiryId: string;
  readonly authorId: string | null;
  readonly authorName?: string | null;
  readonly type: string;
  readonly content: string;
  readonly nextFollowUpAt: Date;
  readonly levelBefore: string;
  readonly levelAfter: string;
  readonly createdAt: Date;
}

/** How a record moved between people and the pool. */
export type PoolMoveKind = 'claim' | 'assign' | 'transfer' | 'release' | 'recycle';

export interface PoolMove {
  readonly tenantId: string;
  readonly id: string;
  readonly inquiryId: string;
  readonly kind: PoolMoveKind;
  readonly fromOwnerId: string | null;
  readonly toOwnerId: string | null;
  readonly actorId: string | null;
  readonly reason: string | null;
  readonly at: Date;
}

/** Which field of a record matched a duplicate check. */
export type DuplicateField = 'mobile' | 'companyName' | 'taxId';

/** One record found by 查重, with the other person's data masked. */
export interface DuplicateMatch {
  readonly id: string;
  readonly matchedOn: readonly DuplicateField[];
  readonly companyName: string;
  readonly contactName: string;
  readonly mobile: string;
  readonly level: string;
  readonly levelLabel: string;
  readonly lifecycle: Lifecycle;
  /** 咨询 / 准客户 / 客户, or 咨询公海 / 客户公海 for a record in a pool. */
  readonly stage: string;
  readonly pool: PoolKind | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly masked: boolean;
}

/** The tenant's lists for the forms (客户来源, 客户房产, 跟进类型). */
export interface InquiryDictionaries {
  readonly sources: readonly string[];
  readonly propertyTypes: readonly string[];
  readonly followUpTypes: readonly string[];
}

/** A pool's rules: the settings of core/grading's PoolPolicy, with optional per-level day overrides. */
export interface PoolRules extends PoolSettings {
  /** Per level code; absent: the grading level's poolRecycle.noFollowUpDays. */
  readonly noFollowUpDays?: Readonly<Record<string, number | null>>;
  /** Per level code; absent: the grading level's poolRecycle.overdueDays. */
  readonly overdueDays?: Readonly<Record<string, number | null>>;
}

/** Everything a tenant configures for inquiries. The time zone is the tenant's own (organisation). */
export interface InquirySettings {
  readonly grading: { readonly levels: readonly GradingLevel[]; readonly workingHours: WorkingHours | null };
  readonly pools: Readonly<Record<PoolKind, PoolRules>>;
  readonly dictionaries: InquiryDictionaries;
  /** 常用语 offered when writing a follow-up. */
  readonly cannedPhrases: readonly string[];
  /** Creating an inquiry whose mobile exists is allowed (查重 still reports it). */
  readonly allowDuplicateMobiles: boolean;
  /** Bumped on every save; a stale save is refused. */
  readonly version: number;
}

/** The settings with the tenant's business time zone, as the use cases load them. */
export interface TenantInquirySettings {
  readonly settings: InquirySettings;
  readonly timeZone: string;
}
