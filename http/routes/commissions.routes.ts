// 提成 (issue 16): the firm's scheme in versions, a person's running figure and the running rows a data scope
// sees, the lines of a person's month, and the monthly statements (生成 per person or department, 调整 with a
// reason, 提交审批 to the 'commission_statement' flow, 锁定) with their .xlsx and PDF exports. Approving goes
// through /approvals like every other approval.
import type { SchemeService } from '../../core/commissions/scheme.service.js';
import type { StatementService } from '../../core/commissions/statement.service.js';
import type { RunningService } from '../../core/commissions/running.service.js';
import { Readable } from 'node:stream';
import { respond, type RouteDef, type RouteRequest } from '../../adapters/composition/route-def.js';
import { XLSX_CONTENT_TYPE, type SheetRow, type SheetSpec, type SpreadsheetWriter } from '../../core/documents/spreadsheet.js';
import { DEPARTMENT_SHEET, STATEMENT_SHEET, departmentSheetRows, statementSheetRows } from '../../core/commissions/statement-export.js';
import { contentDisposition } from '../content-disposition.js';
import { startedStream } from '../started-stream.js';
import { MAX_REASON_LENGTH } from '../../core/commissions/adjustment.js';
import { STATEMENT_STATUSES, TIER_MODES } from '../../core/commissions/types.js';
import { objectSchema, uuid } from '../schemas.js';

const tags = ['commissions'];
const month = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM in the firm\'s calendar' };
const percentText = { type: 'string', pattern: '^[0-9]{1,3}(\\.[0-9]{1,4})?$', description: 'Percent as decimal text, at most 4 decimals: 3, 1.5, 0.25' };
const code = { type: 'string', minLength: 1, maxLength: 40, description: '* (any) or a code: 岗位 (role code) or 产品分类 (category code)' };
const version = { type: 'integer', minimum: 1, description: 'The version you last read (optimistic concurrency)' };
const versionParams = objectSchema({ version: { type: 'integer', minimum: 1, maximum: 1_000_000 } }, ['version']);
const idParams = objectSchema({ id: uuid }, ['id']);
const chosenApprovers = { type: 'object', additionalProperties: { type: 'array', items: uuid, maxItems: 20 }, description: '请选择审批人: approvers per node key' };
const requestId = { type: 'string', minLength: 1, maxLength: 100, description: 'Idempotency key of this attempt (the Idempotency-Key header wins)' };

const tiers = {
  type: 'array', minItems: 1, maxItems: 20,
  items: objectSchema({ fromFen: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: '本月业绩 from (fen, inclusive); the first tier starts at 0' }, rate: percentText }, ['fromFen', 'rate']),
};
const schemeVersion = objectSchema({
  version: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'The next number (nextVersion of GET /commission-scheme)' },
  effectiveFrom: { type: 'string', format: 'date', description: '生效日期: receipts confirmed on or after it; from tomorrow at the earliest once a version exists' },
  tierMode: { type: 'string', enum: [...TIER_MODES], description: 'whole 全额累进 (default), marginal 超额累进' },
  split: objectSchema({ ownerShare: percentText, sourceShare: percentText }, ['ownerShare', 'sourceShare']),
  rules: { type: 'array', minItems: 1, maxItems: 500, items: objectSchema({ roleCode: code, categoryCode: code, tiers }, ['roleCode', 'categoryCode', 'tiers']) },
  overrides: { type: 'array', maxItems: 100, items: objectSchema({ categoryCode: code, rate: percentText }, ['categoryCode', 'rate']) },
}, ['version', 'effectiveFrom', 'split', 'rules']);

function requestIdOf(req: RouteRequest): string | undefined {
  return req.headers['idempotency-key'] ?? req.body?.requestId;
}

function xlsx(writer: SpreadsheetWriter, sheet: SheetSpec, rows: Iterable<SheetRow>, fileName: string) {
  async function* each() {
    yield* rows;
  }
  return respond({
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': contentDisposition(fileName.replace(/[\\/:*?"<>|\s]+/g, '_')), 'Cache-Control': 'private, no-cache' },
    stream: Readable.from(writer.write(sheet, each())),
  });
}

async function pdf(doc: { fileName: string; pdf: AsyncIterable<Uint8Array> }) {
  return respond({
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(doc.fileName), 'Cache-Control': 'private, no-cache' },
    stream: await startedStream(doc.pdf),
  });
}

