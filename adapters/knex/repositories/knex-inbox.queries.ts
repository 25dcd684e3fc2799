// 办理中心 in PostgreSQL/PGlite. Counts: one indexed count per kind (approval_tasks_pending, orders_handler,
// inquiries_owner_next, orders_owner + collection_instalments_open, tasks_assignee). Lists: the owning areas'
// own queries where they exist (approvals' pending tasks, collections' 回款办理, inquiries' list, tasks' list),
// and two small keyset queries here for the open orders a person handles and the instalments falling due.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { ApprovalInstanceRepository } from '../../../core/approvals/ports.js';
import type { AccountsQueries, CollectionSettingsRepository } from '../../../core/collections/ports.js';
import { DEFAULT_COLLECTION_SETTINGS } from '../../../core/collections/settings.js';
import type { InquiryRepository } from '../../../core/inquiries/ports.js';
import { LIFECYCLES } from '../../../core/inquiries/types.js';
import type { OrderSettingsRepository } from '../../../core/orders/ports.js';
import { DEFAULT_ORDER_SETTINGS } from '../../../core/orders/order-settings.js';
import { LOST, CANCELLED } from '../../../core/orders/pipeline-machine.js';
import type { TaskRepository } from '../../../core/workcenter/ports.js';
import { OPEN_TASK_STATUSES } from '../../../core/workcenter/task.js';
import type { InboxQueries } from '../../../core/workcenter/inbox-ports.js';
import type { InboxKind, InboxRow, InboxWindow } from '../../../core/workcenter/inbox.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;
const num = (v: unknown): number => Number(v ?? 0);

/** The business types whose approvals the inbox lists as their own kind (回款办理), not as 待我审批. */
const OWN_KIND_APPROVALS = ['receipt'] as const;

export interface InboxSources {
  readonly approvals: ApprovalInstanceRepository;
  readonly accounts: AccountsQueries;
  readonly inquiries: InquiryRepository;
  readonly tasks: TaskRepository;
  readonly collectionSettings: CollectionSettingsRepository;
  readonly orderSettings: OrderSettingsRepository;
}

export class KnexInboxQueries implements InboxQueries {
  constructor(private readonly s: InboxSources) {}

  async dueSoonDays(tx: Tx, tenantId: string): Promise<number> {
    return (await this.s.collectionSettings.get(tx, tenantId))?.reminderDaysBefore ?? DEFAULT_COLLECTION_SETTINGS.reminderDaysBefore;
  }

  async stageNames(tx: Tx, tenantId: string): Promise<Record<string, string>> {
    const settings = (await this.s.orderSettings.get(tx, tenantId)) ?? DEFAULT_ORDER_SETTINGS;
    return { ...Object.fromEntries(settings.pipeline.stages.map((st) => [st.key, st.name])), [LOST]: '输单', [CANCELLED]: '已取消' };
  }

  async counts(tx: Tx, tenantId: string, userId: string, w: InboxWindow): Promise<Record<InboxKind, number>> {
    const db = sql(tx);
    const count = async (q: Knex.QueryBuilder): Promise<number> => num(((await q.count('* as n')) as Row[])[0]?.n);
    return {
      approval: await count(pendingTasks(db, tenantId, userId).whereNotIn('i.business_type', [...OWN_KIND_APPROVALS])),
      order: await count(openOrdersHandled(db, tenantId, userId)),
      follow_up: await count(db('inquiries as i')
        .where({ 'i.tenant_id': tenantId, 'i.owner_id': userId }).whereNull('i.merged_into_id').whereIn('i.lifecycle', [...LIFECYCLES])
        .andWhere('i.next_follow_up_at', '<', w.followUpsBefore)),
      receipt: await count(pendingTasks(db, tenantId, userId).where({ 'i.business_type': 'receipt', 'i.status': 'pending' })),
      instalment: await count(instalmentsDue(db, tenantId, userId, w)),
      task: await count(db('tasks as t').where({ 't.tenant_id': tenantId, 't.assignee_id': userId }).whereIn('t.status', [...OPEN_TASK_STATUSES])),
    };
  }

  async list(tx: Tx, tenantId: string, userId: string, kind: InboxKind, w: InboxWindow, page: PageRequest): Promise<Page<InboxRow>> {
    switch (kind) {
      case 'approval': {
        const p = await this.s.approvals.pendingTasksOf(tx, tenantId, userId, page, { excludeBusinessTypes: OWN_KIND_APPROVALS });
        return {
          ...p,
          items: p.items.map((r) => ({
            kind, taskId: r.taskId, instanceId: r.instanceId, businessType: r.businessType, businessId: r.businessId, flowName: r.flowName,
            nodeName: r.nodeName, submitterName: r.submitterName, openedAt: r.openedAt, dueAt: r.dueAt,
          })),
        };
      }
      case 'receipt': {
        const p = await this.s.accounts.awaitingApprover(tx, tenantId, userId, page);
        return {
          ...p,
          items: p.items.map((r) => ({
            kind, taskId: r.taskId, instanceId: r.instanceId, receiptId: r.receiptId, action: r.action, nodeName: r.nodeName, amountFen: r.amountFen,
            receivedOn: r.receivedOn, payer: r.payer, orderId: r.orderId, orderTitle: r.orderTitle, companyName: r.companyName, submitterName: r.submitterName,
            openedAt: r.openedAt,
          })),
        };
      }
      case 'follow_up': {
        const p = await this.s.inquiries.list(tx, tenantId, {
          lifecycles: LIFECYCLES, owned: true, scope: null, ownerId: userId, nextFollowUpBefore: w.followUpsBefore,
        }, 'next_follow_up', page);
        return {
          ...p,
          items: p.items.map((r) => ({
            kind, inquiryId: r.id, companyName: r.companyName, contactName: r.contactName, level: r.level, lifecycle: r.lifecycle, nextFollowUpAt: r.nextFollowUpAt,
          })),
        };
      }
      case 'task': {
        const p = await this.s.tasks.list(tx, tenantId, { userId, scope: { ownerId: userId, departmentIds: [] } }, { view: 'mine', statuses: OPEN_TASK_STATUSES }, page);
        return {
          ...p,
          items: p.items.map((t) => ({
            kind, taskId: t.id, title: t.title, priority: t.priority, status: t.status, dueAt: t.dueAt, relatedType: t.relatedType, relatedId: t.relatedId,
          })),
        };
      }
      case 'order':
        return this.orders(tx, tenantId, userId, page);
      case 'instalment':
        return this.instalments(tx, tenantId, userId, w, page);
    }
  }

