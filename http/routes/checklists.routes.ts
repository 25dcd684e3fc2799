// 资料清单: a product's checklist (the documents it needs, each with its validity and whether it blocks 提交申请),
// an order's checklist (collected / expiring / expired / missing per product, with the files that satisfy each
// document), and marking which uploaded file of the order is which document, with its date or period.
import type { ChecklistService } from '../../core/checklists/checklist.service.js';
import type { ChecklistSettingsService } from '../../core/checklists/checklist-settings.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { DOCUMENT_VALIDITY_KINDS, MAX_DOCUMENTS, MAX_DOCUMENT_NAME, MAX_REMINDER_DAYS_BEFORE, MIN_REMINDER_DAYS_BEFORE } from '../../core/checklists/index.js';
import { date, idParams, objectSchema, uuid } from '../schemas.js';

const tags = ['checklists'];
const documentName = { type: 'string', minLength: 1, maxLength: MAX_DOCUMENT_NAME, description: "资料名称, e.g. '征信报告'; a file counts for every product needing a document of that name" };
const validity = objectSchema({
  kind: {
    type: 'string', enum: [...DOCUMENT_VALIDITY_KINDS],
    description: 'none 长期有效; days_from_document_date 出具日起 days 天; covers_last_months 覆盖近 months 个月 (ending at most endWithinDays days before use, default 30); until_expiry_date 有效期内',
  },
  days: { type: 'integer', minimum: 1, maximum: 3650 },
  months: { type: 'integer', minimum: 1, maximum: 120 },
  endWithinDays: { type: 'integer', minimum: 0, maximum: 366 },
}, ['kind']);
const requirement = objectSchema({
  document: documentName,
  validity,
  blocksSubmission: { type: 'boolean', description: 'Refuse 提交申请 while this document is missing or expired' },
}, ['document', 'blocksSubmission']);
const nullableDate = { anyOf: [date, { type: 'null' }] };
const mark = objectSchema({
  fileId: { ...uuid, description: 'One of the order’s current files' },
  document: documentName,
  documentDate: { ...nullableDate, description: '出具日期 (征信报告)' },
  coversFrom: { ...nullableDate, description: '流水起始日期 (银行流水), both days counted' },
  coversTo: { ...nullableDate, description: '流水截止日期' },
  expiresOn: { ...nullableDate, description: '有效期至 (营业执照)' },
  longTerm: { type: 'boolean', description: '长期有效 (no expiry date)' },
}, ['fileId', 'document']);

export function checklistsRoutes(s: { checklists: ChecklistService; checklistSettings: ChecklistSettingsService }): RouteDef[] {
  return [
    {
      method: 'get', path: '/products/:id/checklist', tags, summary: '产品资料清单 The documents a product needs (version 0: never saved, the names of requiredDocuments, not blocking)',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.checklists.productChecklist(actor, params.id),
    },
    {
      method: 'put', path: '/products/:id/checklist', tags, summary: '保存产品资料清单 Save a product’s checklist (product.manage); names requiredDocuments lists and the checklist does not are added, not blocking',
      schemas: { params: idParams, body: objectSchema({ version: { type: 'integer', minimum: 0, description: 'The version you read (0: none saved yet)' }, documents: { type: 'array', items: requirement, maxItems: MAX_DOCUMENTS } }, ['version', 'documents']) },
      handler: async ({ actor, params, body }) => s.checklists.saveProductChecklist(actor, params.id, body.version, body.documents),
    },
    {
      method: 'get', path: '/orders/:id/checklist', tags, summary: '订单资料清单 Each chosen product’s documents today: collected 已收集, expiring 即将过期, expired 已过期, missing 缺少; the order’s files and what they satisfy',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => s.checklists.orderChecklist(actor, params.id),
    },
    {
      method: 'post', path: '/orders/:id/checklist/marks', tags, summary: '标记资料 Say which document an order’s file is, with the date or period its validity runs from (replaces an earlier mark of that file and document)',
      schemas: { params: idParams, body: mark },
      handler: async ({ actor, params, body }) => s.checklists.markFile(actor, params.id, body),
    },
    {
      method: 'delete', path: '/orders/:id/checklist/marks/:fileId', tags, summary: '取消标记 The file no longer counts as the document',
      schemas: { params: objectSchema({ id: uuid, fileId: uuid }, ['id', 'fileId']), query: objectSchema({ document: documentName }, ['document']) },
      handler: async ({ actor, params, query }) => s.checklists.unmarkFile(actor, params.id, params.fileId, query.document),
    },
    // 设置
    {
      method: 'get', path: '/checklist-settings', tags, summary: '资料清单设置 The firm’s 资料到期提醒提前天数 (version 0: never saved, the default 7)',
      handler: async ({ actor }) => s.checklistSettings.get(actor),
    },
    {
      method: 'put', path: '/checklist-settings', tags, summary: '修改资料清单设置 Change how many days before a collected document expires its order’s owner gets a task (product.manage)',
      description: 'Refused with validation.failed (nothing changed) outside 1–90 whole days, and with checklist.settings_conflict when version is not the one stored.',
      schemas: {
        body: objectSchema({
          version: { type: 'integer', minimum: 0, description: 'The settings version you read (0 while on the defaults)' },
          reminderDaysBefore: { type: 'integer', minimum: MIN_REMINDER_DAYS_BEFORE, maximum: MAX_REMINDER_DAYS_BEFORE, description: '资料到期提醒提前天数' },
        }, ['version', 'reminderDaysBefore']),
      },
      handler: async ({ actor, body }) => s.checklistSettings.update(actor, body),
    },
  ];
}
