// Approval instances in PostgreSQL/PGlite: the header and engine state in approval_instances, the tasks as
// rows in approval_tasks (upserted by id: tasks are only ever added or changed, never removed). Every query
// names the tenant except the scheduler's scan, which crosses tenants by design.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { BusinessType, FlowDefinition } from '../../../core/approvals/flow-definition.js';
import type { AppliedRequest, ApprovalInstance, ApprovalTask } from '../../../core/approvals/instance.js';
import type {
  ApprovalInstanceRepository, DecidedTaskRow, DueInstanceRef, InstanceSummary, PendingTaskRow, SubmittedFilter,
} from '../../../core/approvals/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

/** The task states that are a person's own decision (已办). */
const DECIDED_STATUSES = ['approved', 'rejected', 'transferred'] as const;

interface StoredState {
  readonly flow: FlowDefinition;
  readonly nodeApplies: boolean[];
  readonly chosenApprovers: Record<string, string[]>;
  readonly activations: number;
  readonly appliedRequests: (Omit<AppliedRequest, 'at'> & { at: string })[];
}

function stateOf(i: ApprovalInstance): StoredState {
  return {
    flow: i.flow as FlowDefinition,
    nodeApplies: [...i.nodeApplies],
    chosenApprovers: Object.fromEntries(Object.entries(i.chosenApprovers).map(([k, v]) => [k, [...v]])),
    activations: i.activations,
    appliedRequests: i.appliedRequests.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

function header(i: ApprovalInstance, nextTimerAt: Date | null): Row {
  const node = i.currentNodeIndex === null ? undefined : i.flow.nodes[i.currentNodeIndex];
  return {
    status: i.status, current_node_index: i.currentNodeIndex, current_node_name: node?.name ?? null, state: JSON.stringify(stateOf(i)),
    next_timer_at: nextTimerAt, ended_at: i.endedAt, version: i.version,
  };
}

function taskRow(i: ApprovalInstance, t: ApprovalTask, seq: number): Row {
  return {
    tenant_id: i.tenantId, id: t.id, instance_id: i.id, seq, node_key: t.nodeKey, node_name: t.nodeName, node_index: t.nodeIndex,
    activation: t.activation, position: t.order, appointed_approver_id: t.appointedApproverId, actual_approver_id: t.actualApproverId,
    status: t.status, on_behalf: t.onBehalf, automatic: t.automatic, reason: t.reason, opinion: t.opinion, created_at: t.createdAt,
    opened_at: t.openedAt, due_at: t.dueAt, reminded_at: t.remindedAt, timed_out_at: t.timedOutAt, decided_at: t.decidedAt,
    transferred_from_task_id: t.transferredFromTaskId, transferred_to_user_id: t.transferredToUserId, request_id: t.requestId,
  };
}

const toTask = (r: Row): ApprovalTask => ({
  id: r.id, nodeKey: r.node_key, nodeName: r.node_name, nodeIndex: r.node_index, activation: r.activation, order: r.position,
  appointedApproverId: r.appointed_approver_id, actualApproverId: r.actual_approver_id, status: r.status, onBehalf: r.on_behalf,
  automatic: r.automatic, reason: r.reason, opinion: r.opinion, createdAt: r.created_at, openedAt: r.opened_at, dueAt: r.due_at,
  remindedAt: r.reminded_at, timedOutAt: r.timed_out_at, decidedAt: r.decided_at, transferredFromTaskId: r.transferred_from_task_id,
  transferredToUserId: r.transferred_to_user_id, requestId: r.request_id,
});

function toInstance(r: Row, tasks: Row[]): ApprovalInstance {
  const s = r.state as StoredState;
  return {
    id: r.id, tenantId: r.tenant_id, businessType: r.business_type, businessId: r.business_id, flow: s.flow, submitterId: r.submitter_id,
    status: r.status, currentNodeIndex: r.current_node_index, nodeApplies: s.nodeApplies, chosenApprovers: s.chosenApprovers,
    activations: s.activations, tasks: tasks.map(toTask), version: r.version, submittedAt: r.submitted_at, endedAt: r.ended_at,
    appliedRequests: s.appliedRequests.map((a) => ({ ...a, at: new Date(a.at) })),
  };
}

const toSummary = (r: Row): InstanceSummary => ({
  id: r.id, businessType: r.business_type, businessId: r.business_id, flowId: r.flow_id, flowName: r.flow_name, flowVersion: r.flow_version,
  submitterId: r.submitter_id, submitterName: r.submitter_name ?? null, status: r.status, currentNodeName: r.current_node_name,
  submittedAt: r.submitted_at, endedAt: r.ended_at, version: r.version,
});

function summaries(db: Knex, tenantId: string): Knex.QueryBuilder {
  return db('approval_instances as i')
    .leftJoin('users as u', (j) => j.on('u.tenant_id', 'i.tenant_id').andOn('u.id', 'i.submitter_id'))
    .where('i.tenant_id', tenantId)
    .select('i.id', 'i.business_type', 'i.business_id', 'i.flow_id', 'i.flow_name', 'i.flow_version', 'i.submitter_id', 'u.name as submitter_name',
      'i.status', 'i.current_node_name', 'i.submitted_at', 'i.ended_at', 'i.version');
}

export class KnexApprovalInstanceRepository implements ApprovalInstanceRepository {
  async insert(tx: Tx, i: ApprovalInstance, nextTimerAt: Date | null, submitRequestId: string | null): Promise<boolean> {
    const db = sql(tx);
    // ON CONFLICT DO NOTHING (one pending instance per record, one per submit request): a lost race must
    // not abort the caller's transaction, which still answers with the winner.
    const rows = await db('approval_instances')
      .insert({
        tenant_id: i.tenantId, id: i.id, business_type: i.businessType, business_id: i.businessId, flow_id: i.flow.id, flow_version: i.flow.version,
        flow_name: i.flow.name, submitter_id: i.submitterId, submit_request_id: submitRequestId, submitted_at: i.submittedAt, ...header(i, nextTimerAt),
      })
      .onConflict()
      .ignore()
      .returning('id');
    if (rows.length === 0) return false;
    await this.saveTasks(db, i);
    return true;
  }

  private async saveTasks(db: Knex, i: ApprovalInstance): Promise<void> {
    if (i.tasks.length === 0) return;
    await db('approval_tasks').insert(i.tasks.map((t, seq) => taskRow(i, t, seq))).onConflict(['tenant_id', 'id']).merge();
  }

  private async load(db: Knex, r: Row | undefined): Promise<ApprovalInstance | null> {
    if (!r) return null;
    const tasks = await db('approval_tasks').where({ tenant_id: r.tenant_id, instance_id: r.id }).orderBy('seq');
    return toInstance(r, tasks);
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<ApprovalInstance | null> {
    const db = sql(tx);
    return this.load(db, await db('approval_instances').where({ tenant_id: tenantId, id }).first());
  }

  async getForUpdate(tx: Tx, tenantId: string, id: string): Promise<ApprovalInstance | null> {
    const db = sql(tx);
    return this.load(db, await db('approval_instances').where({ tenant_id: tenantId, id }).forUpdate().first());
  }

  async update(tx: Tx, i: ApprovalInstance, nextTimerAt: Date | null): Promise<boolean> {
    const db = sql(tx);
    const n = await db('approval_instances').where({ tenant_id: i.tenantId, id: i.id, version: i.version - 1 }).update(header(i, nextTimerAt));
    if (n !== 1) return false;
    await this.saveTasks(db, i);
    return true;
  }

  async findBySubmitRequest(tx: Tx, tenantId: string, submitterId: string, requestId: string): Promise<ApprovalInstance | null> {
    const db = sql(tx);
    return this.load(db, await db('approval_instances').where({ tenant_id: tenantId, submitter_id: submitterId, submit_request_id: requestId }).first());
  }

  async listForBusiness(tx: Tx, tenantId: string, businessType: BusinessType, businessId: string): Promise<InstanceSummary[]> {
    const rows = await summaries(sql(tx), tenantId)
      .andWhere({ 'i.business_type': businessType, 'i.business_id': businessId })
      .orderBy([{ column: 'i.submitted_at', order: 'desc' }, { column: 'i.id', order: 'desc' }]);
    return rows.map(toSummary);
  }

  async listSubmittedBy(tx: Tx, tenantId: string, submitterId: string, filter: SubmittedFilter, page: PageRequest): Promise<Page<InstanceSummary>> {
    const base = (): Knex.QueryBuilder => {
      const q = summaries(sql(tx), tenantId).andWhere('i.submitter_id', submitterId);
      if (filter.status) q.andWhere('i.status', filter.status);
      if (filter.businessType) q.andWhere('i.business_type', filter.businessType);
      return q;
    };
    const q = base().orderBy([{ column: 'i.submitted_at', order: 'desc' }, { column: 'i.id', order: 'desc' }]).limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(i.submitted_at, i.id) < (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows = await q;
    const items = rows.slice(0, page.limit).map(toSummary);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.submittedAt.toISOString(), last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const c = await base().clearSelect().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c[0]?.count ?? 0) };
  }

  async pendingTasksOf(tx: Tx, tenantId: string, userId: string, page: PageRequest, filter: { readonly excludeBusinessTypes?: readonly BusinessType[] } = {}): Promise<Page<PendingTaskRow>> {
    const excluded = filter.excludeBusinessTypes ?? [];
    const base = (): Knex.QueryBuilder => sql(tx)('approval_tasks as t')
      .join('approval_instances as i', (j) => j.on('i.tenant_id', 't.tenant_id').andOn('i.id', 't.instance_id'))
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'i.tenant_id').andOn('u.id', 'i.submitter_id'))
      .where({ 't.tenant_id': tenantId, 't.appointed_approver_id': userId, 't.status': 'pending' })
      .modify((q) => { if (excluded.length > 0) q.whereNotIn('i.business_type', [...excluded]); });
    const q = base()
      .select('t.id as task_id', 't.instance_id', 'i.business_type', 'i.business_id', 'i.flow_name', 't.node_name', 't.node_index', 'i.submitter_id',
        'u.name as submitter_name', 'i.submitted_at', 't.opened_at', 't.due_at', 't.transferred_from_task_id')
      .orderBy([{ column: 't.opened_at' }, { column: 't.id' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(t.opened_at, t.id) > (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows = await q;
    const items: PendingTaskRow[] = rows.slice(0, page.limit).map((r: Row) => ({
      taskId: r.task_id, instanceId: r.instance_id, businessType: r.business_type, businessId: r.business_id, flowName: r.flow_name,
      nodeName: r.node_name, nodeIndex: r.node_index, submitterId: r.submitter_id, submitterName: r.submitter_name ?? null,
      submittedAt: r.submitted_at, openedAt: r.opened_at, dueAt: r.due_at, transferred: r.transferred_from_task_id !== null,
    }));
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.taskId]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const c = await base().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c[0]?.count ?? 0) };
  }

  async decidedTasksOf(tx: Tx, tenantId: string, userId: string, page: PageRequest): Promise<Page<DecidedTaskRow>> {
    // Only what a person did: the system's settlements (automatic) and tasks closed by others' decisions are not theirs.
    const base = (): Knex.QueryBuilder => sql(tx)('approval_tasks as t')
      .join('approval_instances as i', (j) => j.on('i.tenant_id', 't.tenant_id').andOn('i.id', 't.instance_id'))
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'i.tenant_id').andOn('u.id', 'i.submitter_id'))
      .where({ 't.tenant_id': tenantId, 't.actual_approver_id': userId, 't.automatic': false })
      .whereIn('t.status', [...DECIDED_STATUSES])
      .whereNotNull('t.decided_at');
    const q = base()
      .select('t.id as task_id', 't.instance_id', 'i.business_type', 'i.business_id', 'i.flow_name', 't.node_name', 't.node_index', 'i.submitter_id',
        'u.name as submitter_name', 'i.submitted_at', 't.status', 't.decided_at', 't.opinion', 't.on_behalf', 'i.status as instance_status')
      .orderBy([{ column: 't.decided_at', order: 'desc' }, { column: 't.id', order: 'desc' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(t.decided_at, t.id) < (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows = await q;
    const items: DecidedTaskRow[] = rows.slice(0, page.limit).map((r: Row) => ({
      taskId: r.task_id, instanceId: r.instance_id, businessType: r.business_type, businessId: r.business_id, flowName: r.flow_name,
      nodeName: r.node_name, nodeIndex: r.node_index, submitterId: r.submitter_id, submitterName: r.submitter_name ?? null,
      submittedAt: r.submitted_at, status: r.status, decidedAt: r.decided_at, opinion: r.opinion ?? null, onBehalf: r.on_behalf, instanceStatus: r.instance_status,
    }));
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.decidedAt.toISOString(), last.taskId]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const c = await base().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c[0]?.count ?? 0) };
  }

  async dueTimers(tx: Tx, now: Date, limit: number): Promise<DueInstanceRef[]> {
    const rows = await sql(tx)('approval_instances')
      .where('status', 'pending')
      .andWhere('next_timer_at', '<=', now)
      .orderBy('next_timer_at')
      .limit(limit)
      .select('tenant_id', 'id');
    return rows.map((r: Row) => ({ tenantId: r.tenant_id, id: r.id }));
  }

  async claimDue(tx: Tx, tenantId: string, id: string, now: Date): Promise<ApprovalInstance | null> {
    const db = sql(tx);
    const r = await db('approval_instances')
      .where({ tenant_id: tenantId, id, status: 'pending' })
      .andWhere('next_timer_at', '<=', now)
      .forUpdate()
      .skipLocked()
      .first();
    return this.load(db, r);
  }

  async setTimer(tx: Tx, tenantId: string, id: string, at: Date | null): Promise<void> {
    await sql(tx)('approval_instances').where({ tenant_id: tenantId, id }).update({ next_timer_at: at });
  }
}
