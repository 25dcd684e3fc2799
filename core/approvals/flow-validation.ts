// Checks a flow when it is saved (and again when an instance starts on it): every problem is listed at once,
// with its path, so an administrator can fix the configuration in one go.
import { DomainError, type FieldError } from '../shared/index.js';
import { conditionProblems } from './condition.js';
import {
  APPROVAL_MODES, APPROVER_KINDS, BUSINESS_TYPES, NO_APPROVER_RULES, REJECT_ACTIONS, TIMEOUT_ACTIONS,
  type FlowDefinition,
} from './flow-definition.js';

const MAX_NODES = 50;
const MAX_HOURS = 24 * 366;
const MAX_LEVELS_UP = 20;
const NODE_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const FLOW_KEYS = ['id', 'tenantId', 'businessType', 'name', 'version', 'nodes', 'noApproverRule'];
const NODE_KEYS = ['key', 'name', 'approvers', 'mode', 'condition', 'onReject', 'timeLimitHours', 'onTimeout', 'graceHours'];
const APPROVER_KEYS: Record<string, string[]> = {
  users: ['kind', 'userIds'],
  role: ['kind', 'role'],
  department_head: ['kind', 'levelsUp'],
  submitter_chooses: ['kind', 'role'],
};

type Problem = (path: string, code: string, zh: string, en: string) => void;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isText(x: unknown): x is string {
  return typeof x === 'string' && x.trim().length > 0;
}
function oneOf(list: readonly string[], x: unknown): boolean {
  return typeof x === 'string' && list.includes(x);
}
function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, add: Problem): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) add(`${path}/${k}`, 'unknown_key', `未知的配置项「${k}」`, `Unknown setting "${k}"`);
}

function approverProblems(spec: unknown, path: string, add: Problem): void {
  if (!isRecord(spec) || !oneOf(APPROVER_KINDS, spec.kind)) {
    add(`${path}/kind`, 'bad_approvers', `审批人类型必须是 ${APPROVER_KINDS.join('、')} 之一`, `The approver kind must be one of ${APPROVER_KINDS.join(', ')}`);
    return;
  }
  unknownKeys(spec, APPROVER_KEYS[spec.kind as string] ?? [], path, add);
  switch (spec.kind) {
    case 'users': {
      const ids = spec.userIds;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isText)) add(`${path}/userIds`, 'bad_approvers', '指定审批人至少要有一位', 'Name at least one approver');
      else if (new Set(ids).size !== ids.length) add(`${path}/userIds`, 'bad_approvers', '审批人重复', 'An approver is listed twice');
      break;
    }
    case 'role':
      if (!isText(spec.role)) add(`${path}/role`, 'bad_approvers', '请指定角色', 'Name the role');
      break;
    case 'department_head':
      if (!Number.isInteger(spec.levelsUp) || (spec.levelsUp as number) < 0 || (spec.levelsUp as number) > MAX_LEVELS_UP) {
        add(`${path}/levelsUp`, 'bad_approvers', `上级层数必须是 0 到 ${MAX_LEVELS_UP} 的整数（0 为本部门负责人）`, `levelsUp must be an integer from 0 to ${MAX_LEVELS_UP} (0 is the own department's head)`);
      }
      break;
    case 'submitter_chooses':
      if (spec.role !== undefined && !isText(spec.role)) add(`${path}/role`, 'bad_approvers', '限定角色不能为空', 'The limiting role cannot be empty');
      break;
  }
}

function hours(x: unknown, min: number): boolean {
  return typeof x === 'number' && Number.isFinite(x) && x >= min && x <= MAX_HOURS;
}