  /** Open orders whose current step the person handles, the longest waiting (stage entered earliest) first. */
  private async orders(tx: Tx, tenantId: string, userId: string, page: PageRequest): Promise<Page<InboxRow>> {
    const db = sql(tx);
    const q = openOrdersHandled(db, tenantId, userId)
      .select('o.id', 'o.title', 'o.company_name', 'o.stage_key', 'o.stage_entered_at', 'o.created_at')
      .orderBy([{ column: 'o.stage_entered_at' }, { column: 'o.id' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(o.stage_entered_at, o.id) > (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows: Row[] = await q;
    const items: InboxRow[] = rows.slice(0, page.limit).map((r) => ({
      kind: 'order', orderId: r.id, title: r.title, companyName: r.company_name, stageKey: r.stage_key, stageEnteredAt: r.stage_entered_at, createdAt: r.created_at,
    }));
    const last = rows[Math.min(rows.length, page.limit) - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([(last.stage_entered_at as Date).toISOString(), last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    return { items, nextCursor, total: num(((await openOrdersHandled(db, tenantId, userId).count('* as n')) as Row[])[0]?.n) };
  }

  /** Instalments of the person's open orders not fully collected and due by the horizon, earliest due first. */
  private async instalments(tx: Tx, tenantId: string, userId: string, w: InboxWindow, page: PageRequest): Promise<Page<InboxRow>> {
    const db = sql(tx);
    const q = instalmentsDue(db, tenantId, userId, w)
      .select('ci.id', 'ci.order_id', 'ci.number', db.raw('ci.due_on::text as due_on'), 'ci.amount_fen', 'ci.collected_fen', 'o.title', 'o.company_name')
      .orderBy([{ column: 'ci.due_on' }, { column: 'ci.id' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [due, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(ci.due_on, ci.id) > (?::date, ?::uuid)', [due ?? null, id ?? null]);
    }
    const rows: Row[] = await q;
    const items: InboxRow[] = rows.slice(0, page.limit).map((r) => ({
      kind: 'instalment', instalmentId: r.id, orderId: r.order_id, number: num(r.number), dueOn: r.due_on, amountFen: num(r.amount_fen), collectedFen: num(r.collected_fen),
      orderTitle: r.title, companyName: r.company_name,
    }));
    const last = rows[Math.min(rows.length, page.limit) - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.due_on as string, last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    return { items, nextCursor, total: num(((await instalmentsDue(db, tenantId, userId, w).count('* as n')) as Row[])[0]?.n) };
  }
}

/** Approval tasks appointed to the person and still open (the partial index approval_tasks_pending). */
function pendingTasks(db: Knex, tenantId: string, userId: string): Knex.QueryBuilder {
  return db('approval_tasks as t')
    .join('approval_instances as i', (j) => j.on('i.tenant_id', 't.tenant_id').andOn('i.id', 't.instance_id'))
    .where({ 't.tenant_id': tenantId, 't.appointed_approver_id': userId, 't.status': 'pending' });
}

/** Orders the person handles that still move through the pipeline (not completed, lost or cancelled). */
function openOrdersHandled(db: Knex, tenantId: string, userId: string): Knex.QueryBuilder {
  return db('orders as o')
    .where({ 'o.tenant_id': tenantId, 'o.handler_id': userId })
    .whereNull('o.completed_at')
    .whereNotIn('o.stage_key', [LOST, CANCELLED]);
}

/** Open instalments (collection_instalments_open) of the person's uncompleted orders due by the horizon. */
function instalmentsDue(db: Knex, tenantId: string, userId: string, w: InboxWindow): Knex.QueryBuilder {
  return db('collection_instalments as ci')
    .join('orders as o', (j) => j.on('o.tenant_id', 'ci.tenant_id').andOn('o.id', 'ci.order_id'))
    .where({ 'ci.tenant_id': tenantId, 'o.owner_id': userId })
    .whereNull('o.completed_at')
    .whereRaw('ci.collected_fen < ci.amount_fen')
    .whereNotNull('ci.due_on')
    .andWhere('ci.due_on', '<=', w.dueSoonUntil);
}
