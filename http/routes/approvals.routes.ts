// 审批 (steps 9, 12 and 13 of the flow): the tenant's flows (administrators with approval.admin configure them,
// everyone reads them), submitting a record, 通过 / 否决 / 代审 / 转交 / 撤回, my pending tasks, what I decided (已办), what I submitted
// and an instance's full 审批信息 record. Commands accept an Idempotency-Key header (or body requestId): a
// retry with the same key does not act twice.
import type { ApprovalFlowService } from '../../core/approvals/approval-flow.service.js';
import type { ApprovalService } from '../../core/approvals/approval.service.js';
import { respond, type RouteDef, type RouteRequest } from '../../adapters/composition/route-def.js';
import type { StoredFlow } from '../../core/approvals/ports.js';
import {
  APPROVAL_MODES, APPROVER_KINDS, BUSINESS_TYPES, NO_APPROVER_RULES, REJECT_ACTIONS, TIMEOUT_ACTIONS,
} from '../../core/approvals/flow-definition.js';
import { idParams, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const businessType = { type: 'string', enum: [...BUSINESS_TYPES], description: 'order_review 订单内审, receipt 回款单, invoice 发票, red_invoice 红冲发票, order_close 结单, commission_statement 提成月结单, fee_adjustment 服务费调整 (a lower fee or a refund after 放款/拒绝)' };
const requestId = { type: 'string', minLength: 1, maxLength: 100, description: 'Idempotency key of this attempt (the Idempotency-Key header wins)' };
const opinion = { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'null' }], description: '审批意见 (required to reject)' };
const hours = { type: 'number', exclusiveMinimum: 0, maximum: 24 * 366 };

const approvers = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: [...APPROVER_KINDS], description: 'users 指定人员, role 角色, department_head 部门负责人, submitter_chooses 提交人选择' },
    userIds: { type: 'array', items: uuid, minItems: 1, maxItems: 50 },
    role: { type: 'string', minLength: 1, maxLength: 40, description: 'Role code (for role, or limiting submitter_chooses)' },
    levelsUp: { type: 'integer', minimum: 0, maximum: 20, description: '0 the submitter’s own department head, 1 the one above …' },
  },
  additionalProperties: false,
};
const node = objectSchema({
  key: { type: 'string', minLength: 1, maxLength: 64, description: 'Stable key, e.g. level1' },
  name: nonEmpty(50),
  approvers,
  mode: { type: 'string', enum: [...APPROVAL_MODES], description: 'sequential 依次, any 或签, all 会签' },
  condition: { type: 'object', description: 'JSON condition: { field, op, value } or { all|any: [...] } or { not: … } (docs/approvals.md)' },
  onReject: { type: 'string', enum: [...REJECT_ACTIONS] },
  timeLimitHours: hours,
  onTimeout: { type: 'string', enum: [...TIMEOUT_ACTIONS] },
  graceHours: { type: 'number', minimum: 0, maximum: 24 * 366 },
}, ['key', 'name', 'approvers', 'mode']);
const nodes = { type: 'array', items: node, minItems: 1, maxItems: 50 };
const noApproverRule = { type: 'string', enum: [...NO_APPROVER_RULES], description: 'A node nobody can approve: skip (自动通过) or admin (交给管理员, default)' };
const instanceParams = idParams;
const flowVersionParams = objectSchema({ id: uuid, version: { type: 'integer', minimum: 1 } }, ['id', 'version']);

function presentFlow(s: StoredFlow): Record<string, unknown> {
  return { ...s.flow, archivedAt: s.archivedAt, createdAt: s.createdAt, updatedAt: s.updatedAt, updatedBy: s.updatedBy };
}

/** The client's key for this attempt: the Idempotency-Key header, else the body's requestId. */
function requestIdOf(req: RouteRequest): string | undefined {
  return req.headers['idempotency-key'] ?? req.body?.requestId;
}

