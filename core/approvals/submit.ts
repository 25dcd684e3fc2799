// 提交审批: start an instance on a snapshot of the flow; the first applicable node's tasks open.
import { domainError, validationFailed, type FieldError } from '../shared/index.js';
import { evaluateCondition, type ConditionSubject } from './condition.js';
import { validateFlow } from './flow-validation.js';
import type { BusinessType, FlowDefinition } from './flow-definition.js';
import { type Directory, chosenFor, hasRole, isActiveUser } from './directory.js';
import type { ApprovalInstance } from './instance.js';
import type { ApprovalStep } from './effects.js';
import { InstanceDraft } from './instance-draft.js';

export interface SubmitCommand {
  readonly flow: FlowDefinition;
  readonly businessType: BusinessType;
  readonly businessId: string;
  /** The business object the node conditions read (amountFen, product.category …), as JSON data. */
  readonly subject: ConditionSubject;
  readonly submitterId: string;
  /** 请选择审批人: per node key of a `submitter_chooses` node, the approvers picked. */
  readonly chosenApprovers?: Readonly<Record<string, readonly string[]>>;
  readonly directory: Directory;
  readonly now: Date;
  readonly ids: () => string;
}

function chosenProblems(flow: FlowDefinition, applies: readonly boolean[], chosen: Readonly<Record<string, readonly string[]>>, directory: Directory): FieldError[] {
  const problems: FieldError[] = [];
  for (const key of Object.keys(chosen)) {
    if (!flow.nodes.some((n) => n.key === key && n.approvers.kind === 'submitter_chooses')) {
      problems.push({ path: `/chosenApprovers/${key}`, code: 'approval.not_a_choosing_node', zh: '该节点的审批人不由提交人选择', en: 'This node\'s approvers are not chosen by the submitter' });
    }
  }
  flow.nodes.forEach((node, i) => {
    const spec = node.approvers;
    if (spec.kind !== 'submitter_chooses' || !applies[i]) return;
    const path = `/chosenApprovers/${node.key}`;
    const ids = chosenFor(chosen, node.key);
    if (ids.length === 0) {
      problems.push({ path, code: 'approval.approver_required', zh: `请选择「${node.name}」的审批人`, en: `Choose the approvers of "${node.name}"` });
    }
    for (const id of ids) {
      if (!isActiveUser(directory, id)) {
        problems.push({ path, code: 'approval.approver_not_eligible', zh: `所选审批人（${id}）不存在或已停用`, en: `The chosen approver ${id} does not exist or is inactive` });
      } else if (spec.role !== undefined && !hasRole(directory, id, spec.role)) {
        problems.push({ path, code: 'approval.approver_not_eligible', zh: `所选审批人（${id}）没有「${spec.role}」角色`, en: `The chosen approver ${id} does not have the role "${spec.role}"` });
      }
    }
  });
  return problems;
}

/** Submits a business object for approval on the given flow version; the approvers of the first node are notified. */
export function submit(cmd: SubmitCommand): ApprovalStep {
  // A copy, so that nothing done later to the caller's flow object reaches the running instance.
  const flow = structuredClone(validateFlow(cmd.flow));
  if (flow.businessType !== cmd.businessType) {
    throw domainError('approval.flow_mismatch', 'invalid', '审批流程与业务类型不符', `The flow is for ${flow.businessType}, not ${cmd.businessType}`,
      { flowBusinessType: flow.businessType, businessType: cmd.businessType });
  }
  if (cmd.businessId.trim() === '' || cmd.submitterId.trim() === '') throw new Error('submit: businessId and submitterId are required');
  const nodeApplies = flow.nodes.map((n) => (n.condition === undefined ? true : evaluateCondition(n.condition, cmd.subject)));
  const chosen = cmd.chosenApprovers ?? {};
  const problems = chosenProblems(flow, nodeApplies, chosen, cmd.directory);
  if (problems.length > 0) throw validationFailed(problems);
  const kept: Record<string, readonly string[]> = {};
  flow.nodes.forEach((n, i) => {
    if (nodeApplies[i] && Object.hasOwn(chosen, n.key)) kept[n.key] = [...new Set(chosenFor(chosen, n.key))];
  });
  const fresh: ApprovalInstance = {
    id: cmd.ids(), tenantId: flow.tenantId, businessType: flow.businessType, businessId: cmd.businessId,
    flow, submitterId: cmd.submitterId, status: 'pending', currentNodeIndex: null, nodeApplies,
    chosenApprovers: kept, activations: 0, tasks: [], version: 0, submittedAt: cmd.now, endedAt: null, appliedRequests: [],
  };
  const draft = new InstanceDraft(fresh, cmd);
  draft.emit('approval.submitted', cmd.submitterId);
  draft.advanceFrom(0, cmd.submitterId);
  return draft.finish();
}
