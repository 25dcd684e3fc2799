// An approval flow as the editor holds it, and back to the flow the server stores. Node conditions are edited
// as one comparison (field, operator, value; money typed in 元 and sent in fen); a combined condition saved
// by the API is kept as it is. Problems are keyed by the server's JSON paths (/nodes/0/name …), so core's
// checks (flowProblems, run before sending) and the server's refusal land at the same fields.
import { flowProblems } from '@core/approvals/flow-validation.js';
import type { Condition } from '@core/approvals/condition.js';
import type { ApprovalMode, ApproverSpec, BusinessType, FlowDefinition, NodeDef, NoApproverRule, TimeoutAction } from '@core/approvals/flow-definition.js';
import { formatYuan } from '@core/money/index.js';
import { yuanToFen } from '../../lib/money.js';

export type ApproverKind = ApproverSpec['kind'];
export type Op = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'ne' | 'contains';

/** What the conditions of each business type can read (the approval subjects' data), money fields in fen. */
export const CONDITION_FIELDS: Readonly<Record<BusinessType, readonly string[]>> = {
  order_review: ['amountFen', 'contractFen', 'productTotalFen', 'title', 'productCategories'],
  receipt: ['amountFen'],
  invoice: ['amountFen'],
  red_invoice: ['amountFen'],
  order_close: ['amountFen', 'receivedFen', 'title'],
  commission_statement: ['amountFen', 'creditedFen', 'month'],
  fee_adjustment: ['amountFen', 'refundFen', 'title'],
};
export const isMoneyField = (field: string): boolean => field.endsWith('Fen');
export function operatorsOf(field: string): Op[] {
  if (isMoneyField(field)) return ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'];
  if (field === 'productCategories') return ['contains'];
  return ['eq', 'ne', 'contains'];
}

export interface NodeDraft {
  uid: number;
  key: string;
  name: string;
  mode: ApprovalMode;
  kind: ApproverKind;
  userIds: string[];
  role: string;
  levelsUp: string;
  conditionOn: boolean;
  /** A combined condition (all/any/not) from the API: kept unchanged. */
  complex: Condition | null;
  field: string;
  op: Op;
  value: string;
  timeLimit: string;
  onTimeout: TimeoutAction | '';
  /** Settings the editor does not show (onReject, graceHours), carried over unchanged. */
  kept: Pick<NodeDef, 'onReject' | 'graceHours'>;
}

export interface FlowDraft {
  name: string;
  noApproverRule: NoApproverRule;
  nodes: NodeDraft[];
}

let nextUid = 1;

export function newNode(existing: readonly NodeDraft[], businessType: BusinessType): NodeDraft {
  let n = existing.length + 1;
  while (existing.some((x) => x.key === `node${n}`)) n++;
  return {
    uid: nextUid++, key: `node${n}`, name: '', mode: 'any', kind: 'role', userIds: [], role: '', levelsUp: '0', conditionOn: false, complex: null,
    field: CONDITION_FIELDS[businessType][0] ?? 'amountFen', op: 'gt', value: '', timeLimit: '', onTimeout: '', kept: {},
  };
}

function simple(c: Condition | undefined): { field: string; op: Op; value: unknown } | null {
  if (!c || !('field' in c)) return null;
  return (['gt', 'gte', 'lt', 'lte', 'eq', 'ne', 'contains'] as string[]).includes(c.op) ? { field: c.field, op: c.op as Op, value: c.value } : null;
}

export function draftOfNode(node: NodeDef, businessType: BusinessType): NodeDraft {
  const d = newNode([], businessType);
  const a = node.approvers;
  const c = simple(node.condition);
  return {
    ...d, key: node.key, name: node.name, mode: node.mode, kind: a.kind,
    userIds: a.kind === 'users' ? [...a.userIds] : [],
    role: a.kind === 'role' || a.kind === 'submitter_chooses' ? a.role ?? '' : '',
    levelsUp: a.kind === 'department_head' ? String(a.levelsUp) : '0',
    conditionOn: node.condition !== undefined,
    complex: node.condition !== undefined && !c ? node.condition : null,
    ...(c ? { field: c.field, op: c.op, value: typeof c.value === 'number' && isMoneyField(c.field) ? formatYuan(c.value) : String(c.value ?? '') } : {}),
    timeLimit: node.timeLimitHours === undefined ? '' : String(node.timeLimitHours),
    onTimeout: node.onTimeout ?? '',
    kept: { ...(node.onReject ? { onReject: node.onReject } : {}), ...(node.graceHours !== undefined ? { graceHours: node.graceHours } : {}) },
  };
}

export function draftOfFlow(flow: Pick<FlowDefinition, 'name' | 'noApproverRule' | 'nodes' | 'businessType'>): FlowDraft {
  return { name: flow.name, noApproverRule: flow.noApproverRule, nodes: flow.nodes.map((n) => draftOfNode(n, flow.businessType)) };
}

export type Problems = Record<string, string>;
type Words = { valueRequired: string; amountInvalid: string };

function approversOf(d: NodeDraft): ApproverSpec {
  switch (d.kind) {
    case 'users': return { kind: 'users', userIds: d.userIds };
    case 'role': return { kind: 'role', role: d.role };
    case 'department_head': return { kind: 'department_head', levelsUp: d.levelsUp.trim() === '' ? Number.NaN : Number(d.levelsUp) };
    case 'submitter_chooses': return d.role ? { kind: 'submitter_chooses', role: d.role } : { kind: 'submitter_chooses' };
  }
}

function conditionOf(d: NodeDraft, path: string, problems: Problems, words: Words): Condition | undefined {
  if (!d.conditionOn) return undefined;
  if (d.complex) return d.complex;
  const text = d.value.trim();
  if (text === '') {
    problems[`${path}/condition/value`] = words.valueRequired;
    return undefined;
  }
  if (!isMoneyField(d.field)) return { field: d.field, op: d.op, value: text } as Condition;
  try {
    return { field: d.field, op: d.op, value: yuanToFen(text) } as Condition;
  } catch {
    problems[`${path}/condition/value`] = words.amountInvalid;
    return undefined;
  }
}

/** The nodes to send, and every problem found before sending (core's flow rules and the editor's own). */
export function nodesOf(draft: FlowDraft, businessType: BusinessType, lang: 'zh' | 'en', words: Words): { nodes: NodeDef[]; problems: Problems } {
  const problems: Problems = {};
  const nodes = draft.nodes.map((d, i): NodeDef => {
    const condition = conditionOf(d, `/nodes/${i}`, problems, words);
    const hours = d.timeLimit.trim() === '' ? undefined : Number(d.timeLimit);
    return {
      key: d.key, name: d.name.trim(), mode: d.mode, approvers: approversOf(d),
      ...(condition ? { condition } : {}),
      ...(hours !== undefined ? { timeLimitHours: hours } : {}),
      ...(hours !== undefined && d.onTimeout ? { onTimeout: d.onTimeout } : {}),
      ...d.kept,
    };
  });
  const candidate = { id: 'new', tenantId: 'tenant', businessType, name: draft.name.trim(), version: 1, nodes, noApproverRule: draft.noApproverRule };
  for (const p of flowProblems(candidate)) problems[p.path] ??= p[lang];
  return { nodes, problems };
}
