// An instance as people see it (审批信息): the record rows with names, the flow's nodes, and which of the open
// tasks are the viewer's to decide.
import type { ApprovalMode, BusinessType } from './flow-definition.js';
import type { ApprovalInstance, InstanceStatus } from './instance.js';
import { approvalRecord, pendingTasksFor, type ApprovalRecordRow } from './queries.js';
import { INSTANCE_MACHINE } from './status-machines.js';
import type { NameOf } from './step-records.js';

/** One row of the 审批信息 screen with the names of 节点审批人 and 真正审批人. */
export interface RecordRowView extends ApprovalRecordRow {
  readonly appointedApproverName: string | null;
  readonly actualApproverName: string | null;
}

export interface InstanceView {
  readonly id: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  readonly status: InstanceStatus;
  /** 审批中 / 已通过 / 已否决 / 已撤回. */
  readonly statusLabel: string;
  readonly flow: { readonly id: string; readonly name: string; readonly version: number };
  readonly submitter: { readonly id: string; readonly name: string };
  readonly submittedAt: Date;
  readonly endedAt: Date | null;
  readonly version: number;
  readonly currentNode: { readonly index: number; readonly key: string; readonly name: string } | null;
  /** The snapshot's nodes and whether each applied to this business object. */
  readonly nodes: readonly { readonly index: number; readonly key: string; readonly name: string; readonly mode: ApprovalMode; readonly applies: boolean }[];
  readonly record: readonly RecordRowView[];
  /** The open tasks appointed to the viewer (what they can 通过 / 否决 / 转交 now). */
  readonly myOpenTaskIds: readonly string[];
}

/** The instance for a viewer, with names resolved by the caller. */
export function instanceView(instance: ApprovalInstance, nameOf: NameOf, viewerId: string): InstanceView {
  const current = instance.currentNodeIndex === null ? undefined : instance.flow.nodes[instance.currentNodeIndex];
  const name = (id: string | null): string | null => (id === null ? null : nameOf(id));
  return {
    id: instance.id,
    businessType: instance.businessType,
    businessId: instance.businessId,
    status: instance.status,
    statusLabel: INSTANCE_MACHINE.labels?.[instance.status] ?? instance.status,
    flow: { id: instance.flow.id, name: instance.flow.name, version: instance.flow.version },
    submitter: { id: instance.submitterId, name: nameOf(instance.submitterId) },
    submittedAt: instance.submittedAt,
    endedAt: instance.endedAt,
    version: instance.version,
    currentNode: current && instance.currentNodeIndex !== null ? { index: instance.currentNodeIndex, key: current.key, name: current.name } : null,
    nodes: instance.flow.nodes.map((n, index) => ({ index, key: n.key, name: n.name, mode: n.mode, applies: instance.nodeApplies[index] === true })),
    record: approvalRecord(instance).map((r) => ({ ...r, appointedApproverName: name(r.appointedApproverId), actualApproverName: name(r.actualApproverId) })),
    myOpenTaskIds: pendingTasksFor(instance, viewerId).map((t) => t.id),
  };
}
