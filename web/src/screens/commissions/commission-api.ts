// What the commission screens read and write (提成方案, 提成月结单, 本月提成), typed with core's own shapes as
// JSON. The one place that knows the commission routes: a screen never builds a URL itself.
import { api, apiUrl, ok } from '../../api/client.js';
import type { Json } from '../../api/json.js';
import type { SchemeVersionInput } from '@core/commissions/scheme.js';
import type { CommissionLine } from '@core/commissions/types.js';
import type { SchemeView as CoreSchemeView } from '@core/commissions/scheme.service.js';
import type { DepartmentStatementView, StatementSummary, StatementView } from '@core/commissions/statement.service.js';
import type { PersonRunning, RunningList as CoreRunningList, RunningRow as CoreRunningRow } from '@core/commissions/running.service.js';

export type SchemeView = Json<CoreSchemeView>;
export type SchemeVersion = SchemeView['versions'][number];
export type VersionBody = Json<SchemeVersionInput>;
export type Line = Json<CommissionLine>;
export type Statement = Json<StatementView>;
export type StatementRow = Json<StatementSummary>;
export type DepartmentStatements = Json<DepartmentStatementView>;
/** 本月提成 of one person: core's running figure with the person's name and the firm's day it was computed on. */
export type Running = Json<PersonRunning>;
export type RunningList = Json<CoreRunningList>;
export type RunningRow = Json<CoreRunningRow>;

export const loadScheme = (): Promise<SchemeView> => ok<SchemeView>(api.GET('/api/v1/commission-scheme'));
export const createVersion = (body: VersionBody): Promise<SchemeView> => ok<SchemeView>(api.POST('/api/v1/commission-scheme/versions', { body: body as never }));
/** 撤回: the latest version, while it is not yet in force. */
export const withdrawVersion = (version: number): Promise<SchemeView> =>
  ok<SchemeView>(api.DELETE('/api/v1/commission-scheme/versions/{version}', { params: { path: { version } } }));

/** My running figure of a month (the firm's current one by default). */
export const loadMyRunning = (month?: string): Promise<Running> =>
  ok<Running>(api.GET('/api/v1/commissions/running', { params: { query: month ? { month } : {} } }));
/** The running rows of the people one sees; the server applies finance.read and the data scope. */
export const loadRunningList = (month?: string): Promise<RunningList> =>
  ok<RunningList>(api.GET('/api/v1/commissions/running/people', { params: { query: month ? { month } : {} } }));

export const loadStatements = async (month: string, departmentId?: string): Promise<StatementRow[]> =>
  (await ok<{ items: StatementRow[] }>(api.GET('/api/v1/commission-statements', { params: { query: { month, ...(departmentId ? { departmentId } : {}) } } }))).items;
/** 生成月结单 for a department's people with lines in the month (drafts redrawn; submitted and locked ones left). */
export const drawStatements = (month: string, departmentId: string): Promise<DepartmentStatements> =>
  ok<DepartmentStatements>(api.POST('/api/v1/commission-statements/department', { body: { month, departmentId } }));
export const loadStatement = (id: string): Promise<Statement> => ok<Statement>(api.GET('/api/v1/commission-statements/{id}', { params: { path: { id } } }));
/** 刷新明细: the person's month drawn up again (lines recorded since picked up, adjustments kept). */
export const redrawStatement = (s: Statement): Promise<Statement> =>
  ok<Statement>(api.POST('/api/v1/commission-statements', { body: { personId: s.personId, month: s.month } }));
export const addAdjustment = (s: Statement, amountFen: number, reason: string): Promise<Statement> =>
  ok<Statement>(api.POST('/api/v1/commission-statements/{id}/adjustments', { params: { path: { id: s.id } }, body: { version: s.version, amountFen, reason } }));
export const removeAdjustment = (s: Statement, adjustmentId: string): Promise<Statement> =>
  ok<Statement>(api.DELETE('/api/v1/commission-statements/{id}/adjustments/{adjustmentId}', { params: { path: { id: s.id, adjustmentId }, query: { version: s.version } } }));
/** 提交审批, once: the same attempt retried (a double tap, a lost answer) carries the same Idempotency-Key. */
export const submitStatement = (s: Statement): Promise<Statement> =>
  ok<Statement>(api.POST('/api/v1/commission-statements/{id}/submit', {
    params: { path: { id: s.id } }, body: {}, headers: { 'Idempotency-Key': `commission-submit:${s.id}:${s.version}` },
  }));
export const lockStatement = (s: Statement): Promise<Statement> =>
  ok<Statement>(api.POST('/api/v1/commission-statements/{id}/lock', { params: { path: { id: s.id } }, body: { version: s.version } }));
/** A statement as .xlsx (Chinese headers) or PDF, downloaded by the browser through the session cookie. */
export const exportUrl = (id: string, format: 'xlsx' | 'pdf'): string => apiUrl(`/commission-statements/${id}/${format}`);
/** 部门提成汇总 of a month as .xlsx or PDF. */
export const departmentExportUrl = (departmentId: string, month: string, format: 'xlsx' | 'pdf' = 'xlsx'): string =>
  apiUrl(`/commission-statements/department/${format}?${new URLSearchParams({ departmentId, month })}`);
