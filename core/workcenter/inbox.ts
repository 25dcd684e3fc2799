// 办理中心: what waits on one person, in six kinds, each item saying what it is, which record it concerns and
// where to act. The kinds are disjoint: receipt approvals are 回款办理, not 待我审批, so a badge never counts
// one thing twice. Pure: the rows come from the InboxQueries port, the window from the tenant's calendar.
import { addDaysToLocalDate, addLocalDays, localDate, startOfLocalDay, type LocalizedText } from '../shared/index.js';
import { formatYuan } from '../money/index.js';

export const INBOX_KINDS = ['approval', 'order', 'follow_up', 'receipt', 'instalment', 'task'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const INBOX_KIND_LABELS: Readonly<Record<InboxKind, LocalizedText>> = {
  approval: { zh: '待我审批', en: 'Approvals waiting on me' },
  order: { zh: '我处理的订单', en: 'Orders I handle' },
  follow_up: { zh: '待跟进', en: 'Follow-ups due today or overdue' },
  receipt: { zh: '回款办理', en: 'Receipts to approve' },
  instalment: { zh: '回款到期', en: 'Instalments due soon or overdue' },
  task: { zh: '我的任务', en: 'My tasks' },
};

/** The instants and calendar days the kinds are cut by, for one tenant at one moment. */
export interface InboxWindow {
  readonly now: Date;
  /** Follow-ups planned before this instant are listed: the start of tomorrow in the firm's calendar. */
  readonly followUpsBefore: Date;
  /** The firm's calendar day of `now` (YYYY-MM-DD). */
  readonly today: string;
  /** Instalments not fully collected and due on or before this day are listed (overdue ones included). */
  readonly dueSoonUntil: string;
}

/** The window: follow-ups due by the end of the firm's today, instalments due within `dueSoonDays` days of today. */
export function inboxWindow(now: Date, timeZone: string, dueSoonDays: number): InboxWindow {
  const today = localDate(now, timeZone);
  return {
    now,
    followUpsBefore: addLocalDays(startOfLocalDay(now, timeZone), 1, timeZone),
    today,
    dueSoonUntil: addDaysToLocalDate(today, Math.max(0, dueSoonDays)),
  };
}

/** One row per kind, as the port reads it. */
export type InboxRow =
  | {
    readonly kind: 'approval'; readonly taskId: string; readonly instanceId: string; readonly businessType: string; readonly businessId: string;
    readonly flowName: string; readonly nodeName: string; readonly submitterName: string | null; readonly openedAt: Date; readonly dueAt: Date | null;
  }
  | {
    readonly kind: 'order'; readonly orderId: string; readonly title: string; readonly companyName: string; readonly stageKey: string;
    readonly stageEnteredAt: Date; readonly createdAt: Date;
  }
  | {
    readonly kind: 'follow_up'; readonly inquiryId: string; readonly companyName: string; readonly contactName: string; readonly level: string;
    readonly lifecycle: string; readonly nextFollowUpAt: Date;
  }
  | {
    readonly kind: 'receipt'; readonly taskId: string; readonly instanceId: string; readonly receiptId: string; readonly action: 'confirm' | 'reverse';
    readonly nodeName: string; readonly amountFen: number; readonly receivedOn: string; readonly payer: string; readonly orderId: string;
    readonly orderTitle: string; readonly companyName: string; readonly submitterName: string | null; readonly openedAt: Date;
  }
  | {
    readonly kind: 'instalment'; readonly instalmentId: string; readonly orderId: string; readonly number: number; readonly dueOn: string;
    readonly amountFen: number; readonly collectedFen: number; readonly orderTitle: string; readonly companyName: string;
  }
  | {
    readonly kind: 'task'; readonly taskId: string; readonly title: string; readonly priority: string; readonly status: string; readonly dueAt: Date | null;
    readonly relatedType: string | null; readonly relatedId: string | null;
  };

export interface InboxItem {
  readonly kind: InboxKind;
  /** Unique within the kind: the approval task, order, inquiry, receipt's approval task, instalment or task. */
  readonly id: string;
  readonly title: LocalizedText;
  /** The record the item is about. */
  readonly related: { readonly type: string; readonly id: string };
  /** Where to open it (GET), below the server's root. */
  readonly link: string;
  /** The call that acts on it. */
  readonly action: { readonly method: 'POST' | 'PUT'; readonly path: string; readonly label: LocalizedText };
  /** The moment that matters: task opened, follow-up planned, instalment or task due, stage entered. */
  readonly at: Date | null;
  /** Past its time (follow-up, instalment, task, approval time limit). */
  readonly overdue: boolean;
  /** A few figures of the row, for the list screen (amounts in fen). */
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
}

const API = '/api/v1';
const BUSINESS_SUBJECTS: Readonly<Record<string, { type: string; zh: string; en: string }>> = {
  order_review: { type: 'order', zh: '订单内审', en: 'order review' },
  order_close: { type: 'order', zh: '结单', en: 'order close' },
  commission_statement: { type: 'commission_statement', zh: '提成月结单', en: 'commission statement' },
  receipt: { type: 'receipt', zh: '回款单', en: 'receipt' },
  invoice: { type: 'invoice', zh: '发票', en: 'invoice' },
  red_invoice: { type: 'invoice', zh: '红冲发票', en: 'red-letter invoice' },
  fee_adjustment: { type: 'fee_adjustment', zh: '服务费调整', en: 'fee adjustment' },
};
const yuan = (fen: number): string => formatYuan(fen, { decimals: 'auto' });

/** Turns a row into the item a person sees: what it is, the record, where to open it and how to act. */
export function inboxItem(row: InboxRow, window: InboxWindow, stageName: (key: string) => string = (k) => k): InboxItem {
  switch (row.kind) {
    case 'approval': {
      const subject = BUSINESS_SUBJECTS[row.businessType] ?? { type: row.businessType, zh: row.businessType, en: row.businessType };
      return {
        kind: row.kind, id: row.taskId,
        title: { zh: `${row.flowName}·${row.nodeName}（${subject.zh}，${row.submitterName ?? '—'}提交）`, en: `${row.flowName} · ${row.nodeName} (${subject.en}, submitted by ${row.submitterName ?? '—'})` },
        related: { type: subject.type, id: row.businessId },
        link: `${API}/approvals/${row.instanceId}`,
        action: { method: 'POST', path: `${API}/approvals/${row.instanceId}/decide`, label: { zh: '审批（通过/否决）', en: 'Approve or reject' } },
        at: row.openedAt, overdue: row.dueAt !== null && row.dueAt.getTime() < window.now.getTime(),
        data: { taskId: row.taskId, instanceId: row.instanceId, businessType: row.businessType, nodeName: row.nodeName, dueAt: row.dueAt?.toISOString() ?? null },
      };
    }
    case 'order':
      return {
        kind: row.kind, id: row.orderId,
        title: { zh: `${row.companyName}·${row.title}（${stageName(row.stageKey)}）`, en: `${row.companyName} · ${row.title} (${stageName(row.stageKey)})` },
        related: { type: 'order', id: row.orderId },
        link: `${API}/orders/${row.orderId}`,
        action: { method: 'POST', path: `${API}/orders/${row.orderId}/submit`, label: { zh: '提交到下一步', en: 'Submit to the next step' } },
        at: row.stageEnteredAt, overdue: false,
        data: { stageKey: row.stageKey, stageName: stageName(row.stageKey) },
      };
    case 'follow_up':
      return {
        kind: row.kind, id: row.inquiryId,
        title: { zh: `跟进 ${row.companyName}（${row.contactName}，${row.level}级）`, en: `Follow up ${row.companyName} (${row.contactName}, level ${row.level})` },
        related: { type: 'inquiry', id: row.inquiryId },
        link: `${API}/inquiries/${row.inquiryId}`,
        action: { method: 'POST', path: `${API}/follow-ups`, label: { zh: '新建跟进', en: 'Log a follow-up' } },
        at: row.nextFollowUpAt, overdue: row.nextFollowUpAt.getTime() < window.now.getTime(),
        data: { level: row.level, lifecycle: row.lifecycle },
      };
    case 'receipt':
      return {
        kind: row.kind, id: row.taskId,
        title: {
          zh: `${row.action === 'reverse' ? '冲销' : '确认'}回款 ${yuan(row.amountFen)} 元·${row.companyName}（${row.orderTitle}）`,
          en: `${row.action === 'reverse' ? 'Reverse' : 'Confirm'} a receipt of ${yuan(row.amountFen)} yuan · ${row.companyName} (${row.orderTitle})`,
        },
        related: { type: 'receipt', id: row.receiptId },
        link: `${API}/receipts/${row.receiptId}`,
        action: { method: 'POST', path: `${API}/approvals/${row.instanceId}/decide`, label: { zh: '审批（通过/否决）', en: 'Approve or reject' } },
        at: row.openedAt, overdue: false,
        data: {
          taskId: row.taskId, instanceId: row.instanceId, orderId: row.orderId, amountFen: row.amountFen, receivedOn: row.receivedOn, payer: row.payer,
          nodeName: row.nodeName, submitterName: row.submitterName,
        },
      };
    case 'instalment': {
      const outstanding = row.amountFen - row.collectedFen;
      const overdue = row.dueOn < window.today;
      return {
        kind: row.kind, id: row.instalmentId,
        title: {
          zh: `${row.companyName}·${row.orderTitle} 第${row.number}期 ${yuan(outstanding)} 元${overdue ? '已逾期' : '即将到期'}（${row.dueOn}）`,
          en: `${row.companyName} · ${row.orderTitle} instalment ${row.number}: ${yuan(outstanding)} yuan ${overdue ? 'overdue' : 'due'} (${row.dueOn})`,
        },
        related: { type: 'order', id: row.orderId },
        link: `${API}/orders/${row.orderId}/collection-plan`,
        action: { method: 'POST', path: `${API}/receipts`, label: { zh: '登记回款', en: 'Record a receipt' } },
        at: null, overdue,
        data: { orderId: row.orderId, number: row.number, dueOn: row.dueOn, amountFen: row.amountFen, collectedFen: row.collectedFen, outstandingFen: outstanding },
      };
    }
    case 'task':
      return {
        kind: row.kind, id: row.taskId,
        title: { zh: row.title, en: row.title },
        related: row.relatedType && row.relatedId ? { type: row.relatedType, id: row.relatedId } : { type: 'task', id: row.taskId },
        link: `${API}/tasks/${row.taskId}`,
        action: { method: 'POST', path: `${API}/tasks/${row.taskId}/events`, label: { zh: '开始处理/完成', en: 'Start or complete' } },
        at: row.dueAt, overdue: row.dueAt !== null && row.dueAt.getTime() < window.now.getTime(),
        data: { priority: row.priority, status: row.status },
      };
  }
}
