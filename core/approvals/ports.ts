// What the approval use cases need from the world: the tenant's flows (every saved version kept), the
// instances (saved whole under their version), and the people who may approve (the Directory).
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { BusinessType, FlowDefinition } from './flow-definition.js';
import type { ApprovalInstance, InstanceStatus, ApprovalTaskStatus } from './instance.js';
import type { Directory } from './directory.js';

/** A flow at its current version, with who saved it and whether it was archived (no new submissions). */
export interface StoredFlow {
  readonly flow: FlowDefinition;
  readonly archivedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly updatedBy: string | null;
}

/** One saved version of a flow (each save is a new version; instances keep the one they started on). */
export interface FlowVersionInfo {
  readonly version: number;
  readonly name: string;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
}

export interface FlowListFilter {
  readonly businessType?: BusinessType | undefined;
  readonly includeArchived?: boolean | undefined;
}

export interface ApprovalFlowRepository {
  /** Version 1 of a new flow; false when the tenant already has an active flow of that business type. */
  insert(tx: Tx, flow: FlowDefinition, by: string, at: Date): Promise<boolean>;
  /** Saves the flow as a new version when the stored current version is flow.version − 1; false when stale. */
  saveVersion(tx: Tx, flow: FlowDefinition, by: string, at: Date): Promise<boolean>;
  /** Archives the flow at that current version; false when stale or already archived. */
  archive(tx: Tx, tenantId: string, id: string, version: number, by: string, at: Date): Promise<boolean>;
  get(tx: Tx, tenantId: string, id: string): Promise<StoredFlow | null>;
  versions(tx: Tx, tenantId: string, id: string): Promise<FlowVersionInfo[]>;
  getVersion(tx: Tx, tenantId: string, id: string, version: number): Promise<FlowDefinition | null>;
  list(tx: Tx, tenantId: string, filter: FlowListFilter): Promise<StoredFlow[]>;
  /** The current version of the tenant's active flow for the business type, if any. */
  activeFor(tx: Tx, tenantId: string, businessType: BusinessType): Promise<FlowDefinition | null>;
}
export const ApprovalFlowRepository = Symbol.for('yunzhou.ApprovalFlowRepository');

/** An instance in lists: no tasks, the names resolved. */
export interface InstanceSummary {
  readonly id: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  readonly flowId: string;
  readonly flowName: string;
  readonly flowVersion: number;
  readonly submitterId: string;
  readonly submitterName: string | null;
  readonly status: InstanceStatus;
  readonly currentNodeName: string | null;
  readonly submittedAt: Date;
  readonly endedAt: Date | null;
  readonly version: number;
}

/** One row of a person's 待审批 list (the work center reads it). */
export interface PendingTaskRow {
  readonly taskId: string;
  readonly instanceId: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  readonly flowName: string;
  readonly nodeName: string;
  readonly nodeIndex: number;
  readonly submitterId: string;
  readonly submitterName: string | null;
  readonly submittedAt: Date;
  readonly openedAt: Date;
  readonly dueAt: Date | null;
  /** The task came to this person by 转交 or escalation. */
  readonly transferred: boolean;
}

/** One row of a person's 已办 list: a task they settled themselves (通过, 否决, 转交; 代审 included). */
export interface DecidedTaskRow {
  readonly taskId: string;
  readonly instanceId: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  readonly flowName: string;
  readonly nodeName: string;
  readonly nodeIndex: number;
  readonly submitterId: string;
  readonly submitterName: string | null;
  readonly submittedAt: Date;
  /** What this person did: approved 通过, rejected 否决 or transferred 转交. */
  readonly status: Extract<ApprovalTaskStatus, 'approved' | 'rejected' | 'transferred'>;
  /** 办理时间. */
  readonly decidedAt: Date;
  readonly opinion: string | null;
  /** 代审: decided on behalf of the appointed approver. */
  readonly onBehalf: boolean;
  /** The approval as a whole now (审批中, 已通过 …). */
  readonly instanceStatus: InstanceStatus;
}

export interface SubmittedFilter {
  readonly status?: InstanceStatus | undefined;
  readonly businessType?: BusinessType | undefined;
}

/** An instance whose time limit has come, across tenants (the scheduler's view). */
export interface DueInstanceRef {
  readonly tenantId: string;
  readonly id: string;
}

export interface ApprovalInstanceRepository {
  /**
   * Stores a new instance with its tasks; false when the business object already has a pending instance of
   * that type (one review at a time), so two concurrent submissions start one instance.
   */
  insert(tx: Tx, instance: ApprovalInstance, nextTimerAt: Date | null, submitRequestId: string | null): Promise<boolean>;
  get(tx: Tx, tenantId: string, id: string): Promise<ApprovalInstance | null>;
  /** Loads and locks the instance for a change in this transaction (concurrent changes wait their turn). */
  getForUpdate(tx: Tx, tenantId: string, id: string): Promise<ApprovalInstance | null>;
  /** Saves when the stored version is instance.version − 1; false when another change got there first. */
  update(tx: Tx, instance: ApprovalInstance, nextTimerAt: Date | null): Promise<boolean>;
  /** The instance this submitter started with that request id (a retried submission). */
  findBySubmitRequest(tx: Tx, tenantId: string, submitterId: string, requestId: string): Promise<ApprovalInstance | null>;
  /** A business object's instances, newest first. */
  listForBusiness(tx: Tx, tenantId: string, businessType: BusinessType, businessId: string): Promise<InstanceSummary[]>;
  listSubmittedBy(tx: Tx, tenantId: string, submitterId: string, filter: SubmittedFilter, page: PageRequest): Promise<Page<InstanceSummary>>;
  /** The open tasks appointed to the person, oldest first (without the business types excluded: the 办理中心 lists receipts apart). */
  pendingTasksOf(tx: Tx, tenantId: string, userId: string, page: PageRequest, filter?: { readonly excludeBusinessTypes?: readonly BusinessType[] }): Promise<Page<PendingTaskRow>>;
  /** The tasks the person settled themselves (the actual approver, 代审 and 转交 included), newest decision first. */
  decidedTasksOf(tx: Tx, tenantId: string, userId: string, page: PageRequest): Promise<Page<DecidedTaskRow>>;
  /** Pending instances whose next timer is at or before `now`, earliest first. */
  dueTimers(tx: Tx, now: Date, limit: number): Promise<DueInstanceRef[]>;
  /** The instance, locked, if it is still due and no other runner holds it (skips a locked row). */
  claimDue(tx: Tx, tenantId: string, id: string, now: Date): Promise<ApprovalInstance | null>;
  /** Sets when the instance is next due (later for a failing one, so it does not block the others; null: never). */
  setTimer(tx: Tx, tenantId: string, id: string, at: Date | null): Promise<void>;
}
export const ApprovalInstanceRepository = Symbol.for('yunzhou.ApprovalInstanceRepository');

/** The tenant's people as the engine sees them, for one submitter (whose department heads matter). */
export interface ApprovalDirectoryLoader {
  /** Active and inactive users with their role codes, the submitter's department heads up the tree, and the
   * users whose roles grant approval.admin. */
  load(tx: Tx, tenantId: string, submitterId: string): Promise<Directory>;
  /** The role codes the tenant has, to check a flow's role approvers. */
  roleCodes(tx: Tx, tenantId: string): Promise<string[]>;
  /** Display names of users (an unknown id is left out). */
  names(tx: Tx, tenantId: string, userIds: readonly string[]): Promise<Map<string, string>>;
}
export const ApprovalDirectoryLoader = Symbol.for('yunzhou.ApprovalDirectoryLoader');
