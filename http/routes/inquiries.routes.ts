// 咨询 and 准客户 (steps 1 and 2 of the flow): 生成, 查重, create, lists, detail, edit, timeline, merge and
// follow-ups. The services check every field at once, so the body schemas hold types and lengths only and a
// bad form is answered with one validation.failed that lists each field.
import type { InquiryService } from '../../core/inquiries/inquiry.service.js';
import type { FollowUpService } from '../../core/inquiries/follow-up.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { LIFECYCLES } from '../../core/inquiries/types.js';
import { dateTime, idParams, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableUuid = { anyOf: [uuid, { type: 'null' }] };
const level = { type: 'string', minLength: 1, maxLength: 8, description: 'Level code (A, B, C …)' };

const inquiryFields = {
  companyName: { ...text(100), description: '企业名称 *' },
  mobile: { ...text(30), description: '客户手机号码 * (+86, spaces and dashes allowed)' },
  contactName: { ...text(50), description: '客户姓名 *' },
  gender: { type: 'string', enum: ['male', 'female'], description: '客户性别 *' },
  level: { ...level, description: '客户级别 *' },
  nextFollowUpAt: { ...dateTime, description: '下次跟进时间 * (see 生成: /inquiries/next-follow-up)' },
  source: { ...text(20), description: '客户来源 * (a value of the tenant dictionary)' },
  propertyType: { ...text(20), description: '客户房产 * (a value of the tenant dictionary)' },
  remark: { ...text(500), description: '客户备注 *' },
  taxId: { anyOf: [text(30), { type: 'null' }], description: '企业税号 (统一社会信用代码), optional' },
};

/** Query properties of the 咨询 / 准客户 / pool lists. */
export const listQuery = {
  ...pageQuery,
  view: { type: 'string', enum: ['mine', 'department', 'all'], default: 'all', description: '我的 / 本部门 / 全部, inside your data scope' },
  lifecycle: { type: 'array', items: { type: 'string', enum: [...LIFECYCLES] }, maxItems: 3, description: 'inquiry (咨询), prospect (准客户), customer (客户)' },
  level,
  source: text(20),
  ownerId: uuid,
  departmentId: { ...uuid, description: 'The department and its sub-departments' },
  dueToday: { type: 'boolean', description: '今日待跟进' },
  overdue: { type: 'boolean', description: '已逾期' },
  createdFrom: { type: 'string', format: 'date' },
  createdTo: { type: 'string', format: 'date', description: 'Inclusive, in the firm’s calendar' },
  keyword: { ...text(50), description: 'Contact or company name, the last four digits of the mobile, or the whole mobile' },
  sort: { type: 'string', enum: ['nextFollowUp', 'created'], default: 'nextFollowUp' },
};

/** The service's list query from the validated query string. */
export function listQueryOf(q: Record<string, any>): Record<string, any> {
  return {
    view: q.view,
    lifecycles: q.lifecycle, level: q.level, source: q.source, ownerId: q.ownerId, departmentId: q.departmentId, dueToday: q.dueToday,
    overdue: q.overdue, createdFrom: q.createdFrom, createdTo: q.createdTo, keyword: q.keyword, sort: q.sort,
  };
}

export function inquiryRoutes(s: { inquiries: InquiryService; followUps: FollowUpService }): RouteDef[] {
  const svc = s.inquiries;
  return [
    {
      method: 'get', path: '/inquiries/next-follow-up', tags: ['inquiries'], summary: '生成 The next follow-up time for a level, from now',
      description: 'Adds the level’s follow-up interval in the firm’s time zone (working hours and holidays honoured when configured).',
      schemas: { query: objectSchema({ level, from: dateTime }, ['level']) },
      handler: async ({ actor, query }) => svc.generateNextFollowUp(actor, query.level, query.from ? new Date(query.from) : undefined),
    },
    {
      method: 'post', path: '/inquiries/next-follow-up', tags: ['inquiries'], summary: '生成 The next follow-up time for a level (as POST)',
      schemas: { body: objectSchema({ level, from: dateTime }, ['level']) },
      handler: async ({ actor, body }) => svc.generateNextFollowUp(actor, body.level, body.from ? new Date(body.from) : undefined),
    },
    {
      method: 'get', path: '/inquiries/duplicates', tags: ['inquiries'], summary: '查重 Duplicate check by mobile, company name or tax id',
      description: 'Across inquiries, prospects, customers and both pools of the firm. Each match names its owner, stage and the matched fields; other people’s contact data is masked.',
      schemas: { query: objectSchema({ mobile: text(30), companyName: text(100), taxId: text(30) }) },
      handler: async ({ actor, query }) => ({ items: await svc.checkDuplicates(actor, query) }),
    },
    {
      method: 'post', path: '/inquiries', tags: ['inquiries'], summary: '新建咨询 Create an inquiry', successStatus: 201,
      description: 'Fields marked * are required. A mobile already on record is refused with inquiry.duplicate_mobile (409) naming its owner, unless the firm allows duplicates. ownerId: another person or null (straight into 咨询公海) needs pool.assign. Send an Idempotency-Key header: the same key from the same person returns the record it created (201) instead of a second one or a duplicate_mobile refusal.',
      schemas: { body: objectSchema({ ...inquiryFields, ownerId: nullableUuid, departmentId: nullableUuid }) },
      handler: async ({ actor, body, headers }) => svc.create(actor, body, { idempotencyKey: headers['idempotency-key'] }),
    },
    {
      method: 'get', path: '/inquiries', tags: ['inquiries'], summary: '咨询 Inquiries in your data scope (other people’s mobiles masked)',
      schemas: { query: objectSchema(listQuery) },
      handler: async ({ actor, query }) => svc.list(actor, listQueryOf(query), pageOf(query)),
    },
    {
      method: 'get', path: '/prospects', tags: ['inquiries'], summary: '准客户 Prospects in your data scope',
      description: 'The same list as /inquiries with lifecycle prospect by default (add lifecycle=customer for 客户).',
      schemas: { query: objectSchema(listQuery) },
      handler: async ({ actor, query }) => svc.list(actor, { ...listQueryOf(query), lifecycles: query.lifecycle ?? ['prospect'] }, pageOf(query)),
    },
    {
      method: 'get', path: '/inquiries/:id', tags: ['inquiries'], summary: '咨询详情 One inquiry',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => svc.get(actor, params.id),
    },
    {
      method: 'patch', path: '/inquiries/:id', tags: ['inquiries'], summary: '修改咨询 Edit an inquiry (version required)',
      schemas: { params: idParams, body: objectSchema({ ...inquiryFields, version: { type: 'integer', minimum: 1 } }, ['version']) },
      handler: async ({ actor, params, body }) => svc.update(actor, params.id, body),
    },
    {
      method: 'get', path: '/inquiries/:id/timeline', tags: ['inquiries'], summary: '动态 The record’s timeline, oldest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await svc.timeline(actor, params.id) }),
    },
    {
      method: 'post', path: '/inquiries/:id/merge', tags: ['inquiries'], summary: '合并 Merge a duplicate into this record (inquiry.merge)',
      description: 'The duplicate’s follow-ups, timeline and every row referencing it (orders …) move to this record; the duplicate stays, marked merged into it.',
      schemas: { params: idParams, body: objectSchema({ duplicateId: uuid }, ['duplicateId']) },
      handler: async ({ actor, params, body }) => svc.merge(actor, params.id, body.duplicateId),
    },
    {
      method: 'get', path: '/inquiries/:id/follow-ups', tags: ['follow-ups'], summary: '跟进记录 The record’s follow-ups, newest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await s.followUps.list(actor, params.id) }),
    },
    {
      method: 'post', path: '/follow-ups', tags: ['follow-ups'], summary: '新建跟进 Log a follow-up', successStatus: 201,
      description: 'Updates the record’s last and next follow-up times and, when given, its level, in the same transaction, and adds to its timeline. Send an Idempotency-Key header: the same key from the same person returns the follow-up it logged (201) instead of a second one.',
      schemas: {
        body: objectSchema({
          inquiryId: { ...uuid, description: '关联客户 *' },
          type: { ...text(20), description: '跟进类型 * (a value of the tenant dictionary)' },
          nextFollowUpAt: { ...dateTime, description: '下次跟进时间 *' },
          level: { ...level, description: '客户级别 (re-grade; absent: unchanged)' },
          content: { ...text(2000), description: '跟进内容 *' },
        }, ['inquiryId']),
      },
      handler: async ({ actor, body, headers }) => {
        const { inquiryId, ...input } = body;
        return s.followUps.create(actor, inquiryId, input, { idempotencyKey: headers['idempotency-key'] });
      },
    },
  ];
}