export function approvalRoutes(s: { approvalFlows: ApprovalFlowService; approvals: ApprovalService }): RouteDef[] {
  const flows = s.approvalFlows;
  const svc = s.approvals;
  return [
    {
      method: 'get', path: '/approval-flows', tags: ['approvals'], summary: '审批流程 The firm’s approval flows (current versions)',
      schemas: { query: objectSchema({ businessType, includeArchived: { type: 'boolean', default: false } }) },
      handler: async ({ actor, query }) => ({ items: (await flows.list(actor, { businessType: query.businessType, includeArchived: query.includeArchived })).map(presentFlow) }),
    },
    {
      method: 'post', path: '/approval-flows', tags: ['approvals'], summary: '新建审批流程 Create the flow of a business type (approval.admin)', successStatus: 201,
      schemas: { body: objectSchema({ businessType, name: nonEmpty(50), nodes, noApproverRule }, ['businessType', 'name', 'nodes']) },
      handler: async ({ actor, body }) => presentFlow(await flows.create(actor, body)),
    },
    {
      method: 'get', path: '/approval-flows/:id', tags: ['approvals'], summary: '审批流程 One flow at its current version',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => presentFlow(await flows.get(actor, params.id)),
    },
    {
      method: 'put', path: '/approval-flows/:id', tags: ['approvals'], summary: '修改审批流程 Save a new version (running approvals keep theirs; approval.admin)',
      schemas: { params: idParams, body: objectSchema({ version: { type: 'integer', minimum: 1 }, name: nonEmpty(50), nodes, noApproverRule }, ['version']) },
      handler: async ({ actor, params, body }) => presentFlow(await flows.update(actor, params.id, body)),
    },
    {
      method: 'delete', path: '/approval-flows/:id', tags: ['approvals'], summary: '停用审批流程 Archive a flow (approval.admin)',
      schemas: { params: idParams, query: objectSchema({ version: { type: 'integer', minimum: 1 } }, ['version']) },
      handler: async ({ actor, params, query }) => { await flows.archive(actor, params.id, query.version); },
    },
    {
      method: 'get', path: '/approval-flows/:id/versions', tags: ['approvals'], summary: '版本记录 Every saved version of a flow, newest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await flows.versions(actor, params.id) }),
    },
    {
      method: 'get', path: '/approval-flows/:id/versions/:version', tags: ['approvals'], summary: '历史版本 One saved version of a flow',
      schemas: { params: flowVersionParams },
      handler: async ({ actor, params }) => flows.version(actor, params.id, params.version),
    },
    {
      method: 'get', path: '/approval-tasks', tags: ['approvals'], summary: '待我审批 My open approval tasks (oldest first)',
      schemas: { query: objectSchema({ ...pageQuery }) },
      handler: async ({ actor, query }) => svc.myPendingTasks(actor, pageOf(query)),
    },
    {
      method: 'get', path: '/approval-tasks/done', tags: ['approvals'], summary: '已办 Tasks I settled: 通过, 否决, 转交 (代审 included), newest first',
      schemas: { query: objectSchema({ ...pageQuery }) },
      handler: async ({ actor, query }) => svc.myDecidedTasks(actor, pageOf(query)),
    },
    {
      method: 'post', path: '/approvals', tags: ['approvals'], summary: '提交审批 Submit a record for approval', successStatus: 201,
      description: 'chosenApprovers answers 请选择审批人: per node key of a submitter_chooses node, the user ids. A repeat with the same Idempotency-Key returns the instance it started (200).',
      schemas: {
        body: objectSchema({
          businessType, businessId: uuid,
          chosenApprovers: { type: 'object', additionalProperties: { type: 'array', items: uuid, maxItems: 20 }, maxProperties: 50 },
          requestId,
        }, ['businessType', 'businessId']),
      },
      handler: async (req) => {
        const r = await svc.submit(req.actor, { ...req.body, requestId: requestIdOf(req) });
        return respond({ status: r.replayed ? 200 : 201, body: r });
      },
    },
    {
      method: 'get', path: '/approvals/submitted', tags: ['approvals'], summary: '我提交的 Approvals I submitted (newest first)',
      schemas: { query: objectSchema({ ...pageQuery, status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'withdrawn'] }, businessType }) },
      handler: async ({ actor, query }) => svc.submittedByMe(actor, { status: query.status, businessType: query.businessType }, pageOf(query)),
    },
    {
      method: 'get', path: '/approvals', tags: ['approvals'], summary: '审批记录 The approvals of one record (newest first)',
      schemas: { query: objectSchema({ businessType, businessId: uuid }, ['businessType', 'businessId']) },
      handler: async ({ actor, query }) => ({ items: await svc.listForBusiness(actor, query.businessType, query.businessId) }),
    },
    {
      method: 'get', path: '/approvals/:id', tags: ['approvals'], summary: '审批信息 One approval with its full record (节点审批人, 真正审批人, 状态, 时间, 意见)',
      schemas: { params: instanceParams },
      handler: async ({ actor, params }) => svc.get(actor, params.id),
    },
    {
      method: 'post', path: '/approvals/:id/decide', tags: ['approvals'], summary: '审批 Approve (通过) or reject (否决) a task; onBehalf for 代审',
      description: 'Two approvers deciding one 或签 node at once: one wins, the other gets 409 approval.already_decided. Send an Idempotency-Key so a retry does not decide twice.',
      schemas: {
        params: instanceParams,
        body: objectSchema({ taskId: uuid, decision: { type: 'string', enum: ['approve', 'reject'] }, opinion, onBehalf: { type: 'boolean' }, requestId }, ['taskId', 'decision']),
      },
      handler: async (req) => svc.decide(req.actor, req.params.id, { ...req.body, requestId: requestIdOf(req) }),
    },
    {
      method: 'post', path: '/approvals/:id/transfer', tags: ['approvals'], summary: '转交 Hand an open task to another person',
      schemas: { params: instanceParams, body: objectSchema({ taskId: uuid, toUserId: uuid, opinion, onBehalf: { type: 'boolean' }, requestId }, ['taskId', 'toUserId']) },
      handler: async (req) => svc.transfer(req.actor, req.params.id, { ...req.body, requestId: requestIdOf(req) }),
    },
    {
      method: 'post', path: '/approvals/:id/withdraw', tags: ['approvals'], summary: '撤回 Withdraw my submission before anyone decided',
      schemas: { params: instanceParams, body: objectSchema({ requestId }) },
      handler: async (req) => svc.withdraw(req.actor, req.params.id, { requestId: requestIdOf(req) }),
    },
  ];
}