function nodeProblems(node: unknown, path: string, add: Problem, errors: FieldError[]): void {
  if (!isRecord(node)) {
    add(path, 'bad_node', '节点必须是对象', 'A node must be an object');
    return;
  }
  unknownKeys(node, NODE_KEYS, path, add);
  if (typeof node.key !== 'string' || !NODE_KEY.test(node.key)) {
    add(`${path}/key`, 'bad_node', '节点标识以字母开头，只含字母、数字、_ 和 -（最多 64 个）', 'A node key starts with a letter and has only letters, digits, _ and - (64 at most)');
  }
  if (!isText(node.name)) add(`${path}/name`, 'bad_node', '节点需要名称', 'A node needs a name');
  approverProblems(node.approvers, `${path}/approvers`, add);
  if (!oneOf(APPROVAL_MODES, node.mode)) add(`${path}/mode`, 'bad_node', '审批方式必须是依次（sequential）、或签（any）或会签（all）', 'The mode must be sequential, any or all');
  if (node.condition !== undefined) errors.push(...conditionProblems(node.condition, `${path}/condition`));
  if (node.onReject !== undefined && !oneOf(REJECT_ACTIONS, node.onReject)) add(`${path}/onReject`, 'bad_node', '否决后只能结束（end）或退回上一节点（previous）', 'onReject must be end or previous');
  if (node.timeLimitHours !== undefined && (!hours(node.timeLimitHours, 0) || node.timeLimitHours === 0)) {
    add(`${path}/timeLimitHours`, 'bad_timeout', `时限必须是大于 0、不超过 ${MAX_HOURS} 的小时数`, `The time limit must be more than 0 and at most ${MAX_HOURS} hours`);
  }
  if (node.onTimeout !== undefined) {
    if (!oneOf(TIMEOUT_ACTIONS, node.onTimeout)) add(`${path}/onTimeout`, 'bad_timeout', `超时处理必须是 ${TIMEOUT_ACTIONS.join('、')} 之一`, `onTimeout must be one of ${TIMEOUT_ACTIONS.join(', ')}`);
    if (node.timeLimitHours === undefined) add(`${path}/onTimeout`, 'bad_timeout', '设置超时处理需要先设置时限', 'onTimeout needs timeLimitHours');
  }
  if (node.graceHours !== undefined) {
    if (!hours(node.graceHours, 0)) add(`${path}/graceHours`, 'bad_timeout', '宽限时间必须是不小于 0 的小时数', 'graceHours must be 0 or more hours');
    if (!oneOf(['escalate', 'auto_approve', 'auto_reject'], node.onTimeout)) add(`${path}/graceHours`, 'bad_timeout', '只有转管理员或自动审批才需要宽限时间', 'graceHours only applies to escalate, auto_approve or auto_reject');
  }
}

/** Every problem of a flow definition, with its path; empty when the flow can run. */
export function flowProblems(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const add: Problem = (path, code, zh, en) => { errors.push({ path, code: `approval.${code}`, zh, en }); };
  if (!isRecord(input)) {
    add('', 'bad_flow', '审批流程必须是对象', 'A flow must be an object');
    return errors;
  }
  unknownKeys(input, FLOW_KEYS, '', add);
  if (!isText(input.id)) add('/id', 'bad_flow', '流程需要标识', 'The flow needs an id');
  if (!isText(input.tenantId)) add('/tenantId', 'bad_flow', '流程需要所属租户', 'The flow needs a tenant');
  if (!oneOf(BUSINESS_TYPES, input.businessType)) add('/businessType', 'bad_flow', `业务类型必须是 ${BUSINESS_TYPES.join('、')} 之一`, `The business type must be one of ${BUSINESS_TYPES.join(', ')}`);
  if (!isText(input.name)) add('/name', 'bad_flow', '流程需要名称', 'The flow needs a name');
  if (!Number.isSafeInteger(input.version) || (input.version as number) < 1) add('/version', 'bad_flow', '版本号必须是正整数', 'The version must be a positive integer');
  if (!oneOf(NO_APPROVER_RULES, input.noApproverRule)) add('/noApproverRule', 'bad_flow', '无审批人时只能跳过（skip）或交给管理员（admin）', 'noApproverRule must be skip or admin');
  const nodes = input.nodes;
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > MAX_NODES) {
    add('/nodes', 'bad_flow', `流程需要 1 到 ${MAX_NODES} 个节点`, `A flow needs 1 to ${MAX_NODES} nodes`);
    return errors;
  }
  nodes.forEach((n, i) => nodeProblems(n, `/nodes/${i}`, add, errors));
  const keys = nodes.map((n) => (isRecord(n) ? n.key : undefined)).filter(isText);
  for (const k of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) add('/nodes', 'duplicate_node_key', `节点标识「${k}」重复`, `The node key "${k}" is used twice`);
  return errors;
}

/** A flow is saved (and started) only when valid: otherwise `approval.invalid_flow` lists every problem. */
export function validateFlow(input: unknown): FlowDefinition {
  const problems = flowProblems(input);
  if (problems.length > 0) {
    throw new DomainError(
      'approval.invalid_flow',
      'invalid',
      {
        zh: `审批流程配置有误：${problems.map((p) => `${p.path || '/'} ${p.zh}`).join('；')}`,
        en: `The approval flow is not valid: ${problems.map((p) => `${p.path || '/'} ${p.en}`).join('; ')}`,
      },
      { problems },
      problems,
    );
  }
  return input as FlowDefinition;
}

/** Editing a flow makes a new version; instances already running keep the version they started on. */
export function reviseFlow(current: FlowDefinition, changes: Partial<Pick<FlowDefinition, 'name' | 'nodes' | 'noApproverRule'>>): FlowDefinition {
  return validateFlow({ ...current, ...changes, version: current.version + 1 });
}
