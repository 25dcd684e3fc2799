// When a flow is saved, the people and roles it names must exist in the tenant (a typo would otherwise only
// show when someone submits). Inactive people are allowed: the no-approver rule covers a person who leaves.
import type { FieldError } from '../shared/index.js';
import type { FlowDefinition } from './flow-definition.js';
import type { Directory } from './directory.js';

/** Every named approver must be a user of the tenant, and every role (approver or limiting role) one of its roles. */
export function flowReferenceProblems(flow: FlowDefinition, directory: Directory, roleCodes: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set(directory.users.map((u) => u.id));
  flow.nodes.forEach((node, i) => {
    const spec = node.approvers;
    const path = `/nodes/${i}/approvers`;
    if (spec.kind === 'users') {
      spec.userIds.forEach((id, j) => {
        if (!known.has(id)) problems.push({ path: `${path}/userIds/${j}`, code: 'approval.unknown_user', zh: `本机构没有这位用户（${id}）`, en: `There is no user ${id} in this firm` });
      });
    }
    const role = spec.kind === 'role' || spec.kind === 'submitter_chooses' ? spec.role : undefined;
    if (role !== undefined && !roleCodes.includes(role)) {
      problems.push({ path: `${path}/role`, code: 'approval.unknown_role', zh: `本机构没有角色「${role}」`, en: `There is no role "${role}" in this firm` });
    }
  });
  return problems;
}
