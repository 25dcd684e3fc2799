// What the commission screens read and write (提成方案, 提成结算单, 本月提成), typed with core's own shapes as
// JSON. The one place that knows the commission routes: a screen never builds a URL itself.
import { apiUrl, problemOf } from '../../api/client.js';
import { currentLocale } from '../../i18n/index.js';
import type { Json } from '../../api/json.js';
import type {
  Adjustment as CoreAdjustment, CommissionLine, PersonStatement, RunningCommission as CoreRunning, SchemeVersion as CoreVersion,
  SchemeVersionInput, StatementTotals,
} from '@core/commissions/index.js';

export type SchemeVersion = Json<CoreVersion> & { readonly createdBy?: string | null; readonly createdAt?: string };
export type VersionBody = Json<SchemeVersionInput>;
export type Line = Json<CommissionLine>;
export type Adjustment = Json<CoreAdjustment>;
export type Totals = Json<StatementTotals>;
/** A stored statement: core's statement with its id, version and the names the screens show. */
export type Statement = Json<PersonStatement> & {
  readonly id: string;
  readonly version: number;
  readonly personName: string;
  readonly departmentName: string | null;
  readonly statusLabel: string;
  readonly lineCount: number;
};
export type StatementRow = Omit<Statement, 'lines' | 'adjustments'>;
/** 本月提成 of one person: core's running figure with the person's name and the firm's day it was computed on. */
export type Running = Json<CoreRunning> & { readonly personName: string; readonly departmentId: string | null; readonly asOf: string };
/** The running rows of the people one sees (a manager: the department), as accrued so far. */
export interface RunningRow {
  readonly personId: string;
  readonly personName: string;
  readonly departmentId: string | null;
  readonly creditedFen: number;
  readonly accruedFen: number;
  readonly clawbackFen: number;
  readonly earnedFen: number;
  readonly lineCount: number;
}
export interface RunningList {
  readonly month: string;
  readonly asOf: string;
  readonly rows: readonly RunningRow[];
  readonly totals: { readonly creditedFen: number; readonly accruedFen: number; readonly clawbackFen: number; readonly earnedFen: number };
}
/** The scheme: every version (oldest first), the one in force on the firm's today, the number the next must carry. */
export interface SchemeView {
  readonly versions: readonly SchemeVersion[];
  readonly current: number | null;
  readonly nextVersion: number;
  readonly today: string;
}

/** 部门提成汇总: a department's people's statements of a month with the department's totals. */
export interface DepartmentStatements {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly month: string;
  readonly rows: readonly { readonly statementId: string; readonly personId: string; readonly personName: string; readonly status: string; readonly totals: Totals }[];
  readonly totals: Totals;
  readonly statusCounts: Readonly<Record<string, number>>;
}

async function call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const response = await fetch(apiUrl(path), {
    method,
    credentials: 'same-origin',
    headers: {
      'Accept-Language': currentLocale(),
      'X-Requested-With': 'yunzhou-console',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...extra,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await problemOf(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
const q = (params: Record<string, string | undefined>): string => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return s ? `?${s}` : '';
};

export const loadScheme = (): Promise<SchemeView> => call('GET', '/commission-scheme');
export const createVersion = (body: VersionBody): Promise<SchemeView> => call('POST', '/commission-scheme/versions', body);
/** 撤回: the latest version, while it is not yet in force. */
export const withdrawVersion = (version: number): Promise<SchemeView> => call('DELETE', `/commission-scheme/versions/${version}`);

/** My running figure of a month (the firm's current one by default). */
export const loadMyRunning = (month?: string): Promise<Running> => call('GET', `/commissions/running${q({ month })}`);
/** The running rows of the people one sees; the server applies finance.read and the data scope. */
export const loadRunningList = (month?: string, departmentId?: string): Promise<RunningList> => call('GET', `/commissions/running/people${q({ month, departmentId })}`);

export const loadStatements = async (month: string, departmentId?: string): Promise<StatementRow[]> =>
  (await call<{ items: StatementRow[] }>('GET', `/commission-statements${q({ month, departmentId })}`)).items;
/** 生成结算单 for a department's people with lines in the month (drafts redrawn; submitted and locked ones left). */
export const drawStatements = (month: string, departmentId: string): Promise<DepartmentStatements> =>
  call('POST', '/commission-statements/department', { month, departmentId });
export const loadStatement = (id: string): Promise<Statement> => call('GET', `/commission-statements/${id}`);
/** 刷新明细: the person's month drawn up again (lines recorded since picked up, adjustments kept). */
export const redrawStatement = (s: Statement): Promise<Statement> => call('POST', '/commission-statements', { personId: s.personId, month: s.month });
export const addAdjustment = (s: Statement, amountFen: number, reason: string): Promise<Statement> =>
  call('POST', `/commission-statements/${s.id}/adjustments`, { version: s.version, amountFen, reason });
export const removeAdjustment = (s: Statement, adjustmentId: string): Promise<Statement> =>
  call('DELETE', `/commission-statements/${s.id}/adjustments/${adjustmentId}${q({ version: String(s.version) })}`);
/** 提交审批, once: the same attempt retried carries the same Idempotency-Key. */
export const submitStatement = (s: Statement): Promise<Statement> =>
  call('POST', `/commission-statements/${s.id}/submit`, {}, { 'Idempotency-Key': `commission-submit:${s.id}:${s.version}` });
export const lockStatement = (s: Statement): Promise<Statement> => call('POST', `/commission-statements/${s.id}/lock`, { version: s.version });
export const exportUrl = (id: string, format: 'xlsx' | 'pdf'): string => apiUrl(`/commission-statements/${id}/${format === 'xlsx' ? 'export' : 'pdf'}`);