export interface CommissionRouteServices {
  readonly commissionSchemes: SchemeService;
  readonly commissionStatements: StatementService;
  readonly commissionRunning: RunningService;
}

export function commissionRoutes(s: CommissionRouteServices, spreadsheets: SpreadsheetWriter): RouteDef[] {
  const statements = s.commissionStatements;
  return [
    {
      method: 'get', path: '/commission-scheme', tags, summary: '提成方案 The firm\'s commission scheme: every version and the one in force today',
      handler: async ({ actor }) => s.commissionSchemes.get(actor),
    },
    {
      method: 'post', path: '/commission-scheme/versions', tags, successStatus: 201, summary: '新增方案版本 Add the next version of the scheme (finance.write)',
      description: 'Rates by 岗位 and 产品分类 (most specific wins; * for any), tiers by the person\'s monthly collected total, the split between 负责人 and 来源 (adding up to exactly 100), and the department head\'s override. A change takes effect from tomorrow at the earliest and never reaches receipts already confirmed.',
      schemas: { body: schemeVersion },
      handler: async ({ actor, body }) => s.commissionSchemes.addVersion(actor, body),
    },
    {
      method: 'get', path: '/commission-scheme/versions/:version', tags, summary: '方案版本 One version of the scheme',
      schemas: { params: versionParams },
      handler: async ({ actor, params }) => s.commissionSchemes.version(actor, params.version),
    },
    {
      method: 'delete', path: '/commission-scheme/versions/:version', tags, summary: '撤回方案版本 Withdraw the latest version while it is not yet in force',
      schemas: { params: versionParams },
      handler: async ({ actor, params }) => s.commissionSchemes.withdrawVersion(actor, params.version),
    },
    {
      method: 'get', path: '/commissions/running', tags, summary: '本月提成 A person\'s running commission for a month (default: you, this month)',
      description: 'Earned so far (accruals and clawbacks), the month-end true-up if the month ended today, and the expected month. Your own always; someone else\'s with finance.read inside your data scope.',
      schemas: { query: objectSchema({ personId: uuid, month }) },
      handler: async ({ actor, query }) => s.commissionRunning.person(actor, { personId: query.personId, month: query.month }),
    },
    {
      method: 'get', path: '/commissions/running/people', tags, summary: '团队本月提成 The running rows of the people your data scope covers (a department\'s manager: the department)',
      schemas: { query: objectSchema({ month, departmentId: uuid }) },
      handler: async ({ actor, query }) => s.commissionRunning.list(actor, { month: query.month, departmentId: query.departmentId }),
    },
    {
      method: 'get', path: '/commissions/lines', tags, summary: '提成明细 The commission lines of a person\'s month (each with the scheme version it used)',
      schemas: { query: objectSchema({ personId: uuid, month }) },
      handler: async ({ actor, query }) => ({ items: await s.commissionRunning.lines(actor, { personId: query.personId, month: query.month }) }),
    },
    {
      method: 'get', path: '/commission-statements', tags, summary: '提成月结单 The statements of a month you see, highest total first',
      schemas: { query: objectSchema({ month, departmentId: uuid, personId: uuid, status: { type: 'string', enum: [...STATEMENT_STATUSES] } }, ['month']) },
      handler: async ({ actor, query }) => ({ items: await statements.list(actor, { month: query.month, departmentId: query.departmentId, personId: query.personId, status: query.status }) }),
    },
    {
      method: 'post', path: '/commission-statements', tags, summary: '生成月结单 Draw up (or redraw) a person\'s month as a draft (finance.write)',
      schemas: { body: objectSchema({ personId: uuid, month }, ['personId', 'month']) },
      handler: async ({ actor, body }) => statements.drawUp(actor, body),
    },
    {
      method: 'get', path: '/commission-statements/department', tags, summary: '部门提成汇总 A department\'s statements of a month, with totals and status counts',
      schemas: { query: objectSchema({ departmentId: uuid, month }, ['departmentId', 'month']) },
      handler: async ({ actor, query }) => statements.department(actor, query.departmentId, query.month),
    },
    {
      method: 'post', path: '/commission-statements/department', tags, summary: '生成部门月结单 Draw up every person with lines in the department\'s month (finance.write)',
      schemas: { body: objectSchema({ departmentId: uuid, month }, ['departmentId', 'month']) },
      handler: async ({ actor, body }) => statements.drawUpDepartment(actor, body),
    },
    {
      method: 'get', path: '/commission-statements/department/xlsx', tags, summary: '导出部门提成汇总 The department\'s month as .xlsx (Chinese headers)',
      schemas: { query: objectSchema({ departmentId: uuid, month }, ['departmentId', 'month']) },
      handler: async ({ actor, query }) => {
        const d = await statements.department(actor, query.departmentId, query.month);
        const labels = new Map((await statements.list(actor, { month: query.month, departmentId: query.departmentId })).map((x) => [x.personId, x.statusLabel]));
        const rows = d.rows.map((r) => ({ personName: r.personName, statusLabel: labels.get(r.personId) ?? r.status, totals: r.totals }));
        return xlsx(spreadsheets, DEPARTMENT_SHEET, departmentSheetRows(rows, d.totals), `部门提成汇总_${d.month}_${d.departmentName}.xlsx`);
      },
    },
    {
      method: 'get', path: '/commission-statements/department/pdf', tags: ['commissions', 'documents'], summary: '导出部门提成汇总 PDF The department\'s month as PDF: one row per person with its status, and the total',
      schemas: { query: objectSchema({ departmentId: uuid, month }, ['departmentId', 'month']) },
      handler: async ({ actor, query }) => {
        const doc = await statements.departmentPdf(actor, query.departmentId, query.month);
        return pdf(doc);
      },
    },
    {
      method: 'get', path: '/commission-statements/:id', tags, summary: '月结单详情 The statement with its lines, the month-end true-up and the adjustments',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => statements.get(actor, params.id),
    },
    {
      method: 'get', path: '/commission-statements/:id/xlsx', tags, summary: '导出月结单 The statement as .xlsx: its lines, adjustments with reasons and the total',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => {
        const v = await statements.get(actor, params.id);
        return xlsx(spreadsheets, STATEMENT_SHEET, statementSheetRows(v.lines, v.adjustments, v.totals), `提成月结单_${v.month}_${v.personName}.xlsx`);
      },
    },
    {
      method: 'get', path: '/commission-statements/:id/pdf', tags: ['commissions', 'documents'], summary: '下载月结单 The statement as PDF, sent as it is drawn',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => {
        return pdf(await statements.pdf(actor, params.id));
      },
    },
    {
      method: 'post', path: '/commission-statements/:id/adjustments', tags, successStatus: 201, summary: '调整 Add an amount (±, fen) with its reason to a draft',
      schemas: {
        params: idParams,
        body: objectSchema({
          version,
          amountFen: { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, not: { const: 0 }, description: 'Non-zero fen; negative takes off' },
          reason: { type: 'string', minLength: 1, maxLength: MAX_REASON_LENGTH, description: '调整原因' },
        }, ['version', 'amountFen', 'reason']),
      },
      handler: async ({ actor, params, body }) => statements.adjust(actor, params.id, body),
    },
    {
      method: 'delete', path: '/commission-statements/:id/adjustments/:adjustmentId', tags, summary: '删除调整 Take an adjustment off a draft',
      schemas: { params: objectSchema({ id: uuid, adjustmentId: uuid }, ['id', 'adjustmentId']), query: objectSchema({ version }, ['version']) },
      handler: async ({ actor, params, query }) => statements.removeAdjustment(actor, params.id, params.adjustmentId, query.version),
    },
    {
      method: 'post', path: '/commission-statements/:id/submit', tags, summary: '提交审批 Submit the draft to the commission_statement approval flow (the month must be over)',
      description: 'The statement is redrawn from every line recorded and becomes 已提交; the flow\'s approval makes it 已审批, a rejection or withdrawal sends it back to 草稿. A repeat with the same Idempotency-Key does not submit twice.',
      schemas: { params: idParams, body: objectSchema({ chosenApprovers, requestId }) },
      handler: async (req) => statements.submit(req.actor, req.params.id, { chosenApprovers: req.body?.chosenApprovers, requestId: requestIdOf(req) }),
    },
    {
      method: 'post', path: '/commission-statements/:id/lock', tags, summary: '锁定 Lock an approved statement (paid); nothing changes afterwards',
      schemas: { params: idParams, body: objectSchema({ version }, ['version']) },
      handler: async ({ actor, params, body }) => statements.lock(actor, params.id, body.version),
    },
  ];
}
