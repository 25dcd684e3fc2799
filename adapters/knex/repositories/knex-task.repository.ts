// 任务 in PostgreSQL/PGlite: tasks with their people's names, comments, and a rule's task inserted at most
// once per (rule, record, occasion) by a unique index. Lists: soonest due first, undated last, keyset pages.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { TaskListFilter, TaskRepository, TaskVisibility } from '../../../core/workcenter/ports.js';
import { OPEN_TASK_STATUSES, type Task, type TaskComment, type TaskDetail, type TaskPriority, type TaskStatus } from '../../../core/workcenter/task.js';
import { sql } from '../unit-of-work.js';
import { signalInbox } from '../inbox-signal.js';

type Row = Record<string, any>;

const toTask = (r: Row): TaskDetail => ({
  tenantId: r.tenant_id, id: r.id, title: r.title, description: r.description, assigneeId: r.assignee_id, departmentId: r.department_id,
  creatorId: r.creator_id, dueAt: r.due_at, priority: r.priority as TaskPriority, relatedType: r.related_type, relatedId: r.related_id,
  status: r.status as TaskStatus, ruleKey: r.rule_key, ruleRecord: r.rule_record, ruleOccasion: r.rule_occasion, createdAt: r.created_at,
  updatedAt: r.updated_at, completedAt: r.completed_at, version: r.version, assigneeName: r.assignee_name ?? null, creatorName: r.creator_name ?? null,
});

const toRow = (t: Task): Row => ({
  tenant_id: t.tenantId, id: t.id, title: t.title, description: t.description, assignee_id: t.assigneeId, department_id: t.departmentId,
  creator_id: t.creatorId, due_at: t.dueAt, priority: t.priority, related_type: t.relatedType, related_id: t.relatedId, status: t.status,
  rule_key: t.ruleKey, rule_record: t.ruleRecord, rule_occasion: t.ruleOccasion, created_at: t.createdAt, updated_at: t.updatedAt,
  completed_at: t.completedAt, version: t.version,
});

function withNames(db: Knex, tenantId: string): Knex.QueryBuilder {
  return db('tasks as t')
    .where('t.tenant_id', tenantId)
    .leftJoin('users as a', function () { this.on('a.tenant_id', 't.tenant_id').andOn('a.id', 't.assignee_id'); })
    .leftJoin('users as c', function () { this.on('c.tenant_id', 't.tenant_id').andOn('c.id', 't.creator_id'); })
    .select('t.*', 'a.name as assignee_name', 'c.name as creator_name');
}

export class KnexTaskRepository implements TaskRepository {
  async insert(tx: Tx, task: Task): Promise<void> {
    await sql(tx)('tasks').insert(toRow(task));
    await signalInbox(tx, task.tenantId, [task.assigneeId, task.creatorId]);
  }

  async insertRuleTask(tx: Tx, task: Task): Promise<boolean> {
    const rows = await sql(tx)('tasks').insert(toRow(task))
      .onConflict(sql(tx).raw('(tenant_id, rule_key, rule_record, rule_occasion) where rule_key is not null'))
      .ignore()
      .returning('id');
    if (rows.length === 1) await signalInbox(tx, task.tenantId, [task.assigneeId, task.creatorId]);
    return rows.length === 1;
  }

  async get(tx: Tx, tenantId: string, id: string, options: { lock?: boolean } = {}): Promise<TaskDetail | null> {
    if (options.lock) await sql(tx)('tasks').where({ tenant_id: tenantId, id }).forUpdate().first();
    const r = await withNames(sql(tx), tenantId).andWhere('t.id', id).first();
    return r ? toTask(r) : null;
  }

  async update(tx: Tx, t: Task): Promise<boolean> {
    const { tenant_id: _t, id: _i, created_at: _c, rule_key: _k, rule_record: _r, rule_occasion: _o, ...changes } = toRow(t);
    // The one it was with hears of it too (转交 takes it off their list).
    const before = await sql(tx)('tasks').where({ tenant_id: t.tenantId, id: t.id }).first('assignee_id');
    const n = await sql(tx)('tasks').where({ tenant_id: t.tenantId, id: t.id, version: t.version - 1 }).update(changes);
    if (n === 1) await signalInbox(tx, t.tenantId, [t.assigneeId, t.creatorId, before?.assignee_id]);
    return n === 1;
  }

  async list(tx: Tx, tenantId: string, visibility: TaskVisibility, filter: TaskListFilter, page: PageRequest): Promise<Page<TaskDetail>> {
    const db = sql(tx);
    const base = withNames(db, tenantId);
    base.andWhere((w) => {
      w.where('t.assignee_id', visibility.userId).orWhere('t.creator_id', visibility.userId);
      const scope = visibility.scope;
      if (scope === null) w.orWhereRaw('true');
      else {
        w.orWhere('t.assignee_id', scope.ownerId);
        if (scope.departmentIds && scope.departmentIds.length > 0) w.orWhereIn('t.department_id', [...scope.departmentIds]);
      }
    });
    if (filter.view === 'mine') base.andWhere('t.assignee_id', visibility.userId);
    if (filter.view === 'created') base.andWhere('t.creator_id', visibility.userId);
    if (filter.statuses && filter.statuses.length > 0) base.whereIn('t.status', [...filter.statuses]);
    if (filter.assigneeId) base.andWhere('t.assignee_id', filter.assigneeId);
    if (filter.dueFrom) base.andWhere('t.due_at', '>=', filter.dueFrom);
    if (filter.dueTo) base.andWhere('t.due_at', '<', filter.dueTo);
    if (filter.overdueAt) base.andWhere('t.due_at', '<', filter.overdueAt).whereIn('t.status', [...OPEN_TASK_STATUSES]);
    if (filter.relatedType) base.andWhere('t.related_type', filter.relatedType);
    if (filter.relatedId) base.andWhere('t.related_id', filter.relatedId);

    const q = base.clone().orderByRaw('t.due_at asc nulls last, t.id asc').limit(page.limit + 1);
    if (page.cursor) {
      const [due, id] = decodeCursor(page.cursor, 2);
      if (due === null) q.andWhere((w) => w.whereNull('t.due_at').andWhere('t.id', '>', id as string));
      else q.andWhere((w) => w.where('t.due_at', '>', due as string)
        .orWhere((x) => x.where('t.due_at', '=', due as string).andWhere('t.id', '>', id as string))
        .orWhereNull('t.due_at'));
    }
    const rows = await q;
    const items = rows.slice(0, page.limit).map(toTask);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.dueAt?.toISOString() ?? null, last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const [c] = await base.clone().clearSelect().clearOrder().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c?.count ?? 0) };
  }

  async insertComment(tx: Tx, c: TaskComment): Promise<void> {
    await sql(tx)('task_comments').insert({ tenant_id: c.tenantId, id: c.id, task_id: c.taskId, author_id: c.authorId, body: c.body, created_at: c.createdAt });
  }

  async listComments(tx: Tx, tenantId: string, taskId: string): Promise<TaskComment[]> {
    const rows = await sql(tx)('task_comments as k')
      .leftJoin('users as u', function () { this.on('u.tenant_id', 'k.tenant_id').andOn('u.id', 'k.author_id'); })
      .where({ 'k.tenant_id': tenantId, 'k.task_id': taskId })
      .orderBy([{ column: 'k.created_at' }, { column: 'k.id' }])
      .select('k.*', 'u.name as author_name');
    return rows.map((r: Row) => ({ tenantId: r.tenant_id, id: r.id, taskId: r.task_id, authorId: r.author_id, authorName: r.author_name ?? null, body: r.body, createdAt: r.created_at }));
  }
}
