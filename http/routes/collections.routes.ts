// 回款 (steps 10 to 12 of the flow): an order's collection plan (生成, save, revisions), receipts (登记 with an
// Idempotency-Key, edit and delete a draft, 提交审批, 冲销), 回款办理 (receipts waiting on me), 结单, the firm's
// collection settings, and 账务管理 (receipts, instalments and overdue lists with totals, exported to .xlsx).
// Approving and rejecting go through /approvals like every other approval.
import { Readable } from 'node:stream';
import type { CollectionPlanService } from '../../core/collections/plan.service.js';
import type { ReceiptService } from '../../core/collections/receipt.service.js';
import type { AccountsService } from '../../core/collections/accounts.service.js';
import type { CloseService } from '../../core/collections/close.service.js';
import type { CollectionSettingsService } from '../../core/collections/settings.service.js';
import { respond, type RouteDef, type RouteRequest } from '../../adapters/composition/route-def.js';
import { INSTALMENT_STATES, INVOICE_KINDS, PLAN_METHODS, RECEIPT_STATES } from '../../core/collections/types.js';
import { XLSX_CONTENT_TYPE } from '../../core/documents/spreadsheet.js';
import type { InstalmentQuery, ReceiptQuery } from '../../core/collections/accounts.service.js';
import type { PlanSpec } from '../../core/collections/plan-generation.js';
import { PERIOD_KINDS } from '../../core/briefing/period.js';
import { contentDisposition } from '../content-disposition.js';
import { date, fen, idParams, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const tags = ['collections'];
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableText = (maxLength: number) => ({ anyOf: [text(maxLength), { type: 'null' }] });
const nullableDate = { anyOf: [date, { type: 'null' }] };
const percent = { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Percent, at most two decimals' };
const chosenApprovers = { type: 'object', additionalProperties: { type: 'array', items: uuid, maxItems: 20 }, description: '请选择审批人: approvers per node key' };
const requestId = { type: 'string', minLength: 1, maxLength: 100, description: 'Idempotency key of this attempt (the Idempotency-Key header wins)' };

const planSpec = {
  type: 'object',
  description: 'equal 平均分期 (count, firstDueOn, intervalMonths); percentages 按比例 (shares of percent and dueOn, adding up to 100); deposit 定金+放款后付清 (depositFen or depositPercent, depositDueOn); manual 手工录入 (instalments). The fen remainder goes on the last instalment.',
  required: ['method'],
  properties: {
    method: { type: 'string', enum: [...PLAN_METHODS] },
    count: { type: 'integer', minimum: 1, maximum: 120 },
    firstDueOn: date,
    intervalMonths: { type: 'integer', minimum: 0, maximum: 24 },
    shares: { type: 'array', minItems: 1, maxItems: 120, items: objectSchema({ percent, dueOn: date }, ['percent', 'dueOn']) },
    depositFen: { ...fen, minimum: 1 },
    depositPercent: percent,
    depositDueOn: date,
    instalments: {
      type: 'array', maxItems: 120,
      items: objectSchema({ dueOn: nullableDate, amountFen: { ...fen, minimum: 1 }, onDisbursement: { type: 'boolean', description: '放款后付清: due on the disbursement date' } }, ['dueOn', 'amountFen']),
    },
  },
  additionalProperties: false,
};

const receiptFields = {
  receivedOn: { ...date, description: '回款日期 (not after today)' },
  amountFen: { ...fen, minimum: 1, description: '回款金额 in fen' },
  instalmentId: { anyOf: [uuid, { type: 'null' }], description: '期次: the instalment this pays first (default: oldest due first)' },
  paymentMethod: { ...nonEmpty(20), description: '付款方式, from the firm’s dictionary (转账, 现金, 微信, 支付宝 …)' },
  payer: { ...nonEmpty(100), description: '付款人' },
  receivedBy: { ...uuid, description: '收款人员 (default: you)' },
  type: { ...nonEmpty(20), description: '回款类型, from the firm’s dictionary (服务费, 保证金 …)' },
  invoiceWanted: { type: 'boolean', description: '是否开票' },
  invoiceKind: { anyOf: [{ type: 'string', enum: [...INVOICE_KINDS] }, { type: 'null' }], description: '发票类型: normal 普通, special 专用 (required with invoiceWanted)' },
  remark: nullableText(500),
  overpayment: { type: 'boolean', description: '超额回款: the receipt is more than is owed (the firm must allow it)' },
};

const dictionary = { type: 'array', minItems: 1, maxItems: 50, items: objectSchema({ name: nonEmpty(20), active: { type: 'boolean' } }, ['name', 'active']) };

const accountsFilter = {
  period: { type: 'string', enum: PERIOD_KINDS.filter((k) => k !== 'custom'), description: 'today, week, month, quarter, year in the firm’s calendar (or from/to)' },
  from: { ...date, description: 'First day (inclusive)' },
  to: { ...date, description: 'Last day (inclusive)' },
  departmentId: { ...uuid, description: 'The orders’ department and its subtree' },
  ownerId: { ...uuid, description: 'The orders’ owner (负责人)' },
  orderId: uuid,
  keyword: { ...text(50), description: 'In the company name or order title' },
};
const receiptFilter = {
  ...accountsFilter,
  receivedBy: { ...uuid, description: '收款人员' },
  paymentMethod: text(20),
  type: text(20),
  state: { type: 'string', enum: [...RECEIPT_STATES], description: 'draft 草稿, pending 待审批, approved 已确认, rejected 已驳回, reversing 冲销中, reversed 已冲销' },
};
const instalmentFilter = { ...accountsFilter, state: { type: 'string', enum: [...INSTALMENT_STATES], description: 'uncollected 未回款, partial 部分回款, collected 已回款, overdue 逾期' } };

/** The client's key for this attempt: the Idempotency-Key header, else the body's requestId. */
function keyOf(req: RouteRequest): string | undefined {
  return req.headers['idempotency-key'] ?? req.body?.requestId;
}

function receiptQuery(q: Record<string, string | undefined>): ReceiptQuery {
  return {
    period: q.period as ReceiptQuery['period'], from: q.from, to: q.to, departmentId: q.departmentId, ownerId: q.ownerId, orderId: q.orderId, keyword: q.keyword,
    receivedBy: q.receivedBy, paymentMethod: q.paymentMethod, type: q.type, state: q.state as ReceiptQuery['state'],
  };
}

function instalmentQuery(q: Record<string, string | undefined>): InstalmentQuery {
  return {
    period: q.period as InstalmentQuery['period'], from: q.from, to: q.to, departmentId: q.departmentId, ownerId: q.ownerId, orderId: q.orderId, keyword: q.keyword,
    state: q.state as InstalmentQuery['state'],
  };
}

function xlsx(fileName: string, stream: AsyncIterable<Uint8Array>) {
  return respond({
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': contentDisposition(fileName), 'Cache-Control': 'private, no-cache' },
    stream: stream instanceof Readable ? stream : Readable.from(stream),
  });
}

const withoutPaging = (props: Record<string, unknown>) => objectSchema(props);

export function collectionRoutes(s: { collectionPlans: CollectionPlanService; receipts: ReceiptService; accounts: AccountsService; closes: CloseService; collectionSettings: CollectionSettingsService }): RouteDef[] {
  return [
    // 回款计划
    {
      method: 'get', path: '/orders/:id/collection-plan', tags, summary: '回款计划 The order’s plan with each instalment’s state today',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.collectionPlans.get(actor, params.id),
    },
    {
      method: 'post', path: '/orders/:id/collection-plan/preview', tags, summary: '生成 The instalments a method would make now (not saved)',
      schemas: { params: idParams, body: planSpec },
      handler: async ({ actor, params, body }) => s.collectionPlans.preview(actor, params.id, body as PlanSpec),
    },
    {
      method: 'put', path: '/orders/:id/collection-plan', tags, summary: '保存回款计划 Save a new plan (version 0) or a revision; instalments holding money stay',
      description: 'The instalments must add up exactly to the order’s receivable (collection.plan_total_mismatch). A revision replaces only the instalments no receipt holds money on; every revision is kept.',
      schemas: { params: idParams, body: objectSchema({ version: { type: 'integer', minimum: 0 }, spec: planSpec, reason: nullableText(500) }, ['version', 'spec']) },
      handler: async ({ actor, params, body }) => s.collectionPlans.save(actor, params.id, body),
    },
    {
      method: 'delete', path: '/orders/:id/collection-plan', tags, summary: '删除回款计划 Remove a plan no receipt holds money on (the removal is kept as a revision)',
      schemas: { params: idParams, query: objectSchema({ version: { type: 'integer', minimum: 1 } }, ['version']) },
      handler: async ({ actor, params, query }) => {
        await s.collectionPlans.remove(actor, params.id, query.version);
        return undefined;
      },
    },
    {
      method: 'get', path: '/orders/:id/collection-plan/revisions', tags, summary: '修改记录 Every revision of the plan, newest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await s.collectionPlans.revisions(actor, params.id) }),
    },
    // 回款单
    {
      method: 'get', path: '/orders/:id/receipts', tags, summary: '订单回款 The order’s receipts, newest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await s.receipts.listForOrder(actor, params.id) }),
    },
    {
      method: 'post', path: '/receipts', tags, successStatus: 201, summary: '登记回款 Record a receipt (草稿, or 待审批 with submit); send an Idempotency-Key',
      description: 'The same Idempotency-Key returns the receipt already recorded (200) instead of a second one; another request under the key is collection.idempotency_key_reused. More than is still owed is collection.overpayment unless the firm allows it and overpayment is true.',
      schemas: {
        body: objectSchema({ orderId: uuid, ...receiptFields, submit: { type: 'boolean', description: 'Submit to the receipt approval flow right away' }, chosenApprovers, requestId },
          ['orderId', 'receivedOn', 'amountFen', 'paymentMethod', 'payer', 'type', 'invoiceWanted']),
      },
      handler: async (req) => {
        const { submit, chosenApprovers: chosen, requestId: _r, ...input } = req.body;
        const r = await s.receipts.create(req.actor, input, { idempotencyKey: keyOf(req), submit, chosenApprovers: chosen });
        return respond({ status: r.replayed ? 200 : 201, headers: r.replayed ? { 'Idempotent-Replayed': 'true' } : {}, body: r.receipt });
      },
    },
    {
      method: 'get', path: '/receipts/awaiting-me', tags, summary: '回款办理 Receipts whose approval waits on you (未办理), oldest first',
      schemas: { query: objectSchema({ ...pageQuery }) },
      handler: async ({ actor, query }) => s.receipts.awaitingMe(actor, pageOf(query)),
    },
    {
      method: 'get', path: '/receipts', tags, summary: '账务管理·回款记录 Receipts of the orders you see, newest first (totals with withTotal)',
      schemas: { query: objectSchema({ ...receiptFilter, ...pageQuery }) },
      handler: async ({ actor, query }) => s.accounts.receipts(actor, receiptQuery(query), pageOf(query)),
    },
    {
      method: 'get', path: '/receipts/export', tags, summary: '导出回款记录 The filtered receipts as .xlsx (streamed)',
      schemas: { query: withoutPaging(receiptFilter) },
      handler: async ({ actor, query }) => xlsx('回款记录.xlsx', await s.accounts.exportReceipts(actor, receiptQuery(query))),
    },
    {
      method: 'get', path: '/receipts/:id', tags, summary: '回款单 A receipt with its allocation to instalments and its 动态 (approvals included)',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.receipts.get(actor, params.id),
    },
    {
      method: 'patch', path: '/receipts/:id', tags, summary: '修改回款单 Change a draft (its amount is allocated afresh)',
      schemas: { params: idParams, body: objectSchema({ version: { type: 'integer', minimum: 1 }, ...receiptFields }, ['version']) },
      handler: async ({ actor, params, body }) => s.receipts.update(actor, params.id, body),
    },
    {
      method: 'delete', path: '/receipts/:id', tags, summary: '删除草稿 Delete a draft; an approved receipt is never deleted, only reversed',
      schemas: { params: idParams, query: objectSchema({ version: { type: 'integer', minimum: 1 } }, ['version']) },
      handler: async ({ actor, params, query }) => {
        await s.receipts.remove(actor, params.id, query.version);
        return undefined;
      },
    },
    {
      method: 'post', path: '/receipts/:id/submit', tags, summary: '提交审批 Submit a draft to the receipt approval flow',
      schemas: { params: idParams, body: objectSchema({ chosenApprovers, requestId }) },
      handler: async (req) => s.receipts.submit(req.actor, req.params.id, { requestId: keyOf(req), chosenApprovers: req.body?.chosenApprovers }),
    },
    {
      method: 'post', path: '/receipts/:id/reversal', tags, summary: '冲销 Ask to reverse an approved receipt, through the receipt approval flow (finance)',
      schemas: { params: idParams, body: objectSchema({ reason: nonEmpty(500), chosenApprovers, requestId }, ['reason']) },
      handler: async (req) => s.receipts.requestReversal(req.actor, req.params.id, req.body.reason, { requestId: keyOf(req), chosenApprovers: req.body.chosenApprovers }),
    },
    // 账务管理·回款计划
    {
      method: 'get', path: '/instalments', tags, summary: '账务管理·回款计划 Instalments of the orders you see, earliest due first (totals with withTotal)',
      schemas: { query: objectSchema({ ...instalmentFilter, ...pageQuery }) },
      handler: async ({ actor, query }) => s.accounts.instalments(actor, instalmentQuery(query), pageOf(query)),
    },
    {
      method: 'get', path: '/instalments/overdue', tags, summary: '逾期回款 Instalments past due and not fully collected',
      schemas: { query: objectSchema({ ...accountsFilter, ...pageQuery }) },
      handler: async ({ actor, query }) => s.accounts.overdue(actor, instalmentQuery(query), pageOf(query)),
    },
    {
      method: 'get', path: '/instalments/export', tags, summary: '导出回款计划 The filtered instalments (state=overdue: the overdue list) as .xlsx (streamed)',
      schemas: { query: withoutPaging(instalmentFilter) },
      handler: async ({ actor, query }) => {
        const q = instalmentQuery(query);
        return xlsx(q.state === 'overdue' ? '逾期回款.xlsx' : '回款计划.xlsx', await s.accounts.exportInstalments(actor, q));
      },
    },
    // 结单
    {
      method: 'get', path: '/orders/:id/close', tags, summary: '结单 Amounts and what still stops a close request',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.closes.status(actor, params.id),
    },
    {
      method: 'post', path: '/orders/:id/close', tags, successStatus: 201, summary: '申请结单 Submit a fully collected order to the close approval flow (finance, operations)',
      description: 'Refused with collection.close_not_ready listing what is missing. When the flow approves, the order reaches 订单完成 and is read-only except invoices and reversals.',
      schemas: { params: idParams, body: objectSchema({ chosenApprovers, requestId }) },
      handler: async (req) => {
        const r = await s.closes.requestClose(req.actor, req.params.id, { requestId: keyOf(req), chosenApprovers: req.body?.chosenApprovers });
        return respond({ status: r.replayed ? 200 : 201, body: r });
      },
    },
    // 设置
    {
      method: 'get', path: '/collection-settings', tags, summary: '回款设置 Payment methods, receipt types and collection rules',
      handler: async ({ actor }) => s.collectionSettings.get(actor),
    },
    {
      method: 'put', path: '/collection-settings', tags, summary: '修改回款设置 Change the dictionaries and rules (finance or administrator)',
      schemas: {
        body: objectSchema({
          version: { type: 'integer', minimum: 0, description: 'The settings version you read (0 while on the defaults)' },
          paymentMethods: dictionary, receiptTypes: dictionary,
          allowOverpayment: { type: 'boolean', description: '允许超额回款' },
          requireInvoicedToClose: { type: 'boolean', description: '结单须开票完毕' },
          reminderDaysBefore: { type: 'integer', minimum: 0, maximum: 60, description: '到期前几天提醒负责人' },
        }, ['version']),
      },
      handler: async ({ actor, body }) => s.collectionSettings.update(actor, body),
    },
  ];
}
