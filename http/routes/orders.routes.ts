// 订单 (steps 3 to 6 of the flow): create from an inquiry, lists, detail, the pipeline's events, 提交到下一步,
// the enterprise profile with 查重, the plan, the contract and its confirmation; and the tenant's order settings.
// Files (身份证, 营业执照, 方案附件, 合同扫描件) go through /files with subjectType=order.
import type { OrdersService } from '../../core/orders/orders.service.js';
import type { OrderSettingsService } from '../../core/orders/order-settings.service.js';
import type { EnterpriseProfileService } from '../../core/orders/enterprise-profile.service.js';
import type { PlanService } from '../../core/orders/plan.service.js';
import type { ContractService } from '../../core/orders/contract.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { addDaysToLocalDate, instantOfLocalDateTime } from '../../core/shared/zoned-time.js';
import { ORDER_GUARD_NAMES } from '../../core/orders/order-guards.js';
import { PIPELINE_EVENT_TYPES } from '../../core/orders/pipeline-machine.js';
import { PROFILE_FIELDS } from '../../core/orders/profile-fields.js';
import { MARITAL_STATUSES } from '../../core/orders/types.js';
import type { OrderEventInput } from '../../core/orders/orders.service.js';
import { date, fen, idParams, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableText = (maxLength: number) => ({ anyOf: [text(maxLength), { type: 'null' }] });
const version = { type: 'integer', minimum: 1, description: 'The version of the order you last read (optimistic concurrency)' };

const stageSchema = objectSchema(
  {
    key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' },
    name: nonEmpty(20),
    progress: { type: 'integer', minimum: 0, maximum: 100 },
    exitGuards: { type: 'array', items: { type: 'string', enum: [...ORDER_GUARD_NAMES] }, maxItems: ORDER_GUARD_NAMES.length },
    final: { type: 'boolean' },
    won: { type: 'boolean', description: 'The stage a confirmed contract moves the order into (合同赢单)' },
  },
  ['key', 'name', 'progress', 'exitGuards'],
);

const profileFields = {
  companyName: { ...nonEmpty(100), description: '企业名称' },
  taxId: { ...nullableText(30), description: '企业税号 * (统一社会信用代码, GB 32100)' },
  legalPersonName: { ...nullableText(50), description: '法人姓名 *' },
  legalPersonMobile: { ...nullableText(30), description: '法人手机号 *' },
  legalPersonIdNumber: { ...nullableText(30), description: '法人身份证号 (GB 11643); age, birth date and gender derive from it' },
  bankCard: { ...nullableText(30), description: '法人银行卡号 (16-19 digits)' },
  bankCardLuhnConfirmed: { type: 'boolean', description: 'Confirms a card number that fails the Luhn check (identity.bank_card_luhn)' },
  bankBranch: { ...nullableText(100), description: '开户网点' },
  homeAddress: { ...nullableText(200), description: '法人居住地址' },
  maritalStatus: { anyOf: [{ type: 'string', enum: [...MARITAL_STATUSES] }, { type: 'null' }], description: '法人婚姻状态 *' },
  taxSecrets: { ...nullableText(500), description: '税务秘密 (stored encrypted)' },
  contactName: { ...nullableText(50), description: '联系人' },
  contactRelationship: { ...nullableText(50), description: '与客户关系' },
};

const planFields = {
  projectName: { ...text(100), description: '项目名称 *' },
  overview: { ...text(5000), description: '项目概述、资质分析 *' },
  expectedCompletion: { ...text(10), description: '预计完成时间 * (YYYY-MM-DD)' },
  financialPlan: { ...nullableText(5000), description: '财务计划、用途' },
  financingAdvice: { ...text(5000), description: '融资规划建议 *' },
};

const contractFields = {
  number: { ...text(50), description: '合同编号 * (unique in the firm)' },
  amountFen: { ...fen, description: '合同金额 * in fen' },
  signedOn: { ...text(10), description: '签订日期 * (YYYY-MM-DD)' },
  customerParty: { ...text(100), description: '甲方 *' },
  customerSignatory: nullableText(50),
  firmParty: { ...text(100), description: '乙方 *' },
  firmSignatory: nullableText(50),
};

const listQuery = objectSchema({
  ...pageQuery,
  stage: { type: 'string', maxLength: 40, description: 'A stage key, or lost / cancelled' },
  ownerId: uuid,
  handlerId: uuid,
  createdFrom: date,
  createdTo: { ...date, description: 'Inclusive, in the firm’s calendar' },
  wonFrom: { ...date, description: '赢单 (contract confirmed) from' },
  wonTo: { ...date, description: 'Inclusive, in the firm’s calendar' },
  keyword: { ...text(50), description: 'In the title or the company name' },
});

export function orderRoutes(s: { orders: OrdersService; orderSettings: OrderSettingsService; orderProfiles: EnterpriseProfileService; orderPlans: PlanService; orderContracts: ContractService }): RouteDef[] {
  const orders = s.orders;
  const tags = ['orders'];
  // A calendar day of the firm as the instant it starts; `to` dates are inclusive, so the next day's start.
  const from = (d: string | undefined, tz: string): Date | undefined => (d ? instantOfLocalDateTime(d, '00:00', tz) : undefined);
  const to = (d: string | undefined, tz: string): Date | undefined => (d ? instantOfLocalDateTime(addDaysToLocalDate(d, 1), '00:00', tz) : undefined);
  return [
    {
      method: 'get', path: '/order-settings', tags, summary: '订单设置 The firm\'s stages, presets, conditions and required profile fields',
      handler: async ({ actor }) => s.orderSettings.get(actor),
    },
    {
      method: 'put', path: '/order-settings/pipeline', tags, summary: '设置阶段 Choose a preset or set the firm\'s own stages (admin)',
      description: 'Refused with order.invalid_pipeline (every problem listed) or order.stage_in_use (a removed stage still holds orders).',
      schemas: {
        body: objectSchema({
          version: { type: 'integer', minimum: 0, description: 'The settings version you read (0 while on the defaults)' },
          preset: { type: 'string', maxLength: 40, description: 'default or contract_first' },
          stages: { type: 'array', items: stageSchema, minItems: 1, maxItems: 20 },
        }, ['version']),
      },
      handler: async ({ actor, body }) => s.orderSettings.savePipeline(actor, body),
    },
    {
      method: 'put', path: '/order-settings/profile-fields', tags, summary: '必填资料 The profile fields that make a profile 已完善 (admin)',
      schemas: {
        body: objectSchema({
          version: { type: 'integer', minimum: 0 },
          requiredProfileFields: { type: 'array', items: { type: 'string', enum: [...PROFILE_FIELDS] }, maxItems: PROFILE_FIELDS.length },
        }, ['version', 'requiredProfileFields']),
      },
      handler: async ({ actor, body }) => s.orderSettings.saveRequiredProfileFields(actor, { version: body.version, fields: body.requiredProfileFields }),
    },
    {
      method: 'post', path: '/orders', tags, successStatus: 201, summary: '创建订单 Create an order from an inquiry (it becomes 准客户)',
      schemas: {
        body: objectSchema({
          inquiryId: uuid, title: { ...text(100), description: '订单标题 *, e.g. 企业信用贷' },
          ownerId: { ...uuid, description: '归属人员; default yourself, anyone else needs pool.assign' },
          departmentId: { anyOf: [uuid, { type: 'null' }], description: '归属部门; default the owner\'s' },
          handlerId: { ...uuid, description: '当前处理人; default the owner' },
        }, ['inquiryId', 'title']),
      },
      handler: async ({ actor, body }) => orders.create(actor, body),
    },
    {
      method: 'get', path: '/orders', tags, summary: '订单管理 Orders in your scope or handled by you, newest first (totals with withTotal)',
      schemas: { query: listQuery },
      handler: async ({ actor, query }) => {
        const tz = actor.timeZone;
        return orders.list(actor, {
          stage: query.stage, ownerId: query.ownerId, handlerId: query.handlerId, keyword: query.keyword,
          createdFrom: from(query.createdFrom, tz), createdTo: to(query.createdTo, tz), wonFrom: from(query.wonFrom, tz), wonTo: to(query.wonTo, tz),
        }, pageOf(query));
      },
    },
    {
      method: 'get', path: '/orders/:id', tags, summary: '订单详情 Amounts, stage progress, what 下一步 needs, files and 订单动态',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => orders.get(actor, params.id),
    },
    {
      method: 'patch', path: '/orders/:id', tags, summary: '修改订单 Title, owner or department (moving it needs pool.assign)',
      schemas: { params: idParams, body: objectSchema({ version, title: text(100), ownerId: uuid, departmentId: { anyOf: [uuid, { type: 'null' }] } }, ['version']) },
      handler: async ({ actor, params, body }) => orders.update(actor, params.id, body),
    },
    {
      method: 'get', path: '/orders/:id/timeline', tags, summary: '订单动态 The order\'s timeline, oldest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await orders.timeline(actor, params.id) }),
    },
    {
      method: 'post', path: '/orders/:id/events', tags, summary: '阶段操作 下一步, 回退, 转交, 输单, 取消, 重新打开',
      description:
        'advance; rollback (toStage, reason); hand_over (toUserId, remark); mark_lost (reason); cancel (reason); reopen. complete is only the ' +
        'finance close. Refusals: order.transition_not_allowed (details: state, event), order.guard_failed (details.unmet lists every condition).',
      schemas: {
        params: idParams,
        body: objectSchema({
          version, type: { type: 'string', enum: [...PIPELINE_EVENT_TYPES] }, toStage: text(40), reason: text(500), toUserId: uuid, remark: text(500),
        }, ['version', 'type']),
      },
      handler: async ({ actor, params, body }) => {
        const e = body as { version: number; type: string; toStage?: string; reason?: string; toUserId?: string; remark?: string };
        const event =
          e.type === 'rollback' ? { type: e.type, toStage: e.toStage ?? '', reason: e.reason ?? '' }
          : e.type === 'mark_lost' || e.type === 'cancel' ? { type: e.type, reason: e.reason ?? '' }
          : e.type === 'hand_over' ? { type: e.type, toUserId: e.toUserId ?? '', remark: e.remark ?? '' }
          : { type: e.type };
        return orders.fire(actor, params.id, { ...event, version: e.version } as OrderEventInput);
      },
    },
    {
      method: 'post', path: '/orders/:id/submit', tags, summary: '提交到下一步 Next stage and hand to the next operator (remark and operator required)',
      schemas: { params: idParams, body: objectSchema({ version, remark: { ...text(500), description: '操作备注 *' }, nextHandlerId: { ...uuid, description: '下一节点操作人 *' } }, ['version', 'remark', 'nextHandlerId']) },
      handler: async ({ actor, params, body }) => orders.submit(actor, params.id, body),
    },
    {
      method: 'get', path: '/orders/:id/profile', tags, summary: '企业信息 The enterprise profile (sensitive fields masked unless unmasked=true with order.view_sensitive)',
      description: 'Every unmasked read is recorded (who, when, which field).',
      schemas: { params: idParams, query: objectSchema({ unmasked: { type: 'boolean', default: false } }) },
      handler: async ({ actor, params, query }) => s.orderProfiles.get(actor, params.id, { unmasked: query.unmasked === true }),
    },
    {
      method: 'patch', path: '/orders/:id/profile', tags, summary: '完善企业信息 Change the profile (left out: kept; null: cleared); returns 查重 matches',
      description: 'Identity checks on tax id, mobile, ID number and bank card; a card failing Luhn is refused with identity.bank_card_luhn unless bankCardLuhnConfirmed.',
      schemas: { params: idParams, body: objectSchema({ version, ...profileFields }, ['version']) },
      handler: async ({ actor, params, body }) => s.orderProfiles.save(actor, params.id, body),
    },
    {
      method: 'post', path: '/order-profiles/duplicate-check', tags, summary: '查重 Orders of the firm with this tax id, company name, ID number or bank card',
      description: 'A POST so that ID and card numbers never appear in URLs or access logs.',
      schemas: {
        body: objectSchema({ taxId: text(30), companyName: text(100), legalPersonIdNumber: text(30), bankCard: text(30), excludeOrderId: uuid }),
      },
      handler: async ({ actor, body }) => ({ items: await s.orderProfiles.duplicates(actor, body) }),
    },
    {
      method: 'get', path: '/orders/:id/plan', tags, summary: '方案 The plan and its current attachment',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.orderPlans.get(actor, params.id),
    },
    {
      method: 'put', path: '/orders/:id/plan', tags, summary: '上传方案 Write the plan (attachments: /files with kind plan_attachment)',
      schemas: { params: idParams, body: objectSchema({ version, ...planFields }, ['version', 'projectName', 'overview', 'expectedCompletion', 'financingAdvice']) },
      handler: async ({ actor, params, body }) => s.orderPlans.save(actor, params.id, body),
    },
    {
      method: 'get', path: '/orders/:id/contract', tags, summary: '合同 The contract and its signed copy',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.orderContracts.get(actor, params.id),
    },
    {
      method: 'put', path: '/orders/:id/contract', tags, summary: '上传合同 Record number, amount, signing date and parties (scan: /files with kind contract_scan)',
      schemas: { params: idParams, body: objectSchema({ version, ...contractFields }, ['version', 'number', 'amountFen', 'signedOn', 'customerParty', 'firmParty']) },
      handler: async ({ actor, params, body }) => s.orderContracts.save(actor, params.id, body),
    },
    {
      method: 'post', path: '/orders/:id/contract/confirm', tags, summary: '确认合同 Confirm: sets the contract amount, the inquiry becomes 客户, 合同赢单 when allowed',
      schemas: { params: idParams, body: objectSchema({ version }, ['version']) },
      handler: async ({ actor, params, body }) => s.orderContracts.confirm(actor, params.id, body),
    },
    {
      method: 'get', path: '/orders/:id/contract/document', tags, summary: '合同文本数据 The contract as plain document data for the PDF renderer',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.orderContracts.document(actor, params.id),
    },
  ];
}
